// The `warden` CLI: audits a folder and prints text, JSON or SARIF; `run` is the in-process entry the tests call.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { version as packageVersion } from '../../../package.json';
import { auditFolder } from '../audit';
import { allRules, type Host, type Rule } from '../engine';
import { NodeHost } from '../host-node';
import { filterBaselined, type Baseline } from '../engine/baseline';
import { parseArgs, USAGE, UsageError, type AuditArgs, type RulesArgs } from './args';
import { BaselineError, readBaselineFile, writeBaselineFile } from './baseline';
import { runHook } from './hook';
import { formatJson } from './format-json';
import { stagedAudit } from './staged';
import { formatSarif } from './format-sarif';
import { formatText, plural } from './format-text';
import { reportWithSafeFixes, scrub, secretValues, type Report } from './report';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Whether stdout is a terminal (colour by default). Default false. */
  isTTY?: boolean;
  /** For NO_COLOR / FORCE_COLOR. Default: none set. */
  env?: Record<string, string | undefined>;
  /** Rules to run instead of the registry (tests). */
  ruleSet?: readonly Rule[];
}

export const VERSION: string = packageVersion;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs one command line; resolves to the exit code and never throws for a user error. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const rules = io.ruleSet ?? allRules;
  let command;
  try {
    command = parseArgs(argv, rules.map((r) => r.meta.id));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`warden: ${e.message}\nRun 'warden --help' for usage.\n`);
    return EXIT_USAGE;
  }
  switch (command.command) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    case 'rules':
      io.stdout(listRules(command, rules));
      return EXIT_OK;
    case 'hook':
      // Not io.env: that only carries the colour variables, and git needs the whole environment.
      return runHook(command, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    case 'audit':
      return audit(command, io, rules);
  }
}

async function audit(args: AuditArgs, io: CliIO, rules: readonly Rule[]): Promise<number> {
  const root = path.resolve(io.cwd, args.folder ?? '.');
  try {
    if (!(await fsp.stat(root)).isDirectory()) {
      io.stderr(`warden: ${args.folder ?? root} is not a folder\n`);
      return EXIT_USAGE;
    }
  } catch {
    io.stderr(`warden: folder not found: ${args.folder ?? root}\n`);
    return EXIT_USAGE;
  }

  // Read before the audit, so a bad file fails fast.
  let baseline: Baseline | undefined;
  if (args.baseline !== undefined) {
    try {
      baseline = await readBaselineFile(path.resolve(io.cwd, args.baseline), args.baseline);
    } catch (e) {
      if (!(e instanceof BaselineError)) throw e;
      io.stderr(`warden: ${e.message}\n`);
      return EXIT_USAGE;
    }
  }

  const disk = new NodeHost(root);
  let host: Host = disk;
  let files: string[] | undefined;
  if (args.staged) {
    const staged = await stagedAudit(disk, args.exclude);
    if (!staged) {
      io.stderr(`warden: --staged needs a git repository: ${args.folder ?? root} is not in one, git is not installed, or git failed\n`);
      return EXIT_USAGE;
    }
    ({ host, files } = staged);
  }
  const result = await auditFolder(root, {
    host,
    files,
    exclude: args.exclude,
    rules: args.rules,
    maxFileSize: args.maxFileSize,
    testPaths: args.testPaths,
    includeMinified: args.includeMinified,
    ruleSet: io.ruleSet,
  });
  const listingFailed = result.errors.find((e) => !e.path && !e.ruleId);
  if (listingFailed) {
    io.stderr(`warden: ${listingFailed.message}\n`);
    return EXIT_USAGE;
  }
  for (const e of result.errors) io.stderr(`warden: rule ${e.ruleId} failed on ${e.path}: ${e.message}\n`);

  if (args.writeBaseline !== undefined) {
    try {
      const n = await writeBaselineFile(path.resolve(io.cwd, args.writeBaseline), result.findings);
      io.stderr(`warden: ${plural(n, 'finding')} written to the baseline ${args.writeBaseline}\n`);
    } catch (e) {
      io.stderr(`warden: cannot write ${args.writeBaseline}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  }
  const { findings, baselined } = filterBaselined(result.findings, baseline);
  result.findings = findings;

  const secrets = await secretValues(result.findings, (p) => host.readFile(p));
  const report: Report = reportWithSafeFixes({ ...result, version: VERSION, ...(baseline ? { baselined } : {}) }, secrets);
  const color = args.output === undefined && args.format === 'text' && useColor(args, io);
  const out = scrub(
    args.format === 'json' ? formatJson(report)
      : args.format === 'sarif' ? formatSarif(report, rules)
        : formatText(report, { color, verbose: args.verbose }),
    secrets,
  );

  if (args.output !== undefined) {
    const file = path.resolve(io.cwd, args.output);
    try {
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await fsp.writeFile(file, out, 'utf8');
    } catch (e) {
      io.stderr(`warden: cannot write ${args.output}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`warden: ${plural(report.findings.length, 'finding')} written to ${args.output}\n`);
  } else {
    io.stdout(out);
  }
  return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** `--color`/`--no-color` win, then NO_COLOR and FORCE_COLOR (no-color.org), then whether stdout is a terminal. */
function useColor(args: AuditArgs, io: CliIO): boolean {
  if (args.color !== undefined) return args.color;
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return io.isTTY ?? false;
}

function listRules(args: RulesArgs, rules: readonly Rule[]): string {
  if (args.format === 'json') {
    const list = rules.map((r) => ({
      id: r.meta.id, category: r.meta.category, severity: r.meta.severity, fix: r.meta.fix, cwe: r.meta.cwe, description: r.meta.description,
    }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  const rows = [['RULE', 'SEVERITY', 'FIX', 'DESCRIPTION'], ...rules.map((r) => [r.meta.id, r.meta.severity, r.meta.fix, r.meta.description])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n') + '\n';
}

/** Sets the exit code and lets pending writes drain instead of calling process.exit. */
async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2), {
      stdout: (s) => void process.stdout.write(s),
      stderr: (s) => void process.stderr.write(s),
      cwd: process.cwd(),
      isTTY: process.stdout.isTTY === true,
      env: process.env,
    });
  } catch (e) {
    process.stderr.write(`warden: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}

// bin/warden.js requires the bundle, so the bundle is never `require.main` there; the tests import this file unbundled.
if (require.main === module || path.basename(__filename) === 'cli.js') void main();
