// sql/string-built-query for Go: SQL built with `+`, `+=`, `fmt.Sprintf` or a strings.Builder that reaches a
// database/sql, sqlx, pgx or gorm query call. Parsed with tree-sitter's Go grammar; silent when it is not available.
import { analyze, looksLikeSql, MARK, type Analysis, type Item } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import { parse, walkTree, type SyntaxNode as Node } from '../../languages/tree-sitter';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { escapeDq, existingPlaceholders, placeValues, plusOperands, readFormat, writesBefore, type CCh, type CHole, type Piece } from './clike';
import { reportHoles, SQL_HINT, type SqlDetector, hasUnsafeHole } from './detector';
import { unquoteRegion } from './placeholders';
import { field, kids, localParts, named, same, unparen, within } from './shared';

export const go: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'go',
  async check(ctx) {
    // Cheap prefilters: most files have no query call, or no SQL text at all, and are never parsed.
    if (!SINK_CALL.test(ctx.text) || (!SQL_HINT.test(ctx.text) && !/\.Where\s*\(/.test(ctx.text) && !LIBRARY_HINT.test(ctx.text))) return;
    const tree = await parse(ctx, 'go');
    if (!tree) return;
    new GoChecker(ctx, tree.rootNode).run();
  },
};

/** An ORM or query builder whose calls take SQL pieces that need not read as SQL on their own. */
/** A parameter named for a table (`table`, `tableName`, `srcTable`, `tbl`). */
const TABLE_PARAM = /^(?:table|tbl)(?:_?[Nn]ame)?$|[a-z](?:Table|_table)(?:_?[Nn]ame)?$/;
const LIBRARY_HINT = /"(?:gorm\.io\/gorm|github\.com\/jinzhu\/gorm|github\.com\/Masterminds\/squirrel|github\.com\/go-pg\/pg[^"]*|github\.com\/uptrace\/bun[^"]*|xorm\.io\/xorm|github\.com\/go-xorm\/xorm|github\.com\/(?:beego\/beego(?:\/v2)?\/client\/orm|astaxie\/beego\/orm|beego\/beego\/orm))"/;
const SINK_CALL = /\.(?:Query|QueryRow|Exec|MustExec|Queryx|QueryRowx|Prepare|Preparex|Select|Get|NamedExec|NamedQuery|Raw|Where|QueryOne|ExecOne|NewRaw|SQL|Expr|Not|Or|Having|Order|OrderBy|Group|GroupBy|Joins|Join|LeftJoin|RightJoin|InnerJoin|CrossJoin|FullJoin|Table|Distinct|Pluck|Prefix|Suffix|Column|ColumnExpr|OrderExpr|GroupExpr|TableExpr|ModelTableExpr|WhereOr|WhereIn|For|And|QueryString|QueryInterface|GetAll|GetArray|GetCount|GetOne|GetValue|GetScan|GetStruct|GetStructs|WriteOne|QueueOne|On)(?:Context)?\s*\(/;

/** How a sink takes its SQL and its values. */
interface Method {
  /** Index of the SQL argument. */
  q: number;
  /** Values follow the SQL as variadic arguments (a fix can add them). */
  args: boolean;
  /** pgx-style: the first argument may be a context, shifting the SQL by one. */
  ctxFirst?: boolean;
  /** The SQL is a condition (gorm `Where`). */
  condition?: boolean;
  /** Only with gorm or squirrel imported. */
  builder?: boolean;
  /** The text is SQL by the API's contract (an ORM's expression or clause): no need for it to read as a statement. */
  fragment?: boolean;
  /** The library's own placeholder, whatever the driver (ORMs and builders rewrite `?`). */
  style?: Style;
}

const METHODS: Record<string, Method> = {
  Query: { q: 0, args: true, ctxFirst: true },
  QueryRow: { q: 0, args: true, ctxFirst: true },
  Exec: { q: 0, args: true, ctxFirst: true },
  MustExec: { q: 0, args: true },
  Queryx: { q: 0, args: true },
  QueryRowx: { q: 0, args: true },
  QueryContext: { q: 1, args: true },
  QueryRowContext: { q: 1, args: true },
  ExecContext: { q: 1, args: true },
  MustExecContext: { q: 1, args: true },
  QueryxContext: { q: 1, args: true },
  QueryRowxContext: { q: 1, args: true },
  Prepare: { q: 0, args: false, ctxFirst: true },
  Preparex: { q: 0, args: false },
  PrepareContext: { q: 1, args: false },
  PreparexContext: { q: 1, args: false },
  Select: { q: 1, args: true },
  Get: { q: 1, args: true },
  SelectContext: { q: 2, args: true },
  GetContext: { q: 2, args: true },
  NamedExec: { q: 0, args: false },
  NamedQuery: { q: 0, args: false },
  NamedExecContext: { q: 1, args: false },
  NamedQueryContext: { q: 1, args: false },
  Raw: { q: 0, args: true, builder: true },
  Where: { q: 0, args: true, condition: true, builder: true },
  // go-pg
  ExecOne: { q: 0, args: true },
  QueryOne: { q: 0, args: true },
  ExecOneContext: { q: 1, args: true },
  QueryOneContext: { q: 1, args: true },
};

/** Methods of ORMs and query builders, each only with its library imported; they use `?` whatever the driver. */
const Q = { q: 0, args: true, fragment: true, style: '?' } as const;
const NAMES = { q: 0, args: false, fragment: true } as const;
const COND = { q: 0, args: true, condition: true, style: '?' } as const;
const ONLY_SQL = { q: 0, args: false } as const;
const LIBRARY_METHODS: { lib: RegExp; methods: Record<string, Method> }[] = [
  {
    lib: /^(?:gorm\.io\/gorm|github\.com\/jinzhu\/gorm)$/,
    methods: { Not: COND, Or: COND, Having: Q, Select: Q, Joins: Q, Table: Q, Distinct: Q, Order: NAMES, Group: NAMES, Pluck: NAMES },
  },
  {
    lib: /^github\.com\/Masterminds\/squirrel$/,
    methods: { Having: Q, Prefix: Q, Suffix: Q, Column: Q, Join: Q, LeftJoin: Q, RightJoin: Q, InnerJoin: Q, CrossJoin: Q, FullJoin: Q,
      Where: COND, OrderBy: NAMES, GroupBy: NAMES, From: NAMES },
  },
  {
    // go-pg's orm.Query and bun's query builders.
    lib: /^(?:github\.com\/go-pg\/pg(?:\/v\d+)?(?:\/orm)?|github\.com\/uptrace\/bun)$/,
    methods: { NewRaw: { q: 0, args: true, style: '?' }, ColumnExpr: Q, OrderExpr: Q, GroupExpr: Q, TableExpr: Q, ModelTableExpr: Q, Join: Q, For: Q,
      WhereOr: COND, WhereIn: COND, Having: Q },
  },
  {
    lib: /^(?:xorm\.io\/xorm|github\.com\/go-xorm\/xorm)$/,
    methods: { SQL: { q: 0, args: true, style: '?' }, And: COND, Or: COND, Having: NAMES, OrderBy: NAMES, GroupBy: NAMES, Select: NAMES,
      QueryString: { q: 0, args: true, style: '?' }, QueryInterface: { q: 0, args: true, style: '?' } },
  },
  {
    // GoFrame: g.DB().GetAll(ctx, sql, args...) (v2 takes a context first).
    lib: /^github\.com\/gogf\/gf(?:\/v\d+)?\/(?:database\/gdb|frame\/g)$/,
    methods: Object.fromEntries([
      ...['GetAll', 'GetArray', 'GetCount', 'GetOne', 'GetValue', 'Raw'].map((m) => [m, { q: 0, args: true, ctxFirst: true, style: '?' }]),
      ...['GetScan', 'GetStruct', 'GetStructs'].map((m) => [m, { q: 1, args: true, ctxFirst: true, style: '?' }]),
    ]) as Record<string, Method>,
  },
  {
    // Beego's Ormer.Raw and QueryBuilder (whose clauses take no values).
    lib: /^github\.com\/(?:beego\/beego(?:\/v2)?\/client\/orm|astaxie\/beego\/orm|beego\/beego\/orm)$/,
    methods: { Raw: { q: 0, args: true, style: '?' }, Where: { q: 0, args: false, condition: true }, And: { q: 0, args: false, condition: true },
      Or: { q: 0, args: false, condition: true }, Having: NAMES, On: NAMES, OrderBy: NAMES, GroupBy: NAMES,
      Select: NAMES, From: NAMES, InnerJoin: NAMES, LeftJoin: NAMES, RightJoin: NAMES },
  },
  {
    // rqlite: one statement, no values (the *Parameterized variants take them).
    lib: /^github\.com\/(?:rqlite|raindog308)\/gorqlite$/,
    methods: { QueryOne: ONLY_SQL, WriteOne: ONLY_SQL, QueueOne: ONLY_SQL, QueryOneContext: { q: 1, args: false }, WriteOneContext: { q: 1, args: false },
      QueueOneContext: { q: 1, args: false } },
  },
  {
    // BigQuery: client.Query(sql); parameters go in the query's Parameters field.
    lib: /^cloud\.google\.com\/go\/bigquery$/,
    methods: { Query: ONLY_SQL },
  },
];
/** Package functions taking SQL: `squirrel.Expr("…", args...)`. */
const PACKAGE_FUNCS: { lib: RegExp; funcs: Record<string, Method> }[] = [
  { lib: /^github\.com\/Masterminds\/squirrel$/, funcs: { Expr: Q } },
];

type Style = '$' | '?';

/** Placeholder style by imported package path. */
function driverStyle(path: string): Style | undefined {
  if (path === 'github.com/lib/pq' || /^github\.com\/jackc\/pgx(?:\/v\d+)?(?:\/|$)/.test(path)) return '$';
  if (path === 'github.com/go-sql-driver/mysql' || /^github\.com\/mattn\/go-sqlite3(?:\/|$)/.test(path) || /^modernc\.org\/sqlite(?:\/|$)/.test(path)) return '?';
  if (path === 'gorm.io/gorm' || /^github\.com\/jinzhu\/gorm(?:\/|$)/.test(path)) return '?';
  // go-pg, bun and xorm format `?` themselves.
  if (/^github\.com\/go-pg\/pg(?:\/|$)/.test(path) || /^github\.com\/uptrace\/bun(?:\/|$)/.test(path) || /^(?:xorm\.io\/xorm|github\.com\/go-xorm\/xorm)$/.test(path)) return '?';
  return undefined;
}

/** Libraries whose `Where` and `Raw` take SQL. */
const BUILDERS = /^(?:gorm\.io\/gorm|github\.com\/jinzhu\/gorm|github\.com\/Masterminds\/squirrel|github\.com\/go-pg\/pg(?:\/v\d+)?(?:\/orm)?|github\.com\/uptrace\/bun|xorm\.io\/xorm|github\.com\/go-xorm\/xorm)$/;
/** Couchbase's N1QL `Query(statement, opts)`: a query sink, but its values go in the options. */
const GOCB = /^github\.com\/couchbase\/gocb(?:\/v\d+)?$/;

const NUMERIC_TYPES = /^(?:u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128)|bool|byte|time\.Time|time\.Duration|uuid\.UUID|decimal\.Decimal|sql\.Null(?:Int16|Int32|Int64|Float64|Bool|Time|Byte))$/;
const SAFE_FUNCS = /^(?:strconv\.(?:Itoa|FormatInt|FormatUint|FormatFloat|FormatBool|AppendInt)|len|cap|time\.\w+|uuid\.\w+|math\.\w+|pq\.QuoteIdentifier|pq\.QuoteLiteral|\w+\.Sanitize)$/;
const ESCAPERS = /^(?:[Qq]uote(?:Identifier|Ident|Literal|Name|String|Value)?|[Ee]scape(?:String|Literal|Identifier|SQL|Sql)?|Sanitize|SanitizeSQL|MysqlRealEscapeString|SQLEscape|EscapeQuotes)$/;
/** strings functions whose result is safe when their string arguments are. */
const STRING_FUNCS = /^strings\.(?:Repeat|Join|ToUpper|ToLower|TrimSpace|Trim|TrimLeft|TrimRight|TrimPrefix|TrimSuffix|Title)$/;
const NUMERIC_VERBS = 'bdoOxXUeEfFgGtp';
const LITERAL_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);
const SCOPE_TYPES = new Set(['block', 'if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement',
  'expression_case', 'default_case', 'type_case', 'communication_case', 'source_file']);
const FUNC_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

interface Sink {
  call: Node;
  method: Method;
  name: string;
  query: Node;
  /** Index of the SQL among the arguments. */
  index: number;
  args: Node[];
}

interface Decl {
  id: Node;
  scope: Node;
  kind: 'var' | 'const' | 'param' | 'package' | 'other';
  /** The statement that declares it (visible after it ends). */
  stmt: Node;
  value?: Node;
  type?: string;
  writes: Write[];
}

interface Write {
  at: Node;
  op: '=' | '+=' | 'append' | 'index' | 'other';
  value?: Node;
  values?: Node[];
}

interface Built {
  items: Item[];
  /** The expression a fix replaces. */
  root: Node;
  rewritable: boolean;
}

class GoChecker {
  private readonly seen = new Set<number>();
  private readonly decls = new Map<string, Decl[]>();
  private imports = new Map<string, string>();
  private foreign = false;
  private depth = 0;

  constructor(private readonly ctx: RuleContext, private readonly root: Node) {}

  run(): void {
    this.collect();
    const sinks: Sink[] = [];
    walkTree(this.root, (n) => {
      if (n.type === 'call_expression' && !n.hasError) sinks.push(...this.sinks(n));
    });
    for (const s of sinks) this.checkSink(s);
  }

  // --- declarations ----------------------------------------------------------------------------------------------

  private collect(): void {
    const add = (id: Node, d: Omit<Decl, 'id' | 'writes'>) => {
      if (id.type !== 'identifier' || id.text === '_') return;
      let list = this.decls.get(id.text);
      if (!list) this.decls.set(id.text, (list = []));
      list.push({ ...d, id, writes: [] });
    };
    const scopeOf = (n: Node): Node => {
      for (let p = n.parent; p; p = p.parent) if (SCOPE_TYPES.has(p.type)) return p;
      return this.root;
    };
    const writes: { id: Node; w: Write }[] = [];
    walkTree(this.root, (n) => {
      switch (n.type) {
        case 'import_spec': {
          const path = field(n, 'path');
          const p = path ? stringValue(path) : undefined;
          if (p === undefined) break;
          const alias = field(n, 'name')?.text;
          this.imports.set(alias && alias !== '_' && alias !== '.' ? alias : p.split('/').filter((s) => !/^v\d+$/.test(s)).pop()!.replace(/^go-/, ''), p);
          if (alias === '_' || alias === '.') this.imports.set(`${alias}${p}`, p);
          break;
        }
        case 'parameter_declaration':
        case 'variadic_parameter_declaration': {
          const fn = n.parent?.parent;
          if (!fn) break;
          const type = field(n, 'type')?.text;
          for (const id of n.childrenForFieldName('name')) if (id) add(id, { scope: fn, kind: 'param', stmt: fn, type: n.type === 'variadic_parameter_declaration' ? undefined : type });
          break;
        }
        case 'short_var_declaration':
        case 'var_spec':
        case 'const_spec': {
          const left = n.type === 'short_var_declaration' ? named(field(n, 'left') ?? n) : n.childrenForFieldName('name').filter((x): x is Node => !!x);
          const rightList = n.type === 'short_var_declaration' ? field(n, 'right') : field(n, 'value');
          const right = rightList ? named(rightList) : [];
          const scope = scopeOf(n.type === 'short_var_declaration' ? n : n.parent?.type === 'var_spec_list' ? n.parent : n);
          const pkg = scope.type === 'source_file';
          const stmt = n.type === 'short_var_declaration' ? n : n;
          const type = field(n, 'type')?.text;
          left.forEach((id, i) => add(id, {
            scope, stmt,
            kind: n.type === 'const_spec' ? 'const' : pkg ? 'package' : left.length === right.length || right.length === 0 ? 'var' : 'other',
            value: left.length === right.length ? right[i] : undefined,
            type: type ?? (left.length !== right.length && right.length === 1 && i === 0 ? atoiType(right[0]) : undefined),
          }));
          break;
        }
        case 'range_clause': {
          const left = field(n, 'left');
          const fs = n.parent;
          if (left && fs) for (const id of named(left)) add(id, { scope: fs, kind: 'other', stmt: n, value: field(n, 'right') });
          break;
        }
        case 'assignment_statement': {
          const left = named(field(n, 'left') ?? n);
          const right = named(field(n, 'right') ?? n);
          const op = field(n, 'operator')?.text ?? '=';
          left.forEach((l, i) => {
            const u = unparen(l);
            if (u.type === 'identifier') {
              const value = left.length === right.length ? right[i] : undefined;
              if (op === '+=') writes.push({ id: u, w: { at: n, op: '+=', value } });
              else if (op === '=' && value && isAppendTo(value, u.text)) writes.push({ id: u, w: { at: n, op: 'append', values: named(field(value, 'arguments')!).slice(1) } });
              else writes.push({ id: u, w: { at: n, op: op === '=' ? '=' : 'other', value } });
            } else if (u.type === 'index_expression') {
              const base = field(u, 'operand');
              if (base?.type === 'identifier') writes.push({ id: base, w: { at: n, op: 'index', value: left.length === right.length ? right[i] : undefined } });
            }
          });
          break;
        }
        case 'unary_expression':
          if (field(n, 'operator')?.text === '&') {
            const o = field(n, 'operand');
            if (o?.type === 'identifier') writes.push({ id: o, w: { at: n, op: 'other' } });
          }
          break;
      }
    });
    for (const { id, w } of writes) this.resolve(id)?.writes.push(w);
    for (const list of this.decls.values()) for (const d of list) d.writes.sort((a, b) => a.at.startIndex - b.at.startIndex);
  }

  /** The declaration a name read at `use` refers to. */
  private resolve(use: Node): Decl | undefined {
    const list = this.decls.get(use.text);
    if (!list) return undefined;
    let best: Decl | undefined;
    for (const d of list) {
      if (!within(use, d.scope)) continue;
      if (d.kind !== 'param' && d.kind !== 'package' && d.scope.type !== 'source_file' && d.stmt.endIndex > use.startIndex) continue;
      if (same(d.id, use)) return d;
      if (!best || d.scope.startIndex > best.scope.startIndex || (d.scope.startIndex === best.scope.startIndex && d.id.startIndex > best.id.startIndex)) best = d;
    }
    return best;
  }

  private isPackage(n: Node): boolean {
    return n.type === 'identifier' && this.imports.has(n.text) && !this.resolve(n);
  }

  // --- sinks -----------------------------------------------------------------------------------------------------

  /** The sinks a call may be: a driver method, and an ORM's method of the same name when that ORM is imported. */
  private sinks(call: Node): Sink[] {
    const fn = field(call, 'function');
    if (fn?.type !== 'selector_expression') return [];
    const name = field(fn, 'field')?.text;
    const list = field(call, 'arguments');
    if (!name || !list) return [];
    const operand = field(fn, 'operand');
    const imported = [...this.imports.values()];
    const methods: Method[] = [];
    if (operand && this.isPackage(operand)) {
      const path = this.imports.get(operand.text) ?? '';
      if (/sqlx$/.test(path) && METHODS[name]) methods.push(METHODS[name]);
      for (const f of PACKAGE_FUNCS) if (f.lib.test(path) && f.funcs[name]) methods.push(f.funcs[name]);
    } else {
      // An imported ORM's method of that name wins over the driver's (gorm's `Select(query, args...)`, not sqlx's).
      for (const l of LIBRARY_METHODS) if (l.methods[name] && imported.some((p) => l.lib.test(p))) methods.push(l.methods[name]);
      const base = METHODS[name];
      if (!methods.length && base && (!base.builder || imported.some((p) => BUILDERS.test(p)))) methods.push(base);
    }
    const args = named(list);
    const out: Sink[] = [];
    for (const method of methods) {
      let index = method.q;
      // sqlx.Select(db, &dest, query, args...)
      if (operand && this.isPackage(operand) && METHODS[name] === method) index++;
      if (method.ctxFirst && args.length >= 2 && this.isContext(args[0])) index++;
      // go-pg: db.Query(&dest, query, args...), db.QueryOne(pg.Scan(&n), query).
      if (args[index] && args[index + 1] && this.isDestination(args[index])) index++;
      const query = args[index];
      if (!query || query.type === 'variadic_argument') continue;
      out.push({ call, method, name, query, index, args });
    }
    return out;
  }

  /** `&dest` or `pg.Scan(&n)`: where a result goes, never SQL. */
  private isDestination(n: Node): boolean {
    const u = unparen(n);
    if (u.type === 'unary_expression') return field(u, 'operator')?.text === '&';
    return u.type === 'call_expression' && /^\w+\.Scan$/.test(field(u, 'function')?.text ?? '');
  }

  private isContext(n: Node): boolean {
    n = unparen(n);
    if (n.type === 'identifier') {
      const d = this.resolve(n);
      if (d?.type) return /(?:^|\.)Context$/.test(d.type);
      return /^(?:ctx|c|context|\w*Ctx)$/.test(n.text);
    }
    if (n.type === 'selector_expression') return /^(?:ctx|Ctx|context)$/.test(field(n, 'field')?.text ?? '');
    if (n.type === 'call_expression') return /^context\.\w+$|\.Context$/.test(field(n, 'function')?.text ?? '');
    return false;
  }

  private checkSink(sink: Sink): void {
    const q = unparen(sink.query);
    if (this.seen.has(q.id)) return;
    this.seen.add(q.id);
    this.foreign = false;
    this.depth = 0;
    const built = this.build(q, sink.call);
    if (!built) return;
    let a = analyze(built.items, 'fragment');
    if (!sink.method.fragment && !looksLikeSql(sink.method.condition ? 'WHERE ' + a.skeleton : a.skeleton)) return;
    // A value with the quotes stripped (or doubled) inside quotes of the same kind cannot break out of them.
    if (this.quoteStripped(built.items, a)) {
      if (!hasUnsafeHole(built.items)) return;
      a = analyze(built.items, 'fragment');
    }
    reportHoles(this.ctx, sink.query, built.items, a, () => sink.args.length > sink.index + 1, () => (built.rewritable ? this.fixes(sink, built, a) : []));
  }

  // --- building the SQL -------------------------------------------------------------------------------------------

  private build(node: Node, call: Node): Built | undefined {
    const e = unparen(node);
    if (this.isBuilt(e)) {
      const items = this.flatten(e);
      if (!hasUnsafeHole(items)) return undefined;
      return { items, root: e, rewritable: !this.foreign };
    }
    if (e.type === 'call_expression') {
      const items = this.builderItems(e, call);
      return items && hasUnsafeHole(items) ? { items, root: e, rewritable: false } : undefined;
    }
    if (e.type !== 'identifier') return undefined;
    const d = this.resolve(e);
    if (!d || d.kind === 'const' || d.kind === 'other' || d.kind === 'package') return undefined;
    const fn = enclosingFunction(call);
    if (!fn || !within(d.id, fn)) return undefined;
    const flow = localParts(writesBefore(d.writes, call), d.value ? [d.value] : d.kind === 'param' || d.kind === 'var' ? [] : undefined, (value) => {
      const ops = plusOperands(value);
      return ops.length > 1 && ops[0].type === 'identifier' && this.resolve(ops[0]) === d ? ops.slice(1) : undefined;
    });
    if (!flow?.parts) return undefined;
    const { parts, appended } = flow;
    if (!appended && (parts.length !== 1 || !this.isBuilt(unparen(parts[0])))) {
      // `q := sb.String()`
      const only = parts.length === 1 ? unparen(parts[0]) : undefined;
      if (only?.type !== 'call_expression') return undefined;
      const items = this.builderItems(only, call);
      return items && hasUnsafeHole(items) ? { items, root: only, rewritable: false } : undefined;
    }
    const items: Item[] = [];
    // A parameter's prior value: the caller's text, not reported as structure.
    if (d.kind === 'param') items.push({ kind: 'hole', src: e.text, safe: false, devControlled: true } as CHole);
    for (const p of parts) this.flattenInto(p, items);
    if (!hasUnsafeHole(items)) return undefined;
    // A fix rewrites the one declaration when the variable is written once and read only by this call.
    const rewritable = !appended && !this.foreign && d.kind === 'var' && d.writes.length === 0 && this.reads(d) === 1 &&
      !!d.value && (d.stmt.type === 'short_var_declaration' ? named(field(d.stmt, 'left')!).length === 1 : d.stmt.childrenForFieldName('name').length === 1);
    return { items, root: unparen(parts[0]), rewritable };
  }

  private reads(d: Decl): number {
    let n = 0;
    walkTree(d.scope, (x) => {
      if (x.type === 'identifier' && x.text === d.id.text && !same(x, d.id) && this.resolve(x) === d) n++;
    });
    return n;
  }

  /** `+` with a string literal somewhere, `fmt.Sprintf` with a constant format. */
  private isBuilt(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'binary_expression') return field(e, 'operator')?.text === '+' && this.isStringy(e);
    if (e.type === 'call_expression') return this.sprintf(e) !== undefined;
    return false;
  }

  private isStringy(e: Node): boolean {
    e = unparen(e);
    if (LITERAL_TYPES.has(e.type)) return true;
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '+') {
      const l = field(e, 'left');
      const r = field(e, 'right');
      return (!!l && this.isStringy(l)) || (!!r && this.isStringy(r));
    }
    if (e.type === 'call_expression') return this.sprintf(e) !== undefined;
    if (e.type === 'identifier') {
      const v = this.singleValue(e);
      return !!v && this.depth < 8 && LITERAL_TYPES.has(unparen(v).type);
    }
    return false;
  }

  /** `fmt.Sprintf(format, args...)`: the format node. */
  private sprintf(call: Node): Node | undefined {
    const fn = field(call, 'function');
    if (fn?.type !== 'selector_expression' || field(fn, 'field')?.text !== 'Sprintf') return undefined;
    const pkg = field(fn, 'operand');
    if (pkg?.type !== 'identifier' || this.imports.get(pkg.text) !== 'fmt') return undefined;
    const fmt = named(field(call, 'arguments')!)[0];
    if (!fmt) return undefined;
    const f = unparen(fmt);
    if (LITERAL_TYPES.has(f.type) || (f.type === 'binary_expression' && this.isStringy(f)) || this.constant(f) !== undefined) return f;
    return undefined;
  }

  private flatten(e: Node): Item[] {
    const out: Item[] = [];
    this.flattenInto(e, out);
    return out;
  }

  private flattenInto(orig: Node, out: Item[]): void {
    const e = unparen(orig);
    if (LITERAL_TYPES.has(e.type)) return void out.push(...stringChars(e, this.ctx.text));
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '+' && this.isStringy(e)) {
      this.flattenInto(field(e, 'left')!, out);
      this.flattenInto(field(e, 'right')!, out);
      return;
    }
    if (e.type === 'call_expression' && this.sprintf(e)) {
      const done = this.formatItems(e);
      if (done) return void out.push(...done);
    }
    if (e.type === 'identifier' && this.depth < 8) {
      // A local built once elsewhere: its text, so the quotes around holes are seen (no fix: the text lives there).
      const v = this.singleValue(e);
      if (v && this.isBuilt(unparen(v)) && this.constant(e) === undefined && !this.safe(e, 0)) {
        this.depth++;
        this.foreign = true;
        this.flattenInto(v, out);
        this.depth--;
        return;
      }
    }
    const h = this.hole(e);
    h.keep = orig.text;
    h.isString = true;
    out.push(h);
  }

  /** The items of `fmt.Sprintf(...)`: each verb becomes a hole for its argument. */
  private formatItems(call: Node): Item[] | undefined {
    const all = named(field(call, 'arguments')!);
    if (all.some((x) => x.type === 'variadic_argument')) return undefined;
    const fmtNode = unparen(all[0]);
    const args = all.slice(1);
    const from = LITERAL_TYPES.has(fmtNode.type) || fmtNode.type === 'binary_expression' ? this.flatten(fmtNode) : this.constant(fmtNode);
    if (from === undefined) return undefined;
    const { fmt, s, foreign } = readFormat(from);
    if (foreign) this.foreign = true;
    const out: Item[] = [];
    let argIndex = 0;
    for (let i = 0; i < fmt.length; i++) {
      const it = fmt[i];
      if (it.kind === 'hole' || it.c !== '%') {
        out.push(it);
        continue;
      }
      const m = /^%(\[\d+\])?([+\-# 0]*)(\*|\d+)?(?:\.(\*|\d*))?(\[\d+\])?([a-zA-Z%])/.exec(s.slice(i));
      if (!m) return undefined;
      const [whole, idx1, flags, width, prec, idx2, verb] = m;
      i += whole.length - 1;
      if (verb === '%') {
        out.push({ kind: 'ch', c: '%', r: '%' });
        continue;
      }
      if (idx1 || idx2 || width === '*' || prec === '*') return undefined;
      const arg = args[argIndex++];
      if (!arg) return undefined;
      const plain = !flags && width === undefined && prec === undefined;
      const base = this.hole(arg);
      const h: CHole = { ...base, verb: whole, fmtCall: call.id, keep: arg.text };
      if (NUMERIC_VERBS.includes(verb)) {
        h.safe = true;
        h.text = undefined;
      } else if (verb === 's' || verb === 'v') {
        if (this.numericTyped(arg)) h.safe = true;
        if (!plain) { h.value = undefined; h.text = undefined; }
        h.isString = this.stringTyped(arg);
      } else if (verb === 'q') {
        if (this.numericTyped(arg)) h.safe = true;
        h.text = undefined;
        if (!plain) h.value = undefined;
      } else {
        h.text = undefined;
        h.value = undefined;
      }
      out.push(h);
    }
    if (argIndex !== args.length) return undefined;
    return out;
  }

  /** `sb.String()` of a local strings.Builder / bytes.Buffer: its writes before `call`, in source order. */
  private builderItems(e: Node, call: Node): Item[] | undefined {
    const fn = field(e, 'function');
    if (fn?.type !== 'selector_expression' || field(fn, 'field')?.text !== 'String') return undefined;
    if (named(field(e, 'arguments')!).length) return undefined;
    const recv = field(fn, 'operand');
    if (recv?.type !== 'identifier') return undefined;
    const d = this.resolve(recv);
    if (!d || (d.kind !== 'var' && d.kind !== 'param') || !this.isBuilder(d)) return undefined;
    const out: Item[] = [];
    const init = d.value ? unparen(d.value) : undefined;
    if (init?.type === 'call_expression' && /^bytes\.NewBufferString$/.test(field(init, 'function')?.text ?? '')) {
      const arg = named(field(init, 'arguments')!)[0];
      if (arg) this.flattenInto(arg, out);
    }
    let ok = true;
    walkTree(d.scope, (n) => {
      if (!ok || n.startIndex >= call.startIndex) return false;
      if (n.type !== 'call_expression') return undefined;
      const f = field(n, 'function');
      const args = named(field(n, 'arguments') ?? n);
      if (f?.type === 'selector_expression') {
        const o = field(f, 'operand');
        const m = field(f, 'field')?.text ?? '';
        if (o?.type === 'identifier' && o.text === recv.text && this.resolve(o) === d) {
          if (m === 'WriteString' || m === 'WriteByte' || m === 'WriteRune') {
            if (args[0] && m === 'WriteString') this.flattenInto(args[0], out);
            else if (args[0]) out.push(this.charItem(args[0]));
          } else if (m === 'Reset') out.length = 0;
          else if (m !== 'String' && m !== 'Len' && m !== 'Grow' && m !== 'Cap') ok = false;
          return undefined;
        }
        // fmt.Fprintf(&sb, format, args...)
        const w = args[0] && unparen(args[0]);
        const writer = w?.type === 'unary_expression' ? field(w, 'operand') : w;
        if (f.text === 'fmt.Fprintf' && writer?.type === 'identifier' && this.resolve(writer) === d) {
          const fake = this.formatAfterWriter(n);
          if (!fake) ok = false;
          else out.push(...fake);
        }
      }
      return undefined;
    });
    return ok ? out : undefined;
  }

  private formatAfterWriter(call: Node): Item[] | undefined {
    const all = named(field(call, 'arguments')!);
    const fmtNode = all[1] && unparen(all[1]);
    if (!fmtNode || !LITERAL_TYPES.has(fmtNode.type)) return undefined;
    const items: Item[] = [];
    const fmt = stringChars(fmtNode, this.ctx.text);
    const s = fmt.map((i) => i.c).join('');
    let argIndex = 2;
    for (let i = 0; i < fmt.length; i++) {
      if (fmt[i].c !== '%') { items.push(fmt[i]); continue; }
      const m = /^%([+\-# 0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])/.exec(s.slice(i));
      if (!m) return undefined;
      i += m[0].length - 1;
      if (m[4] === '%') { items.push({ kind: 'ch', c: '%', r: '%' }); continue; }
      const arg = all[argIndex++];
      if (!arg) return undefined;
      const h = this.hole(arg);
      if (NUMERIC_VERBS.includes(m[4]) || this.numericTyped(arg)) h.safe = true;
      items.push(h);
    }
    return items;
  }

  private charItem(arg: Node): Item {
    const a = unparen(arg);
    if (a.type === 'rune_literal') {
      const c = decodeGoEscape(a.text.slice(1, -1));
      return { kind: 'ch', c, r: c };
    }
    return { ...this.hole(arg), safe: this.numericTyped(arg) };
  }

  private isBuilder(d: Decl): boolean {
    if (d.type && /^\*?(?:strings\.Builder|bytes\.Buffer)$/.test(d.type)) return true;
    const v = d.value ? unparen(d.value) : undefined;
    if (!v) return false;
    return /^&?(?:strings\.Builder|bytes\.Buffer)\{\}$/.test(v.text.replace(/\s+/g, '')) || /^new\((?:strings\.Builder|bytes\.Buffer)\)$/.test(v.text) ||
      /^bytes\.NewBuffer(?:String)?\(/.test(v.text);
  }

  /**
   * Holes whose value has a quote stripped or doubled (`strings.ReplaceAll(v, "'", "")`, a `strings.NewReplacer` doing
   * that) and that sit inside SQL quotes of that kind become safe. True when any did.
   */
  private quoteStripped(items: Item[], a: Analysis): boolean {
    let changed = false;
    for (const h of a.holes) {
      const it = items[h.item] as CHole & { strips?: string };
      if (it.kind !== 'hole' || it.safe || !it.strips) continue;
      const k = a.owner.findIndex((o, i) => o === h.item && a.skeleton[i] === MARK);
      const st = k >= 0 ? a.state[k] : undefined;
      if ((st === 'single' && it.strips.includes("'")) || (st === 'dquote' && it.strips.includes('"'))) {
        it.safe = true;
        changed = true;
      }
    }
    return changed;
  }

  /** The quote characters a value cannot hold (unless doubled): removed or doubled by a replace. */
  private strips(e: Node, depth = 0): string | undefined {
    e = unparen(e);
    if (depth > 4) return undefined;
    if (e.type === 'identifier') {
      const v = this.singleValue(e);
      return v ? this.strips(v, depth + 1) : undefined;
    }
    if (e.type !== 'call_expression') return undefined;
    const fn = field(e, 'function');
    const args = named(field(e, 'arguments') ?? e);
    const ftext = fn?.text ?? '';
    const pairs: [string | undefined, string | undefined][] = [];
    // buf.String() of a buffer only ever written by a quote-stripping replacer: r.WriteString(buf, v).
    if (fn?.type === 'selector_expression' && field(fn, 'field')?.text === 'String' && !args.length) {
      const b = field(fn, 'operand');
      const d = b?.type === 'identifier' ? this.resolve(b) : undefined;
      if (!d || d.kind !== 'var' || !this.isBuilder(d)) return undefined;
      let found: string | undefined;
      let ok = true;
      walkTree(d.scope, (n) => {
        if (!ok || n.type !== 'identifier' || n.text !== b!.text || same(n, d.id) || this.resolve(n) !== d) return undefined;
        if (n.parent?.type === 'selector_expression' && n.parent.id === fn.id) return undefined;
        const arg = n.parent?.type === 'unary_expression' && field(n.parent, 'operator')?.text === '&' ? n.parent : n;
        const call = arg.parent?.type === 'argument_list' ? arg.parent.parent : undefined;
        const cf = call && field(call, 'function');
        const first = call && named(field(call, 'arguments')!)[0];
        if (!cf || cf.type !== 'selector_expression' || field(cf, 'field')?.text !== 'WriteString' || first?.id !== arg.id) { ok = false; return undefined; }
        const r = this.replacerStrips(field(cf, 'operand'));
        if (!r || (found !== undefined && found !== r)) ok = false;
        found = r;
        return undefined;
      });
      return ok ? found : undefined;
    }
    if (/^strings\.(?:Replace|ReplaceAll)$/.test(ftext) && this.imports.get('strings') === 'strings') {
      if (ftext.endsWith('Replace') && args[3]?.text !== '-1') return undefined;
      pairs.push([args[1] && this.constant(args[1]), args[2] && this.constant(args[2])]);
    } else if (fn?.type === 'selector_expression' && field(fn, 'field')?.text === 'Replace' && args.length === 1) {
      // r.Replace(v) with r := strings.NewReplacer("'", "", ...)
      return this.replacerStrips(field(fn, 'operand'));
    } else return undefined;
    return quotesOf(pairs);
  }

  /** The quotes a `strings.NewReplacer(…)` held in `r` strips or doubles. */
  private replacerStrips(r: Node | undefined): string | undefined {
    const init = r?.type === 'identifier' ? this.singleValue(r) : undefined;
    const u = init && unparen(init);
    if (u?.type !== 'call_expression' || field(u, 'function')?.text !== 'strings.NewReplacer') return undefined;
    const rargs = named(field(u, 'arguments')!);
    const pairs: [string | undefined, string | undefined][] = [];
    for (let i = 0; i + 1 < rargs.length; i += 2) pairs.push([this.constant(rargs[i]), this.constant(rargs[i + 1])]);
    return quotesOf(pairs);
  }

  // --- values ------------------------------------------------------------------------------------------------------

  private hole(e: Node): CHole {
    e = unparen(e);
    const src = e.text;
    const text = this.constant(e);
    if (text !== undefined) return { kind: 'hole', src, safe: true, text, value: src };
    const safe = this.safe(e, 0);
    const h: CHole & { strips?: string } = { kind: 'hole', src, safe, devControlled: this.devControlled(e), value: src };
    if (!safe) h.strips = this.strips(e);
    return h;
  }

  private singleValue(id: Node): Node | undefined {
    const d = this.resolve(id);
    if (!d || d.writes.length || (d.kind !== 'var' && d.kind !== 'const' && d.kind !== 'package')) return undefined;
    return d.value;
  }

  /**
   * A local's initial value where it is read before any write reaches it: `q := "… %s"` then `q = fmt.Sprintf(q, id)`.
   * Not in a loop the declaration is outside of (a later pass would read the rewritten text).
   */
  private initialValue(id: Node): Node | undefined {
    const d = this.resolve(id);
    if (!d || d.kind !== 'var' || !d.value || !d.writes.length) return undefined;
    if (!d.writes.every((w) => w.at.startIndex > id.startIndex || (within(id, w.at) && w.op === '='))) return undefined;
    for (let p = id.parent; p && p.id !== d.scope.id; p = p.parent) {
      if (p.type === 'for_statement' || FUNC_TYPES.has(p.type)) return undefined;
    }
    return d.value;
  }

  /** The text of a constant expression: literals, `+` of constants, names bound once to those. */
  private constant(e: Node, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    e = unparen(e);
    if (LITERAL_TYPES.has(e.type)) return stringChars(e, this.ctx.text).map((c) => c.c).join('');
    if (e.type === 'int_literal' && /^\d+$/.test(e.text)) return e.text;
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '+') {
      const l = this.constant(field(e, 'left')!, depth + 1);
      const r = l === undefined ? undefined : this.constant(field(e, 'right')!, depth + 1);
      return l !== undefined && r !== undefined && this.isStringy(e) ? l + r : undefined;
    }
    if (e.type === 'identifier') {
      const v = this.singleValue(e) ?? this.initialValue(e);
      return v ? this.constant(v, depth + 1) : undefined;
    }
    return undefined;
  }

  private numericTyped(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'int_literal' || e.type === 'float_literal' || e.type === 'true' || e.type === 'false') return true;
    if (e.type === 'identifier') {
      const d = this.resolve(e);
      if (!d) return false;
      if (d.type) return NUMERIC_TYPES.test(d.type);
      return d.kind !== 'param' && !!d.value && this.numericExpr(d.value) &&
        d.writes.every((w) => (w.op === 'other' && w.at.type !== 'unary_expression') || (w.op === '=' && !!w.value && this.numericExpr(w.value)));
    }
    return this.numericExpr(e);
  }

  private numericExpr(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'int_literal' || e.type === 'float_literal') return true;
    if (e.type === 'call_expression') {
      const f = field(e, 'function')?.text ?? '';
      return /^(?:len|cap|u?int(?:8|16|32|64)?|float(?:32|64))$/.test(f);
    }
    if (e.type === 'binary_expression') return ['-', '*', '/', '%'].includes(field(e, 'operator')?.text ?? '') ||
      (field(e, 'operator')?.text === '+' && this.numericTyped(field(e, 'left')!) && this.numericTyped(field(e, 'right')!));
    return false;
  }

  private stringTyped(e: Node): boolean {
    e = unparen(e);
    if (LITERAL_TYPES.has(e.type)) return true;
    if (e.type === 'identifier') return this.resolve(e)?.type === 'string';
    return false;
  }

  /** Values that cannot carry SQL: numbers, escaped values, placeholder lists, locals only ever assigned those. */
  private safe(e: Node, depth: number): boolean {
    if (depth > 8) return false;
    e = unparen(e);
    if (this.constant(e, depth) !== undefined || this.numericExpr(e)) return true;
    switch (e.type) {
      case 'true':
      case 'false':
      case 'nil':
        return true;
      case 'rune_literal':
        return e.text !== "'\\''" && e.text !== "'''";
      case 'binary_expression':
        return field(e, 'operator')?.text !== '+' || (this.safe(field(e, 'left')!, depth + 1) && this.safe(field(e, 'right')!, depth + 1));
      case 'call_expression': {
        const fn = field(e, 'function');
        const ftext = fn?.text ?? '';
        const args = named(field(e, 'arguments') ?? e);
        if (SAFE_FUNCS.test(ftext)) return true;
        const last = fn?.type === 'selector_expression' ? field(fn, 'field')?.text ?? '' : ftext;
        if (ESCAPERS.test(last)) return true;
        if (STRING_FUNCS.test(ftext) || ftext === 'fmt.Sprint') return args.every((a) => this.safe(a, depth + 1) || this.numericTyped(a));
        if (this.sprintf(e)) return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
        // time values, uuids and the like: `t.Format(...)`, `id.String()` on a typed value.
        if (fn?.type === 'selector_expression' && /^(?:Format|String|Unix|UnixNano|Year|Sanitize)$/.test(last)) {
          const o = field(fn, 'operand');
          return !!o && (this.numericTyped(o) || /^(?:time|uuid)\./.test(o.text));
        }
        return false;
      }
      case 'identifier': {
        const d = this.resolve(e);
        if (!d) return false;
        if (d.type && NUMERIC_TYPES.test(d.type)) return true;
        if (d.kind !== 'const' && d.kind !== 'package' && this.guarded(e, d, depth)) return true;
        // for _, table := range []string{"a", "b"}: elements (and keys) of a constant collection.
        if (d.stmt.type === 'range_clause') return !!d.value && !d.writes.length && this.safeInit(d.value, depth + 1);
        if (d.kind === 'param' || d.kind === 'other') return false;
        // Every value it is given is safe: `placeholders = append(placeholders, "?")`, `ph[i] = fmt.Sprintf("$%d", i+1)`.
        const vals: Node[] = [];
        if (d.value) vals.push(d.value);
        for (const w of d.writes) {
          if (w.op === 'other') return false;
          if (w.values) vals.push(...w.values);
          else if (w.value) vals.push(w.value);
          else return false;
        }
        return vals.length > 0 && vals.every((v) => this.safeInit(v, depth + 1));
      }
      case 'index_expression': {
        const o = field(e, 'operand');
        return !!o && this.safe(o, depth + 1);
      }
      default:
        return false;
    }
  }

  /**
   * An earlier statement of an enclosing block checks the name against constants and leaves or resets it, with no other
   * write before the use: `if !allowed[s] { s = "id" }`, `if _, ok := allowed[s]; !ok { return … }`,
   * `if !slices.Contains(cols, s) { return … }`, or `switch s { case "a", "b": default: s = "id" }`.
   */
  private guarded(use: Node, d: Decl, depth: number): boolean {
    const name = use.text;
    const isUse = (n: Node | undefined) => !!n && unparen(n).type === 'identifier' && unparen(n).text === name;
    const constMap = (n: Node | undefined) => !!n && unparen(n).type === 'identifier' && this.safe(unparen(n), depth + 1);
    // The body leaves, or only sets the name to safe text.
    const settles = (body: Node | undefined): boolean => {
      const list = body && named(body).length === 1 && named(body)[0].type === 'statement_list' ? named(body)[0] : body;
      const stmts = list ? named(list).filter((x) => x.type !== 'comment' && x.type !== 'expression_list') : [];
      const last = stmts[stmts.length - 1];
      if (!last) return false;
      if (/^(?:return|break|continue|goto)_statement$/.test(last.type)) return true;
      if (last.type === 'expression_statement' && /^panic\(|^log\.(?:Fatal|Panic)/.test(named(last)[0]?.text ?? '')) return true;
      if (stmts.length !== 1 || last.type !== 'assignment_statement') return false;
      const [l, r] = [field(last, 'left'), field(last, 'right')];
      return !!l && !!r && named(l).length === 1 && isUse(named(l)[0]) && named(r).length === 1 && this.safe(named(r)[0], depth + 1);
    };
    // `cond` is true whenever the name is not one of the constants.
    const failed = (cond: Node | undefined, init: Node | undefined): boolean => {
      const c = cond && unparen(cond);
      if (c?.type !== 'unary_expression' || field(c, 'operator')?.text !== '!') return false;
      const x = unparen(field(c, 'operand')!);
      // !allowed[s]
      if (x.type === 'index_expression') return isUse(field(x, 'index')) && constMap(field(x, 'operand'));
      // !slices.Contains(cols, s)
      if (x.type === 'call_expression' && /^(?:slices\.Contains|lo\.Contains)$/.test(field(x, 'function')?.text ?? '')) {
        const args = named(field(x, 'arguments')!);
        return args.length === 2 && isUse(args[1]) && constMap(args[0]);
      }
      // _, ok := allowed[s]; !ok
      if (x.type === 'identifier' && init?.type === 'short_var_declaration') {
        const left = named(field(init, 'left')!);
        const right = named(field(init, 'right')!);
        const ix = right.length === 1 ? unparen(right[0]) : undefined;
        return left.length === 2 && left[1].text === x.text && ix?.type === 'index_expression' && isUse(field(ix, 'index')) && constMap(field(ix, 'operand'));
      }
      return false;
    };
    for (let st: Node | null = use; st && st.id !== d.scope.id; st = st.parent) {
      const block = st.parent;
      if (!block || (block.type !== 'block' && block.type !== 'statement_list')) continue;
      for (let prev = st.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
        let ok = false;
        if (prev.type === 'if_statement' && !field(prev, 'alternative')) ok = failed(field(prev, 'condition'), field(prev, 'initializer')) && settles(field(prev, 'consequence'));
        else if (prev.type === 'expression_switch_statement' && isUse(field(prev, 'value'))) {
          const clauses = named(prev).filter((c) => c.type === 'expression_case' || c.type === 'default_case');
          const dflt = clauses.find((c) => c.type === 'default_case');
          ok = !!dflt && clauses.every((c) => c.type === 'default_case' ? settles(c) :
            named(field(c, 'value')!).every((v) => this.constant(v, depth + 1) !== undefined) && !d.writes.some((w) => within(w.at, c)));
        }
        if (!ok) continue;
        const end = prev.endIndex;
        return !d.writes.some((w) => w.at.startIndex >= end && w.at.startIndex < use.startIndex);
      }
    }
    return false;
  }

  /** A value given to a local: safe text, a `make(...)`, a slice literal of safe elements. */
  private safeInit(v: Node, depth: number): boolean {
    v = unparen(v);
    if (v.type === 'call_expression' && field(v, 'function')?.text === 'make') return true;
    if (v.type === 'composite_literal') {
      const body = field(v, 'body');
      return !!body && named(body).every((x) => {
        // `{"asc": "ASC"}`: the values matter, not the keys.
        const cell = x.type === 'keyed_element' ? named(x)[1] : x;
        const el = cell && (cell.type === 'literal_element' || cell.type === 'element') ? named(cell)[0] : cell;
        return !!el && this.safe(el, depth + 1);
      });
    }
    if (v.type === 'call_expression' && field(v, 'function')?.text === 'append') return named(field(v, 'arguments')!).slice(1).every((x) => this.safe(x, depth + 1));
    return this.safe(v, depth);
  }

  /** Written by the developer: a method receiver's fields, another package's exported names. */
  private devControlled(e: Node): boolean {
    e = unparen(e);
    // A parameter named for a table (`table`, `tableName`, `srcTable`), never written: the callers pass the code's tables.
    if (e.type === 'identifier' && TABLE_PARAM.test(e.text)) {
      const d = this.resolve(e);
      return d?.kind === 'param' && !d.writes.length;
    }
    if (e.type === 'call_expression') {
      const fn = field(e, 'function');
      return !!fn && named(field(e, 'arguments')!).length === 0 && this.devControlled(fn);
    }
    if (e.type !== 'selector_expression') return false;
    let base = e;
    while (base.type === 'selector_expression') base = unparen(field(base, 'operand')!);
    if (base.type !== 'identifier') return false;
    if (this.isPackage(base)) return /^[A-Z]/.test(field(e, 'field')?.text ?? '');
    const d = this.resolve(base);
    if (!d || d.kind !== 'param') return false;
    const fn = d.scope;
    return fn.type === 'method_declaration' && within(d.id, field(fn, 'receiver')!);
  }

  // --- the fix -----------------------------------------------------------------------------------------------------

  /**
   * The driver's placeholder style from the file's imports. A file that uses database/sql or sqlx but imports no driver
   * (drivers are often imported once, in main.go) gets PostgreSQL's `$n`, and the fix title says it was assumed.
   */
  private style(): { style: Style; assumed?: string } | undefined {
    const styles = new Set<Style>();
    for (const p of this.imports.values()) {
      const s = driverStyle(p);
      if (s) styles.add(s);
    }
    if (styles.size === 1) return { style: [...styles][0] };
    if (styles.size > 1) return undefined;
    const generic = [...this.imports.values()].some((p) => p === 'database/sql' || p.startsWith('github.com/jmoiron/sqlx'));
    return generic ? { style: '$', assumed: '$1' } : undefined;
  }

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    if ([...this.imports.values()].some((p) => GOCB.test(p))) return [];
    const chosen = sink.method.style ? { style: sink.method.style } : this.style();
    const style = chosen?.style;
    if (!style || !sink.method.args) return [];
    if (sink.args.some((x) => x.type === 'variadic_argument')) return [];
    const existing = sink.args.slice(sink.index + 1);
    const ex = existingPlaceholders(a, style);
    let n = ex.max;
    const placed = placeValues(built.items, a, {
      placeholder: () => (style === '$' ? `$${++n}` : '?'),
      regionValue: (inner) => regionExpr(inner),
      existingAt: style === '?' ? (s, i) => (s[i] === '?' ? 1 : 0) : undefined,
    });
    if (!placed) return [];
    let values: string[];
    if (style === '$') {
      if (existing.length !== ex.max) return [];
      values = placed.order.filter((o): o is { value: string } => 'value' in o).map((o) => o.value);
    } else {
      if (existing.length !== ex.bare) return [];
      values = placed.order.map((o) => ('value' in o ? o.value : existing[o.existing].text));
    }
    const expr = this.render(placed.pieces, built);
    if (expr === undefined) return [];
    const lines = this.ctx.lines;
    const edits: TextEdit[] = [lines.edit(built.root.startIndex, built.root.endIndex, expr)];
    if (style === '$' || existing.length === 0) {
      const last = sink.args[sink.args.length - 1];
      edits.push(lines.edit(last.endIndex, last.endIndex, ', ' + values.join(', ')));
    } else {
      edits.push(lines.edit(existing[0].startIndex, existing[existing.length - 1].endIndex, values.join(', ')));
    }
    const title = chosen && 'assumed' in chosen && chosen.assumed ? `Parameterize query (assumed ${chosen.assumed} placeholders: no driver import says which)` : 'Parameterize query';
    return [{ title, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** The new SQL expression: a literal, a `+` of literals and kept operands, or `fmt.Sprintf` with the kept verbs. */
  private render(pieces: Piece[], built: Built): string | undefined {
    const holes = pieces.filter((p): p is { hole: CHole } => 'hole' in p).map((p) => p.hole);
    const root = built.root;
    const raw = firstLiteral(root)?.type === 'raw_string_literal';
    const fmtRoot = root.type === 'call_expression' && this.sprintf(root) !== undefined;
    if (holes.length && fmtRoot && holes.every((h) => h.fmtCall === root.id)) {
      // fmt.Sprintf with the kept verbs and arguments.
      let f = '';
      for (const p of pieces) f += 'hole' in p ? p.hole.verb! : p.lit === '%' ? '%%' : p.lit;
      return `${field(root, 'function')!.text}(${goLiteral(f, raw)}, ${holes.map((h) => h.keep).join(', ')})`;
    }
    if (holes.some((h) => h.verb !== undefined || h.keep === undefined)) return undefined;
    const parts: string[] = [];
    let lit = '';
    let any = false;
    for (const p of pieces) {
      if ('hole' in p) {
        if (lit) parts.push(goLiteral(lit, raw));
        lit = '';
        parts.push(p.hole.keep!);
      } else { lit += p.lit; any = true; }
    }
    if (lit || !any) parts.push(goLiteral(lit, raw));
    return parts.join(' + ');
  }
}

// --- helpers -----------------------------------------------------------------------------------------------------

/** The quote characters replace pairs remove or double. */
function quotesOf(pairs: [string | undefined, string | undefined][]): string | undefined {
  let out = '';
  for (const [from, to] of pairs) if ((from === "'" || from === '"') && (to === '' || to === from + from)) out += from;
  return out || undefined;
}

function enclosingFunction(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (FUNC_TYPES.has(p.type)) return p;
  return undefined;
}

function isAppendTo(v: Node, name: string): boolean {
  const u = unparen(v);
  if (u.type !== 'call_expression' || field(u, 'function')?.text !== 'append') return false;
  const first = named(field(u, 'arguments')!)[0];
  return first?.type === 'identifier' && first.text === name;
}

/** `n, err := strconv.Atoi(s)`: the first result is an int. */
function atoiType(v: Node): string | undefined {
  const u = unparen(v);
  if (u.type !== 'call_expression') return undefined;
  const f = field(u, 'function')?.text ?? '';
  if (/^strconv\.(?:Atoi|ParseInt)$/.test(f)) return 'int64';
  if (f === 'strconv.ParseUint') return 'uint64';
  if (f === 'strconv.ParseFloat') return 'float64';
  if (f === 'strconv.ParseBool') return 'bool';
  return undefined;
}

function firstLiteral(n: Node): Node | undefined {
  let found: Node | undefined;
  walkTree(n, (x) => {
    if (found) return false;
    if (LITERAL_TYPES.has(x.type)) { found = x; return false; }
    return undefined;
  });
  return found;
}

function stringValue(n: Node): string | undefined {
  return LITERAL_TYPES.has(n.type) ? n.text.slice(1, -1) : undefined;
}

const GO_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

function decodeGoEscape(s: string): string {
  if (s[0] !== '\\') return s;
  const c = s[1];
  if (c in GO_ESCAPES) return GO_ESCAPES[c];
  if (c === 'x' || c === 'u' || c === 'U') return String.fromCodePoint(parseInt(s.slice(2), 16));
  if (/^[0-7]{3}$/.test(s.slice(1))) return String.fromCharCode(parseInt(s.slice(1), 8));
  return s;
}

/** The characters of a Go string literal. */
function stringChars(lit: Node, text: string): CCh[] {
  const out: CCh[] = [];
  const raw = lit.type === 'raw_string_literal';
  for (const c of kids(lit)) {
    if (c.type === 'escape_sequence') {
      const v = decodeGoEscape(c.text);
      for (const ch of v) out.push({ kind: 'ch', c: ch, r: c.text, o: 'str' });
    } else if (c.isNamed) {
      for (let i = c.startIndex; i < c.endIndex; i++) {
        const ch = text[i];
        if (raw && ch === '\r') continue; // raw strings drop carriage returns
        out.push({ kind: 'ch', c: ch, r: ch, o: raw ? 'raw' : 'str' });
      }
    }
  }
  return out;
}

/** A Go string literal with the text: raw when the SQL was written raw and the text allows it. */
function goLiteral(s: string, raw: boolean): string {
  if (raw && !s.includes('`') && !s.includes('\r')) return '`' + s + '`';
  return '"' + [...s].map(escapeDq).join('') + '"';
}

/** The text of a quoted SQL value with holes (`'%' + q + '%'`): `+` of strings, or `fmt.Sprintf` with the verbs. */
function regionExpr(inner: Item[]): string | undefined {
  const holes = inner.filter((x): x is CHole => x.kind === 'hole');
  const text = unquoteRegion(inner).map((x): string | CHole => (x.kind === 'hole' ? (x as CHole) : x.c));
  if (holes.every((h) => h.isString && h.keep !== undefined && (h.verb === undefined || /^%[sv]$/.test(h.verb)))) {
    const parts: string[] = [];
    let lit = '';
    for (const t of text) {
      if (typeof t === 'string') lit += t;
      else {
        if (lit) parts.push(goLiteral(lit, false));
        lit = '';
        parts.push(t.keep!);
      }
    }
    if (lit) parts.push(goLiteral(lit, false));
    return parts.join(' + ');
  }
  if (holes.some((h) => h.verb === undefined && h.keep === undefined)) return undefined;
  let f = '';
  for (const t of text) f += typeof t === 'string' ? (t === '%' ? '%%' : t) : t.verb ?? '%s';
  return `fmt.Sprintf(${goLiteral(f, false)}, ${holes.map((h) => h.keep ?? h.src).join(', ')})`;
}
