// Baselines: accepted findings as rule + path + fingerprint (never a value or a line), parsed, written and applied.
import type { Finding } from './types';

/** Where the editor looks when `warden.baseline` is not set, relative to the workspace folder. */
export const DEFAULT_BASELINE_PATH = '.warden-baseline.json';

export interface BaselineEntry {
  ruleId: string;
  /** Workspace-relative posix path. */
  path: string;
  /** `Finding.fingerprint`: a hash of rule, path and matched text, so moved lines stay baselined. */
  fingerprint: string;
}

/** The file format, version 1. */
export interface Baseline {
  version: 1;
  tool: 'warden';
  /** Sorted by path, rule and fingerprint; one entry per fingerprint. */
  findings: BaselineEntry[];
}

/** A baseline file that cannot be used; the message says what is wrong, for the user. */
export class BaselineError extends Error {}

function compare(a: BaselineEntry, b: BaselineEntry): number {
  const by = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return by(a.path, b.path) || by(a.ruleId, b.ruleId) || by(a.fingerprint, b.fingerprint);
}

/** The baseline accepting `findings`, deduplicated and sorted so rewriting it gives the same bytes. */
export function createBaseline(findings: readonly Pick<Finding, 'ruleId' | 'path' | 'fingerprint'>[]): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const f of findings) byFingerprint.set(f.fingerprint, { ruleId: f.ruleId, path: f.path, fingerprint: f.fingerprint });
  return { version: 1, tool: 'warden', findings: [...byFingerprint.values()].sort(compare) };
}

/** Two-space JSON with a final newline and a fixed key order, for small diffs in code review. */
export function serializeBaseline(baseline: Baseline): string {
  const findings = baseline.findings.map((f) => ({ ruleId: f.ruleId, path: f.path, fingerprint: f.fingerprint }));
  return JSON.stringify({ version: baseline.version, tool: baseline.tool, findings }, null, 2) + '\n';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FIELDS = ['ruleId', 'path', 'fingerprint'] as const;

/** Reads a baseline file's text; throws BaselineError naming the first problem. */
export function parseBaseline(text: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BaselineError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(raw)) throw new BaselineError('expected a JSON object with "version", "tool" and "findings"');
  if (raw.version !== 1) throw new BaselineError(`unsupported version ${JSON.stringify(raw.version)} (expected 1)`);
  if (raw.tool !== undefined && raw.tool !== 'warden') throw new BaselineError(`written by ${JSON.stringify(raw.tool)}, not warden`);
  if (!Array.isArray(raw.findings)) throw new BaselineError('"findings" must be an array');
  const findings: BaselineEntry[] = [];
  raw.findings.forEach((f: unknown, i: number) => {
    if (!isRecord(f)) throw new BaselineError(`findings[${i}] must be an object`);
    for (const k of FIELDS) {
      if (typeof f[k] !== 'string' || f[k] === '') throw new BaselineError(`findings[${i}].${k} must be a non-empty string`);
    }
    findings.push({ ruleId: f.ruleId as string, path: f.path as string, fingerprint: f.fingerprint as string });
  });
  return { version: 1, tool: 'warden', findings };
}

/** The fingerprints a baseline accepts, for repeated lookups. */
export function baselineFingerprints(baseline: Baseline): ReadonlySet<string> {
  return new Set(baseline.findings.map((f) => f.fingerprint));
}

/**
 * Splits findings into those still reported and the count the baseline accepted. The fingerprint already
 * covers rule and path, so it alone decides.
 */
export function filterBaselined<T extends Pick<Finding, 'fingerprint'>>(
  findings: readonly T[],
  baseline: Baseline | ReadonlySet<string> | undefined,
): { findings: T[]; baselined: number } {
  if (!baseline) return { findings: [...findings], baselined: 0 };
  const accepted = baseline instanceof Set ? baseline : baselineFingerprints(baseline as Baseline);
  const kept = findings.filter((f) => !accepted.has(f.fingerprint));
  return { findings: kept, baselined: findings.length - kept.length };
}

/**
 * The editor's view of each workspace's baseline file: read through the host once, kept until `clear()` (the
 * server clears it when watched files or settings change). A missing file means no baseline; a bad one is
 * logged once and ignored, so a typo never hides or floods diagnostics.
 */
export class BaselineCache {
  private readonly cache = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  private readonly logged = new Set<string>();

  constructor(private readonly log: (msg: string) => void = () => undefined) {}

  /** `key` names the workspace folder; `relPath` is the baseline's path in it. */
  get(key: string, relPath: string, readFile: (relPath: string) => Promise<string | undefined>): Promise<ReadonlySet<string> | undefined> {
    const k = `${key}\u0000${relPath}`;
    let p = this.cache.get(k);
    if (!p) {
      p = this.load(relPath, readFile);
      this.cache.set(k, p);
    }
    return p;
  }

  clear(): void {
    this.cache.clear();
    this.logged.clear();
  }

  private async load(relPath: string, readFile: (relPath: string) => Promise<string | undefined>): Promise<ReadonlySet<string> | undefined> {
    let text: string | undefined;
    try {
      text = await readFile(relPath);
    } catch {
      text = undefined;
    }
    if (text === undefined) return undefined;
    try {
      return baselineFingerprints(parseBaseline(text));
    } catch (e) {
      const msg = `baseline ${relPath} ignored: ${e instanceof Error ? e.message : String(e)}`;
      if (!this.logged.has(msg)) {
        this.logged.add(msg);
        this.log(msg);
      }
      return undefined;
    }
  }
}
