// `npm run package`: builds warden-<version>.vsix with vsce and checks it holds only the allowlisted files, under 3 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 3 * 1024 * 1024;

/** Paths inside the vsix's `extension/` folder that may ship (vsce lower-cases some names, hence the flags). */
const ALLOWED = [
  /^dist\/client\.js$/,
  /^dist\/server\.js$/,
  /^dist\/tree-sitter(-(python|go|java|php|ruby))?\.wasm$/,
  /^package\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^license(\.txt)?$/i,
  /^images\/icon\.png$/,
  /^syntaxes\/[^/]+\.tmLanguage\.json$/,
  /^language-configuration\/[^/]+\.json$/,
];
/** vsce's own packaging metadata at the root of the zip. */
const META = new Set(['extension.vsixmanifest', '[Content_Types].xml']);
const REQUIRED = ['dist/client.js', 'dist/server.js', 'package.json', 'images/icon.png'];
/**
 * vsce scans the package with secretlint. The bundles carry the provider rules' placeholder and false-positive samples
 * (e.g. `xoxb-your-bot-token`), which its Slack rule flags; only these secretlint rule ids are let through, so any
 * other finding still stops the package. Keeping `samples` out of the production bundle would make this list empty.
 */
const ALLOWED_SECRET_KINDS = ['slack'];

/** Lists the entries of a zip file from its central directory (no zip64: a vsix over 4 GB is not a concern here). */
export function zipEntries(buf) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 64 KiB.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`corrupt central directory at byte ${p}`);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (!existsSync(join(root, 'README.md'))) fail('README.md is missing: vsce needs it');
  const out = `${manifest.name}-${manifest.version}.vsix`;

  // vsce runs `vscode:prepublish` (the production build) itself before packing.
  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-package-secrets', ...ALLOWED_SECRET_KINDS, '--out', out], { cwd: root, stdio: 'inherit' });
  if (run.error) fail(`could not run vsce: ${run.error.message}`);
  if (run.status !== 0) fail(`vsce package exited with ${run.status ?? run.signal}`);

  const vsix = join(root, out);
  const size = statSync(vsix).size;
  const entries = zipEntries(readFileSync(vsix));
  console.log(`\n${out}: ${kb(size)}, ${entries.length} entries`);
  for (const e of entries) console.log(`  ${e.name.padEnd(52)} ${kb(e.size).padStart(10)}`);

  const shipped = [];
  const unexpected = [];
  for (const e of entries) {
    if (META.has(e.name)) continue;
    const rel = e.name.startsWith('extension/') ? e.name.slice('extension/'.length) : undefined;
    if (rel !== undefined && ALLOWED.some((re) => re.test(rel))) shipped.push(rel);
    else unexpected.push(e.name);
  }
  const problems = [];
  if (unexpected.length) problems.push(`files outside the allowlist (fix .vscodeignore): ${unexpected.join(', ')}`);
  const missing = REQUIRED.filter((f) => !shipped.includes(f));
  if (missing.length) problems.push(`required files missing: ${missing.join(', ')}`);
  if (size > MAX_BYTES) problems.push(`${kb(size)} is over the ${kb(MAX_BYTES)} limit`);
  if (problems.length) fail(problems.join('\n         '));
  console.log(`package: ok (${out})`);
}

main();
