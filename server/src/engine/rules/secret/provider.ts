// Provider secret rules as data (gitleaks-style): a spec with regex, prefilter keywords, entropy and allowlist becomes a Rule.
import { envVarFix } from '../../fixes/env-var';
import { basename, isDotenvName } from '../../languages/detect';
import { defineRule, docsUrl, type Rule, type RuleContext } from '../../rule';
import { redact, shannonEntropy } from '../../text';
import type { Severity } from '../../types';
import { providerSpecs } from './providers';
import { isCommitted } from './heuristics';

export interface ProviderSpec {
  /** `secret/<provider>-<kind>` */
  id: string;
  /** Names the secret in messages: "AWS access key id". */
  label: string;
  description: string;
  /** Finds the secret; capture group 1 is the secret itself. Flags other than `g`/`d` are kept. */
  regex: RegExp;
  /** Lowercase strings one of which must occur in the file before the regex runs. */
  keywords: readonly string[];
  /** Minimum Shannon entropy (bits/char) of the secret. */
  minEntropy?: number;
  /**
   * Real tokens of this shape hold long runs of one character (X bearer tokens start with 22 `A`s), so the filler
   * check (runs of 6+) would drop them all; `minEntropy` and `validate` guard the shape instead.
   */
  allowRuns?: boolean;
  severity: Severity;
  cwe: string;
  /** The variable the provider's SDKs read (`AWS_ACCESS_KEY_ID`); the fix uses it. */
  envName?: string;
  /** Start of the token that is public (a type marker such as `AKIA`); it may stay visible in redacted output. */
  publicPrefix?: RegExp;
  allowlist?: {
    /** Lowercase substrings that mark a value as an example or placeholder. */
    stopwords?: readonly string[];
    /** Patterns of known example values (documentation keys). */
    regexes?: readonly RegExp[];
  };
  /**
   * Lowercase words one of which must occur within `window` characters (default 160) around the match: for shapes
   * that are a secret only next to their provider's name (Twilio `SK…`, Telegram `123:ABC…`).
   */
  near?: { words: readonly string[]; window?: number };
  /** Structural check of the secret (a JWT header that decodes, a PEM body of real base64); false drops the match. */
  validate?: (secret: string, at: { text: string; start: number; end: number }) => boolean;
  /** Drop values another spec's pattern recognises: generic shapes (`Bearer …`, `_authToken=`) leave them to it. */
  deferToProviders?: boolean;
  /** Built at run time: texts that must be flagged (tp) and must not be (fp). */
  samples: { tp: () => string[]; fp: () => string[] };
  help?: string;
}

/**
 * Answers "does the file mention this keyword?" before any provider regex runs. The substring version
 * is enough for a few providers; an Aho-Corasick automaton over all keywords can implement the same
 * interface once there are many.
 */
export interface KeywordPrefilter {
  has(keyword: string): boolean;
}

export function substringPrefilter(text: string): KeywordPrefilter {
  const lower = text.toLowerCase();
  return { has: (k) => lower.includes(k) };
}

/** The prefilter for the file under check, built once and shared by all provider rules. */
export function filePrefilter(ctx: Pick<RuleContext, 'memo' | 'text'>): KeywordPrefilter {
  return ctx.memo('secret/keyword-prefilter', () => substringPrefilter(ctx.text));
}

export interface SecretMatch {
  /** Offsets of the secret (capture group 1). */
  start: number;
  end: number;
  secret: string;
}

const globalRegexes = new WeakMap<RegExp, RegExp>();

function globalOf(re: RegExp): RegExp {
  let g = globalRegexes.get(re);
  if (!g) globalRegexes.set(re, (g = new RegExp(re.source, re.flags.replace(/[gyd]/g, '') + 'gd')));
  return g;
}

/** Runs of 6+ equal or consecutive characters, two interleaved counting runs (`a1b2c3d4e5`), or 3 distinct characters or fewer: filler, not a key. */
export function looksLikeFiller(s: string): boolean {
  let same = 1;
  let up = 1;
  let down = 1;
  // Two interleaved counting runs (`a1b2c3d4e5f6…`): each character is one more than the one two places before.
  let up2 = 2;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const p = s.charCodeAt(i - 1);
    same = c === p ? same + 1 : 1;
    up = c === p + 1 ? up + 1 : 1;
    down = c === p - 1 ? down + 1 : 1;
    if (i >= 2) up2 = c === s.charCodeAt(i - 2) + 1 ? up2 + 1 : 2;
    if (same >= 6 || up >= 6 || down >= 6 || up2 >= 10) return true;
  }
  return new Set(s).size <= 3;
}

function nearWord(spec: ProviderSpec, text: string, start: number, end: number): boolean {
  if (!spec.near) return true;
  const w = spec.near.window ?? 160;
  const around = text.slice(Math.max(0, start - w), Math.min(text.length, end + w)).toLowerCase();
  return spec.near.words.some((k) => around.includes(k));
}

function allowed(spec: ProviderSpec, secret: string): boolean {
  const lower = secret.toLowerCase();
  if (spec.allowlist?.stopwords?.some((w) => lower.includes(w))) return true;
  if (spec.allowlist?.regexes?.some((r) => r.test(secret))) return true;
  if (spec.minEntropy !== undefined && shannonEntropy(secret) < spec.minEntropy) return true;
  return !spec.allowRuns && looksLikeFiller(secret);
}

/** Secrets of one provider in `text`, after the keyword prefilter, entropy, filler and allowlist checks. */
export function findProviderSecrets(spec: ProviderSpec, text: string, prefilter: KeywordPrefilter = substringPrefilter(text)): SecretMatch[] {
  if (!spec.keywords.some((k) => prefilter.has(k))) return [];
  const out: SecretMatch[] = [];
  for (const m of text.matchAll(globalOf(spec.regex))) {
    const span = m.indices?.[1];
    if (!span || m[1] === undefined) continue;
    if (allowed(spec, m[1])) continue;
    if (!nearWord(spec, text, span[0], span[1])) continue;
    if (spec.validate && !spec.validate(m[1], { text, start: span[0], end: span[1] })) continue;
    if (spec.deferToProviders && providerSpecs.some((o) => o !== spec && !o.deferToProviders && stickyFree(o.regex).test(m[1]))) continue;
    out.push({ start: span[0], end: span[1], secret: m[1] });
  }
  return out;
}

/**
 * Whether any provider's pattern occurs in `value`, allowlisted examples included: the generic rule
 * leaves those values to the provider rules (which report them, or deliberately do not).
 */
export function matchesAnyProvider(value: string): boolean {
  const prefilter = substringPrefilter(value);
  return providerSpecs.some((spec) => spec.keywords.some((k) => prefilter.has(k)) && stickyFree(spec.regex).test(value));
}

/** The spec regex without `g`/`y`, so `test` keeps no state between calls. */
function stickyFree(re: RegExp): RegExp {
  return re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
}

/** `.env.example` and other templates are meant to be committed; `.env`, `.env.local` are not. */
export function isDotenvTemplate(path: string): boolean {
  return /(?:^|[.\-_])(?:example|sample|template|tpl|dist|defaults?|schema)$/i.test(basename(path));
}

/** A local dotenv file: the intended home of secrets, so findings there are informational. */
export function isLocalDotenv(path: string): boolean {
  const name = basename(path).toLowerCase();
  return isDotenvName(name) && !isDotenvTemplate(name);
}

const STRING_PREFIX = /[rRuUbBfF]{1,2}$/;

/** The string literal whose whole content is `start..end`, with any string prefix, when there is one. */
export function enclosingLiteral(text: string, start: number, end: number): { start: number; end: number; prefix: string } | undefined {
  const q = text[start - 1];
  if ((q !== '"' && q !== "'" && q !== '`') || text[end] !== q) return undefined;
  const before = text.slice(Math.max(0, start - 4), start - 1);
  const p = STRING_PREFIX.exec(before);
  const prefix = p && !/[\w$]/.test(text[start - 1 - p[0].length - 1] ?? '') ? p[0] : '';
  return { start: start - 1 - prefix.length, end: end + 1, prefix };
}

/** Turns a provider spec into a rule. */
export function providerRule(spec: ProviderSpec): Rule {
  return defineRule({
    meta: {
      id: spec.id,
      category: 'secret',
      description: spec.description,
      severity: spec.severity,
      cwe: spec.cwe,
      fix: 'unsafe',
      provider: true,
      messages: {
        found: `${spec.label} {{redacted}} is hardcoded; load it from the environment`,
        dotenv: `${spec.label} {{redacted}} is stored in {{file}}; keep this file out of version control`,
        tracked: `${spec.label} {{redacted}} is hardcoded in a file committed to git: it is in history, so revoke and rotate it, then load it from the environment`,
      },
      help: spec.help ?? `${spec.description}. See ${docsUrl(spec.id)}`,
    },
    appliesTo: () => true,
    async check(ctx) {
      const dotenv = isLocalDotenv(ctx.path);
      for (const m of findProviderSecrets(spec, ctx.text, filePrefilter(ctx))) {
        const redacted = redact(m.secret, spec.publicPrefix?.exec(m.secret)?.[0]);
        if (dotenv) {
          ctx.report({ start: m.start, end: m.end, messageId: 'dotenv', data: { redacted, file: basename(ctx.path) }, severity: 'info' });
          continue;
        }
        const fixes = [];
        const lit = enclosingLiteral(ctx.text, m.start, m.end);
        if (lit && !/[bBfF]/.test(lit.prefix)) {
          const name = spec.envName ?? assignedName(ctx.text, lit.start);
          const fix = name ? await envVarFix(ctx, { start: lit.start, end: lit.end, value: m.secret, name }) : undefined;
          if (fix) fixes.push(fix);
        }
        ctx.report({ start: m.start, end: m.end, messageId: (await isCommitted(ctx)) ? 'tracked' : 'found', data: { redacted }, fixes });
      }
    },
  });
}

/** The variable or key a literal starting at `at` is assigned to on its line (`key = "…"`, `key: "…"`). */
export function assignedName(text: string, at: number): string | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const m = /([A-Za-z_$][\w$.-]*)["']?\]?\s*(?::\s*[A-Za-z_][\w.<>[\]|, ?]*?\s*)?(?::=|=>|=|:)\s*$/.exec(text.slice(lineStart, at));
  return m ? m[1].split('.').pop() : undefined;
}
