// Small AST views the JS/TS config rules share: module bindings, object properties, constant strings, env reads and dev-only branches.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { basename } from './detect';
import { resolveVariable, walk, type JsAst, type Node } from './javascript';

/** What a local name is bound to: a module's default export (`default`), the module object (`*`) or one named export. */
export interface Binding {
  module: string;
  imported: string;
}

/** Every binding of the given modules: `import x from 'm'`, `import * as x`, `import { a as b }`, `const x = require('m')`, `const { a } = require('m')`. */
export function moduleBindings(js: JsAst, accept: (module: string) => boolean): Map<Variable, Binding> {
  const out = new Map<Variable, Binding>();
  const add = (node: Node, binding: Binding): void => {
    for (const v of js.scopeManager.getDeclaredVariables(node)) out.set(v, binding);
  };
  walk(js.ast, (n) => {
    if (n.type === 'ImportDeclaration' && accept(n.source.value)) {
      for (const s of n.specifiers) {
        if (s.type === 'ImportDefaultSpecifier') add(s, { module: n.source.value, imported: 'default' });
        else if (s.type === 'ImportNamespaceSpecifier') add(s, { module: n.source.value, imported: '*' });
        else add(s, { module: n.source.value, imported: s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value) });
      }
    } else if (n.type === 'VariableDeclarator' && n.init) {
      // `const run = require('vm').runInNewContext`: a named export taken straight off the require.
      const init = unwrap(n.init);
      if (n.id.type === 'Identifier' && init.type === 'MemberExpression' && !init.computed && init.property.type === 'Identifier' && init.property.name !== 'default') {
        const named = requiredModule(init.object);
        if (named !== undefined && accept(named)) add(n, { module: named, imported: init.property.name });
        return;
      }
      const mod = requiredModule(n.init);
      if (mod === undefined || !accept(mod)) return;
      if (n.id.type === 'Identifier') add(n, { module: mod, imported: 'default' });
      else if (n.id.type === 'ObjectPattern') {
        for (const p of n.id.properties) {
          if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier') continue;
          const local = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
          if (local.type !== 'Identifier') continue;
          const v = resolveVariable(js, local);
          if (v) out.set(v, { module: mod, imported: p.key.name });
        }
      }
    } else if (n.type === 'TSImportEqualsDeclaration' && n.moduleReference.type === 'TSExternalModuleReference') {
      const e = n.moduleReference.expression;
      if (e.type === 'Literal' && typeof e.value === 'string' && accept(e.value)) add(n, { module: e.value, imported: '*' });
    }
  });
  return out;
}

/** `require('m')` (also `require('m').default`), or undefined. */
export function requiredModule(node: Node): string | undefined {
  let e = unwrap(node);
  if (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier' && e.property.name === 'default') e = unwrap(e.object);
  if (e.type !== 'CallExpression' || e.callee.type !== 'Identifier' || e.callee.name !== 'require') return undefined;
  const a = e.arguments[0];
  return a?.type === 'Literal' && typeof a.value === 'string' ? a.value : undefined;
}

/**
 * What a callee refers to through the bindings: `cors` -> cors default, `jwt.sign` -> jsonwebtoken `sign`,
 * `require('cors')` -> cors default. Undefined for anything else.
 */
export function calleeBinding(js: JsAst, bindings: Map<Variable, Binding>, callee: Node): Binding | undefined {
  const e = unwrap(callee);
  if (e.type === 'Identifier') {
    const v = resolveVariable(js, e);
    return v ? bindings.get(v) : undefined;
  }
  const required = requiredModule(e);
  if (required !== undefined) return { module: required, imported: 'default' };
  if (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier') {
    const obj = calleeBinding(js, bindings, e.object);
    if (obj && (obj.imported === 'default' || obj.imported === '*')) return { module: obj.module, imported: e.property.name };
  }
  return undefined;
}

/** Drops TypeScript wrappers (`x as T`, `x!`, `x satisfies T`, `<T>x`). */
export function unwrap(node: Node): Node {
  let n = node;
  while (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSTypeAssertion') n = n.expression;
  return n;
}

/** A property's static key: `a`, `'a'`, `["a"]`; undefined for computed keys. */
export function propKey(p: TSESTree.Property): string | undefined {
  if (p.key.type === 'Identifier' && !p.computed) return p.key.name;
  if (p.key.type === 'Literal' && (typeof p.key.value === 'string' || typeof p.key.value === 'number')) return String(p.key.value);
  return undefined;
}

/** The last property named `name` of an object literal (the one that wins). */
export function getProp(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) if (p.type === 'Property' && propKey(p) === name) found = p;
  return found;
}

/** A spread after the property could override it; a spread before it cannot. */
export function spreadAfter(obj: TSESTree.ObjectExpression, prop: TSESTree.Property | undefined): boolean {
  const at = prop ? obj.properties.indexOf(prop) : -1;
  return obj.properties.some((p, i) => p.type === 'SpreadElement' && i > at);
}

/** The value of a string literal or a template literal without substitutions. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked ?? undefined;
  return undefined;
}

export function isBool(node: Node | null | undefined, value: boolean): boolean {
  if (!node) return false;
  const n = unwrap(node);
  return n.type === 'Literal' && n.value === value;
}

/**
 * The initializer of the `const` an identifier names, when it has exactly one definition and is never reassigned;
 * undefined otherwise (parameters, `let` that changes, imports).
 */
export function constInit(js: JsAst, id: TSESTree.Identifier): { init: Node; declarator: TSESTree.VariableDeclarator; name: string } | undefined {
  const v = resolveVariable(js, id);
  if (!v || v.defs.length !== 1) return undefined;
  const def = v.defs[0];
  if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
  if (def.parent?.type !== 'VariableDeclaration') return undefined;
  if (v.references.some((r) => r.isWrite() && r.identifier !== def.node.id)) return undefined;
  return { init: def.node.init, declarator: def.node, name: def.node.id.name };
}

/** Follows one identifier to its constant initializer; the node itself otherwise. */
export function follow(js: JsAst, node: Node): Node {
  const n = unwrap(node);
  if (n.type !== 'Identifier') return n;
  const c = constInit(js, n);
  return c ? unwrap(c.init) : n;
}

/**
 * The object literals an options argument is made of: `{ … }`, a `const` holding one, or the parts of
 * `Object.assign({}, defaults, { … })` (later parts win, so they come last).
 */
export function optionObjects(js: JsAst, node: Node | undefined): TSESTree.ObjectExpression[] {
  if (!node) return [];
  const n = follow(js, node);
  if (n.type === 'ObjectExpression') return [n];
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.object.name === 'Object' &&
    n.callee.property.type === 'Identifier' && n.callee.property.name === 'assign') {
    return n.arguments.flatMap((a) => (a.type === 'SpreadElement' ? [] : optionObjects(js, a)));
  }
  return [];
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`, `Bun.env.X`. */
export function isEnvRead(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'MemberExpression') {
    const o = unwrap(n.object);
    if (o.type === 'MemberExpression' && !o.computed && o.property.type === 'Identifier' && o.property.name === 'env') {
      const root = unwrap(o.object);
      if (root.type === 'Identifier' && (root.name === 'process' || root.name === 'Bun')) return true;
      if (root.type === 'MetaProperty') return true;
    }
    return false;
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
    const c = n.callee;
    return !c.computed && c.property.type === 'Identifier' && c.property.name === 'get' && c.object.type === 'MemberExpression' &&
      c.object.property.type === 'Identifier' && c.object.property.name === 'env' && c.object.object.type === 'Identifier' && c.object.object.name === 'Deno';
  }
  return false;
}

/** A `||`/`??` fallback after an environment read: `process.env.X || 'literal'` -> the literal. */
export function envFallback(node: Node): { literal: Node; value: string; expr: TSESTree.LogicalExpression } | undefined {
  const n = unwrap(node);
  if (n.type !== 'LogicalExpression' || (n.operator !== '||' && n.operator !== '??')) return undefined;
  const value = stringValue(n.right);
  if (value === undefined || !isEnvRead(n.left)) return undefined;
  return { literal: n.right, value, expr: n };
}

const DEV_WORDS = /\b(?:development|dev|isDev\w*|isDevelopment|__DEV__|local|isLocal|debug|isDebug|test|testing|isTest)\b|['"`](?:dev|development|local|test)['"`]/i;
const PROD_WORDS = /\b(?:production|prod|isProd\w*|isProduction)\b|['"`](?:production|prod)['"`]/i;
/** The test is negated: `!==`, `!=`, `!isDev`. */
const NEGATED = /!==?|(?:^|[^=!])!\s*[\w(]/;

/** Whether a condition's true branch runs only outside production (undefined when the condition says nothing about it). */
function devWhenTrue(test: string): boolean | undefined {
  const neg = NEGATED.test(test);
  if (PROD_WORDS.test(test)) return neg;
  if (DEV_WORDS.test(test)) return !neg;
  return undefined;
}

/**
 * Whether `node` only runs in development: inside `if (NODE_ENV === 'development')`, the else of
 * `if (NODE_ENV === 'production')`, `isDev && …`, `isDev ? … : …`.
 */
export function inDevBranch(text: string, node: Node): boolean {
  let child: Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'IfStatement' || p.type === 'ConditionalExpression') {
      if (child === p.test) continue;
      const dev = devWhenTrue(text.slice(p.test.range[0], p.test.range[1]));
      if (dev !== undefined && (child === p.consequent ? dev : !dev)) return true;
    } else if (p.type === 'LogicalExpression' && p.operator === '&&' && child === p.right) {
      if (devWhenTrue(text.slice(p.left.range[0], p.left.range[1])) === true) return true;
    }
  }
  return false;
}

/** Files that only run in development, by name: `server.dev.js`, `dev-server.ts`, `webpack.dev.js`, `vite.config.ts`, mocks, stories. */
export function isDevOnlyFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  return /(?:^|[.\-_])(?:dev|devserver|development|local|mock|mocks|stories|storybook|e2e)(?:[.\-_]|$)/.test(name) ||
    /^(?:webpack|vite|rollup|next|nuxt|jest|vitest|karma|playwright|cypress)\.config\./.test(name) || /(?:^|\/)(?:scripts|\.storybook|cypress|playwright)\//.test(path);
}

/** How to read an environment variable in the file's language (TypeScript needs a string, not `string | undefined`). */
export function envRef(lang: string, name: string): string {
  return lang === 'typescript' ? `process.env.${name}!` : `process.env.${name}`;
}
