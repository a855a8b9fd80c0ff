// Applies a fix's file changes to in-memory texts (used by the CLI, tests and SARIF export).
import { applyEdits } from './text';
import type { Fix } from './types';

/**
 * Returns the new text of every file the fix touches. `read` gives the current text, or
 * undefined when the file does not exist (only allowed for changes marked `create`).
 */
export function applyFix(fix: Fix, read: (path: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const change of fix.changes) {
    const current = out.get(change.path) ?? read(change.path);
    if (current === undefined && !change.create) throw new Error(`fix edits missing file ${change.path}`);
    out.set(change.path, applyEdits(current ?? '', change.edits));
  }
  return out;
}
