// Parses the `warden` command line into a command, or a usage error with a message for stderr.
import type { RuleLevel, TestPathMode } from '../engine';

export type Format = 'text' | 'json' | 'sarif';

export interface AuditArgs {
  command: 'audit';
  folder?: string;
  format: Format;
  output?: string;
  rules: Record<string, RuleLevel>;
  exclude: string[];
  maxFileSize?: number;
  /** undefined: colour when stdout is a terminal. */
  color?: boolean;
  verbose: boolean;
  /** Check only what would be committed: the staged content of the staged files (pre-commit hooks). */
  staged?: boolean;
  /** Accepted findings: not reported (counted in the summary). */
  baseline?: string;
  /** Write the current findings' fingerprints here and exit 0. */
  writeBaseline?: string;
  testPaths?: TestPathMode;
  includeMinified?: boolean;
}

export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
}

export interface HookArgs {
  command: 'hook';
  action: 'install' | 'uninstall' | 'status';
  folder?: string;
  /** Where to install instead of detecting husky and the pre-commit framework. */
  target?: 'git' | 'husky' | 'pre-commit';
}

export type Command = AuditArgs | RulesArgs | HookArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
const LEVEL_ALIASES: Record<string, RuleLevel> = { warn: 'warning', information: 'info', note: 'info' };

export const USAGE = `Usage: warden <command> [options]

Commands:
  audit [folder]      Check every file in folder (default: the current folder)
  rules               List the rules
  hook install [folder]
                      Add a pre-commit hook that runs 'warden audit --staged' (git, husky or pre-commit framework)
  hook uninstall [folder]
                      Remove what 'hook install' added, restoring any hook it chained
  hook status [folder]
                      Show where the hook is installed
  help                Show this help

Audit options:
  -f, --format FORMAT     text (default), json or sarif
  -o, --output FILE       Write the report to FILE instead of stdout
      --rule ID=LEVEL     Set a rule's level: off, info, warning or error (repeatable)
      --exclude GLOB      Skip files matching a minimatch glob relative to the folder (repeatable)
      --max-file-size N   Skip files larger than N characters (default 1000000)
      --no-color          Plain text output (colour is used only on a terminal)
      --color             Colour even when stdout is not a terminal
      --verbose           List skipped files and why
      --staged            Check only what would be committed: the staged content (from the git index) of the
                          staged files, plus staged secret files such as keys and databases (pre-commit hooks)
      --baseline FILE     Do not report findings accepted in FILE (a baseline JSON file)
      --write-baseline FILE
                          Write the current findings to FILE as a baseline and exit 0
      --test-paths MODE   Findings in test, fixture and example files: same (default), lower or off
      --include-minified  Also check minified bundles and source maps

Rules options:
  -f, --format FORMAT     text (default) or json

Hook options:
      --target TARGET     install into git, husky or pre-commit instead of detecting it
                          (hook exits 0 when done or when there is nothing to do, 2 outside a git repository)

  -h, --help              Show this help
  -v, --version           Show the version

Exit status: 0 no findings, 1 findings, 2 usage or configuration error.
Files ignored by git (.gitignore) and node_modules are not checked.
`;

/**
 * Options may appear before or after the folder; `--opt=value` and `--opt value` both work; `--` ends options.
 * `knownRuleIds` validates `--rule` so a typo fails loudly instead of silently doing nothing.
 */
export function parseArgs(argv: readonly string[], knownRuleIds: readonly string[]): Command {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) return { command: 'help' };
  if (args[0] === '--version' || args[0] === '-v' || args[0] === '-V') return { command: 'version' };
  const command = args.shift();
  if (command === undefined) throw new UsageError('missing command');
  if (command === 'help') return { command: 'help' };
  if (command === 'version') return { command: 'version' };
  if (command === 'audit') return parseAudit(args, knownRuleIds);
  if (command === 'rules') return parseRules(args);
  if (command === 'hook') return parseHook(args);
  if (command.startsWith('-')) throw new UsageError(`unknown option '${command}' (the command comes first: warden audit ${command} ...)`);
  throw new UsageError(`unknown command '${command}'`);
}

/** Splits `--opt=value`; reads the next argument for `--opt value`. */
class Cursor {
  private i = 0;
  constructor(private readonly args: string[]) {}

  next(): { flag?: string; inline?: string; positional?: string } | undefined {
    if (this.i >= this.args.length) return undefined;
    const a = this.args[this.i++];
    if (a === '--') {
      const rest = this.args.slice(this.i);
      this.i = this.args.length;
      if (rest.length > 1) throw new UsageError(`expected one folder, got ${rest.length}`);
      return rest.length ? { positional: rest[0] } : undefined;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      return eq < 0 ? { flag: a } : { flag: a.slice(0, eq), inline: a.slice(eq + 1) };
    }
    if (a.startsWith('-') && a.length > 1) return { flag: a };
    return { positional: a };
  }

  value(flag: string, inline: string | undefined): string {
    if (inline !== undefined) return inline;
    if (this.i >= this.args.length) throw new UsageError(`${flag} needs a value`);
    return this.args[this.i++];
  }
}

function noValue(flag: string, inline: string | undefined): void {
  if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
}

function parseAudit(args: string[], knownRuleIds: readonly string[]): AuditArgs {
  const out: AuditArgs = { command: 'audit', format: 'text', rules: {}, exclude: [], verbose: false };
  const cursor = new Cursor(args);
  for (let tok = cursor.next(); tok; tok = cursor.next()) {
    const { flag, inline, positional } = tok;
    if (positional !== undefined) {
      if (out.folder !== undefined) throw new UsageError(`expected one folder, got '${out.folder}' and '${positional}'`);
      out.folder = positional;
      continue;
    }
    switch (flag) {
      case '-f': case '--format': {
        const v = cursor.value(flag, inline);
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`unknown format '${v}' (expected text, json or sarif)`);
        out.format = v;
        break;
      }
      case '-o': case '--output':
        out.output = cursor.value(flag, inline);
        if (!out.output) throw new UsageError(`${flag} needs a file name`);
        break;
      case '--rule': {
        const [id, level] = parseRuleSetting(cursor.value(flag, inline), knownRuleIds);
        out.rules[id] = level;
        break;
      }
      case '--exclude': {
        const glob = cursor.value(flag, inline);
        if (!glob.trim()) throw new UsageError('--exclude needs a glob');
        out.exclude.push(glob);
        break;
      }
      case '--max-file-size': {
        const v = cursor.value(flag, inline);
        const n = Number(v.replace(/_/g, ''));
        if (!/^\d[\d_]*$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--max-file-size needs a positive whole number of characters, got '${v}'`);
        out.maxFileSize = n;
        break;
      }
      case '--no-color': case '--no-colour':
        noValue(flag, inline);
        out.color = false;
        break;
      case '--color': case '--colour':
        noValue(flag, inline);
        out.color = true;
        break;
      case '--baseline': case '--write-baseline': {
        const file = cursor.value(flag, inline);
        if (!file) throw new UsageError(`${flag} needs a file name`);
        if (flag === '--baseline') out.baseline = file;
        else out.writeBaseline = file;
        break;
      }
      case '--test-paths': {
        const v = cursor.value(flag, inline);
        if (v !== 'same' && v !== 'lower' && v !== 'off') throw new UsageError(`unknown --test-paths mode '${v}' (expected same, lower or off)`);
        out.testPaths = v;
        break;
      }
      case '--include-minified':
        noValue(flag, inline);
        out.includeMinified = true;
        break;
      case '--staged':
        noValue(flag, inline);
        out.staged = true;
        break;
      case '--verbose':
        noValue(flag, inline);
        out.verbose = true;
        break;
      default:
        throw new UsageError(`unknown option '${flag}' for audit`);
    }
  }
  return out;
}

function parseRules(args: string[]): RulesArgs {
  const out: RulesArgs = { command: 'rules', format: 'text' };
  const cursor = new Cursor(args);
  for (let tok = cursor.next(); tok; tok = cursor.next()) {
    const { flag, inline, positional } = tok;
    if (positional !== undefined) throw new UsageError(`rules takes no arguments, got '${positional}'`);
    if (flag === '-f' || flag === '--format') {
      const v = cursor.value(flag, inline);
      if (v !== 'text' && v !== 'json') throw new UsageError(`unknown format '${v}' for rules (expected text or json)`);
      out.format = v;
    } else {
      throw new UsageError(`unknown option '${flag}' for rules`);
    }
  }
  return out;
}

function parseRuleSetting(setting: string, knownRuleIds: readonly string[]): [string, RuleLevel] {
  const eq = setting.lastIndexOf('=');
  if (eq <= 0) throw new UsageError(`--rule expects ID=LEVEL, e.g. --rule secret/generic-secret=off; got '${setting}'`);
  const id = setting.slice(0, eq).trim();
  const raw = setting.slice(eq + 1).trim().toLowerCase();
  if (!knownRuleIds.includes(id)) {
    const near = knownRuleIds.filter((k) => k.endsWith('/' + id) || k.includes(id));
    throw new UsageError(`unknown rule '${id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; run 'warden rules' for the list`);
  }
  const level = (LEVELS as readonly string[]).includes(raw) ? (raw as RuleLevel) : LEVEL_ALIASES[raw];
  if (!level) throw new UsageError(`unknown level '${raw}' for ${id} (expected off, info, warning or error)`);
  return [id, level];
}

const HOOK_ACTIONS = ['install', 'uninstall', 'status'] as const;

function parseHook(args: string[]): HookArgs {
  const action = args.shift();
  if (action === undefined) throw new UsageError('hook needs an action: install, uninstall or status');
  if (!(HOOK_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`unknown hook action '${action}' (expected install, uninstall or status)`);
  const out: HookArgs = { command: 'hook', action: action as HookArgs['action'] };
  const cursor = new Cursor(args);
  for (let tok = cursor.next(); tok; tok = cursor.next()) {
    const { flag, inline, positional } = tok;
    if (positional !== undefined) {
      if (out.folder !== undefined) throw new UsageError(`expected one folder, got '${out.folder}' and '${positional}'`);
      out.folder = positional;
    } else if (flag === '--target' && action === 'install') {
      const v = cursor.value(flag, inline);
      if (v !== 'git' && v !== 'husky' && v !== 'pre-commit') throw new UsageError(`unknown --target '${v}' (expected git, husky or pre-commit)`);
      out.target = v;
    } else {
      throw new UsageError(`unknown option '${flag}' for hook ${action}`);
    }
  }
  return out;
}
