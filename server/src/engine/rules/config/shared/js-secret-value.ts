// Finds signing secrets written as literals in JS/TS values (direct, in a list, through a `const`, or as a `process.env.X || '…'` fallback) for the session and JWT rules.
import type { TSESTree } from '@typescript-eslint/types';
import type { JsAst, Node } from '../../../languages/javascript';
import { constInit, envFallback, envRef, stringValue, unwrap } from '../../../languages/js-patterns';
import type { RuleContext } from '../../../rule';
import type { Fix, Severity } from '../../../types';
import { looksLikeSecret, secretKind } from '../../secret/heuristics';
import { weakness } from '../python-weak-secret-key';

export type SecretMessageId = 'literal' | 'knownDefault' | 'fallback';

export interface SecretHit {
  node: Node;
  messageId: SecretMessageId;
  what: string;
  severity?: Severity;
  fix?: Fix;
}

/** `new TextEncoder().encode(x)` and `Buffer.from(x)` -> x: the usual wrappers around a secret passed to jose or crypto. */
export function unwrapEncoding(node: Node): Node {
  const n = unwrap(node);
  if (n.type !== 'CallExpression' || n.arguments.length < 1 || n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier') return n;
  const { object, property } = n.callee;
  const o = unwrap(object);
  if (property.name === 'encode' && o.type === 'NewExpression' && o.callee.type === 'Identifier' && o.callee.name === 'TextEncoder') return unwrap(n.arguments[0]);
  if (property.name === 'from' && o.type === 'Identifier' && o.name === 'Buffer') return unwrap(n.arguments[0]);
  return n;
}

export class SecretValues {
  readonly hits: SecretHit[] = [];
  private readonly seen = new Set<Node>();

  constructor(private readonly ctx: RuleContext, private readonly js: JsAst) {}

  /**
   * Checks a secret value. `env` names the variable the fix reads (no fix when empty); `key` is the property
   * name it was written under, when secret/generic-secret could see the same literal.
   */
  check(node: Node, what: string, env: string, key?: string): void {
    const n = unwrapEncoding(node);
    const fallback = envFallback(n);
    if (fallback) {
      // TypeScript: `process.env.X!` keeps the `string` type the option wants.
      this.push({
        node: fallback.literal, messageId: 'fallback', what,
        fix: this.fix('Remove the hardcoded fallback (fail when the variable is missing)', fallback.expr.left.range[1], fallback.expr.range[1], this.ctx.lang === 'typescript' ? '!' : ''),
      });
      return;
    }
    if (n.type === 'ArrayExpression') {
      const items = n.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== 'SpreadElement');
      for (const e of items) this.check(e, what, items.length === 1 ? env : '');
      return;
    }
    if (n.type === 'Identifier') {
      const c = constInit(this.js, n);
      if (!c) return;
      const init = unwrapEncoding(c.init);
      if (stringValue(init) !== undefined) this.literal(init, what, env, c.name);
      else if (init.type === 'ArrayExpression' || envFallback(init)) this.check(init, what, env);
      return;
    }
    if (stringValue(n) !== undefined) this.literal(n, what, env, key);
  }

  private literal(node: Node, what: string, env: string, key: string | undefined): void {
    const value = stringValue(node)!;
    // Empty (the library throws), a PEM key (the private-key rule's), or a placeholder reference.
    if (value === '' || value.startsWith('-----BEGIN') || /^\$\{.*\}$|^%\w+%$|^<[^<>]+>$/.test(value)) return;
    // secret/generic-secret reports random-looking values of secret-named keys and variables; this rule reports the rest.
    if (key && secretKind(key) === 'secret' && looksLikeSecret(value, 'secret', { key })) return;
    const known = weakness(value, 32)?.messageId === 'knownDefault';
    this.push({
      node, messageId: known ? 'knownDefault' : 'literal', what, severity: known ? 'error' : undefined,
      fix: env ? this.fix(`Read the secret from the ${env} environment variable`, node.range[0], node.range[1], envRef(this.ctx.lang, env)) : undefined,
    });
  }

  private fix(title: string, start: number, end: number, text: string): Fix {
    return { title, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits: [this.ctx.lines.edit(start, end, text)] }] };
  }

  private push(h: SecretHit): void {
    if (this.seen.has(h.node)) return;
    this.seen.add(h.node);
    this.hits.push(h);
  }

  report(): void {
    for (const h of this.hits) {
      this.ctx.report({ start: h.node.range[0], end: h.node.range[1], messageId: h.messageId, data: { what: h.what }, severity: h.severity, fixes: h.fix ? [h.fix] : [] });
    }
  }
}
