// Runs the registered rules over one file: picks rules, isolates crashes, applies settings and suppressions, sorts.
import type { Host } from './host';
import { detectLanguage } from './languages/detect';
import { allRules } from './registry';
import type { Rule, RuleContext } from './rule';
import { isSuppressed, suppressionFix } from './suppression';
import { format, hash, LineIndex } from './text';
import type { FileInput, Finding, Report, RuleLevel, Severity } from './types';

export interface CheckOptions {
  /** Per-rule level from settings; `off` disables a rule. */
  rules?: Record<string, RuleLevel>;
  /** Files larger than this many characters are skipped with a notice. Default 1,000,000. */
  maxFileSize?: number;
  /** Set `cancelled` to stop between rules. */
  token?: { readonly cancelled: boolean };
  /** Rules to run instead of the registry (tests). */
  ruleSet?: readonly Rule[];
  /** Findings in test, fixture and example paths: keep their severity, lower it one level, or drop them. Default `same`. */
  testPaths?: TestPathMode;
  /** Check minified bundles and source maps too. Default false. */
  includeMinified?: boolean;
}

export type TestPathMode = 'same' | 'lower' | 'off';

export interface CheckResult {
  findings: Finding[];
  /** Why the file was not checked (binary, too large), for a one-time message. */
  skipped?: string;
  /** Rules that threw; the others still ran. */
  errors: { ruleId: string; message: string }[];
}

export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

/** Why a text should not be checked, or undefined when it is fine; `file.path` enables the minified-bundle check. */
export function skipReason(text: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, file?: { path: string; includeMinified?: boolean }): string | undefined {
  if (text.length > maxFileSize) return `file is larger than ${Math.round(maxFileSize / 1000)} kB; not checked (raise warden.maxFileSize to check it)`;
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.includes('\u0000')) return 'binary file; not checked';
  if (file && !file.includeMinified) {
    const why = minifiedReason(file.path, text);
    if (why) return `${why}; not checked (set warden.includeMinified or pass --include-minified to check it)`;
  }
  return undefined;
}

/** Generated web assets: built from sources that are checked themselves, and slow and noisy to scan. */
const MINIFIED_NAME = /\.(?:min\.(?:js|mjs|cjs|css)|bundle\.(?:js|mjs|cjs))$/i;
const SOURCE_MAP_NAME = /\.(?:js|mjs|cjs|css|ts|mts|cts|jsx|tsx)\.map$/i;
/**
 * Only where a huge line means generated code: a long line in YAML, `.env`, a notebook or a PEM-bearing config is
 * more likely a credential than a bundle.
 */
const MINIFIABLE_EXT = /\.(?:js|mjs|cjs|jsx|ts|tsx|css|html?|json|svg|xml)$/i;
export const MINIFIED_LINE = 5000;
const MINIFIED_AVERAGE = 500;
const MINIFIED_MIN_SIZE = 20_000;

/** Why a file looks like a minified bundle or a source map, or undefined. */
export function minifiedReason(path: string, text: string): string | undefined {
  if (MINIFIED_NAME.test(path)) return 'minified bundle (by its name)';
  if (SOURCE_MAP_NAME.test(path) || (/\.map$/i.test(path) && /^\s*\{/.test(text) && text.includes('"mappings"'))) return 'source map';
  if (!MINIFIABLE_EXT.test(path)) return undefined;
  let lines = 0;
  for (let start = 0; start <= text.length; lines++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MINIFIED_LINE) return `minified file (a line of ${end - start} characters)`;
    start = end + 1;
  }
  if (text.length > MINIFIED_MIN_SIZE && text.length / lines > MINIFIED_AVERAGE) return `minified file (lines average ${Math.round(text.length / lines)} characters)`;
  return undefined;
}

/** Folders and file names of tests, fixtures and examples, where a "secret" is usually a sample. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'fixtures', '__fixtures__', 'testdata', 'examples', '__mocks__']);
const TEST_FILE = /(?:\.(?:test|spec)\.[^/]+|_test\.(?:go|py)|_spec\.rb|^test_[^/]*\.py)$/i;

export function isTestPath(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return parts.some((p) => TEST_DIRS.has(p.toLowerCase())) || TEST_FILE.test(name);
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

export function ruleLevel(rule: Rule, options: CheckOptions): RuleLevel {
  return options.rules?.[rule.meta.id] ?? rule.meta.severity;
}

export async function checkFile(file: FileInput, host: Host, options: CheckOptions = {}): Promise<CheckResult> {
  const errors: CheckResult['errors'] = [];
  const skipped = skipReason(file.text, options.maxFileSize, { path: file.path, includeMinified: options.includeMinified });
  if (skipped) return { findings: [], skipped, errors };
  // One place for every rule: a test file keeps its findings, marked as such, unless settings lower or drop them.
  const inTest = isTestPath(file.path);
  if (inTest && options.testPaths === 'off') return { findings: [], errors };

  const lang = detectLanguage(file.path, file.languageId);
  const lines = new LineIndex(file.text);
  const memo = new Map<string, unknown>();
  const reads = new Map<string, Promise<string | undefined>>();
  const findings: Finding[] = [];

  for (const rule of options.ruleSet ?? allRules) {
    if (options.token?.cancelled) break;
    const level = ruleLevel(rule, options);
    if (level === 'off' || !rule.appliesTo({ path: file.path, lang })) continue;
    const reports: Report[] = [];
    const ctx: RuleContext = {
      file, path: file.path, text: file.text, lang, lines, host,
      report: (r) => void reports.push(r),
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      readFile: (path) => {
        let p = reads.get(path);
        if (!p) reads.set(path, (p = host.readFile(path).catch(() => undefined)));
        return p;
      },
    };
    try {
      await rule.check(ctx);
    } catch (e) {
      errors.push({ ruleId: rule.meta.id, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const r of reports) {
      const start = lines.positionAt(r.start);
      if (isSuppressed(lines, start.line, rule.meta.id)) continue;
      const end = lines.positionAt(r.end);
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) {
        errors.push({ ruleId: rule.meta.id, message: `unknown messageId '${r.messageId}'` });
        continue;
      }
      const finding: Finding = {
        ruleId: rule.meta.id,
        messageId: r.messageId,
        message: format(template, r.data),
        severity: options.rules?.[rule.meta.id] !== undefined ? (level as Finding['severity']) : (r.severity ?? rule.meta.severity),
        path: file.path,
        start: r.start,
        end: r.end,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        fingerprint: fingerprint(rule.meta.id, file.path, r.matched ?? file.text.slice(r.start, r.end)),
        fixes: r.fixes ? [...r.fixes] : [],
      };
      if (inTest) {
        finding.message += ' (in a test file)';
        if (options.testPaths === 'lower') finding.severity = LOWER[finding.severity];
      }
      const suppress = suppressionFix(lines, lang, finding);
      if (suppress) finding.fixes.push(suppress);
      findings.push(finding);
    }
  }
  // Shared values that hold resources outside the JS heap (tree-sitter trees live in wasm memory) are freed here.
  for (const value of memo.values()) {
    const dispose = (value as { dispose?: unknown } | null | undefined)?.dispose;
    if (typeof dispose === 'function') dispose.call(value);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings, errors };
}

/** rule + path + hash of the matched text; independent of line numbers. */
export function fingerprint(ruleId: string, path: string, matched: string): string {
  return hash(`${ruleId}\u0000${path}\u0000${matched}`);
}
