// `warden hook install|uninstall|status`: prints what server/src/hooks.ts did and maps its errors to exit codes.
import * as path from 'node:path';
import { HookError, hookStatus, installHook, uninstallHook, type HookLocation } from '../hooks';
import type { HookArgs } from './args';

export interface HookIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Environment of the git processes (tests). Default process.env. */
  env?: NodeJS.ProcessEnv;
}

const KIND: Record<HookLocation['target'], string> = {
  git: 'git hook',
  husky: 'husky hook',
  'pre-commit': 'pre-commit framework hook',
};

function describe(root: string, loc: HookLocation): string {
  const r = path.relative(root, loc.file);
  const shown = r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : loc.file;
  return `${KIND[loc.target]} in ${shown}`;
}

/** Exit 0 when done or nothing to do; 2 outside a git repository, without git, or when a file cannot be edited safely. */
export async function runHook(args: HookArgs, io: HookIO): Promise<number> {
  const folder = path.resolve(io.cwd, args.folder ?? '.');
  const options = { target: args.target, env: io.env as NodeJS.ProcessEnv | undefined };
  try {
    switch (args.action) {
      case 'install': {
        const r = await installHook(folder, options);
        io.stdout(`warden: ${r.message}\n`);
        for (const n of r.notes) io.stdout(`note: ${n}\n`);
        return 0;
      }
      case 'uninstall': {
        const r = await uninstallHook(folder, options);
        io.stdout(`${r.message.split('\n').map((m) => `warden: ${m}`).join('\n')}\n`);
        return 0;
      }
      case 'status': {
        const s = await hookStatus(folder, options);
        const lines = [`repository: ${s.root}`];
        if (s.installed.length) for (const loc of s.installed) lines.push(`installed: ${describe(s.root, loc)}`);
        else lines.push(`installed: no (warden hook install would add a ${describe(s.root, s.target)})`);
        for (const n of s.notes) lines.push(`note: ${n}`);
        io.stdout(lines.join('\n') + '\n');
        return 0;
      }
    }
  } catch (e) {
    if (!(e instanceof HookError)) throw e;
    io.stderr(`warden: ${e.message}\n`);
    return 2;
  }
}
