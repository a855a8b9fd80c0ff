// sql/string-built-query for JavaScript and TypeScript: templates, `+` and `+=` reaching a database query call.
import type { Reference, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type * as TS from 'typescript';
import { analyze, decodeChars, looksLikeSql, rewrite, type Analysis, type Hole, type Item, type Position, type Rewrite, type Style, type ValuesSlot } from '../../fixes/parameterize';
import { importedModules, jsAst, parseJs, parseTsSyntax, resolveVariable, walk, type JsAst, type Node } from '../../languages/javascript';
import { isJsLike, type Lang } from '../../languages/detect';
import type { RuleContext } from '../../rule';
import type { Fix, Report, TextEdit } from '../../types';
import { short, SQL_HINT, type SqlDetector, hasUnsafeHole, partItems } from './detector';

type Call = TSESTree.CallExpression;
type Expr = TSESTree.Expression;

/** Methods whose first argument is a whole statement; the text must look like SQL. */
/** A parameter named for a table (`table`, `tableName`, `fromTable`, `tbl`): the callers pass the code's tables. */
const TABLE_PARAM = /^(?:table|tbl)(?:_?[Nn]ame)?$|[a-z](?:Table|_table)(?:_?[Nn]ame)?$/;
const STATEMENT_METHODS = new Set(['query', 'execute', 'run', 'get', 'all', 'each', 'exec', 'prepare', 'raw', 'unsafe', '$queryRawUnsafe', '$executeRawUnsafe', '$queryRaw', '$executeRaw']);
/**
 * Prisma's raw calls: `$queryRaw`/`$executeRaw` bind each `${}` when used as a tag, but called with a string (a plain
 * template, a concatenation) they send it as is, like the `…Unsafe` forms. The fix turns either into the tagged form.
 */
const PRISMA_RAW: Record<string, string> = { $queryRawUnsafe: '$queryRaw', $executeRawUnsafe: '$executeRaw', $queryRaw: '$queryRaw', $executeRaw: '$executeRaw' };
/** Knex methods that take an SQL fragment; the name alone says it is SQL. */
const KNEX_FRAGMENT = new Set(['whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'andHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw', 'selectRaw', 'onRaw']);
/** Where the first hole of a Knex fragment sits. */
const FRAGMENT_START: Record<string, Position> = {
  orderByRaw: 'name', groupByRaw: 'name', selectRaw: 'name', fromRaw: 'name', joinRaw: 'name',
  orderBy: 'name', addOrderBy: 'name', groupBy: 'name', addGroupBy: 'name',
};
const KNEX_RECEIVER = /^(?:knex|db|trx|tx|database|conn|connection|client|k)$/i;
/** Drizzle and Kysely: `sql.raw(text)` inserts the text as is, an SQL fragment. */
const SQL_TAG_MODULE = /^(?:drizzle-orm(?:\/|$)|kysely$)/;
/**
 * TypeORM QueryBuilder methods taking an SQL condition (and named `:name` parameters as a second argument), and those
 * taking a column. Sinks only in a file that mentions TypeORM (an import, or the chain's `createQueryBuilder`).
 */
const TYPEORM_CONDITION = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving']);
const TYPEORM_COLUMN = new Set(['orderBy', 'addOrderBy', 'groupBy', 'addGroupBy']);
const TYPEORM_METHODS = [...TYPEORM_CONDITION, ...TYPEORM_COLUMN];
/** Cheap text test before TypeORM's method names count as sinks (`.where(` alone is far too common). */
const TYPEORM_HINT = /\btypeorm\b|\bcreateQueryBuilder\b/;
const TYPEORM_MODULE = /(?:^|\/)typeorm(?:\/|$)/;
/** QueryBuilder methods whose object arguments (and `setParameter`'s first) name parameters shared by the whole query. */
const TYPEORM_PARAMS = /^(?:where\w*|having\w*|(?:and|or)(?:Where|Having)\w*|setParameters?|(?:inner|left)Join\w*)$/;
/** node-mssql (`mssql`, `mssql/msnodesqlv8`): named `@name` parameters bound with `request.input(name, value)`. */
const MSSQL_MODULE = /^mssql(?:\/|$)/;
/**
 * Statement methods of one library, sinks only in a file that imports it (the names alone are far too common), and
 * the key holding the statement when it is passed as an object.
 */
type Library = {
  module: RegExp;
  methods: Set<string>;
  key?: string;
  /**
   * The fix: the methods it applies to, the statement object's key for the values, whether they may be named (`@x`,
   * an object) or positional (`?`, an array), and whether a string statement may become an object.
   */
  fix?: { methods: Set<string>; values: string; named: boolean; positional: boolean; fromString: boolean };
};
/** pg-promise: `db.one(sql, values)`, `t.any(…)`…, with `$1` placeholders; `{ text, values }` is a ParameterizedQuery. */
const PG_PROMISE: Library = {
  module: /^pg-promise(?:\/|$)/, key: 'text',
  methods: new Set(['any', 'many', 'manyOrNone', 'map', 'multi', 'multiResult', 'none', 'one', 'oneOrNone', 'result', 'each', 'query']),
};
/**
 * Cloud Spanner: a database's or transaction's `run(sql | { sql, params })`, `runStream`, `runUpdate`,
 * `runPartitionedUpdate`; the v1 client's `executeSql({ session, sql })` and `executeStreamingSql`. `@name` parameters.
 */
const SPANNER: Library = {
  module: /^@google-cloud\/spanner(?:\/|$)/, key: 'sql',
  methods: new Set(['run', 'runStream', 'runUpdate', 'runPartitionedUpdate', 'executeSql', 'executeStreamingSql']),
  // The v1 client's requests take typed protobuf values: no fix there.
  fix: { methods: new Set(['run', 'runStream', 'runUpdate', 'runPartitionedUpdate']), values: 'params', named: true, positional: false, fromString: true },
};
/** BigQuery: `bigquery.query(sql | { query, params })`, `createQueryJob`; `?` with a `params` array, or `@name` with an object. */
const BIGQUERY: Library = {
  module: /^@google-cloud\/bigquery(?:\/|$)/, key: 'query', methods: new Set(['query', 'createQueryJob']),
  fix: { methods: new Set(['query', 'createQueryJob']), values: 'params', named: true, positional: true, fromString: true },
};
/** Snowflake: `connection.execute({ sqlText, binds })`, `?` placeholders. */
const SNOWFLAKE: Library = {
  module: /^snowflake-sdk$/, key: 'sqlText', methods: new Set(['execute']),
  fix: { methods: new Set(['execute']), values: 'binds', named: false, positional: true, fromString: false },
};
/** node-mssql's `request.batch(sql)` (no parameters: reported without a fix). */
const MSSQL_BATCH: Library = { module: /^mssql(?:\/|$)/, methods: new Set(['batch']) };
const LIBRARIES = [PG_PROMISE, SPANNER, BIGQUERY, SNOWFLAKE, MSSQL_BATCH];
/**
 * AWS SDK calls taking the statement as a property of their input, by the v2 client method or v3 command class
 * (`new …Command(input)`): RDS Data API `sql`, DynamoDB PartiQL `Statement`, Athena `QueryString` (and a prepared
 * statement's `QueryStatement`), S3 Select `Expression`. Sinks in a file importing the SDK; the input an object
 * literal, or a variable initialized to one in the same function. Reported without a fix (each API binds parameters
 * its own way: typed values, SQL-quoted strings).
 */
const AWS_SINKS: Record<string, string[]> = {
  executeStatement: ['sql', 'Statement'], ExecuteStatementCommand: ['sql', 'Statement'],
  batchExecuteStatement: ['sql'], BatchExecuteStatementCommand: ['sql'],
  executeSql: ['sqlStatements'], ExecuteSqlCommand: ['sqlStatements'],
  startQueryExecution: ['QueryString'], StartQueryExecutionCommand: ['QueryString'],
  createPreparedStatement: ['QueryStatement'], CreatePreparedStatementCommand: ['QueryStatement'],
  selectObjectContent: ['Expression'], SelectObjectContentCommand: ['Expression'],
};
const AWS_MODULE = /^(?:aws-sdk(?:\/|$)|@aws-sdk\/(?:client-(?:rds-data|dynamodb|athena|s3)|lib-dynamodb)$)/;
const AWS_METHODS = Object.keys(AWS_SINKS).filter((k) => /^[a-z]/.test(k));
const AWS_COMMANDS = Object.keys(AWS_SINKS).filter((k) => /^[A-Z]/.test(k));
/** Cheap text test before the libraries' method names count as sinks. */
const LIBRARY_HINT = /\bpg-promise\b|@google-cloud\/(?:spanner|bigquery)\b|\bsnowflake-sdk\b|\baws-sdk\b|@aws-sdk\/|['"]mssql\b/;
/** pg-cursor and pg-query-stream: `client.query(new Cursor(text, values))`, the statement in the constructor. */
const PG_CURSOR_MODULE = /^pg-(?:cursor|query-stream)$/;
const PG_CURSOR_CLASS = /^(?:Cursor|QueryStream)$/;
const NOT_A_DATABASE = /^(?:child_?process|cp|childProcess|shell|execa|\$)$/i;

const PG_MODULES = new Set(['pg', 'pg-pool', 'pg-promise', 'pg-native', '@vercel/postgres', '@neondatabase/serverless', 'postgres', '@databases/pg', 'slonik']);
const Q_MODULES = new Set(['mysql', 'mysql2', 'mysql2/promise', 'mariadb', 'sqlite3', 'sqlite', 'better-sqlite3', 'node:sqlite', 'knex', '@databases/mysql']);

const ESCAPERS = /^(?:escape|escapeId|escapeLiteral|escapeIdentifier|escapeString|quote|quoteIdent|quoteIdentifier|quoteLiteral|quoteString|sqlEscape|escapeSql|escapeSQL)$/;
/** Array methods that change the array (`push`/`unshift` are followed). */
const MUTATORS = /^(?:pop|shift|splice|fill|sort|reverse|copyWithin)$/;
const NUMERIC_CALLS = new Set(['Number', 'parseInt', 'parseFloat', 'Math', 'BigInt']);
const PLACEHOLDER_TEXT = /^[\s,?$@:()\d]*[?$@:][\s,?$@:()\w]*$/;

type Sink = {
  call: Call | TSESTree.NewExpression;
  method: string;
  /** The node holding the SQL (first argument, `text` of `{ text, values }`, a Cursor's text, an AWS input's property). */
  query: Expr;
  fragment: boolean;
  /** A TypeORM QueryBuilder method. */
  typeorm?: boolean;
  /** An AWS SDK call or command (no fix). */
  aws?: boolean;
  /** The text of a pg-cursor/pg-query-stream passed to `query` (no fix). */
  cursor?: boolean;
};

export const javascript: SqlDetector = {
  appliesTo: ({ lang, path }: { lang: Lang; path: string }) => isJsLike(lang) && !path.endsWith('.d.ts'),
  check(ctx) {
    // Cheap prefilters, so that most files (no query-shaped call, or no SQL text anywhere) are never parsed.
    const typeorm = TYPEORM_HINT.test(ctx.text) && TYPEORM_CALL.test(ctx.text);
    const libs = LIBRARY_HINT.test(ctx.text) && LIBRARY_CALL.test(ctx.text);
    if (!typeorm && !libs && !SINK_CALL.test(ctx.text)) return;
    if (!typeorm && !FRAGMENT_CALL.test(ctx.text) && !SQL_HINT.test(ctx.text)) return;
    // Every query-shaped call takes a plain string literal (the usual parameterized query): nothing to report.
    const sinks = possibleBuiltSinks(ctx.text, typeorm, libs);
    if (!sinks.length) return;
    checkParts(ctx, sinks, typeorm, libs);
  },
};

/** The whole file parsed (shared with the config rules through the memo) and checked. */
function checkWhole(ctx: RuleContext): void {
  const js = jsAst(ctx);
  if (js) new Checker(ctx, js).run();
}

/**
 * Parsing a large file for estree and scopes costs far more than TypeScript's own parse, and most of its functions
 * hold no query that could be built. So TypeScript's tree locates the calls that could report (a sink whose first
 * argument is a template, a `+`, an object, or a variable built in the same function); the top-level declarations and
 * function bodies holding none are blanked (offsets kept) and only the rest is parsed (no built-in globals) and checked.
 * What blanked text could have changed is the declarations of and references to the names the check resolved (a write
 * or read inside a callback, a module constant, a reassignment elsewhere): when blanked text names one of them, it is
 * put back and the rest parsed again, and as a last resort the whole file is parsed.
 */
function checkParts(ctx: RuleContext, sinks: number[], typeorm: boolean, libs: boolean): void {
  const syntax = parseTsSyntax(ctx.text, ctx.path);
  // A syntax error: parseJs fails as well, and nothing is reported (the buffer is mid-edit).
  if (!syntax) return;
  const interesting = [...sinks];
  for (const m of ctx.text.matchAll(/require|import/g)) interesting.push(m.index);
  interesting.sort((a, b) => a - b);
  const scan = prescan(syntax.ts, syntax.sourceFile, interesting, typeorm, libs);
  if (!scan) return;
  let blank = scan.blank;
  for (let round = 0; round < 3 && blank.length; round++) {
    // No built-in globals: the check treats them as it treats unknown names (no declaration to follow).
    const js = parseJs(blankOut(ctx.text, blank), ctx.path, { lib: [] });
    if (!js) break;
    const reports: Report[] = [];
    const consulted = new Set<Variable>();
    const unresolved = new Set<string>();
    new Checker(ctx, js, (r) => reports.push(r), (id, v) => (v ? consulted.add(v) : unresolved.add(id.name))).run();
    const unsafe = blanksNaming(ctx.text, blank, consulted, unresolved);
    if (!unsafe.size) {
      for (const r of reports) ctx.report(r);
      return;
    }
    blank = blank.filter((b) => !unsafe.has(b));
  }
  checkWhole(ctx);
}

const SINK_CALL = /(?:\b(?:query|execute|run|get|all|each|exec|prepare|raw|unsafe|\w+Raw|literal)|\$\w+RawUnsafe)\s*(?:<[^()]*>\s*)?\(/;
/** Sinks whose argument is an SQL fragment, flagged without statement keywords. */
const FRAGMENT_CALL = /(?:\b(?:raw|unsafe|\w+Raw|literal)|\$\w+RawUnsafe)\s*(?:<[^()]*>\s*)?\(/;
/** TypeORM QueryBuilder sinks (fragments too); only looked for when the text mentions TypeORM. */
const TYPEORM_CALL = new RegExp(`\\.\\s*(?:${TYPEORM_METHODS.join('|')})\\s*(?:<[^()]*>\\s*)?\\(`);
const LIBRARY_METHODS = [...new Set([...LIBRARIES.flatMap((l) => [...l.methods]), ...AWS_METHODS])];
/** The libraries' method calls and AWS commands; only looked for when the text names one of the libraries. */
const LIBRARY_CALL = new RegExp(`(?:\\.\\s*(?:${LIBRARY_METHODS.join('|')})|\\bnew\\s+(?:\\w+\\.)?(?:${AWS_COMMANDS.join('|')}))\\s*(?:<[^()]*>\\s*)?\\(`);
class Checker {
  private modules: Set<string> | undefined;
  private readonly seen = new Set<Node>();

  constructor(
    private readonly ctx: RuleContext,
    private readonly js: JsAst,
    private readonly report: (r: Report) => void = (r) => ctx.report(r),
    /** Told of every name the check resolves, and the variable (whose declaration and references it looks at). */
    private readonly onResolve?: (id: TSESTree.Identifier, v: Variable | undefined) => void,
  ) {}

  private resolve(id: TSESTree.Identifier): Variable | undefined {
    const v = resolveVariable(this.js, id);
    this.onResolve?.(id, v);
    return v;
  }

  run(): void {
    walk(this.js.ast, (n) => {
      let sink: Sink | undefined;
      if (n.type === 'CallExpression') sink = this.sink(n);
      else if (n.type === 'NewExpression') {
        const c = n.callee;
        const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' ? propName(c) : undefined;
        if (name && AWS_COMMANDS.includes(name)) sink = this.awsSink(n, name);
      }
      if (sink) this.checkSink(sink);
    });
  }

  private src(n: Node): string {
    return this.ctx.text.slice(n.range[0], n.range[1]);
  }

  private sink(call: Call): Sink | undefined {
    const callee = call.callee;
    let method: string | undefined;
    let receiver: string | undefined;
    if (callee.type === 'MemberExpression') {
      method = propName(callee);
      receiver = nameOf(callee.object);
    } else if (callee.type === 'Identifier' && (callee.name === 'query' || callee.name === 'execute')) method = callee.name;
    if (!method || !call.arguments.length) return undefined;
    if (callee.type === 'MemberExpression' && AWS_METHODS.includes(method)) {
      const aws = this.awsSink(call, method);
      if (aws) return aws;
    }
    let fragment = false;
    let typeorm = false;
    if (KNEX_FRAGMENT.has(method)) fragment = true;
    else if (method === 'literal') {
      if (!receiver || !/^sequelize$/i.test(receiver)) return undefined;
      fragment = true;
    } else if (method === 'raw') fragment = receiver !== undefined && (KNEX_RECEIVER.test(receiver) || (receiver === 'sql' && this.imports().some((m) => SQL_TAG_MODULE.test(m))));
    else if (TYPEORM_CONDITION.has(method) || TYPEORM_COLUMN.has(method)) {
      if (callee.type !== 'MemberExpression' || !this.isTypeorm(callee.object)) return undefined;
      fragment = typeorm = true;
    } else if (!STATEMENT_METHODS.has(method) && !(callee.type === 'MemberExpression' && this.library(method))) return undefined;
    if (receiver && NOT_A_DATABASE.test(receiver)) return undefined;
    let arg = call.arguments[0];
    if (arg.type === 'SpreadElement') return undefined;
    // The statement as an object: `{ text, values }` (pg, pg-promise), `{ sql, values }` (mysql), `{ query, values }`
    // (Sequelize), `{ sql, params }` (Spanner), `{ query, params }` (BigQuery), `{ sqlText, binds }` (Snowflake).
    const keys = method === 'query' || method === 'execute' ? ['text', 'sql'] : [];
    if (method === 'query' && receiver !== undefined && /^sequelize$/i.test(receiver)) keys.push('query');
    if (callee.type === 'MemberExpression') {
      const lib = this.library(method);
      if (lib?.key) keys.push(lib.key);
    }
    if (arg.type === 'NewExpression' && method === 'query' && arg.arguments[0] && arg.arguments[0].type !== 'SpreadElement' && this.isPgCursor(arg)) {
      return { call, method, query: arg.arguments[0], fragment: false, cursor: true };
    }
    if (arg.type === 'ObjectExpression' && keys.length) {
      const text = arg.properties.find((p): p is TSESTree.Property => p.type === 'Property' && keys.includes(keyName(p) ?? ''));
      if (!text || text.value.type === 'AssignmentPattern' || isPattern(text.value)) return undefined;
      arg = text.value as Expr;
    }
    return { call, method, query: arg, fragment, typeorm };
  }

  private imports(): string[] {
    this.modules ??= importedModules(this.js);
    return [...this.modules];
  }

  /**
   * An AWS SDK sink (`AWS_SINKS`) in a file importing the SDK: the statement property of its input, an object literal
   * or a variable initialized to one (never reassigned) in the same function.
   */
  private awsSink(call: Call | TSESTree.NewExpression, name: string): Sink | undefined {
    if (!this.imports().some((m) => AWS_MODULE.test(m))) return undefined;
    const arg = call.arguments[0];
    if (!arg || arg.type === 'SpreadElement') return undefined;
    let input: Node = unwrap(arg);
    if (input.type === 'Identifier') {
      const v = this.resolve(input);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (!v || def?.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
      const id = def.node.id;
      if (enclosingFunction(def.node) !== enclosingFunction(call) || v.references.some((r) => r.isWrite() && r.identifier !== id)) return undefined;
      input = unwrap(def.node.init);
    }
    if (input.type !== 'ObjectExpression') return undefined;
    const keys = AWS_SINKS[name];
    const prop = input.properties.find((p): p is TSESTree.Property => p.type === 'Property' && keys.includes(keyName(p) ?? ''));
    if (!prop || prop.value.type === 'AssignmentPattern' || isPattern(prop.value)) return undefined;
    return { call, method: name, query: prop.value as Expr, fragment: false, aws: true };
  }

  /** `new Cursor(…)` / `new QueryStream(…)` in a file importing pg-cursor or pg-query-stream. */
  private isPgCursor(n: TSESTree.NewExpression): boolean {
    const c = n.callee;
    const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' ? propName(c) : undefined;
    return !!name && PG_CURSOR_CLASS.test(name) && this.imports().some((m) => PG_CURSOR_MODULE.test(m));
  }

  /** The imported library (`LIBRARIES`) with a statement method of this name. */
  private library(method: string): Library | undefined {
    return LIBRARIES.find((l) => l.methods.has(method) && this.imports().some((m) => l.module.test(m)));
  }

  /**
   * A QueryBuilder call: the file imports TypeORM, or the receiver chain starts at `createQueryBuilder(…)` (directly or
   * in the initializer of the variable it starts at).
   */
  private isTypeorm(receiver: Node): boolean {
    if (this.imports().some((m) => TYPEORM_MODULE.test(m))) return true;
    for (let n: Node = receiver, hops = 0; ;) {
      if (n.type === 'Identifier' && hops++ < 3) {
        const def = this.resolve(n)?.defs[0];
        if (def?.node.type !== 'VariableDeclarator' || !def.node.init) return false;
        n = def.node.init;
      } else if (n.type === 'CallExpression') {
        if (n.callee.type === 'MemberExpression' && propName(n.callee) === 'createQueryBuilder') return true;
        n = n.callee;
      } else if (n.type === 'MemberExpression') n = n.object;
      else if (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression' || n.type === 'ChainExpression') n = n.expression;
      else if (n.type === 'AwaitExpression') n = n.argument;
      else return false;
    }
  }

  private checkSink(sink: Sink): void {
    if (this.seen.has(sink.query)) return;
    this.seen.add(sink.query);
    const built = this.build(sink.query, sink.call);
    if (!built) return;
    const a = analyze(built.items, sink.fragment ? FRAGMENT_START[sink.method] ?? 'fragment' : 'fragment');
    if (!sink.fragment && !looksLikeSql(a.skeleton)) return;

    const values: Item[] = [];
    const names: Item[] = [];
    const fragments: Item[] = [];
    for (const h of a.holes) {
      const it = built.items[h.item];
      if (it.kind !== 'hole' || it.safe || h.pos === 'ignored') continue;
      if (h.pos === 'value') values.push(it);
      else if (!it.devControlled && !(sink.typeorm && isAliasQualifier(built.items, h.item))) (h.pos === 'name' ? names : fragments).push(it);
    }
    // A fragment next to a values argument is most often a list of placeholders built in a loop.
    const arg0 = sink.call.arguments[0];
    const second = sink.call.arguments[1];
    const hasParams = (second !== undefined && !isFunction(second) && !isNothing(second)) ||
      (arg0.type === 'ObjectExpression' && arg0.properties.some((p) => p.type === 'Property' && (keyName(p) === 'values' || keyName(p) === 'params' || keyName(p) === 'binds')));
    if (!values.length && !names.length && (!fragments.length || hasParams)) return;

    const [start, end] = sink.query.range;
    if (values.length) {
      const first = values[0];
      this.report({
        start, end, messageId: 'interpolatedValue',
        data: { expr: short(first.kind === 'hole' ? first.src : '') },
        fixes: built.rewritable ? this.fixes(sink, built.items, a, built.root) : [],
      });
    } else {
      const first = names[0] ?? fragments[0];
      this.report({ start, end, messageId: 'interpolatedIdentifier', data: { expr: short(first.kind === 'hole' ? first.src : '') } });
    }
  }

  /**
   * The items of the SQL passed at `node`: directly, or through a local variable and its `+=` appends before the call.
   * `rewritable` when one template/concatenation holds all of it and a fix may replace it.
   */
  private build(node: Expr, call: Call | TSESTree.NewExpression): { items: Item[]; root: Expr; rewritable: boolean } | undefined {
    const e = unwrap(node);
    if (isBuilt(e)) {
      const items = this.flatten(e);
      return hasUnsafeHole(items) ? { items, root: e, rewritable: !hasFormat(e) } : undefined;
    }
    if (e.type !== 'Identifier') return undefined;
    const v = this.resolve(e);
    const fnOf = (n: Node) => enclosingFunction(n);
    const callFn = fnOf(call);
    // One declaration (its initializer starts the text); or `var` declared again (each initializer restarts it, as
    // `=` does); or no declaration at all (sloppy code assigning an implicit global): only writes in this function.
    let decl: TSESTree.VariableDeclarator | undefined;
    let refs: Reference[];
    if (v) {
      const varOnly = v.defs.length > 1 && v.defs.every((d) => d.node.type === 'VariableDeclarator' && d.node.id.type === 'Identifier' &&
        d.parent?.type === 'VariableDeclaration' && d.parent.kind === 'var');
      const def = v.defs.length === 1 ? v.defs[0] : undefined;
      if (!varOnly && (!def || def.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier')) return undefined;
      if (def?.node.type === 'VariableDeclarator') {
        decl = def.node;
        if (fnOf(decl) !== callFn) return undefined;
      }
      refs = v.references;
    } else {
      const ref = this.js.references.get(e);
      if (!ref || ref.resolved) return undefined;
      refs = ref.from.variableScope.through.filter((r) => r.identifier.type === 'Identifier' && r.identifier.name === e.name && !r.resolved);
    }
    // Writes before the call in the same function, in source order; a plain `=` restarts the text.
    let parts: Expr[] = decl?.init ? [decl.init] : [];
    let appended = false;
    const writes = refs
      .filter((r) => r.isWrite() && r.identifier !== decl?.id && r.identifier.range[0] < call.range[0] && fnOf(r.identifier) === callFn)
      .sort((x, y) => x.identifier.range[0] - y.identifier.range[0]);
    // Without a declaration here, the text is only known from a first plain `=`.
    if (!decl && !writes.length) return undefined;
    for (const [i, w] of writes.entries()) {
      const p = w.identifier.parent;
      if (!decl && i === 0 && !(p?.type === 'VariableDeclarator' || (p?.type === 'AssignmentExpression' && p.operator === '='))) return undefined;
      if (p?.type === 'VariableDeclarator' && p.id === w.identifier) {
        if (!p.init) return undefined;
        parts = [p.init];
        continue;
      }
      if (p?.type !== 'AssignmentExpression' || p.left !== w.identifier) return undefined;
      const self = unwrap(p.right);
      if (p.operator === '=' && self.type === 'CallExpression' && self.callee.type === 'MemberExpression' && propName(self.callee) === 'concat' &&
          self.callee.object.type === 'Identifier' && self.callee.object.name === e.name && self.arguments.every((a) => a.type !== 'SpreadElement')) {
        // sql = sql.concat(x): an append
        if (!parts.length) return undefined;
        parts.push(...(self.arguments as Expr[]));
        appended = true;
      } else if (p.operator === '=') parts = [p.right];
      else if (p.operator === '+=') {
        if (!decl && !parts.length) return undefined;
        parts.push(p.right);
        appended = true;
      }
      else return undefined;
    }
    if (!parts.length || (!appended && !isBuilt(unwrap(parts[0])))) return undefined;
    const items = partItems(parts.map(unwrap), (u) => isBuilt(u) || isStringLiteral(u), (u, out) => this.flattenInto(u, out), (u) => this.hole(u));
    if (!hasUnsafeHole(items)) return undefined;
    const reads = refs.filter((r) => r.isRead());
    const root = unwrap(decl?.init ?? parts[0]);
    const rewritable = decl !== undefined && !appended && writes.length === 0 && !hasFormat(root) && decl.parent?.type === 'VariableDeclaration' && decl.parent.kind === 'const' && reads.length === 1 && decl.init !== null;
    return { items, root, rewritable };
  }

  private flatten(e: Expr): Item[] {
    const out: Item[] = [];
    this.flattenInto(e, out);
    return out;
  }

  private flattenInto(e: Expr, out: Item[]): void {
    e = unwrap(e);
    if (e.type === 'Literal' && typeof e.value === 'string') {
      out.push(...decodeChars(e.raw.slice(1, -1), false));
    } else if (e.type === 'TemplateLiteral') {
      e.quasis.forEach((q, i) => {
        out.push(...decodeChars(q.value.raw, true));
        if (i < e.expressions.length) out.push(this.hole(e.expressions[i]));
      });
    } else if (e.type === 'BinaryExpression' && e.operator === '+' && isStringy(e)) {
      this.flattenInto(e.left, out);
      this.flattenInto(e.right, out);
    } else if (isConcat(e)) {
      // 'SELECT … id = '.concat(id): String.prototype.concat, the same as `+`.
      const call = e as Call;
      this.flattenInto((call.callee as TSESTree.MemberExpression).object as Expr, out);
      for (const a of call.arguments) out.push(a.type === 'SpreadElement' ? this.hole(a.argument) : this.hole(a as Expr));
    } else if (isFormat(e)) this.formatInto(e as Call, out);
    else out.push(this.hole(e));
  }

  /**
   * util.format("… id = '%s'", id): each `%s`/`%j`/`%o`/`%O` a hole for its argument, `%d`/`%i`/`%f` a number (safe),
   * `%c` dropped, `%%` a percent sign; arguments left over are appended after a space, as Node does.
   */
  private formatInto(e: Call, out: Item[]): void {
    const [fmt, ...args] = e.arguments as Expr[];
    const chars = decodeChars((fmt as TSESTree.StringLiteral).raw.slice(1, -1), false);
    let next = 0;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const spec = c.c === '%' ? chars[i + 1]?.c : undefined;
      if (spec === '%') {
        out.push(c);
        i++;
      } else if (spec !== undefined && 'sdifjoOc'.includes(spec) && next < args.length) {
        const arg = args[next++];
        i++;
        if (spec === 'c') continue;
        out.push('dif'.includes(spec) ? { kind: 'hole', src: this.src(arg), safe: true } : this.hole(arg));
      } else out.push(c);
    }
    for (; next < args.length; next++) out.push({ kind: 'ch', c: ' ', r: ' ' }, this.hole(args[next]));
  }

  private hole(e: Expr): Item {
    const src = this.src(e);
    const text = this.constant(e, 0);
    if (text !== undefined) return { kind: 'hole', src, safe: true, text };
    return { kind: 'hole', src, safe: this.safe(e, 0), devControlled: this.devControlled(e) };
  }

  /** The value of a constant expression: literals, constant templates and concatenations, `const` bindings to those. */
  private constant(e: Node, depth: number): string | undefined {
    if (depth > 6) return undefined;
    e = unwrap(e as Expr);
    switch (e.type) {
      case 'Literal':
        return e.value === null || e.value instanceof RegExp ? undefined : String(e.value);
      case 'TemplateLiteral': {
        let s = e.quasis[0].value.cooked ?? '';
        for (let i = 0; i < e.expressions.length; i++) {
          const v = this.constant(e.expressions[i], depth + 1);
          if (v === undefined) return undefined;
          s += v + (e.quasis[i + 1].value.cooked ?? '');
        }
        return s;
      }
      case 'BinaryExpression': {
        if (e.operator !== '+') return undefined;
        const l = this.constant(e.left, depth + 1);
        const r = l === undefined ? undefined : this.constant(e.right, depth + 1);
        return l !== undefined && r !== undefined ? l + r : undefined;
      }
      case 'Identifier': {
        const init = this.constInit(e);
        return init ? this.constant(init, depth + 1) : undefined;
      }
      case 'MemberExpression': {
        // `TABLES.users` on a const object literal, or a TS enum member.
        const key = propName(e);
        if (!key || e.object.type !== 'Identifier') return undefined;
        const v = this.resolve(e.object);
        const def = v?.defs[0];
        if (def?.node.type === 'TSEnumDeclaration') {
          const m = def.node.body.members.find((x) => (x.id.type === 'Identifier' ? x.id.name : x.id.value) === key);
          return m?.initializer ? this.constant(m.initializer, depth + 1) : undefined;
        }
        const init = this.constInit(e.object);
        if (init?.type !== 'ObjectExpression') return undefined;
        const p = init.properties.find((x): x is TSESTree.Property => x.type === 'Property' && keyName(x) === key);
        return p ? this.constant(p.value, depth + 1) : undefined;
      }
      case 'CallExpression': {
        // ['a', 'b'].join(', ')
        if (e.callee.type !== 'MemberExpression' || propName(e.callee) !== 'join') return undefined;
        // A named array only while nothing adds to it (`safe` follows the pushes).
        const obj = e.callee.object;
        const elements = obj.type === 'Identifier' ? this.arrayContents(obj) : obj.type === 'ArrayExpression' ? obj.elements : undefined;
        if (!elements || (obj.type === 'Identifier' && elements.length !== (this.constInit(obj) as TSESTree.ArrayExpression).elements.length)) return undefined;
        const sep = e.arguments[0] ? this.constant(e.arguments[0], depth + 1) : ',';
        if (sep === undefined) return undefined;
        const parts: string[] = [];
        for (const x of elements) {
          const v = x && x.type !== 'SpreadElement' ? this.constant(x, depth + 1) : undefined;
          if (v === undefined) return undefined;
          parts.push(v);
        }
        return parts.join(sep);
      }
      default:
        return undefined;
    }
  }

  /** The initializer of a binding that is never reassigned. */
  private constInit(id: TSESTree.Identifier): Node | undefined {
    const v = this.resolve(id);
    if (!v || v.defs.length !== 1) return undefined;
    const def = v.defs[0];
    if (def.node.type !== 'VariableDeclarator' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
    const decl = def.node;
    if (def.parent?.type === 'VariableDeclaration' && def.parent.kind !== 'const' && v.references.some((r) => r.isWrite() && r.identifier !== decl.id)) return undefined;
    return decl.init ? unwrap(decl.init) : undefined;
  }

  /**
   * The elements of a `const` array that only grows by `push`/`unshift` (its initializer's, then every pushed
   * argument); undefined when it may change otherwise: an element written, another mutating method, the array passed
   * to a call, aliased or returned.
   */
  private arrayContents(id: TSESTree.Identifier): (TSESTree.Expression | TSESTree.SpreadElement | null)[] | undefined {
    const init = this.constInit(id);
    const v = this.resolve(id);
    if (init?.type !== 'ArrayExpression' || !v) return undefined;
    const decl = v.defs[0].node as TSESTree.VariableDeclarator;
    const out: (TSESTree.Expression | TSESTree.SpreadElement | null)[] = [...init.elements];
    for (const r of v.references) {
      if (r.identifier === decl.id) continue;
      if (r.isWrite()) return undefined;
      const m = r.identifier.parent;
      if (m?.type === 'ForOfStatement' && m.right === r.identifier) continue;
      if (m?.type !== 'MemberExpression' || m.object !== r.identifier) return undefined;
      const p = m.parent;
      if ((p?.type === 'AssignmentExpression' && p.left === m) || p?.type === 'UpdateExpression' || (p?.type === 'UnaryExpression' && p.operator === 'delete')) return undefined;
      if (p?.type !== 'CallExpression' || p.callee !== m) continue; // a read: arr[i], arr.length
      const name = propName(m);
      if (name === 'push' || name === 'unshift') out.push(...p.arguments);
      else if (name === undefined || MUTATORS.test(name)) return undefined;
    }
    return out;
  }

  /**
   * `for (const t of ['a', 'b'])`, `for (const [table, column] of COLUMNS)`: a loop variable, never written, over an
   * array literal (inline or a `const` that only grows by push) whose elements, nested arrays and objects included,
   * are all constants.
   */
  private constantLoopVar(id: TSESTree.Identifier, depth: number): boolean {
    const v = this.resolve(id);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!v || def?.type !== 'Variable' || def.parent?.type !== 'VariableDeclaration') return false;
    const loop = def.parent.parent;
    if (loop?.type !== 'ForOfStatement' || loop.left !== def.parent) return false;
    if (v.references.some((r) => r.isWrite() && r.identifier !== def.name)) return false;
    const right = unwrap(loop.right as Expr);
    const elements = right.type === 'ArrayExpression' ? right.elements : right.type === 'Identifier' ? this.arrayContents(right) : undefined;
    const constant = (x: TSESTree.Expression | TSESTree.SpreadElement | TSESTree.Property['value'] | null): boolean => {
      if (!x || x.type === 'SpreadElement') return false;
      const u = unwrap(x as Expr);
      if (u.type === 'ArrayExpression') return u.elements.every(constant);
      if (u.type === 'ObjectExpression') return u.properties.every((p) => p.type === 'Property' && !p.computed && constant(p.value));
      return this.constant(u, depth + 1) !== undefined;
    };
    return !!elements && elements.length > 0 && elements.every(constant);
  }

  /** Values that cannot carry SQL: numbers, escaped values, placeholder lists, choices between constants. */
  private safe(e: Node, depth: number): boolean {
    if (depth > 6) return false;
    e = unwrap(e as Expr);
    if (this.constant(e, depth) !== undefined) return true;
    switch (e.type) {
      case 'ConditionalExpression': {
        // `SORTS.includes(s) ? s : 'name'`: an allow-list check of the value it then uses.
        const checked = (x: Node) => this.allowListTest(e.test, x, depth);
        return (checked(e.consequent) || this.safe(e.consequent, depth + 1)) && this.safe(e.alternate, depth + 1);
      }
      case 'LogicalExpression':
        return this.safe(e.left, depth + 1) && this.safe(e.right, depth + 1);
      case 'UnaryExpression':
        return e.operator === '+' || e.operator === '-' || e.operator === '~' || e.operator === '!' || e.operator === 'typeof' || e.operator === 'void';
      case 'BinaryExpression':
        // Arithmetic other than `+` always yields a number.
        return ['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>'].includes(e.operator) ||
          (e.operator === '+' && this.safe(e.left, depth + 1) && this.safe(e.right, depth + 1));
      case 'Identifier': {
        if (isScreaming(e.name)) return true;
        const init = this.constInit(e);
        return init ? this.safe(init, depth + 1) : this.constantLoopVar(e, depth);
      }
      case 'MemberExpression': {
        const key = propName(e);
        if (key === 'length' || (key !== undefined && isScreaming(key))) return true;
        // An allow-list lookup: `SORTABLE[sort]` on a const object or array of constants.
        const init = e.object.type === 'Identifier' ? this.constInit(e.object) : undefined;
        if (init?.type === 'ObjectExpression') return init.properties.every((p) => p.type === 'Property' && this.constant(p.value, depth + 1) !== undefined);
        const elements = init?.type === 'ArrayExpression' ? this.arrayContents(e.object as TSESTree.Identifier) : undefined;
        return !!elements && elements.every((x) => x !== null && x.type !== 'SpreadElement' && this.constant(x, depth + 1) !== undefined);
      }
      case 'CallExpression': {
        const callee = e.callee;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propName(callee) : undefined;
        if (!name) return false;
        if (ESCAPERS.test(name)) return true;
        if (callee.type === 'Identifier' && NUMERIC_CALLS.has(name)) return true;
        if (callee.type === 'MemberExpression') {
          const obj = nameOf(callee.object);
          if (obj === 'Math' || obj === 'Number' || (obj === 'Date' && name === 'now')) return true;
          if (name === 'toFixed' || name === 'getTime' || name === 'toISOString') return true;
          // conditions.join(' AND ') of a const array whose every element, pushed ones included, is safe
          const arr = callee.object;
          if (name === 'join' && arr.type === 'Identifier') {
            const elements = this.arrayContents(arr);
            if (elements?.every((x) => x !== null && x.type !== 'SpreadElement' && this.safe(x, depth + 1))) return true;
          }
          if (name === 'join' || name === 'toString') return this.placeholderList(callee.object, depth + 1);
        }
        return false;
      }
      default:
        return false;
    }
  }

  /** Whether `test` is `LIST.includes(x)` or `SET.has(x)` on constants, for the very expression `x`. */
  private allowListTest(test: Node, x: Node, depth: number): boolean {
    const t = unwrap(test as Expr);
    if (t.type !== 'CallExpression' || t.callee.type !== 'MemberExpression' || t.arguments.length !== 1) return false;
    const name = propName(t.callee);
    if (name !== 'includes' && name !== 'has') return false;
    if (this.src(t.arguments[0] as Expr) !== this.src(x as Expr)) return false;
    let list: Node = unwrap(t.callee.object);
    if (list.type === 'Identifier') {
      const init = this.constInit(list);
      if (!init) return false;
      list = unwrap(init as Expr);
    }
    if (name === 'has' && list.type === 'NewExpression' && list.callee.type === 'Identifier' && list.callee.name === 'Set' && list.arguments[0]) list = unwrap(list.arguments[0] as Expr);
    return list.type === 'ArrayExpression' && list.elements.every((el) => el !== null && el.type !== 'SpreadElement' && this.constant(el, depth + 1) !== undefined);
  }

  /** `ids.map(() => '?')`, `ids.map((_, i) => `$${i + 1}`)`, `Array(n).fill('?')`: only placeholders. */
  private placeholderList(e: Node, depth: number): boolean {
    e = unwrap(e as Expr);
    if (e.type === 'Identifier') {
      const init = this.constInit(e);
      return init ? this.placeholderList(init, depth + 1) : false;
    }
    if (e.type !== 'CallExpression' || e.callee.type !== 'MemberExpression') return false;
    const name = propName(e.callee);
    const arg = e.arguments[0];
    if (name === 'fill') return arg !== undefined && PLACEHOLDER_TEXT.test(this.constant(arg, depth) ?? '');
    if (name !== 'map' || !arg || (arg.type !== 'ArrowFunctionExpression' && arg.type !== 'FunctionExpression')) return false;
    let body: Node | null | undefined = arg.body;
    if (body?.type === 'BlockStatement') {
      const ret = body.body.find((s): s is TSESTree.ReturnStatement => s.type === 'ReturnStatement');
      body = ret?.argument;
    }
    if (!body) return false;
    const index = arg.params[1]?.type === 'Identifier' ? arg.params[1].name : undefined;
    const text = this.placeholderText(unwrap(body as Expr), depth, index);
    return text !== undefined && PLACEHOLDER_TEXT.test(text);
  }

  /** The text of one placeholder (`'?'`, `` `$${i + 1}` ``, `'$' + (i + 1)`), with the map's `index` written as 0. */
  private placeholderText(b: Node, depth: number, index?: string): string | undefined {
    if (depth > 6) return undefined;
    b = unwrap(b as Expr);
    const c = this.constant(b, depth);
    if (c !== undefined) return c;
    if (b.type === 'TemplateLiteral') return b.quasis.map((q) => q.value.cooked ?? '').join('0');
    if (b.type === 'BinaryExpression' && b.operator === '+') {
      const isIndex = (x: Node): boolean => {
        const u = unwrap(x as Expr);
        if (u.type === 'Identifier') return u.name === index;
        return u.type === 'BinaryExpression' && ['+', '-', '*'].includes(u.operator) && [u.left, u.right].every((y) => isIndex(y) || typeof this.constant(y, depth + 1) === 'string' && /^\d+$/.test(this.constant(y, depth + 1)!));
      };
      // `(i + 1)`, `i`: the map's index numbers the placeholder
      const part = (x: Node): string | undefined => (isIndex(x) ? '0' : this.placeholderText(x, depth + 1, index));
      const l = part(b.left);
      const r = part(b.right);
      return l !== undefined && r !== undefined ? l + r : undefined;
    }
    return undefined;
  }

  /** `this.table`, imports and SCREAMING_CASE names are the developer's, not the user's. */
  private devControlled(e: Expr): boolean {
    e = unwrap(e);
    let root: Node = e;
    while (root.type === 'MemberExpression') root = root.object;
    if (root.type === 'ThisExpression') return true;
    if (e.type === 'Identifier') {
      if (isScreaming(e.name)) return true;
      const v = this.resolve(e);
      if (v?.defs[0]?.type === 'ImportBinding') return true;
      // A parameter named for a table (`tableName`, `fromTable`), never written: the callers pass the code's tables.
      return TABLE_PARAM.test(e.name) && v?.defs.length === 1 && v.defs[0].type === 'Parameter' && !v.references.some((r) => r.isWrite());
    }
    if (root.type === 'Identifier') {
      const v = this.resolve(root);
      if (v?.defs[0]?.type === 'ImportBinding' && e.type === 'MemberExpression') return true;
    }
    return false;
  }

  // --- fixes -------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, items: Item[], a: Analysis, root: Expr): Fix[] {
    const { method, call } = sink;
    if (sink.aws || sink.cursor || call.type !== 'CallExpression') return [];
    if (Object.hasOwn(PRISMA_RAW, method)) return this.prismaFix(sink, items, a, root);
    const lib = call.callee.type === 'MemberExpression' ? this.library(method) : undefined;
    if (lib?.fix) return this.paramsFix(sink, items, a, root, lib);
    if (method === 'exec' || method === 'literal') return [];
    if (sink.typeorm) return TYPEORM_CONDITION.has(method) ? this.typeormFix(sink, items, a, root) : [];
    const receiver = call.callee.type === 'MemberExpression' ? nameOf(call.callee.object) : undefined;
    // Prisma.raw, Drizzle's and Kysely's sql.raw take the text alone (their parameters come from the sql`` tag).
    if (method === 'raw' && (receiver === 'Prisma' || receiver === 'sql')) return [];
    if (!this.anyDriverQ(sink, receiver)) {
      const mssql = this.mssql();
      if (mssql) return mssql === 'mssql' ? this.mssqlFix(sink, items, a, root) : [];
    }
    const { style, assumed } = this.style(sink, receiver);
    const slot = this.slot(sink, receiver);
    if (!slot) return [];
    const r = rewrite(items, a, style, slot.slot.existing);
    if (!r) return [];
    const edit = this.ctx.lines.edit(root.range[0], root.range[1], r.sql);
    const valuesEdit = slot.slot.write(r.values);
    if (!valuesEdit) return [];
    let title = 'Parameterize query';
    if (assumed) title += ` (assumed ${style === '$' ? '$1' : '?'} placeholders)`;
    if (slot.display) title += ` (then pass ${r.values.length === 1 ? 'the value' : 'the values'} to the statement's ${slot.display})`;
    const edits: TextEdit[] = slot.display ? [edit] : [edit, valuesEdit];
    return [{ title, applicability: slot.display ? 'displayOnly' : 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /**
   * `prisma.$queryRawUnsafe(`… '${x}'`)` / `prisma.$queryRaw(`…`)` -> `prisma.$queryRaw`… ${x}``: the tag binds every
   * `${}`, so only when every hole is a value (a name or a constant table would become a parameter: `Prisma.raw`), the
   * SQL is passed directly and alone, and holds no `$1` of its own.
   */
  private prismaFix(sink: Sink, items: Item[], a: Analysis, root: Expr): Fix[] {
    return this.taggedFix(sink, items, a, root, PRISMA_RAW[sink.method]);
  }

  /**
   * The call turned into the tagged template `tag`…`` (Prisma's raw calls, node-mssql's `query`), the tag binding every
   * `${}`: only when the SQL is its single argument and every hole a value, and not after an optional chain (a tagged
   * template there does not parse).
   */
  private taggedFix(sink: Sink, items: Item[], a: Analysis, root: Expr, tag: string, tsql = false): Fix[] {
    const { call } = sink;
    const callee = call.callee;
    const start = callee.type === 'MemberExpression' && !callee.computed ? callee.property.range[0] : callee.type === 'Identifier' ? callee.range[0] : undefined;
    if (start === undefined || call.arguments.length !== 1 || unwrap(sink.query) !== root || optionalBefore(callee)) return [];
    if (a.holes.some((h) => h.pos !== 'value') || /\$\d/.test(a.skeleton)) return [];
    const r = rewrite(items, a, '$', []);
    // Each `$n` placeholder back to the value it stands for, now a `${}` of the tagged template (`$1`… in order, or a
    // kept hole's source spells one: no fix). node-mssql's tag writes `@param1`: as for `named`.
    const sql = r && replacePlaceholders(r, (v) => '${' + v + '}', tsql ? '@' : undefined);
    if (!sql) return [];
    const typeArgs = call.typeArguments ? this.src(call.typeArguments) : '';
    const edit = this.ctx.lines.edit(start, call.range[1], tag + typeArgs + sql);
    return [{ title: `Use the tagged template ${tag}\`…\``, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits: [edit] }] }];
  }

  /**
   * The SQL with `prefix`+name placeholders (`@name`, `:name`) and the values to bind, one per distinct name, in order.
   * Names come from the values (`req.query.name` -> `name`, else `p1`…), a repeated value keeps its name, and none
   * clashes (case-insensitively) with `reserved`. Undefined when a placeholder would run into the text around it.
   */
  private named(items: Item[], a: Analysis, reserved: Iterable<string>, prefix: '@' | ':'): { sql: string; params: [string, string][] } | undefined {
    const r = rewrite(items, a, '$', []);
    if (!r) return undefined;
    const nameOfValue = paramNamer(reserved);
    const params: [string, string][] = [];
    const sql = replacePlaceholders(r, (value) => {
      const name = nameOfValue(value);
      if (!params.some(([n]) => n === name)) params.push([name, value]);
      return prefix + name;
    }, prefix);
    return sql === undefined ? undefined : { sql, params };
  }

  /**
   * Spanner, BigQuery, Snowflake: the values go in the statement object (`params`, `binds`), as `@name` placeholders
   * and an object of them, or `?` and an array (merged into an existing object or array literal). A string statement
   * becomes `{ sql, params }` where the library takes one. No fix when another driver is imported too (`run`, `query`
   * and `execute` are theirs as well), when the SQL holds `$1` (a PostgreSQL dialect), or when a value sits outside SQL
   * quotes: these type a JS string parameter STRING (a number FLOAT64) and do not coerce it as they did the literal.
   */
  private paramsFix(sink: Sink, items: Item[], a: Analysis, root: Expr, lib: Library): Fix[] {
    const { call, method } = sink;
    const how = lib.fix!;
    if (!how.methods.has(method) || /\$\d/.test(a.skeleton)) return [];
    if (a.holes.some((h) => h.pos === 'value' && h.region === undefined && items[h.item].kind === 'hole' && !(items[h.item] as Hole).safe)) return [];
    if (this.imports().some((m) => PG_MODULES.has(m) || Q_MODULES.has(m) || MSSQL_MODULE.test(m) || m === 'sequelize' || LIBRARIES.some((l) => l !== lib && l.module.test(m)))) return [];
    const arg0 = call.arguments[0];
    if (arg0.type === 'SpreadElement' || (call.callee.type === 'MemberExpression' && optionalBefore(call.callee))) return [];
    if (arg0.type !== 'ObjectExpression' && !how.fromString) return [];
    const plain = (p: TSESTree.ObjectLiteralElement): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.kind === 'init' && !p.method && keyName(p) !== undefined;
    let values: TSESTree.Property | undefined;
    if (arg0.type === 'ObjectExpression') {
      if (!arg0.properties.every(plain)) return [];
      values = (arg0.properties as TSESTree.Property[]).find((p) => keyName(p) === how.values);
    }
    const v = values?.value;
    const lines = this.ctx.lines;
    let sql: string;
    /** The values as a literal (`{ a, b: x }`, `[a, b]`), and the edit merging them into an existing one. */
    let list: string;
    let merge: TextEdit | undefined;
    if (v?.type === 'ObjectExpression' || (!v && !how.positional)) {
      if (!how.named) return [];
      const props = v?.type === 'ObjectExpression' ? v.properties : [];
      if (!props.every(plain)) return [];
      const named = this.named(items, a, [...sqlParams(a, '@'), ...(props as TSESTree.Property[]).map((p) => keyName(p)!)], '@');
      if (!named) return [];
      sql = named.sql;
      const entries = named.params.map(([name, value]) => (value === name ? name : `${name}: ${value}`)).join(', ');
      list = `{ ${entries} }`;
      if (v?.type === 'ObjectExpression') {
        const last = props[props.length - 1];
        merge = last ? lines.edit(last.range[1], last.range[1], `, ${entries}`) : lines.edit(v.range[0], v.range[1], list);
      }
    } else {
      // `?` and an array; not next to `@name` parameters of the SQL's own.
      if (!how.positional || sqlParams(a, '@').length) return [];
      const existing = v ? arrayElements(v, this.ctx.text) : [];
      if (!existing) return [];
      const r = rewrite(items, a, '?', existing);
      if (!r) return [];
      sql = r.sql;
      list = `[${r.values.join(', ')}]`;
      if (v) merge = lines.edit(v.range[0], v.range[1], list);
    }
    const edits: TextEdit[] = [];
    if (arg0.type !== 'ObjectExpression') {
      // run(sql, cb) -> run({ sql, params }, cb); the SQL itself rewritten in place when it sits elsewhere (a const).
      const key = lib.key!;
      if (unwrap(arg0) === root) edits.push(lines.edit(arg0.range[0], arg0.range[1], `{ ${key}: ${sql}, ${how.values}: ${list} }`));
      else edits.push(lines.edit(root.range[0], root.range[1], sql), lines.edit(arg0.range[0], arg0.range[1], `{ ${key}: ${this.src(arg0)}, ${how.values}: ${list} }`));
    } else {
      const text = sink.query.parent!;
      edits.push(lines.edit(root.range[0], root.range[1], sql), merge ?? lines.edit(text.range[1], text.range[1], `, ${how.values}: ${list}`));
    }
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** `mssql` when the file imports node-mssql and no other driver, `conflict` when it imports another one too. */
  private mssql(): 'mssql' | 'conflict' | undefined {
    const mods = this.imports();
    if (!mods.some((x) => MSSQL_MODULE.test(x))) return undefined;
    return mods.some((x) => PG_MODULES.has(x) || Q_MODULES.has(x) || x === 'sequelize') ? 'conflict' : 'mssql';
  }

  /**
   * node-mssql. A Request's `query` gets `@name` placeholders and each value bound by an `.input('name', value)` put
   * before `.query(` (`input` returns the request). The module's `sql.query` and a pool's `query` make their own
   * Request: they become the tagged template `query`…``, which binds each `${}`. Any other receiver: no fix.
   */
  private mssqlFix(sink: Sink, items: Item[], a: Analysis, root: Expr): Fix[] {
    const { call, method } = sink;
    const callee = call.callee;
    if (method !== 'query' || call.arguments[0].type === 'ObjectExpression') return [];
    if (callee.type === 'Identifier') return this.isMssqlModule(callee, 'query') ? this.taggedFix(sink, items, a, root, 'query', true) : [];
    if (callee.type !== 'MemberExpression' || callee.computed || optionalBefore(callee)) return [];
    const kind = this.mssqlReceiver(callee.object, 0);
    if (kind === 'module' || kind === 'pool') return this.taggedFix(sink, items, a, root, 'query', true);
    if (kind !== 'request' || !this.singleUseRequest(callee.object, call)) return [];
    // Request.query(command, callback): anything after the SQL is the callback.
    const second = call.arguments[1];
    if (call.arguments.length > 2 || (second && (second.type === 'SpreadElement' || second.type === 'ArrayExpression' || second.type === 'ObjectExpression'))) return [];
    // Names already declared on a request here (a second `input` of one name throws), and `@x` the SQL uses.
    const bound: string[] = [];
    const scope = enclosingFunction(call) ?? this.js.ast;
    walk(scope, (n) => {
      if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && /^(?:input|output|replaceInput|replaceOutput)$/.test(propName(n.callee) ?? '')) {
        const x = n.arguments[0];
        if (x?.type === 'Literal' && typeof x.value === 'string') bound.push(x.value);
      }
    });
    const named = this.named(items, a, [...sqlParams(a, '@'), ...bound], '@');
    if (!named) return [];
    const inputs = named.params.map(([name, value]) => `.input('${name}', ${value})`).join('');
    const edits = [this.ctx.lines.edit(root.range[0], root.range[1], named.sql), this.ctx.lines.edit(callee.object.range[1], callee.object.range[1], inputs)];
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /**
   * A request that runs this query only, so the inputs the fix adds are declared once (a second `input` of a name
   * throws): made in the call itself (`pool.request().query`), or a variable with no other query/batch/execute call on
   * it, declared in the same function and outside any loop around the call.
   */
  private singleUseRequest(receiver: Node, call: Call | TSESTree.NewExpression): boolean {
    let n = receiver;
    while (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.expression;
    if (n.type === 'CallExpression' || n.type === 'NewExpression') return true;
    if (n.type !== 'Identifier') return false;
    const v = this.resolve(n);
    if (!v || !v.defs.length) return false;
    const id = n;
    const reused = v.references.some((r) => {
      const m = r.identifier.parent;
      return r.identifier !== id && m?.type === 'MemberExpression' && m.object === r.identifier && /^(?:query|batch|execute)$/.test(propName(m) ?? '');
    });
    if (reused) return false;
    return !loopBetween(call, v.scope.block);
  }

  /**
   * A QueryBuilder whose parameters this call alone names (they are shared by the whole query: a second `:name` with
   * another value overwrites the first): the chain starts at `createQueryBuilder(…)`, or at a variable declared in this
   * function (not a parameter, not `this.qb`) and outside any loop around the call.
   */
  private localBuilder(receiver: Node, call: Call | TSESTree.NewExpression): boolean {
    for (let n: Node = receiver; ;) {
      if (n.type === 'CallExpression') {
        if (n.callee.type === 'MemberExpression' && propName(n.callee) === 'createQueryBuilder') return true;
        n = n.callee;
      } else if (n.type === 'MemberExpression') {
        if (n.object.type === 'ThisExpression') return false;
        n = n.object;
      } else if (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.expression;
      else if (n.type === 'AwaitExpression') n = n.argument;
      else if (n.type === 'Identifier') {
        const v = this.resolve(n);
        const def = v?.defs.length === 1 ? v.defs[0] : undefined;
        return !!v && def?.node.type === 'VariableDeclarator' && enclosingFunction(def.node) === enclosingFunction(call) && !loopBetween(call, v.scope.block);
      } else return false;
    }
  }

  /**
   * What a node-mssql `query` is called on: a Request (`pool.request()`, `new sql.Request(…)`, a variable holding one
   * or named `request`/`…Request`), a pool (`await sql.connect(…)`, `new sql.ConnectionPool(…)`, named `pool`/`…Pool`),
   * or the module itself (`sql.query`).
   */
  private mssqlReceiver(n: Node, depth: number): 'request' | 'pool' | 'module' | undefined {
    while (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.expression;
    const byName = (name: string) => (/^(?:request|\w*Request)$/.test(name) ? 'request' : /^(?:pool|\w*Pool)$/.test(name) ? 'pool' : undefined);
    if (n.type === 'AwaitExpression') {
      const c = n.argument;
      return c.type === 'CallExpression' && c.callee.type === 'MemberExpression' && propName(c.callee) === 'connect' ? 'pool' : undefined;
    }
    if (n.type === 'CallExpression') return n.callee.type === 'MemberExpression' && propName(n.callee) === 'request' ? 'request' : undefined;
    if (n.type === 'NewExpression') {
      const name = n.callee.type === 'Identifier' ? n.callee.name : n.callee.type === 'MemberExpression' ? propName(n.callee) : undefined;
      return name === 'Request' ? 'request' : name === 'ConnectionPool' ? 'pool' : undefined;
    }
    if (n.type === 'MemberExpression') {
      const p = propName(n);
      return p ? byName(p) : undefined;
    }
    if (n.type !== 'Identifier') return undefined;
    if (this.isMssqlModule(n)) return 'module';
    const v = this.resolve(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (v && def?.node.type === 'VariableDeclarator' && def.node.id.type === 'Identifier' && def.node.init && depth < 3) {
      const id = def.node.id;
      if (v.references.some((r) => r.isWrite() && r.identifier !== id)) return undefined;
      const kind = this.mssqlReceiver(def.node.init, depth + 1);
      if (kind !== 'module') return kind ?? byName(n.name);
    }
    return byName(n.name);
  }

  /** `id` is node-mssql's module (`import sql from 'mssql'`, `require('mssql')`), or with `member`, that export of it. */
  private isMssqlModule(id: TSESTree.Identifier, member?: string): boolean {
    const def = this.resolve(id)?.defs[0];
    if (!def) return false;
    const node = def.node;
    const isRequire = (e: Node | null | undefined) => {
      const c = e && unwrap(e as Expr);
      return c?.type === 'CallExpression' && c.callee.type === 'Identifier' && c.callee.name === 'require' && c.arguments[0]?.type === 'Literal' &&
        typeof c.arguments[0].value === 'string' && MSSQL_MODULE.test(c.arguments[0].value);
    };
    if (node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier' || node.type === 'ImportSpecifier') {
      const decl = node.parent;
      if (decl?.type !== 'ImportDeclaration' || !MSSQL_MODULE.test(decl.source.value)) return false;
      if (member === undefined) return node.type !== 'ImportSpecifier';
      return node.type === 'ImportSpecifier' && (node.imported.type === 'Identifier' ? node.imported.name : node.imported.value) === member;
    }
    if (node.type === 'TSImportEqualsDeclaration') {
      const ref = node.moduleReference;
      return member === undefined && ref.type === 'TSExternalModuleReference' && ref.expression.type === 'Literal' && MSSQL_MODULE.test(String(ref.expression.value));
    }
    if (node.type !== 'VariableDeclarator' || !isRequire(node.init)) return false;
    if (member === undefined) return node.id.type === 'Identifier';
    // const { query } = require('mssql')
    return node.id.type === 'ObjectPattern' &&
      node.id.properties.some((p) => p.type === 'Property' && keyName(p) === member && p.value.type === 'Identifier' && p.value.name === id.name);
  }

  /**
   * TypeORM's `.where(sql)`/`.andWhere`/`.having`…: `:name` placeholders, the values passed as the parameters object
   * (merged into an existing object literal). Names avoid the object's keys, the SQL's `:x`, and every `:x` or
   * parameter key written in this function (QueryBuilder parameters are shared by the whole query).
   */
  private typeormFix(sink: Sink, items: Item[], a: Analysis, root: Expr): Fix[] {
    const { call } = sink;
    const [arg0, second] = call.arguments;
    if (call.arguments.length > 2 || arg0.type === 'ObjectExpression' || arg0.type === 'SpreadElement') return [];
    if (call.callee.type !== 'MemberExpression' || !this.localBuilder(call.callee.object, call)) return [];
    const props: TSESTree.Property[] = [];
    if (second) {
      if (second.type !== 'ObjectExpression') return [];
      for (const p of second.properties) {
        if (p.type !== 'Property' || p.computed || p.kind !== 'init' || p.method || keyName(p) === undefined) return [];
        props.push(p);
      }
    }
    const taken = [...sqlParams(a, ':'), ...props.map((p) => keyName(p)!)];
    const scope = enclosingFunction(call) ?? this.js.ast;
    walk(scope, (n) => {
      if (n.type === 'Literal' && typeof n.value === 'string') taken.push(...textParams(n.value, ':'));
      else if (n.type === 'TemplateElement') taken.push(...textParams(n.value.cooked ?? n.value.raw, ':'));
      else if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && TYPEORM_PARAMS.test(propName(n.callee) ?? '')) {
        for (const x of n.arguments) {
          if (x.type === 'ObjectExpression') for (const p of x.properties) if (p.type === 'Property' && keyName(p) !== undefined) taken.push(keyName(p)!);
        }
        const first = n.arguments[0];
        if (propName(n.callee) === 'setParameter' && first?.type === 'Literal' && typeof first.value === 'string') taken.push(first.value);
      }
    });
    const named = this.named(items, a, taken, ':');
    if (!named) return [];
    const entries = named.params.map(([name, value]) => (value === name ? name : `${name}: ${value}`)).join(', ');
    const lines = this.ctx.lines;
    let params: TextEdit;
    if (!second) params = lines.edit(arg0.range[1], arg0.range[1], `, { ${entries} }`);
    else if (!props.length) params = lines.edit(second.range[0], second.range[1], `{ ${entries} }`);
    else params = lines.edit(props[props.length - 1].range[1], props[props.length - 1].range[1], `, ${entries}`);
    const edits = [lines.edit(root.range[0], root.range[1], named.sql), params];
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** `?` whatever the driver: Knex fragments and `raw`, Sequelize's `query`. */
  private anyDriverQ(sink: Sink, receiver: string | undefined): boolean {
    const m = sink.method;
    return KNEX_FRAGMENT.has(m) || m === 'raw' || (m === 'query' && receiver !== undefined && /^sequelize$/i.test(receiver));
  }

  private style(sink: Sink, receiver: string | undefined): { style: Style; assumed: boolean } {
    const m = sink.method;
    if (this.anyDriverQ(sink, receiver) || m === 'prepare') return { style: '?', assumed: false };
    const mods = this.imports();
    const pg = mods.some((x) => PG_MODULES.has(x));
    const q = mods.some((x) => Q_MODULES.has(x) || x === 'sequelize');
    if (pg && !q) return { style: '$', assumed: false };
    if (q && !pg) return { style: '?', assumed: false };
    if (m === 'unsafe' || (receiver && /pg|postgres|neon|psql/i.test(receiver))) return { style: '$', assumed: true };
    return { style: '?', assumed: true };
  }

  /** Where the values go for this call shape; `display` names the later call for better-sqlite3 statements kept in a variable. */
  private slot(sink: Sink, receiver: string | undefined): { slot: ValuesSlot; display?: string } | undefined {
    const { call, method } = sink;
    const lines = this.ctx.lines;
    const arg0 = call.arguments[0];
    const list = (vals: string[]) => `[${vals.join(', ')}]`;

    if (arg0.type === 'ObjectExpression') {
      // { text, values } / { sql, values }
      const prop = arg0.properties.find((p): p is TSESTree.Property => p.type === 'Property' && keyName(p) === 'values');
      if (call.arguments.length > 1 && !isFunction(call.arguments[1])) return undefined;
      if (!prop) {
        const textProp = sink.query.parent!;
        return { slot: { existing: [], write: (v) => lines.edit(textProp.range[1], textProp.range[1], `, values: ${list(v)}`) } };
      }
      const existing = arrayElements(prop.value, this.ctx.text);
      if (!existing) return undefined;
      return { slot: { existing, write: (v) => lines.edit(prop.value.range[0], prop.value.range[1], list(v)) } };
    }

    if (method === 'prepare') {
      const member = call.parent;
      const outer = member?.parent;
      if (member?.type === 'MemberExpression' && member.object === call && outer?.type === 'CallExpression' && outer.callee === member &&
          ['get', 'all', 'run', 'iterate'].includes(propName(member) ?? '')) {
        const args = outer.arguments;
        if (args.some((x) => x.type === 'SpreadElement' || x.type === 'ObjectExpression' || x.type === 'ArrayExpression')) return undefined;
        const existing = args.map((x) => this.src(x));
        const open = this.ctx.text.indexOf('(', member.range[1]);
        const close = outer.range[1] - 1;
        return { slot: { existing, write: (v) => lines.edit(args.length ? args[0].range[0] : open + 1, args.length ? args[args.length - 1].range[1] : close, v.join(', ')) } };
      }
      return { slot: { existing: [], write: () => lines.edit(call.range[1], call.range[1], '') }, display: '.run/.get/.all' };
    }

    const second = call.arguments[1];
    if (method === 'query' && receiver !== undefined && /^sequelize$/i.test(receiver)) {
      // sequelize.query(sql, { replacements: [...] })
      if (!second) return { slot: { existing: [], write: (v) => lines.edit(arg0.range[1], arg0.range[1], `, { replacements: ${list(v)} }`) } };
      if (second.type !== 'ObjectExpression') return undefined;
      if (second.properties.some((p) => p.type !== 'Property' || keyName(p) === 'bind')) return undefined;
      const rep = second.properties.find((p): p is TSESTree.Property => p.type === 'Property' && keyName(p) === 'replacements');
      if (rep) {
        const existing = arrayElements(rep.value, this.ctx.text);
        if (!existing) return undefined;
        return { slot: { existing, write: (v) => lines.edit(rep.value.range[0], rep.value.range[1], list(v)) } };
      }
      if (!second.properties.length) return { slot: { existing: [], write: (v) => lines.edit(second.range[0], second.range[1], `{ replacements: ${list(v)} }`) } };
      const firstProp = second.properties[0];
      return { slot: { existing: [], write: (v) => lines.edit(firstProp.range[0], firstProp.range[0], `replacements: ${list(v)}, `) } };
    }

    if (!second || isFunction(second)) {
      return { slot: { existing: [], write: (v) => lines.edit(arg0.range[1], arg0.range[1], `, ${list(v)}`) } };
    }
    const existing = arrayElements(second, this.ctx.text);
    if (!existing) return undefined;
    return { slot: { existing, write: (v) => lines.edit(second.range[0], second.range[1], list(v)) } };
  }
}

// --- AST helpers -----------------------------------------------------------------------------------------------

/**
 * `${alias}.column` in a TypeORM condition: the query builder's alias, which code passes around as a parameter (the
 * alias given to `createQueryBuilder`), not user input. Only a plain name counts.
 */
function isAliasQualifier(items: Item[], at: number): boolean {
  const h = items[at];
  const dot = items[at + 1];
  const next = items[at + 2];
  return h.kind === 'hole' && /^[A-Za-z_$][\w$]*$/.test(h.src) && dot?.kind === 'ch' && dot.c === '.' &&
    (next?.kind === 'hole' || (next?.kind === 'ch' && /[A-Za-z_"`]/.test(next.c)));
}

function unwrap(e: Expr): Expr {
  while (e.type === 'TSAsExpression' || e.type === 'TSNonNullExpression' || e.type === 'TSSatisfiesExpression' || e.type === 'TSTypeAssertion') e = e.expression;
  return e;
}

function isStringLiteral(e: Node): boolean {
  return e.type === 'Literal' && typeof e.value === 'string';
}

/** A template with expressions, a `+` with a string on one side, a string's `.concat(…)`, a `util.format(…)`. */
function isBuilt(e: Expr): boolean {
  return (e.type === 'TemplateLiteral' && e.expressions.length > 0) || (e.type === 'BinaryExpression' && e.operator === '+' && isStringy(e)) ||
    isConcat(e) || isFormat(e);
}

/** `'…'.concat(x)` on a string literal, template or concatenation. */
function isConcat(e: Node): boolean {
  return e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && propName(e.callee) === 'concat' && e.arguments.length > 0 &&
    isStringy(e.callee.object as Expr);
}

/** `util.format('…%s…', x)` with a string literal format. */
function isFormat(e: Node): boolean {
  return e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && propName(e.callee) === 'format' &&
    nameOf(e.callee.object) === 'util' && e.arguments.length > 1 && isStringLiteral(e.arguments[0]) && e.arguments.every((a) => a.type !== 'SpreadElement');
}

/** A `util.format` somewhere in the text (the fix does not rewrite those). */
function hasFormat(e: Node): boolean {
  e = unwrap(e as Expr);
  if (isFormat(e)) return true;
  if (isConcat(e)) return hasFormat(((e as Call).callee as TSESTree.MemberExpression).object);
  return e.type === 'BinaryExpression' && (hasFormat(e.left) || hasFormat(e.right));
}

function isStringy(e: Node): boolean {
  e = unwrap(e as Expr);
  if (isStringLiteral(e) || e.type === 'TemplateLiteral' || isConcat(e) || isFormat(e)) return true;
  return e.type === 'BinaryExpression' && e.operator === '+' && (isStringy(e.left) || isStringy(e.right));
}

/**
 * `r.sql` with its `$1`…`$n` placeholders (all of them, in order; else undefined) replaced by `to(value)`. With a
 * named `prefix`, a placeholder that would run into a name character around it is refused, and for T-SQL (`@`) the `N`
 * of an `N'…'` string goes with the quotes (the parameter binds a JS string as NVARCHAR).
 */
function replacePlaceholders(r: Rewrite, to: (value: string) => string, prefix?: '@' | ':'): string | undefined {
  const found = [...r.sql.matchAll(/\$(\d+)/g)];
  if (found.length !== r.values.length || found.some((m, i) => Number(m[1]) !== i + 1)) return undefined;
  let sql = '';
  let at = 0;
  for (const m of found) {
    let before = r.sql.slice(at, m.index);
    at = m.index + m[0].length;
    if (prefix) {
      if (prefix === '@' && /(?<![\w$@#])[Nn]$/.test(before)) before = before.slice(0, -1);
      if (/[\w$@:#.]$/.test(before) || /^[\w$@:#.]/.test(r.sql.slice(at))) return undefined;
    }
    sql += before + to(r.values[Number(m[1]) - 1]);
  }
  return sql + r.sql.slice(at);
}

/** A loop or a function between `node` and its ancestor `top` (the code may run more than once per `top`). */
function loopBetween(node: Node, top: Node): boolean {
  for (let p: Node | undefined = node.parent; p && p !== top; p = p.parent) {
    if (/^(?:For|ForIn|ForOf|While|DoWhile)Statement$/.test(p.type) || p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') return true;
  }
  return false;
}

/** A `?.` in the callee (`a?.b.query`, `db.query?.(…)` aside). */
function optionalBefore(callee: Node): boolean {
  for (let n: Node = callee; ;) {
    if (n.type === 'MemberExpression') {
      if (n.optional) return true;
      n = n.object;
    } else if (n.type === 'CallExpression') {
      if (n.optional) return true;
      n = n.callee;
    } else if (n.type === 'TSNonNullExpression') n = n.expression;
    else return false;
  }
}

/** `@x` (T-SQL) or `:x`/`:...x` (TypeORM) parameters in the SQL's code (outside strings and comments). */
function sqlParams(a: Analysis, prefix: '@' | ':'): string[] {
  const out: string[] = [];
  const re = prefix === '@' ? /@@?([A-Za-z_#$][\w#$@]*)/g : /:(?:\.\.\.)?([A-Za-z_][\w.]*)/g;
  for (const m of a.skeleton.matchAll(re)) if (a.state[m.index] === 'code') out.push(m[1]);
  return out;
}

/** The same in a plain string (any `:x` in a JS string of the function, whatever its quoting). */
function textParams(text: string, prefix: ':'): string[] {
  return [...text.matchAll(new RegExp(`${prefix}(?:\\.\\.\\.)?([A-Za-z_][\\w.]*)`, 'g'))].map((m) => m[1]);
}

const RESERVED_WORDS = new Set(('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
  'import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
  'private protected public await arguments eval undefined').split(' '));

/**
 * The parameter name a value suggests: the last name of an identifier or member chain (`req.query.name` -> `name`,
 * `row['id']` -> `id`), also inside a one-hole template (`%${q}%` -> `q`); undefined for anything else.
 */
function paramBase(src: string): string | undefined {
  let s = src.trim();
  const one = /^`[^`\\$]*\$\{([^`]*)\}[^`\\$]*`$/.exec(s);
  if (one && !one[1].includes('${')) s = one[1].trim();
  s = s.replace(/\s+as\s[\s\S]*$/, '').replace(/!(?=[.[]|$)/g, '');
  if (!/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[\s*(?:'[^'\\]*'|"[^"\\]*")\s*\])*$/.test(s)) return undefined;
  const last = /(?:\[\s*['"]([^'"]*)['"]\s*\]|([A-Za-z_$][\w$]*))$/.exec(s);
  const name = last?.[1] ?? last?.[2];
  return name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED_WORDS.has(name) ? name : undefined;
}

/** Names values as `paramBase` suggests (else `p1`, `p2`…): the same expression keeps its name; none repeats or is `reserved`. */
function paramNamer(reserved: Iterable<string>): (src: string) => string {
  const taken = new Set([...reserved].map((x) => x.toLowerCase()));
  const bySrc = new Map<string, string>();
  let p = 0;
  return (src) => {
    const key = src.trim();
    const base = paramBase(key);
    // Only a name or member chain is surely the same value twice; a call may not be.
    if (base !== undefined && bySrc.has(key)) return bySrc.get(key)!;
    let name: string;
    if (base !== undefined) {
      name = base;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = base + k;
    } else {
      do name = `p${++p}`;
      while (taken.has(name));
    }
    taken.add(name.toLowerCase());
    if (base !== undefined) bySrc.set(key, name);
    return name;
  };
}

function isFunction(n: Node): boolean {
  return n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression';
}

/** `null` or `undefined` (an argument passed as nothing). */
function isNothing(n: Node): boolean {
  return (n.type === 'Literal' && n.value === null && !('regex' in n)) || (n.type === 'Identifier' && n.name === 'undefined');
}

function isPattern(n: Node): boolean {
  return n.type === 'ObjectPattern' || n.type === 'ArrayPattern' || n.type === 'RestElement';
}

function isScreaming(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && name.length > 1;
}

function propName(m: TSESTree.MemberExpression): string | undefined {
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.computed && m.property.type === 'Literal' && typeof m.property.value === 'string') return m.property.value;
  return undefined;
}

function keyName(p: TSESTree.Property): string | undefined {
  if (!p.computed && p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal' && typeof p.key.value === 'string') return p.key.value;
  return undefined;
}

/** A readable name for a call's receiver: `db`, `this.db` -> `db`, `getPool()` -> `getPool`. */
function nameOf(n: Node): string | undefined {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression') return propName(n);
  if (n.type === 'CallExpression') return nameOf(n.callee);
  if (n.type === 'AwaitExpression') return nameOf(n.argument);
  if (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') return nameOf(n.expression);
  if (n.type === 'ChainExpression') return nameOf(n.expression);
  return undefined;
}

function enclosingFunction(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') return p;
  }
  return undefined;
}

function arrayElements(n: Node, text: string): string[] | undefined {
  if (n.type !== 'ArrayExpression' || n.elements.some((x) => !x || x.type === 'SpreadElement')) return undefined;
  return n.elements.map((x) => text.slice(x!.range[0], x!.range[1]));
}

// --- pre-scans ---------------------------------------------------------------------------------------------------

/** Every method name `sink` accepts (the receiver checks aside). */
const SINK_NAMES = [...new Set([...STATEMENT_METHODS, ...KNEX_FRAGMENT, 'raw', 'literal'])];
const SINK_NAME = new RegExp(`(?<![\\w$])(?:${SINK_NAMES.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`, 'g');
const TYPEORM_NAME = new RegExp(`(?<=\\.\\s*)(?:${TYPEORM_METHODS.join('|')})(?![\\w$])`, 'g');
const LIBRARY_NAME = new RegExp(`(?<=\\.\\s*)(?:${LIBRARY_METHODS.join('|')})(?![\\w$])|(?<![\\w$])(?:${AWS_COMMANDS.join('|')})(?![\\w$])`, 'g');

/**
 * Where a sink could receive anything but a plain string literal, read from the raw text (no lexer to trust): the
 * offsets of the sink names that are called with something else, or could be (a comment or type arguments with
 * parentheses before the arguments, a parenthesized callee, a computed member `db['query']`). Names that are not
 * called (`.get.bind`, `query:`, a word in a string) and calls whose first argument is a string literal without `${}`
 * (`pool.query('SELECT … $1', [id])`) are left out. Empty: nothing in the file can report.
 */
export function possibleBuiltSinks(text: string, typeorm = TYPEORM_HINT.test(text), libs = LIBRARY_HINT.test(text)): number[] {
  const out: number[] = [];
  scanSinks(text, SINK_NAME, out);
  // TypeORM's QueryBuilder methods (`.where(…)`), only in a file that mentions TypeORM; the same for the libraries'.
  if (typeorm) scanSinks(text, TYPEORM_NAME, out);
  if (libs) scanSinks(text, LIBRARY_NAME, out);
  return [...new Set(out)].sort((a, b) => a - b);
}

function scanSinks(text: string, names: RegExp, out: number[]): void {
  names.lastIndex = 0;
  for (let m = names.exec(text); m; m = names.exec(text)) {
    const start = m.index;
    let i = skipSpace(text, start + m[0].length);
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      // db['query'](…): a computed member named by a string (parenthesized too: db[('query')]).
      const j = skipSpace(text, i + 1);
      if (text[start - 1] === c && (text[j] === ']' || text[j] === ')')) out.push(start);
      continue;
    }
    if (c === ')' || c === '/') {
      out.push(start); // (db.query)(sql), or a comment before the arguments
      continue;
    }
    if (c === '?') {
      if (text[i + 1] !== '.') continue;
      i = skipSpace(text, i + 2);
      if (text[i] !== '(' && text[i] !== '<') continue; // db.query?.x
    }
    if (text[i] === '<') {
      const close = skipTypeArguments(text, i);
      i = close < 0 ? -1 : skipSpace(text, close);
      if (i < 0 || text[i] !== '(') {
        out.push(start);
        continue;
      }
    }
    if (text[i] === '(' && !literalFirstArgument(text, i + 1)) out.push(start);
  }
}

/** The file may hold a sink that receives built text (see `possibleBuiltSinks`). */
export function mayReceiveBuiltText(text: string): boolean {
  return possibleBuiltSinks(text).length > 0;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** `<Row, Map<string, number>>` from the `<` at `i`: the offset after the closing `>`, or -1 when in doubt. */
function skipTypeArguments(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length && j < i + 300; j++) {
    const c = text[j];
    if (c === '<') depth++;
    else if (c === '>') {
      if (--depth === 0) return j + 1;
    } else if (!/[\w$\s.,[\]|&?:]/.test(c)) return -1;
  }
  return -1;
}

/** The argument list opening before `i` is empty, or starts with a string literal (no `${}`) followed by `,` or `)`. */
function literalFirstArgument(text: string, i: number): boolean {
  i = skipSpace(text, i);
  const q = text[i];
  if (q === ')') return true;
  if (q !== "'" && q !== '"' && q !== '`') return false;
  let j = i + 1;
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === q) break;
    else if (q === '`' ? c === '$' && text[j + 1] === '{' : c === '\n' || c === '\r') return false;
  }
  if (j >= text.length) return false;
  const k = skipSpace(text, j + 1);
  return text[k] === ',' || text[k] === ')';
}

/** Text left out of the partial parse: a function body's interior, or a whole top-level statement (`semi`: left as `;`). */
type Blank = { start: number; end: number; semi?: boolean };

/**
 * From TypeScript's tree, undefined when no call can report, else what to leave out of the parse: the function bodies
 * and top-level declarations that hold none of those calls. The calls are a superset of `Checker.sink` +
 * `Checker.build`: a callee naming a sink method, and a first argument that is a template with holes, a `+`, an object,
 * or a variable that an initializer, `=` or `+=` in the same function builds. `require()`/`import` are kept as well (the
 * fix's placeholder style reads them), and so is the first exported statement (the file stays a module for the scope
 * analysis). Functions with none of `interesting` (offsets from `possibleBuiltSinks`, and of `require`/`import`) are
 * not walked at all.
 */
function prescan(ts: typeof TS, sf: TS.SourceFile, interesting: number[], typeorm: boolean, libs: boolean): { blank: Blank[] } | undefined {
  const K = ts.SyntaxKind;
  const bodies: Blank[] = [];
  /** Calls that can report. */
  const sure: number[] = [];
  /** Sink calls on a variable, reporting only when `built` has the variable. */
  const byVariable: { at: number; key: string }[] = [];
  /** `require()`, `import()`, `import … from`: kept for `importedModules`. */
  const keep: number[] = [];
  const built = new Set<string>();
  let fn = -1;
  let fns = 0;

  const unwrap = (e: TS.Expression): TS.Expression => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    return e;
  };
  const isBuilt = (e: TS.Expression): boolean => {
    e = unwrap(e);
    if (e.kind === K.TemplateExpression || (ts.isBinaryExpression(e) && e.operatorToken.kind === K.PlusToken)) return true;
    // `.concat(…)` and `util.format(…)` (a superset of the estree check)
    return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.name) &&
      (e.expression.name.text === 'concat' || e.expression.name.text === 'format');
  };
  const calleeName = (callee: TS.Expression): string | undefined => {
    if (ts.isIdentifier(callee)) return callee.text === 'query' || callee.text === 'execute' ? callee.text : undefined;
    if (ts.isPropertyAccessExpression(callee)) return ts.isIdentifier(callee.name) ? callee.name.text : undefined;
    if (ts.isElementAccessExpression(callee)) {
      let key = callee.argumentExpression;
      while (ts.isParenthesizedExpression(key)) key = key.expression;
      return ts.isStringLiteral(key) ? key.text : undefined;
    }
    return undefined;
  };
  const sinkNames = new Set([...SINK_NAMES, ...(typeorm ? TYPEORM_METHODS : []), ...(libs ? LIBRARY_METHODS : [])]);
  const bodyOf = (node: TS.FunctionLikeDeclaration): void => {
    const body = node.body;
    if (body?.kind !== K.Block) return;
    const start = body.getStart(sf);
    if (sf.text[start] === '{' && sf.text[body.end - 1] === '}') bodies.push({ start: start + 1, end: body.end - 1 });
  };

  const visit = (node: TS.Node): void => {
    switch (node.kind) {
      case K.CallExpression: {
        const call = node as TS.CallExpression;
        let callee: TS.Expression = call.expression;
        while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
        if (callee.kind === K.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) keep.push(call.end - 1);
        const name = calleeName(callee);
        const arg = call.arguments[0];
        if (name && sinkNames.has(name) && arg && !ts.isSpreadElement(arg)) {
          const a = unwrap(arg);
          // An AWS input in a variable holds the statement as a property: kept whatever the variable.
          if (isBuilt(a) || ts.isObjectLiteralExpression(a) || ts.isNewExpression(a) || (libs && ts.isIdentifier(a) && Object.hasOwn(AWS_SINKS, name))) sure.push(call.end - 1);
          else if (ts.isIdentifier(a)) byVariable.push({ at: call.end - 1, key: `${fn}:${a.text}` });
        }
        break;
      }
      case K.NewExpression: {
        const n = node as TS.NewExpression;
        const c = n.expression;
        const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.name) ? c.name.text : undefined;
        if (libs && name && AWS_COMMANDS.includes(name) && n.arguments?.length) sure.push(n.end - 1);
        break;
      }
      case K.VariableDeclaration: {
        const d = node as TS.VariableDeclaration;
        if (ts.isIdentifier(d.name) && d.initializer && isBuilt(d.initializer)) built.add(`${fn}:${d.name.text}`);
        break;
      }
      case K.BinaryExpression: {
        const b = node as TS.BinaryExpression;
        const op = b.operatorToken.kind;
        if (op !== K.PlusEqualsToken && op !== K.EqualsToken) break;
        const left = unwrap(b.left);
        if (ts.isIdentifier(left) && (op === K.PlusEqualsToken || isBuilt(b.right))) built.add(`${fn}:${left.text}`);
        break;
      }
      case K.ImportEqualsDeclaration:
      case K.ImportDeclaration:
      case K.ExportDeclaration: // TypeScript parses these inside functions too, leaving the error to its checker
        keep.push(node.end - 1);
        break;
      case K.FunctionDeclaration:
      case K.FunctionExpression:
      case K.ArrowFunction:
      case K.MethodDeclaration:
      case K.Constructor:
      case K.GetAccessor:
      case K.SetAccessor: {
        const f = node as TS.FunctionLikeDeclaration;
        if (!f.body) break;
        if (anyIn(interesting, f.pos, f.end)) enterFunction(f);
        else bodyOf(f); // no sink that could report, no import: nothing inside matters but its references (checked later)
        return;
      }
    }
    ts.forEachChild(node, visit);
  };

  // A function with a body is an estree function (FunctionDeclaration/Expression, ArrowFunctionExpression, a method's
  // value), so two nodes in the same one here are in the same `enclosingFunction` there. A method's decorators and
  // computed name sit outside its estree function.
  const enterFunction = (node: TS.FunctionLikeDeclaration): void => {
    const body = node.body!;
    const method = node.kind !== K.FunctionDeclaration && node.kind !== K.FunctionExpression && node.kind !== K.ArrowFunction;
    if (method) {
      node.modifiers?.forEach(visit);
      if (node.name) visit(node.name);
    }
    const outer = fn;
    fn = fns++;
    bodyOf(node);
    if (method) {
      node.typeParameters?.forEach(visit);
      node.parameters.forEach(visit);
      if (node.type) visit(node.type);
      visit(body);
    } else ts.forEachChild(node, visit);
    fn = outer;
  };
  visit(sf);

  const candidates = [...sure, ...byVariable.filter((c) => built.has(c.key)).map((c) => c.at)];
  if (!candidates.length) return undefined;
  const kept = [...candidates, ...keep].sort((a, b) => a - b);

  // Top-level declarations with nothing kept go whole (a `;` keeps the statements around them apart).
  const blank: Blank[] = [];
  let exported = false;
  for (const st of sf.statements) {
    if (!ts.isFunctionDeclaration(st) && !ts.isClassDeclaration(st) && !ts.isVariableStatement(st)) continue;
    if (st.modifiers?.some((m) => m.kind === K.ExportKeyword) && !exported) {
      exported = true;
      continue;
    }
    if (anyIn(kept, st.pos, st.end)) continue;
    blank.push({ start: st.getStart(sf), end: st.end, semi: true });
  }
  // Then the outermost bodies with nothing kept, outside those statements.
  bodies.sort((a, b) => a.start - b.start);
  let until = -1;
  for (const b of bodies) {
    if (b.start < until || anyIn(kept, b.start, b.end) || blank.some((x) => x.semi && x.start <= b.start && b.end <= x.end)) continue;
    blank.push(b);
    until = b.end;
  }
  blank.sort((a, b) => a.start - b.start);
  return { blank };
}

/** Some of the sorted `xs` lies in [start, end). */
function anyIn(xs: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < xs.length && xs[lo] < end;
}

/** `text` with the blanks' characters turned to spaces, line breaks kept: same offsets, same lines. */
function blankOut(text: string, blank: Blank[]): string {
  let out = '';
  let at = 0;
  for (const b of blank) {
    const spaces = text.slice(b.start, b.end).replace(/[^\r\n\u2028\u2029]+/g, (m) => ' '.repeat(m.length));
    out += text.slice(at, b.start) + (b.semi ? ';' + spaces.slice(1) : spaces);
    at = b.end;
  }
  return out + text.slice(at);
}

/**
 * The blanks that could hold a declaration of or a reference to one of `vars` (inside the variable's scope), or of one
 * of the `unresolved` names: those that name it (or hold a `\u` escape, which can spell any name).
 */
function blanksNaming(text: string, blank: Blank[], vars: Set<Variable>, unresolved: Set<string>): Set<Blank> {
  const out = new Set<Blank>();
  const check = (name: string, from: number, to: number) => {
    for (const b of blank) if (b.start >= from && b.end <= to && !out.has(b) && names(text, b, name)) out.add(b);
  };
  for (const v of vars) check(v.name, v.scope.block.range[0], v.scope.block.range[1]);
  for (const name of unresolved) check(name, 0, text.length);
  return out;
}

function names(text: string, b: Blank, name: string): boolean {
  const escape = text.indexOf('\\u', b.start);
  if (escape >= 0 && escape < b.end) return true;
  for (let i = text.indexOf(name, b.start); i >= 0 && i + name.length <= b.end; i = text.indexOf(name, i + 1)) {
    if (!/[\w$]/.test(text[i - 1] ?? '') && !/[\w$]/.test(text[i + name.length] ?? '')) return true;
  }
  return false;
}
