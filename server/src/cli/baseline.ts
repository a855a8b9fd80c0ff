// Baseline files for the CLI: reads `--baseline FILE` and writes `--write-baseline FILE`.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BaselineError, createBaseline, parseBaseline, serializeBaseline, type Baseline } from '../engine/baseline';
import type { Finding } from '../engine';

export { BaselineError };

/** Reads and validates a baseline file; throws BaselineError with a message naming the file. */
export async function readBaselineFile(file: string, shownAs = file): Promise<Baseline> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BaselineError(code === 'ENOENT'
      ? `baseline file not found: ${shownAs} (create it with --write-baseline ${shownAs})`
      : `cannot read baseline ${shownAs}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return parseBaseline(text);
  } catch (e) {
    if (e instanceof BaselineError) throw new BaselineError(`bad baseline ${shownAs}: ${e.message}`);
    throw e;
  }
}

/** Writes the baseline of `findings`; resolves to the number of entries. Write errors propagate. */
export async function writeBaselineFile(file: string, findings: readonly Finding[]): Promise<number> {
  const baseline = createBaseline(findings);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, serializeBaseline(baseline), 'utf8');
  return baseline.findings.length;
}
