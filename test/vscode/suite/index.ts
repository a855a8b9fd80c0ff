// Extension test entry (the `run()` that @vscode/test-electron and code-server's --extensionTestsPath call): runs the mocha suite in the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: TestRecord[];
  /** Numbers the tests measured (activation time, time to first diagnostic). */
  metrics: Record<string, number | boolean>;
  vscodeVersion: string;
  durationMs: number;
}

/** Shared with the tests so they can report measurements. */
export const metrics: Record<string, number | boolean> = {};
(globalThis as { wardenMetrics?: typeof metrics }).wardenMetrics = metrics;

/**
 * The runner learns the outcome from a JSON file, not from the process exit code: code-server keeps running
 * after the tests. The path comes from WARDEN_E2E_RESULT, else it sits next to the workspace folder.
 */
function resultPath(): string | undefined {
  if (process.env.WARDEN_E2E_RESULT) return process.env.WARDEN_E2E_RESULT;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return folder ? path.join(path.dirname(folder), 'vscode-suite-result.json') : undefined;
}

function writeResult(result: SuiteResult): void {
  const file = resultPath();
  if (!file) return;
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file);
}

export function run(): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.suite.js')).sort()) mocha.addFile(path.join(dir, f));

  const tests: TestRecord[] = [];
  const record = (t: Mocha.Test, state: TestRecord['state'], err?: Error): void => {
    tests.push({ title: t.fullTitle(), state, durationMs: t.duration ?? 0, ...(err ? { error: err.stack ?? err.message } : {}) });
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const count = (s: TestRecord['state']): number => tests.filter((t) => t.state === s).length;
        writeResult({
          passed: count('passed'), failed: count('failed'), pending: count('pending'), tests, metrics,
          vscodeVersion: vscode.version, durationMs: Date.now() - started,
        });
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => record(t, 'passed'));
      runner.on('fail', (t, err: Error) => {
        // Hook failures ("before all" hook) arrive as fails of the hook, not of a test: count them too.
        if (t.type === 'test') record(t as Mocha.Test, 'failed', err);
        else tests.push({ title: t.fullTitle(), state: 'failed', durationMs: 0, error: err.stack ?? err.message });
      });
      runner.on('pending', (t) => record(t, 'pending'));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      writeResult({ passed: 0, failed: 1, pending: 0, tests: [{ title: 'loading the suite', state: 'failed', durationMs: 0, error: err.stack ?? err.message }], metrics, vscodeVersion: vscode.version, durationMs: Date.now() - started });
      reject(err);
    }
  });
}
