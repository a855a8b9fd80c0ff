// config/js-dynamic-code: eval(), new Function(), Node vm and string timers (setTimeout/setInterval) running code built from non-constant values.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { isJsLike } from '../../languages/detect';
import { jsAst, resolveVariable, walk, type JsAst, type Node } from '../../languages/javascript';
import { calleeBinding, constInit, moduleBindings, unwrap, type Binding } from '../../languages/js-patterns';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/js-dynamic-code';
/** Objects whose `eval`, `Function` and timers are the global ones. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
const TIMERS = new Set(['setTimeout', 'setInterval']);
/** Member chains that carry input from the request, the URL, the command line or another window. */
const USER_INPUT = /^(?:(?:req|request|ctx|ctx\.request|context\.request|event)\.(?:body|query|params|param|headers|cookies|queryStringParameters|pathParameters)|(?:window\.|document\.)?location\.(?:hash|search|href|pathname)|document\.(?:URL|documentURI|referrer|cookie)|window\.name|process\.argv|process\.stdin)\b/;
const MAX_DEPTH = 5;

type Sink = 'eval' | 'Function' | 'timer' | 'vm';
const VM_MODULES = new Set(['vm', 'node:vm']);
/** Node `vm` functions whose first argument is source code, and its classes constructed from source code. */
const VM_CALLS = new Set(['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']);
const VM_CLASSES = new Set(['Script', 'SourceTextModule']);


/** `vm.runInNewContext(code)`, `new vm.Script(code)`, `require('vm').runInThisContext(code)`: the vm sink a call is. */
function vmSinkOf(js: JsAst, bindings: Map<Variable, Binding>, n: TSESTree.CallExpression | TSESTree.NewExpression): { sink: Sink; name: string } | undefined {
  const b = calleeBinding(js, bindings, n.callee);
  if (!b || !VM_MODULES.has(b.module)) return undefined;
  const known = n.type === 'NewExpression' ? VM_CLASSES : VM_CALLS;
  return known.has(b.imported) ? { sink: 'vm', name: n.type === 'NewExpression' ? `new vm.${b.imported}()` : `vm.${b.imported}()` } : undefined;
}

/** `a.b.c` for a member chain of plain names (computed string keys included), else undefined. */
function chain(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type !== 'MemberExpression') return undefined;
  const obj = chain(n.object);
  if (obj === undefined) return undefined;
  if (!n.computed && n.property.type === 'Identifier') return `${obj}.${n.property.name}`;
  if (n.computed && n.property.type === 'Literal' && typeof n.property.value === 'string') return `${obj}.${n.property.value}`;
  return undefined;
}

/** Whether identifier `id` names the global, not a local, parameter or import of the same name. */
function isGlobal(js: JsAst, id: TSESTree.Identifier): boolean {
  const v = resolveVariable(js, id);
  return !v || v.defs.length === 0;
}

/** Which code-running global a callee is: `eval`, `window.eval`, `(0, eval)`, `Function`, `setTimeout`, `globalThis.setInterval`. */
function sinkOf(js: JsAst, callee: Node): { sink: Sink; name: string } | undefined {
  let c = unwrap(callee);
  if (c.type === 'SequenceExpression') c = unwrap(c.expressions[c.expressions.length - 1]);
  let name: string | undefined;
  if (c.type === 'Identifier') {
    if (!isGlobal(js, c)) return undefined;
    name = c.name;
  } else if (c.type === 'MemberExpression') {
    const text = chain(c);
    const dot = text?.lastIndexOf('.') ?? -1;
    if (!text || dot < 0 || !GLOBAL_OBJECTS.has(text.slice(0, dot))) return undefined;
    const root = unwrap(c.object);
    if (root.type === 'Identifier' && !isGlobal(js, root)) return undefined;
    name = text.slice(dot + 1);
  }
  if (name === 'eval') return { sink: 'eval', name: 'eval()' };
  if (name === 'Function') return { sink: 'Function', name: 'Function()' };
  if (name && TIMERS.has(name)) return { sink: 'timer', name: `${name}()` };
  return undefined;
}

/**
 * Text read straight from the URL or the request (`location.hash`, `req.query.code`), through string methods
 * (`location.search.slice(1)`) or a `const` holding one; not a lookup keyed by it (`handlers[req.query.name]`).
 */
function inputText(js: JsAst, node: Node, depth = 0): boolean {
  const n = unwrap(node);
  if (depth > MAX_DEPTH) return false;
  if (n.type === 'MemberExpression') {
    const text = chain(n);
    return text !== undefined && USER_INPUT.test(text);
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') return inputText(js, n.callee.object, depth + 1);
  if (n.type === 'Identifier') {
    const c = constInit(js, n);
    return c !== undefined && inputText(js, c.init, depth + 1);
  }
  return false;
}

class Values {
  constructor(private readonly js: JsAst) {}

  /** Whether the expression always has the same value: literals, holes-free templates, constants, JSON.stringify(...). */
  constant(node: Node, depth = 0): boolean {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return false;
    switch (n.type) {
      case 'Literal':
        return !('regex' in n && n.regex);
      case 'TemplateLiteral':
        return n.expressions.every((e) => this.constant(e, depth + 1));
      case 'TaggedTemplateExpression':
        return chain(n.tag) === 'String.raw' && n.quasi.expressions.every((e) => this.constant(e, depth + 1));
      case 'BinaryExpression':
        return n.left.type !== 'PrivateIdentifier' && this.constant(n.left, depth + 1) && this.constant(n.right, depth + 1);
      case 'LogicalExpression':
        return this.constant(n.left, depth + 1) && this.constant(n.right, depth + 1);
      case 'ConditionalExpression':
        // A choice between constant code strings runs one of them, whatever picks it.
        return this.constant(n.consequent, depth + 1) && this.constant(n.alternate, depth + 1);
      case 'UnaryExpression':
        return this.constant(n.argument, depth + 1);
      case 'ArrayExpression':
        return n.elements.every((e) => e !== null && e.type !== 'SpreadElement' && this.constant(e, depth + 1));
      case 'Identifier': {
        if (n.name === 'undefined') return true;
        const c = constInit(this.js, n);
        return c !== undefined && this.constant(c.init, depth + 1);
      }
      case 'CallExpression': {
        const callee = chain(n.callee);
        // JSON.stringify writes a data literal: it cannot run code when evaluated.
        if (callee === 'JSON.stringify') return true;
        // `["a", "b"].join("\n")`
        if (n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && n.callee.property.name === 'join') {
          return this.constant(n.callee.object, depth + 1) && n.arguments.every((a) => a.type !== 'SpreadElement' && this.constant(a, depth + 1));
        }
        return false;
      }
      default:
        return false;
    }
  }

  /** Whether the expression is a string built with holes: a template with expressions, or `+` with a string operand. */
  stringBuilt(node: Node, depth = 0): boolean {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return false;
    if (n.type === 'TemplateLiteral') return n.expressions.length > 0;
    if (n.type === 'BinaryExpression' && n.operator === '+') return this.stringish(n.left, depth + 1) || this.stringish(n.right, depth + 1);
    if (n.type === 'Identifier') {
      const c = constInit(this.js, n);
      return c !== undefined && this.stringBuilt(c.init, depth + 1);
    }
    return false;
  }

  private stringish(node: Node, depth: number): boolean {
    const n = unwrap(node);
    if (n.type === 'Literal') return typeof n.value === 'string';
    return this.stringBuilt(n, depth);
  }

  /** Whether the expression (or a constant it names) reads request, URL or command-line input. */
  userInput(node: Node, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    let found = false;
    walk(node, (n) => {
      if (found) return false;
      if (n.type === 'MemberExpression') {
        const text = chain(n);
        if (text && USER_INPUT.test(text)) found = true;
        return !found;
      }
      if (n.type === 'Identifier' && n.parent?.type !== 'MemberExpression') {
        const c = constInit(this.js, n);
        if (c && c.init !== node && this.userInput(c.init, depth + 1)) found = true;
      }
      // Functions inside the argument run later with their own inputs.
      return n === node || (n.type !== 'FunctionExpression' && n.type !== 'ArrowFunctionExpression');
    });
    return found;
  }
}

function check(ctx: RuleContext, js: JsAst): void {
  const values = new Values(js);
  const vm = /\bvm\b/.test(ctx.text) ? moduleBindings(js, (m) => VM_MODULES.has(m)) : new Map<Variable, Binding>();
  walk(js.ast, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
    let found = sinkOf(js, n.callee);
    if (found && n.type === 'NewExpression' && found.sink !== 'Function') return;
    if (!found && /\bvm\b/.test(ctx.text)) found = vmSinkOf(js, vm, n);
    if (!found) return;
    const args = n.arguments;
    // The code: eval's first argument, every argument of Function (parameters and body), a timer's first argument.
    const code: Node[] = found.sink === 'Function' ? args : args.slice(0, 1);
    if (code.length === 0) return;
    const dynamic = code.filter((a) => a.type === 'SpreadElement' || !values.constant(a));
    if (dynamic.length === 0) return;
    // A timer's first argument is usually a function: only a string built from values, or text read from the URL
    // or the request (`setTimeout(location.hash)`), is code.
    if (found.sink === 'timer' && !values.stringBuilt(dynamic[0]) && !inputText(js, dynamic[0])) return;
    const user = dynamic.some((a) => values.userInput(a));
    const messageId = user ? 'userInput' : found.sink === 'eval' ? 'eval' : found.sink === 'Function' ? 'function' : found.sink === 'vm' ? 'vm' : 'timer';
    ctx.report({ start: n.range[0], end: n.range[1], messageId, data: { name: found.name }, severity: user ? 'error' : undefined });
  });
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'eval(), new Function(), Node vm or a string setTimeout/setInterval running code built from non-constant values; an error when it comes from the request or the URL.',
    severity: 'warning',
    cwe: 'CWE-95',
    fix: 'none',
    messages: {
      eval: 'eval() runs whatever code this value holds; parse data with JSON.parse and dispatch with a lookup table instead',
      function: 'new Function() compiles this value into code, like eval(); build the behaviour from functions instead of strings',
      timer: '{{name}} with a string runs it as code, like eval(); pass a function instead',
      userInput: '{{name}} runs code taken from user input: anyone who controls it can run code in this context',
      vm: '{{name}} compiles this value into code and runs it, like eval(); the vm module is not a security boundary',
    },
    help:
      'eval, the Function constructor and string timers compile text into code. For data, use JSON.parse; for behaviour, pass ' +
      `functions or look them up in an object of allowed ones. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => isJsLike(lang) && !path.endsWith('.d.ts') && !isTestLikePath(path),
  check(ctx) {
    if (!/\b(?:eval|Function|setTimeout|setInterval|vm)\b/.test(ctx.text)) return;
    const js = jsAst(ctx);
    if (js) check(ctx, js);
  },
});
