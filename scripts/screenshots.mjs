// `npm run screenshots`: copies the README's screenshots from the browser test's output (test/e2e/screenshots/,
// git-ignored) into images/. Runs `npm run test:browser` first when a shot is missing, or always with --fresh.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(root, 'test', 'e2e', 'screenshots');

/** Browser-test shot -> README image. */
const PICKS = {
  '04-quick-fix.png': 'screenshot-quick-fix.png',
  '06-audit.png': 'screenshot-audit.png',
};

const missing = () => Object.keys(PICKS).filter((f) => !existsSync(join(shots, f)));
if (process.argv.includes('--fresh') || missing().length > 0) {
  console.log('screenshots: running the browser test to take them');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/browser.ts'], { cwd: root, stdio: 'inherit', timeout: 15 * 60_000 });
  if (run.status !== 0) {
    console.error('screenshots: the browser test failed; images/ left as it was');
    process.exit(1);
  }
}
if (missing().length > 0) {
  console.error(`screenshots: not taken: ${missing().join(', ')}`);
  process.exit(1);
}
for (const [from, to] of Object.entries(PICKS)) {
  const dest = join(root, 'images', to);
  copyFileSync(join(shots, from), dest);
  console.log(`screenshots: ${relative(root, dest)} (${(statSync(dest).size / 1024).toFixed(0)} KB)`);
}
