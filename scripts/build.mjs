// Bundles the client, the language server and the CLI into dist/ with esbuild.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['vscode'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

// The tree-sitter runtime and the grammars the engine parses with, loaded next to the bundles (see host-node.ts).
const WASM_FILES = ['tree-sitter.wasm', ...['python', 'go', 'java', 'php', 'ruby'].map((g) => `tree-sitter-${g}.wasm`)];
const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
mkdirSync('dist', { recursive: true });
for (const f of WASM_FILES) copyFileSync(join(wasmDir, f), join('dist', f));

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
