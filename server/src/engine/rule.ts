// The rule contract: meta declared as data, plus a check function that reports through the context.
import type { Host } from './host';
import type { Lang } from './languages/detect';
import { providerSpecs } from './rules/secret/providers';
import type { LineIndex } from './text';
import type { FileInput, Report, RuleMeta } from './types';

export interface RuleContext {
  readonly file: FileInput;
  readonly path: string;
  readonly text: string;
  readonly lang: Lang;
  readonly lines: LineIndex;
  readonly host: Host;
  report(report: Report): void;
  /**
   * A value computed once per file and shared by all rules (parse trees, tokenizations). A value with a `dispose()`
   * method is disposed once every rule has run on the file.
   */
  memo<T>(key: string, compute: () => T): T;
  /** Reads another workspace file once per check (for fixes that edit `.env`, `.gitignore`). */
  readFile(path: string): Promise<string | undefined>;
}

export interface Rule {
  meta: RuleMeta;
  /** Cheap test on path and language; `check` runs only when it returns true. */
  appliesTo(file: { path: string; lang: Lang }): boolean;
  check(ctx: RuleContext): void | Promise<void>;
}

/** Identity helper that type-checks a rule and its message ids. */
export function defineRule(rule: Rule): Rule {
  const [category] = rule.meta.id.split('/');
  if (category !== rule.meta.category) throw new Error(`rule ${rule.meta.id}: id must start with its category '${rule.meta.category}/'`);
  return rule;
}

/** Base URL of the rule docs; `docsUrl('secret/x')` points at docs/rules/secret-x.md. */
export const DOCS_BASE = 'https://github.com/warden-security/warden/blob/main/docs/rules/';

/** The one page documenting every provider rule; each rule has an anchor (its id with `-` for `/`) in its table. */
export const PROVIDERS_PAGE = 'secret-providers.md';

let providerIds: Set<string> | undefined;

export function docsUrl(ruleId: string): string {
  providerIds ??= new Set(providerSpecs.map((s) => s.id));
  const slug = ruleId.replace('/', '-');
  return DOCS_BASE + (providerIds.has(ruleId) ? `${PROVIDERS_PAGE}#${slug}` : `${slug}.md`);
}
