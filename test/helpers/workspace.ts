// Temporary workspaces and real git repositories for tests that touch the disk.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The environment for git child processes, without variables a surrounding git hook may have set. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  delete env.GIT_INDEX_FILE;
  return env;
}

export function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: gitEnv(), stdio: 'pipe' });
}

/** `git init` with a local identity, so commits work on a machine without a global git config. */
export function initRepo(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'config', 'user.name', 'Warden Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

/** Writes one file (creating its folders), or several from a map of relative paths. */
export function write(root: string, rel: string, content: string | Buffer): void;
export function write(root: string, files: Record<string, string>): void;
export function write(root: string, relOrFiles: string | Record<string, string>, content?: string | Buffer): void {
  const files: Record<string, string | Buffer> = typeof relOrFiles === 'string' ? { [relOrFiles]: content ?? '' } : relOrFiles;
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}
