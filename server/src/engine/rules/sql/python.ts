// sql/string-built-query for Python: f-strings, `%`, `.format()`, `+` and `+=` reaching a DB-API, SQLAlchemy, Django,
// asyncpg or pandas query call. Parsed with tree-sitter's Python grammar; silent when the grammar is not available.
import { analyze, looksLikeSql, type Analysis, type Hole, type Item, type Position } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import { parse, walkTree, type SyntaxNode as Node } from '../../languages/tree-sitter';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { reportHoles, SQL_HINT, type SqlDetector, hasUnsafeHole, partItems } from './detector';
import { lenOf, unquoteRegion, valueHoles } from './placeholders';
import { field, kids, localParts, named, same, unparen, within } from './shared';

export const python: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'python',
  async check(ctx) {
    // Cheap prefilters: most files have no query call, or no SQL text at all, and are never parsed.
    const orm = ORM_CLAUSE_CALL.test(ctx.text);
    if (!SINK_CALL.test(ctx.text) && !orm) return;
    if (!FRAGMENT_CALL.test(ctx.text) && !SQL_HINT.test(ctx.text) && !orm) return;
    const tree = await parse(ctx, 'python');
    if (!tree) return;
    new PyChecker(ctx, tree.rootNode).run();
  },
};

const SINK_CALL = /\b(?:execute|executemany|executescript|mogrify|fetch|fetchrow|fetchval|exec_driver_sql|raw|extra|RawSQL|text|TextClause|literal_column|read_sql|read_sql_query|prepare|cursor|copy_from_query|execute_sql|fetch_all|fetch_one|fetch_val|scalars?|execute_async|execute_iter|execute_with_progress|execute_insert|execute_fetchall|sql|sql_list|query)\s*\(/;
/** A SQLAlchemy Query clause method given a string built in place (f-string, `%`, `.format`, `+`). */
const ORM_CLAUSE_CALL = /\.(?:filter|order_by|group_by|having|distinct)\s*\(\s*(?:[rRuU]?[fF][rR]?["']|[rRuU]?["'][^"'\n]*["']\s*(?:%|\.format\b|\+))/;
/** Sinks whose argument is SQL by the call's name alone. */
const FRAGMENT_CALL = /\b(?:exec_driver_sql|extra|RawSQL|text|TextClause|literal_column|read_sql|read_sql_query)\s*\(/;

/** Methods whose first argument is a whole statement; the text must look like SQL. */
const STATEMENT_METHODS = new Set(['execute', 'executemany', 'executescript', 'mogrify', 'fetch', 'fetchrow', 'fetchval', 'raw',
  // asyncpg statements and cursors, peewee, databases: reported without a fix.
  'prepare', 'cursor', 'copy_from_query', 'execute_sql', 'fetch_all', 'fetch_one', 'fetch_val',
  // Cassandra's execute_async, clickhouse-driver's and aioch's streaming variants: reported without a fix.
  'execute_async', 'execute_iter', 'execute_with_progress',
  // SQLAlchemy's Session/Connection/Engine shorthands, and aiosqlite's helpers.
  'scalar', 'scalars', 'execute_insert', 'execute_fetchall']);
const OTHER_STATEMENT_METHODS = new Set(['prepare', 'cursor', 'copy_from_query', 'execute_sql', 'fetch_all', 'fetch_one', 'fetch_val',
  'execute_async', 'execute_iter', 'execute_with_progress']);
const ASYNCPG_ONLY = new Set(['fetch', 'fetchrow', 'fetchval']);
/** SQLAlchemy `Query` methods that took a string as raw SQL before 1.4. */
const ORM_CLAUSES = new Set(['filter', 'order_by', 'group_by', 'having', 'distinct']);
const QUERY_KEYWORDS = new Set(['sql', 'query', 'statement', 'operation', 'stmt', 'sql_script']);

/** How the driver of a call writes placeholders. */
type Style = 'qmark' | 'format' | 'dollar' | 'named';

/** Placeholder style of each DB-API driver, by the first segment(s) of the imported module. */
const DRIVER_STYLE: Record<string, Style> = {
  sqlite3: 'qmark', aiosqlite: 'qmark', pyodbc: 'qmark', duckdb: 'qmark',
  psycopg2: 'format', psycopg: 'format', pymysql: 'format', MySQLdb: 'format', aiomysql: 'format', aiopg: 'format', pymssql: 'format',
  'mysql.connector': 'format', mysql: 'format', django: 'format', pg8000: 'format',
  asyncpg: 'dollar',
  hdbcli: 'qmark', phoenixdb: 'qmark', mariadb: 'qmark',
  // Cassandra's SimpleStatement substitutes `%s` from a tuple like psycopg2.
  cassandra: 'format',
  // `:name` / `:1` (Oracle) and `%(name)s` with a dict only (ClickHouse): known, so no `%s` is assumed; no fix is written.
  oracledb: 'named', cx_Oracle: 'named', clickhouse_driver: 'named', aioch: 'named',
};

const ESCAPERS = /^_*(?:escape|escape_string|escape_literal|escape_identifier|quote|quote_ident|quote_identifier|quote_literal|quote_name|quote_value|literal|sqlescape|sql_escape|escape_sql|mogrify)$/;
/** A parameter named for a table (`table`, `table_name`, `dest_table`, `tbl`). */
const TABLE_PARAM = /^(?:table|tbl)(?:_?name)?$|[a-z]_table(?:_name)?$/;
const SAFE_CALLS = new Set(['int', 'float', 'len', 'bool', 'round', 'abs', 'ord', 'hash', 'id', 'sum', 'range']);
const SAFE_TYPES = /^(?:int|float|bool|complex|Decimal|decimal\.Decimal|UUID|uuid\.UUID|date|datetime|(?:datetime\.)?(?:date|datetime|time)|(?:typing\.)?Optional\[(?:int|float|bool|UUID)\]|(?:int|float|bool) \| None)$/;
const TIME_CALLS = new Set(['now', 'utcnow', 'today', 'time', 'monotonic', 'perf_counter', 'isoformat', 'strftime', 'timestamp', 'uuid1', 'uuid4']);
const STRING_METHODS_KEEPING_SAFETY = new Set(['upper', 'lower', 'strip', 'lstrip', 'rstrip', 'title', 'capitalize']);
const NUMERIC_SPEC = /[bcdoxXneEfFgG%]$/;
const PY_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

type SinkKind = 'dbapi' | 'executemany' | 'executescript' | 'mogrify' | 'asyncpg' | 'text' | 'literal' | 'driver' | 'raw' | 'rawsql' | 'extra' | 'pandas' | 'orm' |
  'scalar' | 'aiosqlite' | 'frappe' | 'other';

interface Sink {
  call: Node;
  kind: SinkKind;
  method: string;
  query: Node;
  /** The name says it is SQL: no statement shape needed. */
  fragment: boolean;
}

/** A Python interpolation: how to write it back in an f-string field, and as a parameter value. */
type PyHole = Hole & {
  /** `expr!r:>3`, or undefined when it cannot be written back as an f-string field. */
  field?: string;
  /** The expression whose value the driver should receive, or undefined when it cannot be written. */
  value?: string;
  /** A literal (`%s` of `"users"` or `5`): a fix writes its text in place. */
  literal?: boolean;
};

interface Built {
  items: Item[];
  /** The expression that holds all of the SQL text and that a fix may replace. */
  root: Node;
  rewritable: boolean;
}

type BindingKind = 'assign' | 'augment' | 'for' | 'param' | 'other';
interface Binding {
  kind: BindingKind;
  /** The bound identifier. */
  at: Node;
  /** Assigned value, `+=` operand, or the iterable of a `for`. */
  value?: Node;
  op?: string;
  /** A parameter's annotation. */
  type?: string;
}

const LITERALS = new Set(['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none']);
const SCOPES = new Set(['function_definition', 'lambda', 'module', 'class_definition']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Request data in web frameworks is spelled like a constant: `request.GET`, `request.META`, `os.environ`. */
const REQUEST_DATA = new Set(['GET', 'POST', 'FILES', 'META', 'COOKIES', 'REQUEST', 'DATA', 'PARAMS', 'ARGS', 'FORM', 'JSON', 'HEADERS', 'BODY', 'QUERY']);

function isScreaming(name: string): boolean {
  return /^_*[A-Z][A-Z0-9_]*$/.test(name) && name.replace(/_/g, '').length > 1 && !REQUEST_DATA.has(name);
}

/** Positional and keyword arguments of a call; undefined for `f(x for x in y)`. */
interface Args {
  positional: Node[];
  keywords: Map<string, Node>;
  /** `*a` / `**k` present. */
  splat: boolean;
  all: Node[];
  list: Node;
}

function argsOf(call: Node): Args | undefined {
  const list = field(call, 'arguments');
  if (!list || list.type !== 'argument_list') return undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let splat = false;
  const all = named(list);
  for (const a of all) {
    if (a.type === 'keyword_argument') {
      const k = field(a, 'name');
      const v = field(a, 'value');
      if (k && v) keywords.set(k.text, v);
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') splat = true;
    else positional.push(a);
  }
  return { positional, keywords, splat, all, list };
}

class PyChecker {
  private readonly seen = new Set<number>();
  private readonly scopeCache = new Map<number, Map<string, Binding[]>>();
  private imports: Map<string, string> | undefined;
  /** Set while flattening when the SQL text comes from a constant defined elsewhere: no fix then. */
  private foreign = false;

  constructor(private readonly ctx: RuleContext, private readonly root: Node) {}

  run(): void {
    const sinks: Sink[] = [];
    walkTree(this.root, (n) => {
      if (n.type === 'call' && !n.hasError) this.sinks(n, sinks);
    });
    for (const s of sinks) this.checkSink(s);
  }

  // --- imports --------------------------------------------------------------------------------------------------

  /** Local name -> dotted module path it stands for (`sa` -> `sqlalchemy`, `text` -> `sqlalchemy.text`). */
  private importMap(): Map<string, string> {
    if (this.imports) return this.imports;
    const map = new Map<string, string>();
    walkTree(this.root, (n) => {
      if (n.type === 'import_statement') {
        for (const name of n.childrenForFieldName('name')) {
          if (!name) continue;
          if (name.type === 'aliased_import') {
            const mod = field(name, 'name')?.text;
            const alias = field(name, 'alias')?.text;
            if (mod && alias) map.set(alias, mod);
          } else {
            // `import a.b` binds `a`.
            map.set(name.text.split('.')[0], name.text.split('.')[0]);
            map.set(name.text, name.text);
          }
        }
        return false;
      }
      if (n.type === 'import_from_statement') {
        const mod = field(n, 'module_name');
        if (!mod || mod.type === 'relative_import') return false;
        for (const name of n.childrenForFieldName('name')) {
          if (!name) continue;
          if (name.type === 'aliased_import') {
            const orig = field(name, 'name')?.text;
            const alias = field(name, 'alias')?.text;
            if (orig && alias) map.set(alias, `${mod.text}.${orig}`);
          } else map.set(name.text, `${mod.text}.${name.text}`);
        }
        return false;
      }
      return n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'module' || n.type === 'block' ||
        n.type === 'if_statement' || n.type === 'try_statement' || n.type === 'else_clause' || n.type === 'except_clause' ||
        n.type === 'with_statement' || n.type === 'decorated_definition' || n.type === 'elif_clause' || n.type === 'finally_clause';
    });
    this.imports = map;
    return map;
  }

  /** The dotted path a callee stands for through the imports: `sa.text` -> `sqlalchemy.text`. */
  private dotted(n: Node): string | undefined {
    n = unparen(n);
    if (n.type === 'identifier') return this.importMap().get(n.text);
    if (n.type === 'attribute') {
      const obj = field(n, 'object');
      const attr = field(n, 'attribute');
      const base = obj && this.dotted(obj);
      return base && attr ? `${base}.${attr.text}` : undefined;
    }
    return undefined;
  }

  /** Root packages the file imports. */
  private importedRoots(): Set<string> {
    const out = new Set<string>();
    for (const path of this.importMap().values()) {
      out.add(path.split('.')[0]);
      if (path.startsWith('mysql.connector')) out.add('mysql.connector');
    }
    return out;
  }

  // --- sinks ----------------------------------------------------------------------------------------------------

  private sinks(call: Node, out: Sink[]): void {
    const fn = field(call, 'function');
    const args = argsOf(call);
    if (!fn || !args) return;
    let method: string | undefined;
    let receiver: Node | undefined;
    if (fn.type === 'attribute') {
      method = field(fn, 'attribute')?.text;
      receiver = field(fn, 'object');
    } else if (fn.type === 'identifier') method = fn.text;
    if (!method) return;

    const first = (): Node | undefined => {
      if (args.positional.length) return args.positional[0];
      for (const k of QUERY_KEYWORDS) if (args.keywords.has(k)) return args.keywords.get(k);
      return undefined;
    };
    const add = (kind: SinkKind, fragment: boolean, query = first()) => {
      if (query) out.push({ call, kind, method: method!, query, fragment });
    };

    const path = this.dotted(fn);
    if (method === 'text' || method === 'TextClause') {
      const q = first() ?? args.keywords.get('text');
      if (path && /^sqlalchemy(?:\.sql(?:\.expression)?)?\.(?:text|TextClause)$/.test(path)) add('text', true, q);
      // Flask-SQLAlchemy re-exports `text` on its instance: `db.text(...)`, certain when `db = SQLAlchemy(...)` is in
      // sight, else (an instance imported from elsewhere) only when the text is shaped like a statement.
      else if (method === 'text' && receiver && unparen(receiver).type === 'identifier') {
        if (this.isFlaskSqlAlchemy(unparen(receiver))) add('text', true, q);
        else if (unparen(receiver).text === 'db') add('text', false, q);
      }
      return;
    }
    if (method === 'literal_column') {
      if (path && /^sqlalchemy(?:\.sql(?:\.expression)?)?\.literal_column$/.test(path)) add('literal', true, args.positional[0] ?? args.keywords.get('text'));
      return;
    }
    if (method === 'RawSQL') return add('rawsql', true);
    if (method === 'read_sql' || method === 'read_sql_query') {
      if (fn.type === 'attribute' || path?.startsWith('pandas.')) add('pandas', true);
      return;
    }
    if (!receiver) return;
    if (method === 'exec_driver_sql') return add('driver', true);
    if (method === 'extra') {
      const where = args.keywords.get('where');
      if (where && (where.type === 'list' || where.type === 'tuple')) for (const w of named(where)) add('extra', true, w);
      const select = args.keywords.get('select');
      if (select?.type === 'dictionary') {
        for (const p of named(select)) {
          const v = p.type === 'pair' ? field(p, 'value') : undefined;
          if (v) add('extra', true, v);
        }
      }
      return;
    }
    // Frappe / ERPNext: frappe.db.sql(query, values, as_dict=…) and sql_list, %s placeholders.
    if ((method === 'sql' || method === 'sql_list') && unparen(receiver).text === 'frappe.db' && this.importedRoots().has('frappe')) return add('frappe', false);
    if (method === 'sql' || method === 'query') {
      // DuckDB's `duckdb.sql` / `con.sql` / `con.query` and PySpark's `spark.sql`: by the file's imports, reported
      // without a fix when the text is a statement (`df.query("a > 1")` in the same file is pandas, not SQL).
      const roots = this.importedRoots();
      const recv = unparen(receiver);
      // Databricks notebooks use a predefined `spark` without importing pyspark.
      const sparkName = recv.type === 'identifier' && /^(?:spark|sqlContext|spark_session)$/.test(recv.text);
      if (roots.has('duckdb') || (method === 'sql' && (roots.has('pyspark') || sparkName))) add('other', false);
      return;
    }
    if (ORM_CLAUSES.has(method)) {
      // Legacy SQLAlchemy Query: a string clause is raw SQL (`session.query(User).filter(f"name = '{name}'")`).
      const q = args.positional[0];
      if (q && args.positional.length === 1 && !args.keywords.size && !args.splat && this.isBuilt(unparen(q)) && this.isOrmQuery(receiver, 0)) add('orm', true, q);
      return;
    }
    if (!STATEMENT_METHODS.has(method)) return;
    const recv = unparen(receiver);
    if (recv.type === 'identifier' && /^(?:subprocess|os|shell|sh|pexpect|fabric|invoke)$/.test(recv.text)) return;
    if (method === 'executemany') return add('executemany', false);
    if (method === 'executescript') return add('executescript', false);
    if (method === 'mogrify') return add('mogrify', false);
    if (method === 'raw') return add('raw', false);
    if (method === 'scalar' || method === 'scalars') return add('scalar', false, first() ?? args.keywords.get('object_'));
    if (method === 'execute_insert' || method === 'execute_fetchall') return add('aiosqlite', false);
    if (OTHER_STATEMENT_METHODS.has(method)) return add('other', false);
    if (ASYNCPG_ONLY.has(method)) return add('asyncpg', false);
    add('dbapi', false);
  }

  /**
   * A SQLAlchemy `Query` receiver: a chain through `.query(...)` or `Model.query`, or a local named `query` not bound
   * to a Django manager chain (`.objects`), whose `order_by("-field")` takes field names.
   */
  private isOrmQuery(n: Node, depth: number): boolean {
    if (depth > 4) return false;
    let sawQuery = false;
    for (let cur: Node | undefined = unparen(n); cur;) {
      if (cur.type === 'call') cur = field(cur, 'function');
      else if (cur.type === 'attribute') {
        const attr = field(cur, 'attribute')?.text;
        if (attr === 'objects') return false;
        if (attr === 'query') sawQuery = true;
        cur = field(cur, 'object');
      } else if (cur.type === 'identifier') {
        if (sawQuery) return true;
        if (!/^(?:query|q)$/.test(cur.text)) return false;
        const r = this.resolve(cur);
        if (!r) return true;
        return r.list.every((b) => b.kind === 'assign' && !!b.value && (same(b.value, n) || this.isOrmQuery(b.value, depth + 1) || within(n, b.value)));
      } else return sawQuery;
      if (cur) cur = unparen(cur);
    }
    return sawQuery;
  }

  private checkSink(sink: Sink): void {
    const q = unparen(sink.query);
    if (this.seen.has(q.id)) return;
    this.seen.add(q.id);
    this.foreign = false;
    const built = this.build(q, sink.call);
    if (!built) return;
    const start: Position = 'fragment';
    const a = analyze(built.items, start);
    if (!sink.fragment && !looksLikeSql(a.skeleton)) return;
    reportHoles(this.ctx, sink.query, built.items, a, () => this.hasParams(sink), () => (built.rewritable ? this.fixes(sink, built, a) : []));
  }

  private hasParams(sink: Sink): boolean {
    const args = argsOf(sink.call);
    if (!args) return false;
    switch (sink.kind) {
      case 'text': {
        // text(...).bindparams(...), or text(...) passed to a call with parameters after it.
        const parent = sink.call.parent;
        if (parent?.type === 'attribute' && field(parent, 'attribute')?.text === 'bindparams') return true;
        if (parent?.type === 'argument_list') return named(parent).length > 1;
        return false;
      }
      case 'extra':
        return args.keywords.has('params');
      case 'literal':
        return false;
      case 'pandas':
        return args.keywords.has('params');
      default:
        return args.positional.length > 1 || args.splat || [...args.keywords.keys()].some((k) => /^(?:params|parameters|args|vars)$/.test(k));
    }
  }

  // --- scopes and bindings --------------------------------------------------------------------------------------

  private scopeOf(n: Node): Node {
    for (let p = n.parent; p; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return p;
    }
    return this.root;
  }

  private bindings(scope: Node): Map<string, Binding[]> {
    let map = this.scopeCache.get(scope.id);
    if (map) return map;
    map = new Map();
    const m = map;
    const add = (id: Node, b: Omit<Binding, 'at'>) => {
      let list = m.get(id.text);
      if (!list) m.set(id.text, (list = []));
      list.push({ ...b, at: id });
    };
    const addAll = (target: Node, kind: BindingKind) => {
      if (target.type === 'identifier') return add(target, { kind });
      if (target.type === 'attribute' || target.type === 'subscript') return;
      for (const c of named(target)) addAll(c, kind);
    };
    if (scope.type === 'function_definition' || scope.type === 'lambda') {
      const params = field(scope, 'parameters');
      for (const p of params ? named(params) : []) {
        let id: Node | undefined;
        let type: string | undefined;
        if (p.type === 'identifier') id = p;
        else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
          id = field(p, 'name');
          type = field(p, 'type')?.text;
          // `batch_size=1000`: an unannotated parameter whose default is a number is taken to be a number.
          const dflt = field(p, 'value');
          if (!type && (dflt?.type === 'integer' || dflt?.type === 'float')) type = dflt.type === 'integer' ? 'int' : 'float';
        } else if (p.type === 'typed_parameter') {
          id = named(p).find((c) => c.type === 'identifier');
          type = field(p, 'type')?.text;
        } else id = named(p).find((c) => c.type === 'identifier');
        if (id?.type === 'identifier') add(id, { kind: 'param', type });
      }
    }
    const body = scope.type === 'module' ? scope : field(scope, 'body');
    if (body) {
      walkTree(body, (n) => {
        if (n.id !== body.id && (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda' || COMPREHENSIONS.has(n.type))) {
          const name = field(n, 'name');
          if (name && n.type !== 'lambda') add(name, { kind: 'other' });
          return false;
        }
        switch (n.type) {
          case 'assignment': {
            const left = field(n, 'left');
            let right = field(n, 'right');
            while (right?.type === 'assignment') right = field(right, 'right');
            if (left?.type === 'identifier') add(left, { kind: right ? 'assign' : 'other', value: right });
            else if (left) addAll(left, 'other');
            break;
          }
          case 'augmented_assignment': {
            const left = field(n, 'left');
            const op = field(n, 'operator')?.text ?? kids(n).find((c) => !c.isNamed && c.type.endsWith('='))?.type;
            if (left?.type === 'identifier') add(left, { kind: 'augment', value: field(n, 'right'), op });
            break;
          }
          case 'for_statement': {
            const left = field(n, 'left');
            if (left?.type === 'identifier') add(left, { kind: 'for', value: field(n, 'right') });
            else if (left) addAll(left, 'other');
            break;
          }
          case 'named_expression': {
            const name = field(n, 'name');
            if (name) add(name, { kind: 'other' });
            break;
          }
          case 'as_pattern_target':
          case 'global_statement':
          case 'nonlocal_statement':
          case 'delete_statement':
            addAll(n, 'other');
            break;
          case 'except_clause':
            for (const c of named(n)) if (c.type === 'as_pattern') { const t = named(c)[1]; if (t) addAll(t, 'other'); }
            break;
          case 'import_statement':
          case 'import_from_statement':
            for (const name of n.childrenForFieldName('name')) {
              if (!name) continue;
              const bound = name.type === 'aliased_import' ? field(name, 'alias') : named(name)[0];
              if (bound) add(bound, { kind: 'other' });
            }
            return false;
        }
        return undefined;
      });
    }
    this.scopeCache.set(scope.id, map);
    return map;
  }

  /** The bindings a name read at `use` refers to: a comprehension variable, the function's own, then enclosing scopes. */
  private resolve(use: Node): { scope: Node; list: Binding[] } | undefined {
    const name = use.text;
    for (let p = use.parent; p && !SCOPES.has(p.type); p = p.parent) {
      if (!COMPREHENSIONS.has(p.type)) continue;
      for (const c of named(p)) {
        if (c.type !== 'for_in_clause') continue;
        const left = field(c, 'left');
        if (left?.type === 'identifier' && left.text === name) return { scope: p, list: [{ kind: 'for', at: left, value: field(c, 'right') }] };
        if (left && left.text.split(/[\s,()]+/).includes(name)) return { scope: p, list: [{ kind: 'other', at: left }] };
      }
    }
    let scope = this.scopeOf(use);
    for (;;) {
      const list = this.bindings(scope).get(name);
      if (list?.length) return { scope, list };
      if (scope.type === 'module') return undefined;
      scope = this.scopeOf(scope);
      while (scope.type === 'class_definition') scope = this.scopeOf(scope);
    }
  }

  /** The single assigned value of a name that is never rebound otherwise. */
  private singleValue(use: Node): Node | undefined {
    const r = this.resolve(use);
    if (!r || r.list.length !== 1 || r.list[0].kind !== 'assign') return undefined;
    return r.list[0].value;
  }

  // --- building the SQL -------------------------------------------------------------------------------------------

  /** The items of the SQL passed at `node`: directly, or through a local variable and its `+=` appends before the call. */
  private build(node: Node, call: Node): Built | undefined {
    const e = unparen(node);
    if (this.isBuilt(e)) {
      const items = this.flatten(e);
      if (!hasUnsafeHole(items)) return undefined;
      return { items, root: e, rewritable: !this.foreign };
    }
    if (e.type !== 'identifier') return undefined;
    const r = this.resolve(e);
    if (!r || !same(r.scope, this.scopeOf(call))) return undefined;
    const before = r.list.filter((b) => b.at.startIndex < call.startIndex).sort((x, y) => x.at.startIndex - y.at.startIndex);
    const writes = before.map((b) => ({ kind: b.kind === 'augment' && b.op === '+=' ? 'append' : b.kind, value: b.value }));
    // `sql = sql + "..."` appends like `+=`.
    const flow = localParts(writes, undefined, (value) => {
      const v = unparen(value);
      const ops = v.type === 'binary_operator' && field(v, 'operator')?.text === '+' ? this.plusOperands(v) : undefined;
      return ops && ops[0].type === 'identifier' && ops[0].text === e.text ? ops.slice(1) : undefined;
    });
    if (!flow?.parts || (!flow.appended && !this.isBuilt(flow.parts[0]))) return undefined;
    const { parts, appended } = flow;
    const items = partItems(parts.map(unparen), (u) => this.isBuilt(u) || this.isStringLiteral(u), (u, out) => this.flattenInto(u, out), (u) => this.hole(u));
    if (!hasUnsafeHole(items)) return undefined;
    // A fix rewrites the one assignment when the variable is written once and read only by this call.
    const reads = this.countReads(r.scope, e.text) - r.list.length;
    const rewritable = !appended && !this.foreign && r.list.length === 1 && reads === 1 &&
      r.list[0].at.parent?.type === 'assignment' && r.list[0].at.parent.parent?.type === 'expression_statement';
    return { items, root: unparen(parts[0]), rewritable };
  }

  private countReads(scope: Node, name: string): number {
    let n = 0;
    walkTree(scope, (x) => {
      if (x.type === 'identifier' && x.text === name && x.parent?.type !== 'keyword_argument') n++;
      else if (x.type === 'identifier' && x.text === name && !same(field(x.parent!, 'name'), x)) n++;
    });
    return n;
  }

  private plusOperands(e: Node): Node[] {
    e = unparen(e);
    if (e.type === 'binary_operator' && field(e, 'operator')?.text === '+') {
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (l && r) return [...this.plusOperands(l), r];
    }
    return [e];
  }

  private isStringLiteral(e: Node): boolean {
    return e.type === 'string' || e.type === 'concatenated_string';
  }

  /** An f-string with fields, a `+` with a string on one side, `"..." % x`, `"...".format(...)`. */
  private isBuilt(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'string') return kids(e).some((c) => c.type === 'interpolation');
    if (e.type === 'concatenated_string') return named(e).some((s) => this.isBuilt(s));
    if (e.type === 'binary_operator') {
      const op = field(e, 'operator')?.text;
      const l = field(e, 'left');
      if (op === '+') return this.isStringy(e);
      if (op === '%' && l) return this.isStringy(l) || this.constant(l, 0) !== undefined && this.isTextName(l);
      return false;
    }
    if (e.type === 'call') return this.formatReceiver(e) !== undefined || this.replaceTemplate(e) !== undefined;
    return false;
  }

  private isTextName(n: Node): boolean {
    n = unparen(n);
    return n.type === 'identifier' || n.type === 'attribute';
  }

  private isStringy(e: Node): boolean {
    e = unparen(e);
    if (this.isStringLiteral(e)) return true;
    if (e.type === 'binary_operator') {
      const op = field(e, 'operator')?.text;
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (op === '+') return (!!l && this.isStringy(l)) || (!!r && this.isStringy(r));
      if (op === '%') return !!l && this.isStringy(l);
      return false;
    }
    if (e.type === 'call') return this.formatReceiver(e) !== undefined || this.replaceTemplate(e) !== undefined;
    return false;
  }

  /** `"... [X] ...".replace("[X]", value)` on a literal whose text holds the token. */
  private replaceTemplate(call: Node): { receiver: Node; token: string; value: Node } | undefined {
    const fn = field(call, 'function');
    if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== 'replace') return undefined;
    const obj = field(fn, 'object');
    const args = argsOf(call);
    if (!obj || !args || args.positional.length !== 2 || args.splat || !this.isStringLiteral(unparen(obj))) return undefined;
    const token = this.constant(args.positional[0], 0);
    const text = this.constant(obj, 0);
    if (!token || text === undefined || !text.includes(token)) return undefined;
    return { receiver: unparen(obj), token, value: args.positional[1] };
  }

  /** `"...".format(...)` (or a constant name): the receiver. */
  private formatReceiver(call: Node): Node | undefined {
    const fn = field(call, 'function');
    if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== 'format') return undefined;
    const obj = field(fn, 'object');
    if (!obj) return undefined;
    const o = unparen(obj);
    if (this.isStringLiteral(o)) return o;
    if (this.isTextName(o) && this.constant(o, 0) !== undefined) return o;
    return undefined;
  }

  private flatten(e: Node): Item[] {
    const out: Item[] = [];
    this.flattenInto(e, out);
    return out;
  }

  private flattenInto(e: Node, out: Item[]): void {
    e = unparen(e);
    if (e.type === 'string') return this.stringItems(e, out);
    if (e.type === 'concatenated_string') {
      for (const s of named(e)) this.flattenInto(s, out);
      return;
    }
    if (e.type === 'binary_operator') {
      const op = field(e, 'operator')?.text;
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (op === '+' && l && r && this.isStringy(e)) {
        this.flattenInto(l, out);
        this.flattenInto(r, out);
        return;
      }
      if (op === '%' && l && r && (this.isStringy(l) || this.isTextName(l))) {
        const fmt = this.templateItems(l);
        if (fmt) {
          const done = this.percentFormat(fmt, r);
          if (done) return void out.push(...done);
        }
      }
    }
    if (e.type === 'call') {
      const recv = this.formatReceiver(e);
      const fmt = recv && this.templateItems(recv);
      const done = fmt && this.strFormat(fmt, e);
      if (done) return void out.push(...done);
      const rep = this.replaceTemplate(e);
      const template = rep && this.templateItems(rep.receiver);
      if (rep && template) {
        // "... '[VALUE]'".replace("[VALUE]", value): each occurrence becomes a hole.
        const token = [...rep.token];
        for (let i = 0; i < template.length; i++) {
          const match = token.every((c, k) => template[i + k]?.kind === 'ch' && (template[i + k] as { c: string }).c === c);
          if (match) {
            out.push(this.hole(rep.value));
            i += token.length - 1;
          } else out.push(template[i]);
        }
        return;
      }
    }
    out.push(this.hole(e));
  }

  /** The items of a format template: a literal, or the text of a constant name (then no fix: the text lives elsewhere). */
  private templateItems(n: Node): Item[] | undefined {
    n = unparen(n);
    if (this.isStringy(n)) return this.flatten(n);
    const text = this.constant(n, 0);
    if (text === undefined) return undefined;
    this.foreign = true;
    return [...text].map((c) => ({ kind: 'ch', c, r: c }));
  }

  /** Characters and interpolations of one string literal. */
  private stringItems(s: Node, out: Item[]): void {
    const startNode = kids(s).find((c) => c.type === 'string_start');
    const prefix = (startNode?.text ?? '').replace(/["']/g, '').toLowerCase();
    const raw = prefix.includes('r');
    const text = this.ctx.text;
    for (const c of kids(s)) {
      if (c.type === 'string_content') {
        let i = c.startIndex;
        const specials = kids(c).filter((k) => k.type === 'escape_sequence' || k.type === 'escape_interpolation');
        for (const sp of [...specials, undefined]) {
          const stop = sp ? sp.startIndex : c.endIndex;
          for (; i < stop; i++) {
            let ch = text[i];
            if (ch === '\r') {
              if (text[i + 1] === '\n') i++;
              ch = '\n';
            }
            out.push({ kind: 'ch', c: ch, r: ch });
          }
          if (!sp) break;
          const value = sp.type === 'escape_interpolation' ? sp.text[0] : raw ? sp.text : decodeEscape(sp.text);
          for (const ch of value) out.push({ kind: 'ch', c: ch, r: ch });
          i = sp.endIndex;
        }
      } else if (c.type === 'interpolation') {
        out.push(this.interpolation(c));
      }
    }
  }

  private interpolation(n: Node): PyHole {
    const expr = field(n, 'expression');
    if (!expr) return { kind: 'hole', src: n.text, safe: false };
    const conv = field(n, 'type_conversion')?.text; // `!r`
    const spec = field(n, 'format_specifier');
    const debug = kids(n).some((c) => !c.isNamed && c.type === '=');
    const h = this.hole(expr);
    if (!conv && !spec && !debug) return h;
    const src = expr.text;
    const specText = spec ? spec.text.replace(/^:/, '') : '';
    const simpleSpec = !spec || !kids(spec).some((k) => k.type === 'format_expression');
    const numeric = !!spec && simpleSpec && !conv && NUMERIC_SPEC.test(specText);
    const fieldText = debug ? undefined : `${src}${conv ?? ''}${spec && simpleSpec ? ':' + specText : spec ? undefined : ''}`;
    return {
      kind: 'hole', src,
      safe: h.safe && !conv ? true : numeric,
      devControlled: h.devControlled,
      field: spec && !simpleSpec ? undefined : fieldText,
      value: debug || (spec && !numeric) ? undefined : conv ? `${CONVERSIONS[conv] ?? 'str'}(${src})` : src,
    };
  }

  /** `template % args`: the template's conversions become holes for the arguments. */
  private percentFormat(fmt: Item[], right: Node): Item[] | undefined {
    let r = unparen(right);
    // `sql % params` with `params = {…}` bound once and never written through (`params[k] = …`, `params.update(…)`).
    if (r.type === 'identifier') {
      const v = this.singleValue(r);
      if (v?.type === 'dictionary' && !this.writtenThrough(r)) r = v;
    }
    let positional: (Node | undefined)[] | undefined;
    let dict: Map<string, Node> | undefined;
    if (r.type === 'tuple') {
      if (named(r).some((x) => x.type === 'list_splat')) return undefined;
      positional = named(r);
    } else if (r.type === 'dictionary') {
      dict = new Map();
      for (const p of named(r)) {
        const k = p.type === 'pair' ? field(p, 'key') : undefined;
        const v = p.type === 'pair' ? field(p, 'value') : undefined;
        const key = k && this.constant(k, 0);
        if (!k || !v || key === undefined || k.type !== 'string') return undefined;
        dict.set(key, v);
      }
    }
    const out: Item[] = [];
    let argIndex = 0;
    const conversions = countPercent(fmt);
    if (conversions === undefined) return undefined;
    for (let i = 0; i < fmt.length; i++) {
      const it = fmt[i];
      if (it.kind !== 'ch' || it.c !== '%') {
        out.push(it);
        continue;
      }
      const spec = readPercent(fmt, i + 1);
      if (!spec) return undefined;
      i = spec.end - 1;
      if (spec.type === '%') {
        out.push({ kind: 'ch', c: '%', r: '%' });
        continue;
      }
      let node: Node | undefined;
      let src: string;
      if (spec.key !== undefined) {
        node = dict?.get(spec.key);
        if (dict && !node) return undefined;
        src = node ? node.text : `${r.text}[${JSON.stringify(spec.key)}]`;
      } else if (positional) {
        node = positional[argIndex++];
        if (!node) return undefined;
        src = node.text;
      } else if (conversions === 1) {
        node = r;
        src = r.text;
      } else {
        src = `${r.text}[${argIndex++}]`;
      }
      out.push(this.convertedHole(node, src, spec.type, spec.flags));
    }
    return out;
  }

  /** Whether the scope of `id` writes into the object it names: `id[k] = …`, `del id[k]`, or a method call on it. */
  private writtenThrough(id: Node): boolean {
    const r = this.resolve(id);
    if (!r) return true;
    let written = false;
    walkTree(r.scope, (n) => {
      if (written) return false;
      if (n.type === 'subscript' && field(n, 'value')?.text === id.text) {
        const p = n.parent;
        if ((p?.type === 'assignment' || p?.type === 'augmented_assignment') && same(field(p, 'left'), n)) written = true;
        if (p?.type === 'delete_statement') written = true;
      }
      if (n.type === 'attribute' && field(n, 'object')?.text === id.text && n.parent?.type === 'call') written = true;
      return !written;
    });
    return written;
  }

  /** A hole for `%<flags><type>` or `{:<spec>}` applied to `node` (or to an expression `src` with no node). */
  private convertedHole(node: Node | undefined, src: string, type: string, flags: string): PyHole {
    const base: PyHole = node ? this.hole(node) : { kind: 'hole', src, safe: false, field: src, value: src };
    base.src = src;
    if ('diouxXeEfFgG'.includes(type)) {
      // A number: text that cannot carry SQL.
      const intLike = 'diu'.includes(type);
      const fieldText = !flags ? (intLike ? `int(${src})` : `${src}:${type}`) : undefined;
      return { kind: 'hole', src, safe: true, text: base.text !== undefined && !flags && intLike ? base.text : undefined, field: fieldText, value: undefined };
    }
    if (type === 's' && !flags) return base;
    if ((type === 'r' || type === 'a') && !flags) {
      return { ...base, text: undefined, field: `${src}!${type}`, value: `${type === 'r' ? 'repr' : 'ascii'}(${src})` };
    }
    return { ...base, text: undefined, field: undefined, value: undefined };
  }

  /** `template.format(...)`: the template's fields become holes for the arguments. */
  private strFormat(fmt: Item[], call: Node): Item[] | undefined {
    const args = argsOf(call);
    if (!args) return undefined;
    const star = args.all.find((a) => a.type === 'list_splat');
    const dstar = args.all.find((a) => a.type === 'dictionary_splat');
    const out: Item[] = [];
    let auto = 0;
    for (let i = 0; i < fmt.length; i++) {
      const it = fmt[i];
      if (it.kind !== 'ch' || (it.c !== '{' && it.c !== '}')) {
        out.push(it);
        continue;
      }
      const next = fmt[i + 1];
      if (next?.kind === 'ch' && next.c === it.c) {
        out.push({ kind: 'ch', c: it.c, r: it.c });
        i++;
        continue;
      }
      if (it.c === '}') return undefined;
      let j = i + 1;
      let body = '';
      for (; j < fmt.length; j++) {
        const x = fmt[j];
        if (x.kind !== 'ch' || x.c === '{') return undefined;
        if (x.c === '}') break;
        body += x.c;
      }
      if (j >= fmt.length) return undefined;
      i = j;
      const m = /^([^!:[.]*)((?:\.[A-Za-z_]\w*|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(body);
      if (!m) return undefined;
      const [, name, access, conv, spec] = m;
      let node: Node | undefined;
      let src: string;
      if (name === '' || /^\d+$/.test(name)) {
        const k = name === '' ? auto++ : Number(name);
        node = args.positional[k];
        if (!node) {
          if (!star || args.positional.length) return undefined;
          src = `${star.text.slice(1)}[${k}]`;
        } else src = node.text;
      } else {
        node = args.keywords.get(name);
        if (!node) {
          if (!dstar) return undefined;
          src = `${dstar.text.slice(2)}[${JSON.stringify(name)}]`;
        } else src = node.text;
      }
      if (access) {
        src += access.replace(/\[([^\]]*)\]/g, (_, k: string) => (/^\d+$/.test(k) ? `[${k}]` : `[${JSON.stringify(k)}]`));
        node = undefined;
      }
      if (spec !== undefined && spec.includes('{')) return undefined;
      const type = spec ? spec.slice(-1) : 's';
      if (spec && NUMERIC_SPEC.test(spec) && !conv) {
        out.push({ kind: 'hole', src, safe: true, field: `${src}:${spec}` } as PyHole);
        continue;
      }
      if (spec && type !== 's') return undefined;
      const h: PyHole = node ? this.hole(node) : { kind: 'hole', src, safe: false, field: src, value: src };
      h.src = src;
      if (conv || spec) {
        h.text = undefined;
        h.field = `${src}${conv ? '!' + conv : ''}${spec ? ':' + spec : ''}`;
        h.value = spec ? undefined : `${CONVERSIONS['!' + conv] ?? 'str'}(${src})`;
      }
      out.push(h);
    }
    return out;
  }

  private hole(e: Node): PyHole {
    e = unparen(e);
    const src = e.text;
    const text = this.constant(e, 0);
    if (text !== undefined) return { kind: 'hole', src, safe: true, text, field: src, value: src, literal: LITERALS.has(e.type) };
    return { kind: 'hole', src, safe: this.safe(e, 0), devControlled: this.devControlled(e), field: src, value: src };
  }

  // --- constants and safe values ------------------------------------------------------------------------------------

  /** The text of a constant expression: literals, constant concatenations, names bound once to those. */
  private constant(e: Node, depth: number): string | undefined {
    if (depth > 8) return undefined;
    e = unparen(e);
    switch (e.type) {
      case 'string':
      case 'concatenated_string': {
        if (this.isBuilt(e)) {
          const items = this.flatten(e);
          return items.every((i) => i.kind === 'ch' || i.text !== undefined) ? items.map((i) => (i.kind === 'ch' ? i.c : i.text)).join('') : undefined;
        }
        const items: Item[] = [];
        this.flattenInto(e, items);
        return items.map((i) => (i.kind === 'ch' ? i.c : '')).join('');
      }
      case 'integer':
        return /^\d+$/.test(e.text) ? e.text : undefined;
      case 'float':
        return /^\d+\.\d+$/.test(e.text) ? e.text : undefined;
      case 'true':
        return 'True';
      case 'false':
        return 'False';
      case 'none':
        return 'None';
      case 'binary_operator': {
        const op = field(e, 'operator')?.text;
        const l = field(e, 'left');
        const r = field(e, 'right');
        if (!l || !r) return undefined;
        if (op === '+' && this.isStringy(e)) {
          let text = '';
          for (const x of this.plusOperands(e)) {
            const v = this.constant(x, depth + 1);
            if (v === undefined) return undefined;
            text += v;
          }
          return text;
        }
        return undefined;
      }
      case 'identifier': {
        const v = this.singleValue(e);
        return v ? this.constant(v, depth + 1) : undefined;
      }
      case 'call': {
        // ", ".join(["a", "b"])
        const fn = field(e, 'function');
        if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== 'join') return undefined;
        const sepNode = field(fn, 'object');
        const sep = sepNode && this.constant(sepNode, depth + 1);
        const args = argsOf(e);
        if (sep === undefined || !args || args.positional.length !== 1) return undefined;
        let arr = unparen(args.positional[0]);
        if (arr.type === 'identifier') arr = this.singleValue(arr) ?? arr;
        if (arr.type !== 'list' && arr.type !== 'tuple') return undefined;
        const parts: string[] = [];
        for (const x of named(arr)) {
          const v = this.constant(x, depth + 1);
          if (v === undefined) return undefined;
          parts.push(v);
        }
        return parts.join(sep);
      }
      default:
        return undefined;
    }
  }

  /** Values that cannot carry SQL: numbers, escaped values, placeholder lists, choices between constants. */
  private safe(e: Node, depth: number): boolean {
    if (depth > 8) return false;
    e = unparen(e);
    if (this.constant(e, depth) !== undefined) return true;
    switch (e.type) {
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
      case 'not_operator':
      case 'comparison_operator':
      case 'unary_operator':
        return true;
      case 'conditional_expression': {
        // `s if s in ALLOWED else "id"`, `"id" if s not in ALLOWED else s`: an allow-list check of the value it uses.
        const [a, cond, b] = named(e);
        return !!a && !!b && !!cond && (this.safe(a, depth + 1) || this.inCheck(cond, a, false, depth)) &&
          (this.safe(b, depth + 1) || this.inCheck(cond, b, true, depth));
      }
      case 'boolean_operator': {
        const l = field(e, 'left');
        const r = field(e, 'right');
        return !!l && !!r && this.safe(l, depth + 1) && this.safe(r, depth + 1);
      }
      case 'binary_operator': {
        const op = field(e, 'operator')?.text;
        const l = field(e, 'left');
        const r = field(e, 'right');
        if (!l || !r) return false;
        if (op === '+') return this.plusOperands(e).every((x) => this.safe(x, depth + 1));
        if (op === '%' && this.isStringy(l)) return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
        if (op === '*') {
          // Repeating constant text (`"?" * n`, `["%s"] * len(ids)`), or arithmetic.
          const isText = (x: Node) => this.isStringy(x) || unparen(x).type === 'list' || unparen(x).type === 'tuple';
          if (isText(l)) return this.safe(l, depth + 1);
          if (isText(r)) return this.safe(r, depth + 1);
          return true;
        }
        return true;
      }
      case 'string':
      case 'concatenated_string':
        return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
      case 'list':
      case 'tuple':
      case 'set':
        return named(e).every((x) => this.safe(x, depth + 1));
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression': {
        const body = field(e, 'body');
        return !!body && this.safe(body, depth + 1);
      }
      case 'identifier':
        return this.safeName(e, depth);
      case 'attribute': {
        // Constants, and primary keys (`user.id`, `obj.pk`) of objects that are not request data.
        const attr = field(e, 'attribute')?.text ?? '';
        if (isScreaming(attr)) return true;
        return (attr === 'id' || attr === 'pk') && !/\b(?:request|req|data|json|args|form|params|payload|body|query|GET|POST)\b/.test(e.text);
      }
      case 'subscript': {
        // An allow-list lookup: `COLUMNS[key]` on a constant dict, list or tuple; a slice of safe text (`marks[:-1]`).
        const v = field(e, 'value');
        if (!v) return false;
        if (field(e, 'subscript')?.type === 'slice') return this.safe(v, depth + 1);
        return this.constantCollection(v, depth + 1);
      }
      case 'call':
        return this.safeCall(e, depth);
      default:
        return false;
    }
  }

  private safeName(e: Node, depth: number): boolean {
    if (isScreaming(e.text)) return true;
    const r = this.resolve(e);
    if (!r) return false;
    if (this.exitGuarded(e, r.list, depth)) return true;
    return r.list.every((b) => {
      if (b.kind === 'assign') return !!b.value && this.safe(b.value, depth + 1);
      if (b.kind === 'augment') return !!b.value && this.safe(b.value, depth + 1);
      // A parameter annotated with a type whose text cannot carry SQL.
      if (b.kind === 'param') return !!b.type && SAFE_TYPES.test(b.type);
      if (b.kind === 'for') {
        // A loop over constants or a range.
        const it = b.value && unparen(b.value);
        if (!it) return false;
        if (it.type === 'call') {
          const fn = field(it, 'function')?.text;
          if (fn === 'range') return true;
        }
        return this.constantCollection(it, depth + 1);
      }
      return false;
    });
  }

  /** `x in ALLOWED` (or, `negated`, `x not in ALLOWED` / `not x in ALLOWED`) for the very expression `x`, on constants. */
  private inCheck(cond: Node, x: Node, negated: boolean, depth: number): boolean {
    let c = unparen(cond);
    if (c.type === 'not_operator') {
      const inner = field(c, 'argument');
      return !!inner && this.inCheck(inner, x, !negated, depth);
    }
    if (c.type !== 'comparison_operator') return false;
    const [left, right] = named(c);
    if (!left || !right || named(c).length !== 2) return false;
    const op = this.ctx.text.slice(left.endIndex, right.startIndex).replace(/\s+/g, ' ').trim();
    if (op !== (negated ? 'not in' : 'in')) return false;
    c = unparen(left);
    return c.text === unparen(x).text && this.constantCollection(right, depth + 1);
  }

  /**
   * An earlier statement of an enclosing block checks the name against constants and leaves or resets it:
   * `if sort not in ALLOWED: raise …` / `sort = "id"`, with no other write to the name before the use.
   */
  private exitGuarded(e: Node, list: Binding[], depth: number): boolean {
    for (let st: Node | null = e; st && !SCOPES.has(st.type); st = st.parent) {
      const block = st.parent;
      if (!block || (block.type !== 'block' && block.type !== 'module')) continue;
      for (let prev = st.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
        if (prev.type !== 'if_statement' || field(prev, 'alternative')) continue;
        const cond = field(prev, 'condition');
        const body = field(prev, 'consequence');
        if (!cond || !body || !this.inCheck(cond, e, true, depth)) continue;
        const end = prev.endIndex;
        if (list.some((b) => b.at.startIndex > end && b.at.startIndex < e.startIndex)) return false;
        const stmts = named(body).filter((x) => x.type !== 'comment');
        const last = stmts[stmts.length - 1];
        if (last && /^(?:raise|return|continue|break)_statement$/.test(last.type)) return true;
        const only = stmts.length === 1 && last?.type === 'expression_statement' ? named(last)[0] : undefined;
        const right = only?.type === 'assignment' && field(only, 'left')?.text === e.text ? field(only, 'right') : undefined;
        if (right && this.safe(right, depth + 1)) return true;
      }
    }
    return false;
  }

  /** A dict, list, tuple or set of constants (a literal or a name bound once to one). */
  private constantCollection(n: Node, depth: number): boolean {
    if (depth > 8) return false;
    n = unparen(n);
    if (n.type === 'identifier' || n.type === 'attribute') {
      const name = n.type === 'identifier' ? n.text : field(n, 'attribute')?.text ?? '';
      const v = n.type === 'identifier' ? this.singleValue(n) : undefined;
      if (v) return this.constantCollection(v, depth + 1);
      return isScreaming(name);
    }
    if (n.type === 'dictionary') return named(n).every((p) => p.type === 'pair' && !!field(p, 'value') && this.safe(field(p, 'value')!, depth + 1));
    if (n.type === 'list' || n.type === 'tuple' || n.type === 'set') return named(n).every((x) => this.safe(x, depth + 1));
    return false;
  }

  private safeCall(e: Node, depth: number): boolean {
    const fn = field(e, 'function');
    if (!fn) return false;
    const args = argsOf(e);
    let name: string | undefined;
    let obj: Node | undefined;
    if (fn.type === 'identifier') name = fn.text;
    else if (fn.type === 'attribute') {
      name = field(fn, 'attribute')?.text;
      obj = field(fn, 'object');
    }
    if (!name) return false;
    if (ESCAPERS.test(name) || TIME_CALLS.has(name)) return true;
    if (fn.type === 'identifier') {
      // A local alias of an escaper: `qn = connection.ops.quote_name`.
      const alias = this.singleValue(fn);
      const target = alias && unparen(alias);
      const aliasName = target?.type === 'identifier' ? target.text : target?.type === 'attribute' ? field(target, 'attribute')?.text : undefined;
      if (aliasName && ESCAPERS.test(aliasName)) return true;
    }
    if (fn.type === 'identifier' && SAFE_CALLS.has(name)) return true;
    if (fn.type === 'identifier' && name === 'str') return !!args && args.positional.length === 1 && this.safe(args.positional[0], depth + 1);
    if (fn.type === 'identifier' && name === 'map' && args?.positional.length === 2) {
      // map(lambda _: "%s", ids), map(str, range(n))
      const f = unparen(args.positional[0]);
      if (f.type === 'lambda') return !!field(f, 'body') && this.safe(field(f, 'body')!, depth + 1);
      return (f.type === 'identifier' && SAFE_CALLS.has(f.text)) || (f.text === 'str' && this.safe(args.positional[1], depth + 1));
    }
    if (!obj) return false;
    if (STRING_METHODS_KEEPING_SAFETY.has(name)) return this.safe(obj, depth + 1);
    // Quotes doubled by hand: `name.replace("'", "''")`, `ident.replace('"', '""')`.
    if (name === 'replace' && args?.positional.length === 2) {
      const [from, to] = args.positional.map((x) => this.constant(x, depth + 1));
      if ((from === "'" && to === "''") || (from === '"' && to === '""') || (from === '`' && to === '``')) return true;
    }
    if (name === 'join') {
      // sep.join(placeholders): constant separator, safe elements.
      if (!this.isStringy(obj) && this.constant(obj, depth + 1) === undefined) return false;
      const arg = field(e, 'arguments');
      if (arg?.type === 'generator_expression') return this.safe(arg, depth + 1);
      return !!args && args.positional.length === 1 && this.safe(args.positional[0], depth + 1);
    }
    if (name === 'get' && args && this.constantCollection(obj, depth + 1)) {
      return args.positional.length < 2 || this.safe(args.positional[1], depth + 1);
    }
    if (name === 'format' && this.formatReceiver(e)) return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
    return false;
  }

  /** `self.table`, imports, `Model._meta.db_table` and SCREAMING_CASE names are the developer's, not the user's. */
  private devControlled(e: Node): boolean {
    e = unparen(e);
    let root = e;
    for (;;) {
      if (root.type === 'attribute') {
        const attr = field(root, 'attribute')?.text ?? '';
        if (attr === '_meta' || isScreaming(attr)) return true;
        root = field(root, 'object') ?? root;
        if (root.type === 'attribute' || root.type === 'identifier') continue;
      }
      break;
    }
    if (root.type !== 'identifier') return false;
    if (root.text === 'self' || root.text === 'cls' || isScreaming(root.text)) return true;
    // A parameter named for a table (`table`, `table_name`, `dest_table`), never rebound: the callers pass the code's tables.
    if (root === e && TABLE_PARAM.test(e.text)) {
      const r = this.resolve(e);
      if (r && r.list.every((b) => b.kind === 'param')) return true;
    }
    return this.importMap().has(root.text) && !this.resolveLocal(root);
  }

  private resolveLocal(id: Node): boolean {
    const r = this.resolve(id);
    return !!r && r.list.some((b) => b.kind !== 'other');
  }

  // --- fixes ----------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    // sqlite3's executescript takes no parameters: one statement becomes a parameterized execute().
    const script = sink.kind === 'executescript' ? this.executescriptPlan(sink) : undefined;
    const plan = script ?? this.plan(sink);
    if (!plan) return [];
    const quote = this.quoteOf(built.root);
    if (!quote) return [];
    // mysql-connector substitutes `%s` itself and leaves `%%` as it is; the other format-style drivers use `%` formatting.
    const escapePercent = !this.importedRoots().has('mysql.connector') && !this.importedRoots().has('mysql');
    const r = rewritePy(built.items, a, plan.style, quote, plan.existing, plan.bindNames, escapePercent);
    if (!r) return [];
    const literal = plan.wrap ? `${plan.wrap}(${r.literal})` : r.literal;
    const lines = this.ctx.lines;
    const edits: TextEdit[] = [lines.edit(built.root.startIndex, built.root.endIndex, literal)];
    const valuesEdit = plan.write(r.values, r.names);
    if (!valuesEdit) return [];
    edits.push(valuesEdit);
    if (script) {
      // Several statements cannot go through execute(); only a single one (an optional trailing `;`) is rewritten.
      if (/;(?!\s*["']*\s*$)/.test(r.literal)) return [];
      const name = field(field(sink.call, 'function')!, 'attribute')!;
      edits.push(lines.edit(name.startIndex, name.endIndex, 'execute'));
      return [{ title: 'Parameterize query (executescript → execute with ? placeholders)', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
    }
    const title = plan.assumed ? `Parameterize query (assumed ${plan.assumed} placeholders: no driver import says which)` : 'Parameterize query';
    return [{ title, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** Quote of the first string literal in the rewritten expression, and whether all are raw; undefined for bytes. */
  private quoteOf(root: Node): Quote | undefined {
    let quote: string | undefined;
    let bytes = false;
    let raw = true;
    walkTree(root, (n) => {
      if (n.type === 'string_start') {
        const m = /^([A-Za-z]*)("""|'''|"|')$/.exec(n.text);
        if (m && /b/i.test(m[1])) bytes = true;
        if (!m || !/r/i.test(m[1])) raw = false;
        quote ??= m?.[2];
      }
    });
    return bytes ? undefined : { quote: quote ?? '"', raw: raw && quote !== undefined };
  }

  /** The placeholder style of the call's driver, decided by the file's imports; undefined when unknown. */
  private driverStyle(sink: Sink): Style | 'sqlalchemy' | undefined {
    const roots = this.importedRoots();
    const styles = new Set<Style | 'sqlalchemy'>();
    for (const [mod, style] of Object.entries(DRIVER_STYLE)) if (roots.has(mod)) styles.add(style);
    if (roots.has('sqlalchemy') || roots.has('flask_sqlalchemy') || roots.has('sqlmodel')) styles.add('sqlalchemy');
    if (this.cursorLike(sink)) {
      styles.delete('sqlalchemy');
      styles.delete('dollar');
    }
    return styles.size === 1 ? [...styles][0] : undefined;
  }

  /** `cur.execute(…)`, `cursor.execute(…)`, `conn.cursor().execute(…)`: a DB-API cursor by its name or origin. */
  private cursorLike(sink: Sink): boolean {
    const fn = field(sink.call, 'function');
    const recv = fn?.type === 'attribute' ? field(fn, 'object') : undefined;
    return !!recv && (/cur(?:sor)?$/i.test(recv.type === 'attribute' ? field(recv, 'attribute')?.text ?? '' : recv.text) ||
      (recv.type === 'call' && /\.cursor$|^cursor$/.test(field(recv, 'function')?.text ?? '')));
  }

  /** `db` bound in this file to `SQLAlchemy(...)` from flask_sqlalchemy. */
  private isFlaskSqlAlchemy(id: Node): boolean {
    const v = this.singleValue(id);
    const fn = v && unparen(v).type === 'call' ? field(unparen(v), 'function') : undefined;
    return !!fn && this.dotted(fn) === 'flask_sqlalchemy.SQLAlchemy';
  }

  /** Whether the file imports any database driver or toolkit the detector knows (then its style is not guessed). */
  private importsAnyDriver(): boolean {
    const roots = this.importedRoots();
    return Object.keys(DRIVER_STYLE).some((m) => roots.has(m)) || ['sqlalchemy', 'flask_sqlalchemy', 'sqlmodel', 'django', 'asyncpg', 'pandas', 'databases', 'peewee'].some((m) => roots.has(m));
  }

  /** How the values reach the driver for this call, or undefined when no fix is written. */
  private plan(sink: Sink): Plan | undefined {
    const args = argsOf(sink.call);
    if (!args || args.splat) return undefined;
    const lines = this.ctx.lines;
    const q = sink.query;
    const tuple = (v: string[]) => (v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`);
    const list = (v: string[]) => `[${v.join(', ')}]`;
    /** A values tuple/list after the query, or merged into an existing literal one. */
    const positionalSlot = (style: Style, existingNode: Node | undefined, make: (v: string[]) => string, keyword?: string): Plan | undefined => {
      if (!existingNode) {
        const at = args.positional.some((p) => same(p, q)) ? q.endIndex : undefined;
        if (at === undefined) return undefined;
        return { style, existing: [], write: (v) => lines.edit(at, at, keyword ? `, ${keyword}=${make(v)}` : `, ${make(v)}`) };
      }
      const ex = unparen(existingNode);
      if (ex.type !== 'tuple' && ex.type !== 'list') return undefined;
      const items = named(ex);
      if (items.some((x) => x.type === 'list_splat')) return undefined;
      const mk = ex.type === 'list' ? list : tuple;
      return { style, existing: items.map((x) => x.text), write: (v) => lines.edit(ex.startIndex, ex.endIndex, mk(v)) };
    };
    const firstIsQuery = args.positional[0] !== undefined && same(args.positional[0], q);
    switch (sink.kind) {
      case 'executemany':
      case 'executescript':
      case 'extra':
      case 'orm':
      case 'literal':
      case 'other':
        return undefined;
      case 'scalar':
        // Session/Connection.scalar(statement, params): the same `text()` and dict as execute.
        return firstIsQuery && this.driverStyle(sink) === 'sqlalchemy' ? this.sqlalchemyStringPlan(args) : undefined;
      case 'aiosqlite': {
        // execute_insert / execute_fetchall(sql, parameters): `?` placeholders.
        if (!this.importedRoots().has('aiosqlite') || this.driverStyle(sink) !== 'qmark' || !firstIsQuery) return undefined;
        if ([...args.keywords.keys()].some((k) => k !== 'parameters') || args.positional.length > 2) return undefined;
        return positionalSlot('qmark', args.positional[1] ?? args.keywords.get('parameters'), tuple);
      }
      case 'text':
        return this.textPlan(sink);
      case 'raw': {
        if (!this.importedRoots().has('django') || !firstIsQuery) return undefined;
        const params = args.positional[1] ?? args.keywords.get('params');
        return positionalSlot('format', params, list);
      }
      case 'rawsql': {
        if (!firstIsQuery) return undefined;
        return positionalSlot('format', args.positional[1] ?? args.keywords.get('params'), list);
      }
      case 'pandas': {
        if (!firstIsQuery || args.positional.length > 2) return undefined;
        const style = this.driverStyle(sink);
        if (style !== 'qmark' && style !== 'format') return undefined;
        const params = args.keywords.get('params');
        if (params) return positionalSlot(style, params, tuple);
        const last = args.all[args.all.length - 1];
        return { style, existing: [], write: (v) => lines.edit(last.endIndex, last.endIndex, `, params=${tuple(v)}`) };
      }
      case 'frappe':
        // frappe.db.sql(query, values=(), …): a tuple of values for %s, passed second.
        if (!firstIsQuery || args.positional.length > 2) return undefined;
        return positionalSlot('format', args.positional[1] ?? args.keywords.get('values'), tuple);
      case 'asyncpg': {
        if (!this.importedRoots().has('asyncpg') || !firstIsQuery) return undefined;
        return this.asyncpgPlan(args);
      }
      case 'mogrify':
      case 'driver':
      case 'dbapi': {
        if (!firstIsQuery) return undefined;
        const known = sink.kind === 'mogrify' ? (this.driverStyle(sink) === 'format' ? 'format' : undefined) : this.driverStyle(sink);
        // A cursor handed in from elsewhere, in a file that imports no driver at all: most DB-API drivers (psycopg,
        // PyMySQL, MySQLdb, mysql-connector) take %s, and the fix title says that it was assumed.
        const assumed = !known && sink.kind === 'dbapi' && this.cursorLike(sink) && !this.importsAnyDriver();
        const style = known ?? (assumed ? 'format' : undefined);
        if (!style) return undefined;
        if (assumed) {
          if (args.keywords.size || args.positional.length > 2) return undefined;
          const slot = positionalSlot('format', args.positional[1], tuple);
          return slot && { ...slot, assumed: '%s' };
        }
        if (style === 'dollar') return sink.kind === 'dbapi' ? this.asyncpgPlan(args) : undefined;
        if (style === 'sqlalchemy') return sink.kind === 'dbapi' ? this.sqlalchemyStringPlan(args) : undefined;
        if (style === 'named') return undefined;
        const otherKeywords = [...args.keywords.keys()].filter((k) => !QUERY_KEYWORDS.has(k));
        if (otherKeywords.length || args.positional.length > 2) return undefined;
        return positionalSlot(style, args.positional[1], tuple);
      }
    }
  }

  /** `conn.executescript(built)` on sqlite3 with nothing else passed: `?` placeholders and a values tuple. */
  private executescriptPlan(sink: Sink): Plan | undefined {
    const fn = field(sink.call, 'function');
    if (fn?.type !== 'attribute' || !field(fn, 'attribute') || !this.importedRoots().has('sqlite3')) return undefined;
    const args = argsOf(sink.call);
    if (!args || args.positional.length !== 1 || args.keywords.size || !same(args.positional[0], sink.query)) return undefined;
    const at = sink.query.endIndex;
    return { style: 'qmark', existing: [], write: (v) => this.ctx.lines.edit(at, at, `, ${v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`}`) };
  }

  private asyncpgPlan(args: Args): Plan | undefined {
    const extra = args.positional.slice(1);
    const last = args.positional[args.positional.length - 1];
    return { style: 'dollar', existing: extra.map((x) => x.text), write: (v) => {
      const added = v.slice(extra.length);
      return this.ctx.lines.edit(last.endIndex, last.endIndex, added.map((x) => `, ${x}`).join(''));
    } };
  }

  /** `session.execute("...")` in a SQLAlchemy file: wrap it in `text()` with bind parameters (when `text` is imported). */
  private sqlalchemyStringPlan(args: Args): Plan | undefined {
    if (args.positional.length !== 1 || args.keywords.size) return undefined;
    let wrap: string | undefined;
    for (const [local, path] of this.importMap()) {
      if (/^sqlalchemy(?:\.sql(?:\.expression)?)?\.text$/.test(path)) wrap = local;
    }
    if (!wrap) for (const [local, path] of this.importMap()) if (path === 'sqlalchemy') wrap = `${local}.text`;
    if (!wrap) return undefined;
    const q = args.positional[0];
    return { style: 'named', existing: [], bindNames: [], wrap, write: (v, names) => this.ctx.lines.edit(q.endIndex, q.endIndex, `, ${dictOf(names!, v)}`) };
  }

  /** `text("...")`: a dict for the `execute` call it is passed to, else `.bindparams(...)`. */
  private textPlan(sink: Sink): Plan | undefined {
    const args = argsOf(sink.call);
    if (!args || args.positional.length !== 1 || !same(args.positional[0], sink.query) || args.keywords.size) return undefined;
    const lines = this.ctx.lines;
    const parentList = sink.call.parent;
    const outer = parentList?.type === 'argument_list' ? parentList.parent : undefined;
    const outerArgs = outer?.type === 'call' ? argsOf(outer) : undefined;
    const outerFn = outer ? field(outer, 'function') : undefined;
    const existingBinds: string[] = [];
    if (outerArgs && outerFn?.type === 'attribute' && field(outerFn, 'attribute')?.text === 'execute' && same(outerArgs.positional[0], sink.call) && !outerArgs.splat) {
      const second = outerArgs.positional[1];
      if (!second && outerArgs.positional.length === 1) {
        return { style: 'named', existing: [], bindNames: existingBinds, write: (v, names) => lines.edit(sink.call.endIndex, sink.call.endIndex, `, ${dictOf(names!, v)}`) };
      }
      if (second?.type === 'dictionary' && outerArgs.positional.length === 2) {
        const pairs = named(second);
        if (pairs.some((p) => p.type !== 'pair' || field(p, 'key')?.type !== 'string')) return undefined;
        for (const p of pairs) existingBinds.push(this.constant(field(p, 'key')!, 0) ?? '');
        return { style: 'named', existing: [], bindNames: existingBinds, write: (v, names) => {
          const close = second.endIndex - 1;
          const text = this.ctx.text.slice(second.startIndex + 1, close);
          const sep = pairs.length ? (/,\s*$/.test(text) ? ' ' : ', ') : '';
          return lines.edit(close, close, sep + names!.map((n, i) => `${JSON.stringify(n)}: ${v[i]}`).join(', '));
        } };
      }
    }
    return { style: 'named', existing: [], bindNames: existingBinds, write: (v, names) => lines.edit(sink.call.endIndex, sink.call.endIndex, `.bindparams(${names!.map((n, i) => `${n}=${v[i]}`).join(', ')})`) };
  }
}

interface Plan {
  style: Style;
  /** Sources of the values the call already passes, in order (positional styles). */
  existing: string[];
  /** Bind names already used by the call's parameters (named style). */
  bindNames?: string[];
  /** Wrap the new literal in this call (`text`). */
  wrap?: string;
  /** The edit that passes the values (all of them for positional styles; the new ones with their names for named). */
  write(values: string[], names?: string[]): TextEdit | undefined;
  /** The placeholder the fix assumed because no driver import says which (shown in the fix title). */
  assumed?: string;
}

function dictOf(names: string[], values: string[]): string {
  return `{${names.map((n, i) => `${JSON.stringify(n)}: ${values[i]}`).join(', ')}}`;
}

const CONVERSIONS: Record<string, string> = { '!r': 'repr', '!s': 'str', '!a': 'ascii' };

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** The value of one Python escape sequence. */
function decodeEscape(s: string): string {
  const c = s[1];
  if (c === '\n' || c === '\r') return '';
  if (c in SIMPLE_ESCAPES && s.length === 2) return SIMPLE_ESCAPES[c];
  if (c === 'x' || c === 'u' || c === 'U') return String.fromCodePoint(parseInt(s.slice(2), 16));
  if (/^[0-7]+$/.test(s.slice(1))) return String.fromCharCode(parseInt(s.slice(1), 8));
  return s;
}

interface PercentSpec {
  key?: string;
  flags: string;
  type: string;
  /** Index after the conversion. */
  end: number;
}

/** Reads `(key)flags width .precision type` after a `%` at items[i - 1]. */
function readPercent(items: Item[], i: number): PercentSpec | undefined {
  let s = '';
  for (let k = i; k < items.length && s.length < 64; k++) {
    const it = items[k];
    if (it.kind !== 'ch') break;
    s += it.c;
  }
  const m = /^(?:\(([^)]*)\))?([#0\- +]*\d*(?:\.\d+)?)[hlL]?([diouxXeEfFgGcrsa%])/.exec(s);
  if (!m) return undefined;
  return { key: m[1], flags: m[2], type: m[3], end: i + m[0].length };
}

function countPercent(items: Item[]): number | undefined {
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.kind !== 'ch' || it.c !== '%') continue;
    const spec = readPercent(items, i + 1);
    if (!spec) return undefined;
    if (spec.type !== '%') n++;
    i = spec.end - 1;
  }
  return n;
}

// --- the rewrite -------------------------------------------------------------------------------------------------

interface Quote {
  /** `"`, `'` or a triple quote. */
  quote: string;
  raw: boolean;
}

interface PyRewrite {
  /** The new SQL as a Python string literal. */
  literal: string;
  /** Value expressions: all of them in placeholder order (positional styles), or the new ones (named). */
  values: string[];
  /** Bind names of `values` (named style). */
  names?: string[];
}

const FSTRING_UNSAFE = /\\|[\r\n]/;

/**
 * Rewrites the items to SQL with the driver's placeholders for the value holes; other holes stay f-string fields.
 * Undefined when it cannot be done soundly (a field that cannot be written back, a list in `IN (...)`, mismatched
 * existing parameters).
 */
export function rewritePy(items: Item[], a: Analysis, style: Style, orig: Quote, existing: string[], bindNames?: string[], escapePercent = true): PyRewrite | undefined {
  const origQuote = orig.quote;
  const holes = valueHoles(items, a);
  if (!holes) return undefined;
  const { isValue, first, regionAt } = holes;

  // Placeholders already in the text, in code.
  let existingCount = 0;
  let maxDollar = 0;
  let escapedPercent = false;
  const usedNames = new Set(bindNames ?? []);
  for (let i = 0; i < a.skeleton.length; i++) {
    if (a.state[i] !== 'code') continue;
    const rest = a.skeleton.slice(i, i + 64);
    if (style === 'format' && rest[0] === '%') {
      if (rest[1] === '%') { escapedPercent = true; i++; continue; }
      if (rest[1] === 's') existingCount++;
      else if (rest[1] === '(') return undefined;
    } else if (style === 'qmark' && rest[0] === '?') existingCount++;
    else if (style === 'dollar' && rest[0] === '$') {
      const m = /^\$(\d+)/.exec(rest);
      if (m && !/[\w$]/.test(a.skeleton[i - 1] ?? '')) maxDollar = Math.max(maxDollar, Number(m[1]));
    } else if (style === 'named' && rest[0] === ':' && a.skeleton[i - 1] !== ':' && a.skeleton[i - 1] !== '\\') {
      const m = /^:(\w+)/.exec(rest);
      if (m && rest[m[0].length] !== ':') usedNames.add(m[1]);
    }
  }
  if (style === 'dollar' ? existing.length !== maxDollar : existing.length !== existingCount) return undefined;
  // Without parameters a format-style driver leaves `%` alone; with them every literal `%` must be `%%`.
  const doublePercent = style === 'format' && escapePercent && existing.length === 0 && !escapedPercent;

  const values: string[] = [];
  const names: string[] = [];
  const nameOf = new Map<string, string>();
  let n = 0;
  const placeholder = (value: string): string => {
    values.push(value);
    switch (style) {
      case 'qmark': return '?';
      case 'format': return '%s';
      case 'dollar': return `$${maxDollar + ++n}`;
      case 'named': {
        let name = nameOf.get(value);
        if (!name) {
          const base = bindName(value);
          name = base;
          for (let k = 2; usedNames.has(name) || PY_KEYWORDS.has(name); k++) name = `${base}_${k}`;
          usedNames.add(name);
          nameOf.set(value, name);
          names.push(name);
        } else values.pop();
        return `:${name}`;
      }
    }
  };

  type Piece = { lit: string } | { field: string };
  const pieces: Piece[] = [];
  const lit = (c: string) => pieces.push({ lit: c });
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const r = regionAt.get(i);
    if (r !== undefined) {
      const end = a.owner[a.regions[r][1]];
      const inner = items.slice(i + 1, end) as (Item & Partial<PyHole>)[];
      let value: string | undefined;
      if (inner.length === 1 && inner[0].kind === 'hole') value = (inner[0] as PyHole).value;
      else value = fString(inner);
      if (value === undefined) return undefined;
      const p = placeholder(value);
      for (const c of p) lit(c);
      i = end;
      continue;
    }
    if (it.kind === 'hole') {
      const h = it as PyHole;
      if (isValue.has(i)) {
        if (h.value === undefined) return undefined;
        const p = placeholder(h.value);
        if (style === 'named' && /^[:\w]/.test(a.skeleton[first[i] + lenOf(it)] ?? '')) return undefined;
        for (const c of p) lit(c);
      } else if (h.literal && h.text !== undefined) {
        for (const c of h.text) {
          if (doublePercent && c === '%') lit('%');
          lit(c);
        }
      } else {
        if (h.field === undefined) return undefined;
        pieces.push({ field: h.field });
      }
      continue;
    }
    if (doublePercent && it.c === '%') lit('%');
    lit(it.c);
  }

  // An f-string only when fields remain; its fields must not clash with the quote.
  const fields = pieces.filter((p): p is { field: string } => 'field' in p).map((p) => p.field);
  if (fields.some((f) => FSTRING_UNSAFE.test(f))) return undefined;
  const q1 = origQuote[0];
  const alt = q1 === '"' ? "'" : '"';
  let quoteChar = q1;
  if (fields.some((f) => f.includes(q1))) {
    if (fields.some((f) => f.includes(alt))) return undefined;
    quoteChar = alt;
  }
  const triple = origQuote.length === 3;
  const quote = triple ? quoteChar.repeat(3) : quoteChar;
  const isF = fields.length > 0;
  // A raw literal stays raw when its text allows it (no quote, line break or trailing backslash to escape).
  const lits = pieces.map((p) => ('lit' in p ? p.lit : ''));
  const last = pieces[pieces.length - 1];
  const raw = orig.raw && !(last && 'lit' in last && last.lit === '\\') &&
    !lits.some((c) => c === quoteChar || (c === '\n' && !triple) || (c !== '' && c.charCodeAt(0) < 0x20 && c !== '\t' && c !== '\n'));
  let body = '';
  for (const p of pieces) {
    if ('field' in p) body += `{${p.field}}`;
    else if (raw) body += isF && (p.lit === '{' || p.lit === '}') ? p.lit + p.lit : p.lit;
    else body += encodeChar(p.lit, quoteChar, triple, isF);
  }
  if (!raw && triple && body.endsWith(quoteChar) && !body.endsWith('\\' + quoteChar)) body = body.slice(0, -1) + '\\' + quoteChar;
  const literal = `${raw ? 'r' : ''}${isF ? 'f' : ''}${quote}${body}${quote}`;
  if (style === 'named') return { literal, values, names };
  let all: string[];
  if (style === 'dollar') all = [...existing, ...values];
  else {
    // Existing placeholders and new ones interleave in text order.
    all = [];
    let e = 0;
    let v = 0;
    const order: ('e' | 'v')[] = [];
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const r = regionAt.get(i);
      if (r !== undefined) { order.push('v'); i = a.owner[a.regions[r][1]]; continue; }
      if (it.kind === 'hole') { if (isValue.has(i)) order.push('v'); continue; }
      const at = first[i];
      if (a.state[at] !== 'code') continue;
      if (style === 'qmark' && it.c === '?') order.push('e');
      if (style === 'format' && it.c === '%') {
        const next = items[i + 1];
        if (next?.kind === 'ch' && next.c === '%') { i++; continue; }
        if (next?.kind === 'ch' && next.c === 's') order.push('e');
      }
    }
    for (const o of order) all.push(o === 'e' ? existing[e++] : values[v++]);
  }
  return { literal, values: all };
}

/** One character inside a (possibly f-, possibly triple-quoted) Python string literal with quote `q`. */
function encodeChar(c: string, q: string, triple: boolean, isF: boolean): string {
  if (c === '\\') return '\\\\';
  if (c === q) return '\\' + q;
  if (c === '\n') return triple ? '\n' : '\\n';
  if (c === '\r') return '\\r';
  if (isF && (c === '{' || c === '}')) return c + c;
  const code = c.charCodeAt(0);
  if (code < 0x20 && c !== '\t') return '\\x' + code.toString(16).padStart(2, '0');
  return c;
}

/** The text of a quoted SQL value as a Python expression: an f-string of its characters and fields. */
function fString(inner: Item[]): string | undefined {
  const fields = inner.filter((x): x is PyHole => x.kind === 'hole').map((x) => x.field);
  if (fields.some((f) => f === undefined || FSTRING_UNSAFE.test(f))) return undefined;
  const q = fields.some((f) => f!.includes('"')) ? "'" : '"';
  if (fields.some((f) => f!.includes(q))) return undefined;
  let out = '';
  for (const x of unquoteRegion(inner)) out += x.kind === 'hole' ? `{${(x as PyHole).field}}` : encodeChar(x.c, q, false, fields.length > 0);
  return `${fields.length ? 'f' : ''}${q}${out}${q}`;
}

/** A bind parameter name for a value expression: `user.name` -> `name`, `request.args["q"]` -> `q`. */
function bindName(src: string): string {
  const m = /(?:^|\.)([A-Za-z_]\w*)\s*$/.exec(src) ?? /\[\s*["']([A-Za-z_]\w*)["']\s*\]\s*$/.exec(src);
  const name = m?.[1] ?? 'param';
  return name === 'self' ? 'param' : name;
}
