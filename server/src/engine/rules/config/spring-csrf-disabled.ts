// config/spring-csrf-disabled: Spring Security's CSRF protection turned off (Java and Kotlin, servlet and WebFlux).
import { closingBracket, CODE, codeMask } from '../../languages/lexer';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/spring-csrf-disabled';
/** `.csrf(` / `.csrf()`, and the Kotlin DSL's `csrf {`. */
const CSRF = /\bcsrf\s*(?=[({])/g;
/** A session policy or resource-server setup that makes the filter chain authenticate each request with a header token. */
const STATELESS = /\bSessionCreationPolicy\s*\.\s*STATELESS\b|\bsessionCreationPolicy\s*\(\s*STATELESS\s*\)|=\s*STATELESS\b|\boauth2ResourceServer\b/;

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Code text of `[from, to)` with comments and strings blanked, so patterns only see code. */
function codeOf(text: string, mask: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += mask[i] === CODE ? text[i] : ' ';
  return out;
}

/**
 * End of the CSRF-disabling code at `at` (`csrf`), or -1 when it configures CSRF instead:
 * `csrf().disable()`, `csrf(c -> c.disable())`, `csrf(AbstractHttpConfigurer::disable)`, `csrf { disable() }`, `csrf { it.disable() }`.
 */
function disabledEnd(text: string, mask: Uint8Array, at: number): number {
  const open = skipSpace(text, at + 'csrf'.length);
  const close = closingBracket(text, mask, open);
  if (close < 0) return -1;
  const inside = codeOf(text, mask, open + 1, close);
  if (text[open] === '(' && inside.trim() === '') {
    // `csrf().disable()`: the call right after the empty configurer.
    const m = /^\s*\.\s*disable\s*\(\s*\)/.exec(codeOf(text, mask, close + 1, Math.min(text.length, close + 200)));
    return m ? close + 1 + m[0].length : -1;
  }
  if (/^\s*[\w.<>?,\s]+::\s*disable\s*$/.test(inside)) return close + 1;
  // A lambda or Kotlin block: `c -> c.disable()`, `c -> { c.disable(); }`, `{ disable() }`, `{ it.disable() }`.
  const body = text[open] === '{' ? inside.replace(/^\s*\w+\s*->/, '') : /^\s*\(?\s*\w*\s*\)?\s*->([\s\S]*)$/.exec(inside)?.[1];
  if (body === undefined) return -1;
  return /(?:^|[\s;{.])disable\s*\(\s*\)/.test(body) ? close + 1 : -1;
}

/** The method (or, outside a class, top-level block) holding offset `at`: where one filter chain is configured. */
function enclosingBody(text: string, mask: Uint8Array, at: number): [number, number] {
  const opens: number[] = [];
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (mask[i] !== CODE) continue;
    if (text[i] === '}') depth++;
    else if (text[i] === '{') {
      if (depth > 0) depth--;
      else opens.push(i);
    }
  }
  // Innermost first; the method body is the one right inside a class, interface or object body.
  for (let k = 0; k < opens.length; k++) {
    const outer = opens[k + 1];
    if (outer === undefined) break;
    const header = codeOf(text, mask, Math.max(0, outer - 2000), outer).split(/[;}{]/).pop() ?? '';
    if (/\b(?:class|interface|object|enum|record)\b/.test(header)) {
      const close = closingBracket(text, mask, opens[k]);
      return [opens[k], close < 0 ? text.length : close];
    }
  }
  const top = opens[opens.length - 1];
  if (top === undefined) return [0, text.length];
  const close = closingBracket(text, mask, top);
  return [top, close < 0 ? text.length : close];
}

function check(ctx: RuleContext): void {
  const { text } = ctx;
  if (!/\bcsrf\b/.test(text) || !/disable/.test(text)) return;
  const mask = codeMask(ctx);
  for (const m of text.matchAll(CSRF)) {
    const at = m.index;
    if (mask[at] !== CODE) continue;
    const end = disabledEnd(text, mask, at);
    if (end < 0) continue;
    const [from, to] = enclosingBody(text, mask, at);
    const stateless = STATELESS.test(codeOf(text, mask, from, to));
    ctx.report(stateless ? { start: at, end, messageId: 'statelessDisabled', severity: 'info' } : { start: at, end, messageId: 'disabled' });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'Spring Security CSRF protection disabled (csrf().disable(), csrf { disable() }); info when the same configuration is stateless.',
    severity: 'warning',
    cwe: 'CWE-352',
    fix: 'none',
    messages: {
      disabled: 'CSRF protection is disabled: any website a signed-in user visits can send state-changing requests as that user',
      statelessDisabled:
        'CSRF protection is disabled in a stateless configuration: fine only if every request authenticates with a header token, never with cookies or browser-sent credentials',
    },
    help:
      'Keep Spring Security CSRF protection on for browser clients. For token-authenticated endpoints, exempt only those paths with ' +
      `ignoringRequestMatchers(...). Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => (lang === 'java' || lang === 'kotlin') && !isTestLikePath(path),
  check,
});
