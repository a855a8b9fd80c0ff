// Parses JavaScript/TypeScript (and JSX/TSX) with typescript-eslint, once per file, plus AST walking and scope helpers.
import type { Reference, Scope, ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { Lib, TSESTree } from '@typescript-eslint/types';

export type Node = TSESTree.Node;

export interface JsAst {
  ast: TSESTree.Program;
  scopeManager: ScopeManager;
  /** Identifier node -> the reference the scope manager made for it (reads and writes). */
  references: Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Reference>;
}

type Estree = typeof import('@typescript-eslint/typescript-estree');
type Scopes = typeof import('@typescript-eslint/scope-manager');
let modules: { estree: Estree; scopes: Scopes } | undefined;

/**
 * The two halves of `@typescript-eslint/parser` (same AST, same scopes), called directly: `parseForESLint` always
 * builds the token and comment arrays, which no rule here reads and which double the parse time of a large file.
 * Loaded on first use so rules for other languages never pay for loading TypeScript.
 */
function parser(): { estree: Estree; scopes: Scopes } {
  modules ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    estree: require('@typescript-eslint/typescript-estree') as Estree,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    scopes: require('@typescript-eslint/scope-manager') as Scopes,
  };
  return modules;
}

/**
 * The file name the parser sees: TypeScript decides TS syntax and JSX from the extension (JS files always allow JSX,
 * .ts never does because of `<T>x` casts, .tsx always does).
 */
function parserPath(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'ts' || ext === 'mts' || ext === 'cts') return 'file.ts';
  if (ext === 'tsx') return 'file.tsx';
  if (ext === 'jsx') return 'file.jsx';
  return 'file.js';
}

/**
 * Parses `text` without type information; undefined when it does not parse (a buffer mid-edit). `lib` names the
 * built-in globals the scope analysis declares (default `esnext`; declaring them costs more than analysing a small file,
 * and a rule that never looks at built-ins may pass `[]`).
 */
export function parseJs(text: string, path: string, options: { lib?: Lib[] } = {}): JsAst | undefined {
  let p: { estree: Estree; scopes: Scopes };
  try {
    p = parser();
  } catch {
    return undefined;
  }
  const filePath = parserPath(path);
  try {
    const ast = p.estree.parse(text, {
      range: true,
      loc: true,
      jsx: filePath !== 'file.ts',
      filePath,
      // stdout is the LSP transport: the parser must never print.
      loggerFn: false,
    });
    // TypeScript's parser accepts both scripts and modules; only the scope analysis needs to know which.
    const sourceType = ast.body.some((n) => n.type.startsWith('Import') || n.type.startsWith('Export')) ? 'module' : 'script';
    const scopeManager = p.scopes.analyze(ast, { sourceType, lib: options.lib ?? ['esnext'], jsxPragma: null });
    const references = new Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Reference>();
    for (const scope of scopeManager.scopes) for (const ref of scope.references) references.set(ref.identifier, ref);
    setParents(ast);
    return { ast, scopeManager, references };
  } catch {
    return undefined;
  }
}

type Typescript = typeof import('typescript');
let typescriptModule: Typescript | undefined;

/**
 * TypeScript's own syntax tree of `text`, without parent pointers, estree conversion or scopes (a fraction of
 * `parseJs`'s time), for rules that pre-scan a large file before deciding what to parse. Same parser settings as
 * `parseJs`: undefined when TypeScript reports a syntax error, which makes `parseJs` fail too.
 */
export function parseTsSyntax(text: string, path: string): { ts: Typescript; sourceFile: import('typescript').SourceFile } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    typescriptModule ??= require('typescript') as Typescript;
  } catch {
    return undefined;
  }
  const ts = typescriptModule;
  const filePath = parserPath(path);
  const kind = filePath === 'file.ts' ? ts.ScriptKind.TS : filePath === 'file.tsx' ? ts.ScriptKind.TSX : filePath === 'file.jsx' ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  try {
    const sourceFile = ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
    // typescript-estree throws on the first of these, which is what makes parseJs return undefined.
    if ((sourceFile as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return undefined;
    return { ts, sourceFile };
  } catch {
    return undefined;
  }
}

/** The file's AST, parsed once and shared by every JS/TS rule. */
export function jsAst(ctx: { memo<T>(key: string, compute: () => T): T; text: string; path: string }): JsAst | undefined {
  return ctx.memo('js-ast', () => parseJs(ctx.text, ctx.path));
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && Array.isArray((v as { range?: unknown }).range);
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key in node) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) out.push(x);
    } else if (isNode(v)) out.push(v);
  }
  return out;
}

/** typescript-estree leaves `parent` to ESLint; rules need it to look at a node's context. */
function setParents(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const c of children(node)) {
      (c as { parent?: Node }).parent = node;
      stack.push(c);
    }
  }
}

/**
 * Visits every node in source order. `visit` returning false skips the node's children.
 * Iterative, so deeply nested code cannot overflow the stack.
 */
export function walk(root: Node, visit: (node: Node) => void | boolean): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Calls `visit` for every node of the given type. */
export function forEach<K extends Node['type']>(root: Node, type: K, visit: (node: Extract<Node, { type: K }>) => void): void {
  walk(root, (n) => {
    if (n.type === type) visit(n as Extract<Node, { type: K }>);
  });
}

/** The variable an identifier refers to, also for globals the scope manager left unresolved. */
export function resolveVariable(js: JsAst, id: TSESTree.Identifier): Variable | undefined {
  const ref = js.references.get(id);
  if (!ref) return undefined;
  if (ref.resolved) return ref.resolved;
  for (let s: Scope | null = ref.from; s; s = s.upper) {
    const v = s.set.get(id.name);
    if (v) return v;
  }
  return undefined;
}

/** Module names the file imports or requires (`pg`, `mysql2/promise`). */
export function importedModules(js: JsAst): Set<string> {
  const out = new Set<string>();
  walk(js.ast, (n) => {
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source) out.add(n.source.value);
    else if (n.type === 'ImportExpression' && n.source.type === 'Literal' && typeof n.source.value === 'string') out.add(n.source.value);
    else if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require') {
      const a = n.arguments[0];
      if (a?.type === 'Literal' && typeof a.value === 'string') out.add(a.value);
    } else if (n.type === 'TSImportEqualsDeclaration' && n.moduleReference.type === 'TSExternalModuleReference') {
      const e = n.moduleReference.expression;
      if (e.type === 'Literal' && typeof e.value === 'string') out.add(e.value);
    }
  });
  return out;
}
