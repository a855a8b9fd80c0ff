// Per-resource Warden settings: validation of the raw `warden` section and a per-URI promise cache.
import { DEFAULT_MAX_FILE_SIZE, type RuleLevel, type TestPathMode } from './engine';
import { DEFAULT_BASELINE_PATH } from './engine/baseline';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  rules: Record<string, RuleLevel>;
  exclude: string[];
  maxFileSize: number;
  /** Baseline file relative to the workspace folder; '' for none. */
  baseline: string;
  testPaths: TestPathMode;
  includeMinified: boolean;
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  enable: true,
  run: 'onType',
  rules: {},
  exclude: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  baseline: DEFAULT_BASELINE_PATH,
  testPaths: 'same',
  includeMinified: false,
});

const LEVELS: ReadonlySet<string> = new Set(['off', 'hint', 'info', 'warning', 'error']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Turns the raw `warden` configuration section into settings. Every bad value falls back to its default
 * and produces one problem message; nothing here throws.
 */
export function parseSettings(raw: unknown, knownRuleIds: ReadonlySet<string>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const s: Settings = { ...defaultSettings, rules: {}, exclude: [] };
  if (raw === undefined || raw === null) return { settings: s, problems };
  if (!isRecord(raw)) return { settings: s, problems: ['warden settings are not an object; using defaults'] };

  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') s.enable = raw.enable;
    else problems.push(`warden.enable must be true or false, not ${JSON.stringify(raw.enable)}; using true`);
  }
  if (raw.run !== undefined) {
    if (raw.run === 'onType' || raw.run === 'onSave') s.run = raw.run;
    else problems.push(`warden.run must be "onType" or "onSave", not ${JSON.stringify(raw.run)}; using "onType"`);
  }
  if (raw.rules !== undefined && raw.rules !== null) {
    if (!isRecord(raw.rules)) problems.push('warden.rules must be an object of rule id -> level; ignored');
    else {
      for (const [id, level] of Object.entries(raw.rules)) {
        if (!knownRuleIds.has(id)) problems.push(`warden.rules: unknown rule id "${id}"; ignored`);
        else if (typeof level !== 'string' || !LEVELS.has(level)) problems.push(`warden.rules["${id}"]: unknown level ${JSON.stringify(level)} (use off, info, warning or error); ignored`);
        else s.rules[id] = level as RuleLevel;
      }
    }
  }
  if (raw.exclude !== undefined && raw.exclude !== null) {
    if (!Array.isArray(raw.exclude)) problems.push('warden.exclude must be an array of glob patterns; ignored');
    else {
      for (const g of raw.exclude) {
        if (typeof g === 'string' && g.trim() !== '') s.exclude.push(g.trim());
        else problems.push(`warden.exclude: ${JSON.stringify(g)} is not a glob pattern; ignored`);
      }
    }
  }
  if (raw.maxFileSize !== undefined && raw.maxFileSize !== null) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) s.maxFileSize = raw.maxFileSize;
    else problems.push(`warden.maxFileSize must be a positive number, not ${JSON.stringify(raw.maxFileSize)}; using ${DEFAULT_MAX_FILE_SIZE}`);
  }
  if (raw.baseline !== undefined && raw.baseline !== null) {
    if (typeof raw.baseline === 'string') s.baseline = raw.baseline.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    else problems.push(`warden.baseline must be a path relative to the workspace folder, not ${JSON.stringify(raw.baseline)}; using "${DEFAULT_BASELINE_PATH}"`);
  }
  if (raw.testPaths !== undefined && raw.testPaths !== null) {
    if (raw.testPaths === 'same' || raw.testPaths === 'lower' || raw.testPaths === 'off') s.testPaths = raw.testPaths;
    else problems.push(`warden.testPaths must be "same", "lower" or "off", not ${JSON.stringify(raw.testPaths)}; using "same"`);
  }
  if (raw.includeMinified !== undefined && raw.includeMinified !== null) {
    if (typeof raw.includeMinified === 'boolean') s.includeMinified = raw.includeMinified;
    else problems.push(`warden.includeMinified must be true or false, not ${JSON.stringify(raw.includeMinified)}; using false`);
  }
  return { settings: s, problems };
}

/**
 * Settings per resource URI, fetched once and kept as a promise (so concurrent checks share one
 * request) until the configuration changes. Each distinct problem is logged once per configuration.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly fetch: (scopeUri: string | undefined) => Promise<unknown>,
    private readonly knownRuleIds: ReadonlySet<string>,
    private readonly log: (msg: string) => void,
  ) {}

  get(uri: string | undefined): Promise<Settings> {
    const key = uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(uri);
      this.cache.set(key, p);
    }
    return p;
  }

  clear(): void {
    this.cache.clear();
    this.logged.clear();
  }

  private async load(uri: string | undefined): Promise<Settings> {
    let raw: unknown;
    try {
      raw = await this.fetch(uri);
    } catch (e) {
      this.once(`could not read settings: ${e instanceof Error ? e.message : String(e)}; using defaults`);
      return { ...defaultSettings, rules: {}, exclude: [] };
    }
    const { settings, problems } = parseSettings(raw, this.knownRuleIds);
    for (const p of problems) this.once(p);
    return settings;
  }

  private once(msg: string): void {
    if (this.logged.has(msg)) return;
    this.logged.add(msg);
    this.log(msg);
  }
}
