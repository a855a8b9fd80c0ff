// Draws images/icon.png (a 128x128 shield with a keyhole) with node:zlib only, so the icon is reproducible.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
// Samples per pixel side: 4x4 coverage is enough for smooth edges at this size.
const SS = 4;

const CX = SIZE / 2;

/** Shield of half-width `w`, top edge at `top` (corners) and tip at `tip`; true when (x, y) is inside. */
function shield(x, y, w, top, tip) {
  const dx = Math.abs(x - CX);
  if (dx > w) return false;
  const u = dx / w;
  // The top edge dips a little towards the middle, like a heater shield.
  const edge = top + 5 * (1 - u * u);
  if (y < edge) return false;
  const shoulder = top + (tip - top) * 0.42;
  if (y <= shoulder) return true;
  const t = (y - shoulder) / (tip - shoulder);
  if (t > 1) return false;
  // Sides curve in to a point: the half-width shrinks along a quarter ellipse that ends in a cusp.
  const half = w * Math.pow(1 - Math.pow(t, 1.7), 0.85);
  return dx <= half;
}

function keyhole(x, y) {
  const hx = CX;
  const hy = 56;
  if ((x - hx) ** 2 + (y - hy) ** 2 <= 12.5 ** 2) return true;
  if (y < hy || y > 88) return false;
  const t = (y - hy) / (88 - hy);
  return Math.abs(x - hx) <= 5 + 4 * t;
}

const layers = [
  // [inside(x, y), colour(x, y)] painted in order.
  [(x, y) => shield(x, y, 54, 8, 122), () => [22, 44, 78]],
  [
    (x, y) => shield(x, y, 46.5, 15.5, 111),
    (_x, y) => {
      // Vertical gradient: brighter at the top, as if lit from above.
      const t = Math.min(1, Math.max(0, (y - 16) / 96));
      return [Math.round(46 + (24 - 46) * t), Math.round(160 + (112 - 160) * t), Math.round(196 + (164 - 196) * t)];
    },
  ],
  // The left half of the face is slightly lighter: a cheap bevel that reads as a shield at 16px too.
  [(x, y) => x < CX && shield(x, y, 46.5, 15.5, 111), () => [255, 255, 255], 0.1],
  [keyhole, () => [250, 252, 255]],
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (const [inside, colour, opacity = 1] of layers) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (inside(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hits++;
        }
      }
      if (hits === 0) continue;
      const cov = (hits / (SS * SS)) * opacity;
      const [cr, cg, cb] = colour(px + 0.5, py + 0.5);
      // Premultiplied "over" compositing.
      r = cr * cov + r * (1 - cov);
      g = cg * cov + g * (1 - cov);
      b = cb * cov + b * (1 - cov);
      a = cov + a * (1 - cov);
    }
    const i = (py * SIZE + px) * 4;
    rgba[i] = a > 0 ? Math.round(r / a) : 0;
    rgba[i + 1] = a > 0 ? Math.round(g / a) : 0;
    rgba[i + 2] = a > 0 ? Math.round(b / a) : 0;
    rgba[i + 3] = Math.round(a * 255);
  }
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
// compression, filter and interlace methods stay 0.

// Each scanline starts with its filter type; 0 (none) keeps the writer trivial and deflate copes.
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
