// config/express-debug-error-handler: the `errorhandler` development middleware (or Express 3's express.errorHandler) mounted outside a development-only branch.
import type { TSESTree } from '@typescript-eslint/types';
import { isJsLike } from '../../languages/detect';
import { jsAst, walk, type Node } from '../../languages/javascript';
import { calleeBinding, inDevBranch, isDevOnlyFile, moduleBindings, stringValue } from '../../languages/js-patterns';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/express-debug-error-handler';

/** Inside `app.configure('development', function () { … })` (Express 2/3). */
function inConfigureDev(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'CallExpression' || p.callee.type !== 'MemberExpression' || p.callee.property.type !== 'Identifier' || p.callee.property.name !== 'configure') continue;
    if (/^(?:dev|development|local|test)$/i.test(stringValue(p.arguments[0]) ?? '')) return true;
  }
  return false;
}

/** `app.use(errorhandler());` alone on its line: wrapped in a NODE_ENV check. */
function guardFix(ctx: RuleContext, call: TSESTree.CallExpression): Fix[] {
  const use = call.parent;
  if (use?.type !== 'CallExpression' || use.arguments.length !== 1 || use.callee.type !== 'MemberExpression' || use.callee.property.type !== 'Identifier' || use.callee.property.name !== 'use') return [];
  const stmt = use.parent;
  if (stmt?.type !== 'ExpressionStatement' || (stmt.parent?.type !== 'Program' && stmt.parent?.type !== 'BlockStatement')) return [];
  const text = ctx.text.slice(stmt.range[0], stmt.range[1]);
  return [{
    title: "Mount it only when NODE_ENV is 'development'", applicability: 'unsafe',
    changes: [{ path: ctx.path, edits: [ctx.lines.edit(stmt.range[0], stmt.range[1], `if (process.env.NODE_ENV === 'development') ${text.endsWith(';') ? text : text + ';'}`)] }],
  }];
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'The errorhandler development middleware (stack traces in responses) is mounted outside a development-only branch.',
    severity: 'warning',
    cwe: 'CWE-489',
    fix: 'unsafe',
    messages: {
      errorhandler: '{{what}} sends stack traces and error details to the client; it is meant for development only, so mount it behind a NODE_ENV check',
    },
    help: `The errorhandler middleware shows full stack traces and error objects to whoever triggers an error. Mount it only in development and use an error handler that logs the details and returns a generic message in production. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => isJsLike(lang) && !path.endsWith('.d.ts') && !isTestLikePath(path) && !isDevOnlyFile(path),
  check(ctx) {
    if (!/errorhandler/i.test(ctx.text)) return;
    const js = jsAst(ctx);
    if (!js) return;
    const bindings = moduleBindings(js, (m) => m === 'errorhandler' || m === 'express');
    if (bindings.size === 0) return;
    walk(js.ast, (n) => {
      if (n.type !== 'CallExpression') return;
      const b = calleeBinding(js, bindings, n.callee);
      const what = b?.module === 'errorhandler' && b.imported === 'default' ? 'errorhandler()' : b?.module === 'express' && b.imported === 'errorHandler' ? 'express.errorHandler()' : undefined;
      if (!what || inDevBranch(ctx.text, n) || inConfigureDev(n)) return;
      ctx.report({ start: n.range[0], end: n.range[1], messageId: 'errorhandler', data: { what }, fixes: guardFix(ctx, n) });
    });
  },
});
