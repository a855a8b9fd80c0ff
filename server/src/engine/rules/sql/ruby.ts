// sql/string-built-query for Ruby: "…#{x}…" interpolation, `+` concatenation and `<<` / `+=` appends reaching
// ActiveRecord (where, order, find_by_sql, connection.execute…), pg, mysql2, sqlite3 or Sequel query calls. Parsed with
// tree-sitter's Ruby grammar; silent when the grammar is not available.
import { analyze, looksLikeSql, type Analysis, type Hole, type Item, type Position } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import { parse, walkTree, type SyntaxNode as Node } from '../../languages/tree-sitter';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { reportHoles, short, type SqlDetector, hasUnsafeHole, partItems } from './detector';
import { placeholderize, unquoteRegion, type Piece, type PlaceholderStyle } from './placeholders';
import { field, kids, localParts, named, unparen, within } from './shared';

export const ruby: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'ruby',
  async check(ctx) {
    if (!ctx.text.includes('#{') && !/\+|<<|%|\.concat\b|params\[|cookies\[/.test(ctx.text)) return;
    if (!SINK_HINT.test(ctx.text)) return;
    const tree = await parse(ctx, 'ruby');
    if (!tree) return;
    new RubyChecker(ctx, tree.rootNode).run();
  },
};

/** A parameter named for a table (`table`, `table_name`, `dest_table`, `tbl`). */
const TABLE_PARAM = /^(?:table|tbl)(?:_?name)?$|[a-z]_table(?:_name)?$/;
const SINK_HINT = /:conditions\b|\bconditions:|\bSqlLiteral\b|\b(?:sum|minimum|maximum|average|where|rewhere|not|having|order|reorder|group|joins|select|reselect|pluck|from|exists\?|find_by|find_by_sql|count_by_sql|update_all|delete_all|destroy_all|delete_by|destroy_by|find_or_create_by|find_or_initialize_by|calculate|reload|lit|sql|execute|exec|exec_params|async_exec|async_exec_params|sync_exec|sync_exec_params|exec_query|select_all|select_one|select_value|select_values|select_rows|query|run|fetch|prepare|exec_update|exec_delete|exec_insert)\b|\bDB\s*\[|\bdb\s*\[|\bexecute_(?:ddl|dui|insert)\b|\bfetch_rows\b|\bwith_sql\w*|\bSequel\b/;

/** ActiveRecord methods taking an SQL fragment, and where the first hole sits. */
const AR_FRAGMENT: Record<string, Position> = {
  where: 'fragment', rewhere: 'fragment', not: 'fragment', having: 'fragment', find_by: 'fragment', exists: 'fragment',
  update_all: 'fragment', delete_all: 'fragment', destroy_all: 'fragment', order: 'name', reorder: 'name', group: 'name', joins: 'name',
  select: 'name', pluck: 'name', from: 'name', calculate: 'name', lock: 'name', find_by_sql: 'fragment', count_by_sql: 'fragment',
  // Rails 6+: where(…).delete_all / destroy_all, and the find-or-create family, which pass a string on to where/find_by.
  delete_by: 'fragment', destroy_by: 'fragment', find_or_create_by: 'fragment', 'find_or_create_by!': 'fragment',
  find_or_initialize_by: 'fragment', reselect: 'name',
};
/** Rails 2 finder options (`find(:all, :conditions => "…", :order => …)`), and where the first hole sits. */
const FINDER_OPTIONS: Record<string, Position> = {
  conditions: 'fragment', having: 'fragment', joins: 'name', select: 'name', from: 'name', group: 'name', order: 'name', lock: 'name',
};
const FINDERS = new Set(['find', 'first', 'last', 'all', 'count', 'calculate', 'minimum', 'maximum', 'average', 'sum', 'paginate',
  'find_each', 'find_in_batches', 'exists?', 'update_all', 'delete_all', 'destroy_all', 'scoped', 'with_scope', 'reload']);
/** Calculations taking a column (or SQL expression) first, on a model class. */
const CALCULATIONS = new Set(['sum', 'minimum', 'maximum', 'average']);
/** Sinks where a request value passed in whole is SQL structure: `order(params[:sort])`. */
const NAME_SINKS = new Set(['order', 'reorder', 'group', 'select', 'reselect', 'pluck', 'from', 'joins', 'lock', 'find_by_sql', 'count_by_sql',
  'sum', 'minimum', 'maximum', 'average', 'calculate']);
/** A request value: `params[:x]`, `params[:a][:b]`, `cookies[:x]`, `request.params[:x]`. */
const REQUEST_VALUE = /^(?:params|cookies|request\.(?:params|query_parameters|request_parameters|GET|POST))(?:\[[^\]]+\])+$/;
/** ActiveRecord methods whose SQL takes `?` binds as further arguments. */
const AR_BINDS = new Set(['where', 'rewhere', 'not', 'having', 'delete_by', 'destroy_by']);
/** ActiveRecord methods that take the SQL and its `?` binds as one array: `find_by_sql(["… ?", x])`. */
const AR_ARRAY_FORM = new Set(['find_by_sql', 'count_by_sql', 'update_all', 'find_by', 'exists']);
/** Methods that also take `["… ?", binds]` as their first argument: its first element is the SQL. */
const AR_ARRAY_FIRST = new Set([...AR_BINDS, ...AR_ARRAY_FORM, 'delete_all', 'destroy_all', 'find_or_create_by', 'find_or_create_by!', 'find_or_initialize_by']);
/** sqlite3-ruby methods taking bind values after the SQL. */
const SQLITE_BINDS = new Set(['execute', 'execute2', 'get_first_row', 'get_first_value']);
/** Connection methods: SQL by name when called on `connection`. */
const CONNECTION_METHODS = new Set(['execute', 'exec_query', 'select_all', 'select_one', 'select_value', 'select_values', 'select_rows',
  'exec_update', 'exec_delete', 'exec_insert', 'insert', 'update', 'delete']);
/**
 * Connection methods called bare, inside a class whose connection they reach (a model's class methods, a class with
 * `delegate :execute, to: :connection`): the text must read as SQL. Never a fix (the owner is unknown).
 */
const BARE_METHODS = new Set(['execute', 'exec_query', 'select_all', 'select_one', 'select_value', 'select_values', 'select_rows', 'exec_update', 'exec_delete', 'exec_insert']);
/** Driver methods (pg, mysql2, sqlite3, Sequel): the text must read as SQL. */
const DRIVER_METHODS = new Set(['execute', 'exec', 'exec_params', 'async_exec', 'async_exec_params', 'sync_exec', 'sync_exec_params', 'query', 'run', 'fetch', 'exec_query', 'select_all',
  'select_one', 'select_value', 'select_values', 'select_rows', 'prepare', 'execute_batch', 'execute2', 'get_first_row', 'get_first_value',
  // Sequel: Database#execute_* and fetch_rows, Dataset#with_sql_*
  'execute_ddl', 'execute_dui', 'execute_insert', 'fetch_rows', 'with_sql', 'with_sql_all', 'with_sql_delete', 'with_sql_each', 'with_sql_first',
  'with_sql_insert', 'with_sql_single_value', 'with_sql_update']);
const NOT_A_DATABASE = /^(?:Kernel|Open3|IO|Process|system|Shell|Rake|sh|Net|HTTP|Faraday|RestClient|HTTParty)$/;

const SAFE_METHODS = new Set(['to_sql', 'to_i', 'to_f', 'to_r', 'to_c', 'count', 'size', 'length', 'id', 'quote', 'quote_string', 'quote_table_name',
  'quote_column_name', 'quoted_table_name', 'sanitize', 'sanitize_sql', 'sanitize_sql_array', 'sanitize_sql_for_conditions', 'sanitize_sql_like',
  'sanitize_sql_for_order', 'escape', 'escape_string', 'escape_literal', 'escape_identifier', 'quote_ident', 'iso8601', 'to_date', 'to_time',
  'strftime', 'to_fs', 'to_formatted_s', 'to_db', 'abs', 'round', 'floor', 'ceil', 'hash', 'object_id', 'now', 'today', 'current', 'zero?',
  'nil?', 'empty?', 'present?', 'blank?', 'even?', 'odd?', 'to_sym_safe']);
const SAFE_FUNCTIONS = new Set(['Integer', 'Float', 'Rational']);
const DEV_METHODS = new Set(['table_name', 'quoted_table_name', 'primary_key', 'quoted_primary_key', 'arel_table', 'column_names']);
const SCOPES = new Set(['method', 'singleton_method', 'class', 'module', 'program']);
/** Loops and Ruby blocks: code in them may run again after a later assignment. */
/** Class methods naming the model: `name` read at class level is its class name, `self.class.name` always is. */
const CLASS_NAME_METHODS = new Set(['name', 'sti_name', 'polymorphic_name']);
/** Block methods whose first block parameter is an element of the receiver. */
const ITERATORS = new Set(['each', 'each_with_index', 'each_with_object', 'map', 'flat_map', 'collect', 'filter_map', 'select', 'reject', 'each_slice']);
const LOOPS = new Set(['while', 'until', 'for', 'while_modifier', 'until_modifier', 'do_block', 'block', 'lambda']);

type SinkKind = 'ar' | 'arBinds' | 'pgExec' | 'other' | 'bare';

interface Sink {
  call: Node;
  kind: SinkKind;
  method: string;
  query: Node;
  args: Node[];
  fragment: boolean;
  start: Position;
}

type BindingKind = 'assign' | 'append' | 'for' | 'param' | 'arith' | 'other';
interface Binding {
  kind: BindingKind;
  at: Node;
  value?: Node;
}

interface Built {
  items: Item[];
  root: Node;
  rewritable: boolean;
}

function isScreaming(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && name.replace(/_/g, '').length > 1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', s: ' ', '0': '\0', e: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v' };

function decodeEscape(s: string): string {
  const c = s[1];
  if (c in ESCAPES && s.length === 2) return ESCAPES[c];
  if (c === 'x') return String.fromCharCode(parseInt(s.slice(2), 16));
  if (c === 'u') return String.fromCodePoint(parseInt(s.slice(2).replace(/[{}]/g, ''), 16));
  if (/^[0-7]+$/.test(s.slice(1))) return String.fromCharCode(parseInt(s.slice(1), 8));
  return s.slice(1);
}

/** A character inside a Ruby double-quoted string (`#` is handled by the writer, which sees what follows). */
function dqChar(c: string): string {
  if (c === '\\') return '\\\\';
  if (c === '"') return '\\"';
  const code = c.charCodeAt(0);
  if (code < 0x20 && c !== '\n' && c !== '\t') return code === 0x0d ? '\\r' : '\\x' + code.toString(16).padStart(2, '0');
  return c;
}

class RubyChecker {
  private readonly seen = new Set<number>();
  private readonly scopeCache = new Map<number, Map<string, Binding[]>>();
  private heredocs: Map<number, Node> | undefined;
  private foreign = false;

  constructor(private readonly ctx: RuleContext, private readonly root: Node) {}

  run(): void {
    const sinks: Sink[] = [];
    walkTree(this.root, (n) => {
      if ((n.type === 'call' || n.type === 'element_reference') && !n.hasError) {
        const s = this.sink(n);
        if (s) sinks.push(s);
        else if (n.type === 'call') sinks.push(...this.optionSinks(n));
      } else if (n.type === 'binary' && field(n, 'operator')?.type === '<<' && !n.hasError) {
        // Sequel: DB << "…" runs the SQL.
        const l = field(n, 'left');
        const r = field(n, 'right');
        if (l && r && (l.text === 'DB' || this.sequelDatabase(l))) sinks.push({ call: n, kind: 'other', method: '<<', query: r, args: [r], fragment: false, start: 'fragment' });
      }
    });
    for (const s of sinks) this.checkSink(s);
  }

  // --- sinks ----------------------------------------------------------------------------------------------------

  private argsOf(call: Node): Node[] {
    if (call.type === 'element_reference') return named(call).slice(1);
    const list = field(call, 'arguments');
    return list ? named(list) : [];
  }

  private sink(call: Node): Sink | undefined {
    const args = this.argsOf(call);
    let first = args[0];
    if (!first) return undefined;
    const make = (kind: SinkKind, method: string, fragment: boolean, start: Position = 'fragment'): Sink => ({ call, kind, method, query: first, args, fragment, start });
    if (call.type === 'element_reference') {
      const obj = named(call)[0];
      return obj && (/^(?:DB|db|database|DATABASE)$/.test(obj.text) || this.sequelDatabase(obj)) ? make('other', '[]', false) : undefined;
    }
    const m = field(call, 'method')?.text;
    const recv = field(call, 'receiver');
    if (!m) return undefined;
    if (recv && NOT_A_DATABASE.test(recv.text)) return undefined;
    if (m === 'lit' && recv?.text === 'Sequel') return make('other', m, true);
    if (m === 'sql' && recv?.text === 'Arel') return make('other', m, true);
    if (m === 'new' && recv && /^(?:::)?Arel::Nodes::SqlLiteral$/.test(recv.text)) return make('other', 'SqlLiteral', true);
    const ar = m.replace(/\?$/, '');
    // calculate(:average, params[:column]): the column follows the operation.
    if (ar === 'calculate' && first.type === 'simple_symbol' && args[1]) first = args[1];
    if (ar in AR_FRAGMENT && (m !== 'exists?' ? !m.endsWith('?') : true)) {
      // where(["name = '#{x}'"]): the array form's first element.
      if (first.type === 'array' && AR_ARRAY_FIRST.has(ar)) first = named(first)[0] ?? first;
      if (first.type === 'pair' || first.type === 'hash' || first.type === 'simple_symbol') return undefined;
      const binds = AR_BINDS.has(ar) && args[0] === first;
      return make(binds ? 'arBinds' : 'ar', ar, true, AR_FRAGMENT[ar]);
    }
    if (!recv) return BARE_METHODS.has(m) ? make('bare', m, false) : undefined;
    if (CALCULATIONS.has(m) && recv.type === 'constant' && first.type !== 'simple_symbol' && first.type !== 'pair' && first.type !== 'hash') {
      return make('ar', m, true, 'name');
    }
    if (CONNECTION_METHODS.has(m) && /connection$/.test(recv.text)) return make('other', m, true);
    // pg: conn.prepare("name", sql).
    if (m === 'prepare' && args.length >= 2 && (first.type === 'string' || first.type === 'simple_symbol') && !this.hasInterpolation(first)) first = args[1];
    if (DRIVER_METHODS.has(m)) return make(/^(?:exec|async_exec|sync_exec)(?:_params)?$/.test(m) ? 'pgExec' : 'other', m, false);
    return undefined;
  }

  /** A local assigned once from `Sequel.connect(…)`, `Sequel.sqlite(…)` and the like. */
  private sequelDatabase(n: Node): boolean {
    if (n.type !== 'identifier') return false;
    // `conn << sql` statements count as appends to `conn`: only its assignments matter here.
    const assigns = this.resolve(n)?.list.filter((b) => b.kind !== 'append');
    const v = assigns?.length === 1 && assigns[0].kind === 'assign' ? assigns[0].value : undefined;
    const u = v && unparen(v);
    return u?.type === 'call' && field(u, 'receiver')?.text === 'Sequel' && !/^(?:lit|cast|function|expr|identifier|qualify|as|join)$/.test(field(u, 'method')?.text ?? '');
  }

  /** Rails 2 finder options: each SQL-taking option's value (an array's first element) is a sink. */
  private optionSinks(call: Node): Sink[] {
    const m = field(call, 'method')?.text;
    if (!m || !FINDERS.has(m)) return [];
    const args = this.argsOf(call);
    const pairs = args.flatMap((a) => (a.type === 'pair' ? [a] : a.type === 'hash' ? named(a).filter((x) => x.type === 'pair') : []));
    const out: Sink[] = [];
    for (const p of pairs) {
      const key = field(p, 'key')?.text.replace(/^:|:$/g, '') ?? '';
      let value = field(p, 'value');
      if (!(key in FINDER_OPTIONS) || !value) continue;
      let rest: Node[] = [];
      if (value.type === 'array') {
        [value, ...rest] = named(value);
        if (!value) continue;
      }
      if (value.type === 'pair' || value.type === 'hash' || value.type === 'simple_symbol') continue;
      out.push({ call, kind: 'ar', method: key, query: value, args: [value, ...rest], fragment: true, start: FINDER_OPTIONS[key] });
    }
    return out;
  }

  private checkSink(sink: Sink): void {
    const q = unparen(sink.query);
    if (this.seen.has(q.id)) return;
    this.seen.add(q.id);
    this.foreign = false;
    const built = this.build(q, sink.call);
    if (!built) {
      // A request value passed in whole as a name or statement: `order(params[:sort])`.
      if (sink.kind === 'ar' && NAME_SINKS.has(sink.method) && REQUEST_VALUE.test(q.text.replace(/\s+/g, ''))) {
        this.ctx.report({ start: q.startIndex, end: q.endIndex, messageId: 'interpolatedIdentifier', data: { expr: short(q.text) } });
      }
      return;
    }
    const a = analyze(built.items, sink.start);
    if (!sink.fragment && !looksLikeSql(a.skeleton)) return;
    reportHoles(this.ctx, sink.query, built.items, a, () => sink.args.length > 1 || (sink.query !== sink.args[0]), () => (built.rewritable ? this.fixes(sink, built, a) : []));
  }

  // --- scopes and bindings --------------------------------------------------------------------------------------

  private scopeOf(n: Node): Node {
    for (let p = n.parent; p; p = p.parent) if (SCOPES.has(p.type)) return p;
    return this.root;
  }

  private bindings(scope: Node): Map<string, Binding[]> {
    let map = this.scopeCache.get(scope.id);
    if (map) return map;
    const m = (map = new Map<string, Binding[]>());
    const add = (id: Node, b: Omit<Binding, 'at'>) => {
      let list = m.get(id.text);
      if (!list) m.set(id.text, (list = []));
      list.push({ ...b, at: id });
    };
    const addAll = (target: Node) => {
      if (target.type === 'identifier') return add(target, { kind: 'other' });
      for (const c of named(target)) addAll(c);
    };
    if (scope.type === 'method' || scope.type === 'singleton_method') {
      const params = field(scope, 'parameters');
      for (const p of params ? named(params) : []) {
        const id = p.type === 'identifier' ? p : field(p, 'name');
        if (id?.type === 'identifier') add(id, { kind: 'param' });
      }
    }
    walkTree(scope, (n) => {
      if (n.id !== scope.id && SCOPES.has(n.type)) return false;
      switch (n.type) {
        case 'assignment': {
          const left = field(n, 'left');
          const right = field(n, 'right');
          if (left?.type === 'identifier') add(left, { kind: right ? 'assign' : 'other', value: right });
          else if (left?.type === 'left_assignment_list') addAll(left);
          break;
        }
        case 'operator_assignment': {
          const left = field(n, 'left');
          const op = field(n, 'operator')?.text ?? kids(n).find((k) => !k.isNamed && k.type.endsWith('='))?.type;
          if (left?.type === 'identifier') add(left, { kind: op === '+=' ? 'append' : op === '||=' ? 'assign' : /^[-*/%]=$/.test(op ?? '') ? 'arith' : 'other', value: field(n, 'right') });
          break;
        }
        case 'binary': {
          // sql << "…" << "…" as a statement.
          if (field(n, 'operator')?.type !== '<<' || (n.parent?.type === 'binary' && field(n.parent, 'operator')?.type === '<<')) break;
          const parts: Node[] = [];
          let l: Node | undefined = n;
          while (l?.type === 'binary' && field(l, 'operator')?.type === '<<') {
            const r = field(l, 'right');
            if (r) parts.unshift(r);
            l = field(l, 'left');
          }
          if (l?.type === 'identifier' && n.parent && /body_statement|then|else|do|begin|block_body/.test(n.parent.type)) {
            for (const p of parts) add(l, { kind: 'append', value: p });
          }
          break;
        }
        case 'call': {
          // sql.concat(x) as a statement.
          const recv = field(n, 'receiver');
          if (field(n, 'method')?.text !== 'concat' || recv?.type !== 'identifier' || !n.parent || !/body_statement|then|else|do|begin|block_body/.test(n.parent.type)) break;
          for (const a of this.argsOf(n)) add(recv, { kind: 'append', value: a });
          break;
        }
        case 'block_parameters': {
          // %w[a b].each do |x|, [:a, :b].map { |x| … }: the element of a literal list, read like a `for` variable.
          const call = n.parent && /^(?:block|do_block)$/.test(n.parent.type) ? n.parent.parent : undefined;
          const recv = call?.type === 'call' ? field(call, 'receiver') : undefined;
          const first = named(n)[0];
          if (recv && first?.type === 'identifier' && ITERATORS.has(field(call!, 'method')?.text ?? '') && /^(?:array|string_array|symbol_array)$/.test(unparen(recv).type)) {
            add(first, { kind: 'for', value: recv });
            for (const p of named(n).slice(1)) addAll(p);
          } else addAll(n);
          break;
        }
        case 'lambda_parameters':
        case 'exception_variable':
          addAll(n);
          break;
        case 'for': {
          const pattern = field(n, 'pattern');
          const value = field(n, 'value');
          if (pattern?.type === 'identifier') add(pattern, { kind: 'for', value: value && named(value)[0] });
          else if (pattern) addAll(pattern);
          break;
        }
      }
      return undefined;
    });
    this.scopeCache.set(scope.id, map);
    return map;
  }

  private resolve(use: Node): { scope: Node; list: Binding[] } | undefined {
    const scope = this.scopeOf(use);
    const list = this.bindings(scope).get(use.text);
    return list?.length ? { scope, list } : undefined;
  }

  private singleValue(use: Node): Node | undefined {
    const r = this.resolve(use);
    if (!r || r.list.length !== 1 || r.list[0].kind !== 'assign') return undefined;
    return r.list[0].value;
  }

  // --- building the SQL -------------------------------------------------------------------------------------------

  private build(node: Node, call: Node): Built | undefined {
    const e = unparen(node);
    if (this.isBuilt(e)) {
      const items = this.flatten(e);
      if (!hasUnsafeHole(items)) return undefined;
      return { items, root: e, rewritable: !this.foreign && e.type !== 'heredoc_beginning' };
    }
    if (e.type !== 'identifier') return undefined;
    const r = this.resolve(e);
    if (!r || r.scope.id !== this.scopeOf(call).id) return undefined;
    const before = r.list.filter((b) => b.at.startIndex < call.startIndex).sort((x, y) => x.at.startIndex - y.at.startIndex);
    // `sql = sql + "…"` appends like `+=`.
    const flow = localParts(before, undefined, (value) => {
      const v = unparen(value);
      const ops = v.type === 'binary' && field(v, 'operator')?.type === '+' ? this.plusOperands(v) : undefined;
      return ops && ops[0].type === 'identifier' && ops[0].text === e.text ? ops.slice(1) : undefined;
    });
    if (!flow?.parts || (!flow.appended && !this.isBuilt(flow.parts[0]))) return undefined;
    const { parts, appended } = flow;
    const items = partItems(parts.map(unparen), (u) => this.isBuilt(u) || this.isStringLiteral(u), (u, out) => this.flattenInto(u, out), (u) => this.hole(u));
    if (!hasUnsafeHole(items)) return undefined;
    let reads = 0;
    walkTree(r.scope, (x) => {
      if (x.id !== r.scope.id && SCOPES.has(x.type)) return false;
      if (x.type === 'identifier' && x.text === e.text) reads++;
      return undefined;
    });
    reads -= r.list.length;
    const b0 = r.list[0];
    const rewritable = !appended && !this.foreign && r.list.length === 1 && reads === 1 && unparen(parts[0]).type !== 'heredoc_beginning' &&
      b0.at.parent?.type === 'assignment' && b0.kind === 'assign';
    return { items, root: unparen(parts[0]), rewritable };
  }

  private plusOperands(e: Node): Node[] {
    e = unparen(e);
    if (e.type === 'binary' && field(e, 'operator')?.type === '+') {
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (l && r) return [...this.plusOperands(l), r];
    }
    return [e];
  }

  private isStringLiteral(e: Node): boolean {
    return e.type === 'string' || e.type === 'chained_string' || e.type === 'heredoc_beginning';
  }

  private hasInterpolation(e: Node): boolean {
    if (e.type === 'heredoc_beginning') {
      const body = this.heredocBody(e);
      return !!body && named(body).some((c) => c.type === 'interpolation');
    }
    if (e.type === 'chained_string') return named(e).some((s) => this.hasInterpolation(s));
    return e.type === 'string' && named(e).some((c) => c.type === 'interpolation');
  }

  private isBuilt(e: Node): boolean {
    e = unparen(e);
    if (this.isStringLiteral(e)) return this.hasInterpolation(e);
    if (e.type === 'binary' && field(e, 'operator')?.type === '+') return this.plusOperands(e).some((x) => this.isStringy(x));
    const f = this.formatParts(e);
    if (f) return this.formatItems(f) !== undefined;
    return !!this.appendOperands(e);
  }

  /** `"…" << x << y` and `"…".concat(x, y)` on a string: the operands, the string first. */
  private appendOperands(e: Node): Node[] | undefined {
    e = unparen(e);
    if (e.type === 'binary' && field(e, 'operator')?.type === '<<') {
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (!l || !r) return undefined;
      const left = this.appendOperands(l) ?? (this.isStringy(l) ? [unparen(l)] : undefined);
      return left && [...left, r];
    }
    if (e.type === 'call' && field(e, 'method')?.text === 'concat' && !field(e, 'block')) {
      const recv = field(e, 'receiver');
      const args = this.argsOf(e);
      if (!recv || !args.length || args.some((a) => /splat|block_argument|pair/.test(a.type))) return undefined;
      const left = this.appendOperands(recv) ?? (this.isStringy(recv) ? [unparen(recv)] : undefined);
      return left && [...left, ...args];
    }
    return undefined;
  }

  /** `'… %s … %{id}' % args`: the format string and the value of each conversion (undefined when it cannot be read). */
  private formatParts(e: Node): { fmt: Node; values: Node[] | Map<string, Node> } | undefined {
    e = unparen(e);
    if (e.type !== 'binary' || field(e, 'operator')?.type !== '%') return undefined;
    const fmt = field(e, 'left') && unparen(field(e, 'left')!);
    const right = field(e, 'right') && unparen(field(e, 'right')!);
    if (!fmt || !right || !this.isStringLiteral(fmt)) return undefined;
    if (right.type === 'hash') {
      const map = new Map<string, Node>();
      for (const p of named(right)) {
        const k = p.type === 'pair' ? field(p, 'key') : undefined;
        const v = p.type === 'pair' ? field(p, 'value') : undefined;
        if (!k || !v) return undefined;
        map.set(k.text.replace(/^:|:$|^["']|["']$/g, ''), v);
      }
      return { fmt, values: map };
    }
    return { fmt, values: right.type === 'array' ? named(right) : [right] };
  }

  /** The items of `fmt % values`: each conversion becomes a hole (numeric ones are safe). */
  private formatItems(f: { fmt: Node; values: Node[] | Map<string, Node> }): Item[] | undefined {
    const fmt = this.flatten(f.fmt);
    const out: Item[] = [];
    let next = 0;
    for (let i = 0; i < fmt.length; i++) {
      const it = fmt[i];
      if (it.kind !== 'ch' || it.c !== '%') { out.push(it); continue; }
      let str = '';
      for (let k = i + 1; k < fmt.length && str.length < 40; k++) {
        const x = fmt[k];
        if (x.kind !== 'ch') break;
        str += x.c;
      }
      const m = /^(?:\{(\w+)\}|(?:<(\w+)>)?[-+ 0#]*\d*(?:\.\d+)?([sdifgeExXobBcp%]))/.exec(str);
      if (!m) return undefined;
      i += m[0].length;
      if (m[3] === '%') { out.push({ kind: 'ch', c: '%', r: '%' }); continue; }
      const name = m[1] ?? m[2];
      let arg: Node | undefined;
      if (name !== undefined) arg = f.values instanceof Map ? f.values.get(name) : undefined;
      else arg = Array.isArray(f.values) ? f.values[next++] : undefined;
      if (!arg) return undefined;
      if (m[3] && m[3] !== 's' && m[3] !== 'p') out.push({ kind: 'hole', src: arg.text, safe: true });
      else out.push(this.hole(arg));
    }
    this.foreign = true;
    return out;
  }

  private isStringy(e: Node): boolean {
    e = unparen(e);
    return this.isStringLiteral(e) || this.isBuilt(e);
  }

  private heredocBody(begin: Node): Node | undefined {
    if (!this.heredocs) {
      const map = new Map<number, Node>();
      const begins: Node[] = [];
      const bodies: Node[] = [];
      walkTree(this.root, (n) => {
        if (n.type === 'heredoc_beginning') begins.push(n);
        else if (n.type === 'heredoc_body') bodies.push(n);
      });
      if (begins.length === bodies.length) begins.forEach((b, i) => map.set(b.id, bodies[i]));
      this.heredocs = map;
    }
    return this.heredocs.get(begin.id);
  }

  private flatten(e: Node): Item[] {
    const out: Item[] = [];
    this.flattenInto(e, out);
    return out;
  }

  private flattenInto(e: Node, out: Item[]): void {
    e = unparen(e);
    if (e.type === 'chained_string') {
      for (const s of named(e)) this.flattenInto(s, out);
      return;
    }
    if (e.type === 'string' || e.type === 'heredoc_beginning') return this.stringItems(e, out);
    if (e.type === 'binary' && field(e, 'operator')?.type === '+' && this.isBuilt(e)) {
      for (const x of this.plusOperands(e)) this.flattenInto(x, out);
      return;
    }
    const f = this.formatParts(e);
    const its = f && this.formatItems(f);
    if (its) return void out.push(...its);
    const app = this.appendOperands(e);
    if (app) {
      this.foreign = true;
      for (const x of app) this.flattenInto(x, out);
      return;
    }
    out.push(this.hole(e));
  }

  private stringItems(s: Node, out: Item[]): void {
    const text = this.ctx.text;
    let body: Node | undefined = s;
    let single = false;
    if (s.type === 'heredoc_beginning') {
      body = this.heredocBody(s);
      single = /^<<[-~]?'/.test(s.text);
    } else {
      const open = kids(s)[0]?.text ?? '"';
      single = open === "'" || open.startsWith('%q') || open.startsWith('%w');
    }
    if (!body) return;
    for (const c of kids(body)) {
      if (c.type === 'string_content' || c.type === 'heredoc_content') {
        const end = c.type === 'heredoc_content' && c.nextSibling?.type === 'heredoc_end' ? c.endIndex : c.endIndex;
        for (let i = c.startIndex; i < end; i++) {
          const ch = text[i];
          if (single && ch === '\\' && (text[i + 1] === '\\' || text[i + 1] === "'")) {
            out.push({ kind: 'ch', c: text[i + 1], r: dqChar(text[i + 1]) });
            i++;
            continue;
          }
          out.push({ kind: 'ch', c: ch, r: single ? dqChar(ch) : ch === '"' ? '\\"' : ch });
        }
      } else if (c.type === 'escape_sequence') {
        const v = decodeEscape(c.text);
        out.push({ kind: 'ch', c: v, r: v.length === 1 ? (v === '"' ? '\\"' : c.text) : c.text });
      } else if (c.type === 'interpolation') {
        const inner = named(c);
        out.push(inner.length === 1 ? this.hole(inner[0]) : { kind: 'hole', src: c.text.slice(2, -1), safe: false });
      }
    }
  }

  private hole(e: Node): Hole {
    e = unparen(e);
    const src = e.text;
    const text = this.constant(e, 0);
    if (text !== undefined) return { kind: 'hole', src, safe: true, text };
    return { kind: 'hole', src, safe: this.safe(e, 0), devControlled: this.devControlled(e) };
  }

  // --- constants and safe values ------------------------------------------------------------------------------------

  private constant(e: Node, depth: number): string | undefined {
    if (depth > 8) return undefined;
    e = unparen(e);
    switch (e.type) {
      case 'string':
      case 'chained_string':
      case 'heredoc_beginning': {
        const items = this.flatten(e);
        return items.every((i) => i.kind === 'ch' || i.text !== undefined) ? items.map((i) => (i.kind === 'ch' ? i.c : i.text)).join('') : undefined;
      }
      case 'integer':
      case 'float':
        return /^[\d._]+$/.test(e.text) ? e.text.replace(/_/g, '') : undefined;
      case 'true':
      case 'false':
        return e.text;
      case 'nil':
        return '';
      case 'simple_symbol':
        return e.text.slice(1);
      case 'binary': {
        if (field(e, 'operator')?.type !== '+' || !this.isStringy(e)) return undefined;
        let text = '';
        for (const x of this.plusOperands(e)) {
          const v = this.constant(x, depth + 1);
          if (v === undefined) return undefined;
          text += v;
        }
        return text;
      }
      case 'identifier': {
        const v = this.singleValue(e);
        return v ? this.constant(v, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  private safe(e: Node, depth: number): boolean {
    if (depth > 8) return false;
    e = unparen(e);
    if (this.constant(e, depth) !== undefined) return true;
    switch (e.type) {
      case 'integer': case 'float': case 'true': case 'false': case 'nil': case 'simple_symbol': case 'unary':
        return true;
      case 'constant':
        return isScreaming(e.text);
      case 'scope_resolution':
        return isScreaming(field(e, 'name')?.text ?? '');
      case 'binary': {
        const op = field(e, 'operator')?.type;
        if (op === '+' && this.isStringy(e)) return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
        if (op === '||' || op === 'or' || op === '&&' || op === 'and') {
          const l = field(e, 'left');
          const r = field(e, 'right');
          return !!l && !!r && this.safe(l, depth + 1) && this.safe(r, depth + 1);
        }
        if (op === '*') {
          const l = field(e, 'left');
          return !!l && (unparen(l).type !== 'array' && !this.isStringy(l) || this.safe(l, depth + 1));
        }
        return true;
      }
      case 'conditional': {
        // `SORTS.include?(s) ? s : "id"`: an allow-list check of the value it uses.
        const cond = field(e, 'condition');
        const c = field(e, 'consequence');
        const a = field(e, 'alternative');
        const checked = (x: Node) => !!cond && /^(?:identifier|element_reference)$/.test(unparen(x).type) && this.allowList(cond, unparen(x).text);
        return !!c && !!a && (this.safe(c, depth + 1) || checked(c)) && this.safe(a, depth + 1);
      }
      case 'string':
      case 'chained_string':
        return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
      case 'array':
        return named(e).every((x) => this.safe(x, depth + 1));
      case 'string_array':
      case 'symbol_array':
        return !named(e).some((x) => named(x).some((c) => c.type === 'interpolation'));
      case 'identifier':
        // `name` read at class level (a scope's lambda, `def self.x`): the model's class name.
        if (CLASS_NAME_METHODS.has(e.text) && !this.resolve(e) && this.classLevel(e)) return true;
        return this.safeName(e, depth);
      case 'element_reference': {
        // An allow-list lookup: SORTS[params[:sort]].
        const obj = named(e)[0];
        return !!obj && (obj.type === 'constant' || obj.type === 'scope_resolution') && isScreaming(obj.type === 'constant' ? obj.text : field(obj, 'name')?.text ?? '');
      }
      case 'call':
        return this.safeCall(e, depth);
      default:
        return false;
    }
  }

  /** Code run on the class, not an instance: a class or module body (scopes included), `def self.x`, `class << self`. */
  private classLevel(e: Node): boolean {
    for (let p = e.parent; p; p = p.parent) {
      if (p.type === 'method') return false;
      if (p.type === 'singleton_method' || p.type === 'singleton_class' || p.type === 'class' || p.type === 'module') return true;
    }
    return false;
  }

  private safeName(e: Node, depth: number): boolean {
    const r = this.resolve(e);
    if (!r) return false;
    const before = r.list.filter((b) => b.at.startIndex < e.startIndex);
    const last = before[before.length - 1];
    if (this.guarded(e, r.list) || (last && this.defaulted(last, e, depth))) return true;
    const list = last?.kind === 'assign' && this.dominates(last, e) ? [last] : r.list;
    return list.every((b) => {
      switch (b.kind) {
        case 'assign':
        case 'append':
          return !!b.value && this.safe(b.value, depth + 1);
        case 'arith':
          return true;
        case 'for':
          return !!b.value && (unparen(b.value).type === 'range' || this.safe(b.value, depth + 1));
        default:
          return false;
      }
    });
  }

  /**
   * `x = "DESC"` as a statement of a block that holds the read, with no loop or Ruby block in between: the last
   * assignment before the read is the value it sees.
   */
  private dominates(b: Binding, use: Node): boolean {
    const stmt = b.at.parent;
    const list = stmt?.type === 'assignment' ? stmt.parent : undefined;
    if (!list || !/^(?:body_statement|then|else|do|begin|block_body|program)$/.test(list.type) || !within(use, list)) return false;
    for (let p = use.parent; p && p.id !== list.id; p = p.parent) if (LOOPS.has(p.type)) return false;
    return true;
  }

  /** Read inside `if x == "ASC"` or `if %w(a b).include?(x)` (and not reassigned there first): one of the constants. */
  private guarded(use: Node, bindings: Binding[]): boolean {
    for (let p: Node | null = use; p?.parent && !SCOPES.has(p.parent.type); p = p.parent) {
      const parent: Node = p.parent;
      let cond: Node | undefined;
      if ((parent.type === 'if' || parent.type === 'elsif') && field(parent, 'consequence')?.id === p.id) cond = field(parent, 'condition');
      else if (parent.type === 'if_modifier' && field(parent, 'body')?.id === p.id) cond = field(parent, 'condition');
      if (!cond || !this.allowList(cond, use.text)) continue;
      const region = p;
      if (bindings.some((b) => within(b.at, region) && b.at.startIndex < use.startIndex)) return false;
      return true;
    }
    return false;
  }

  /**
   * `x = "DESC" unless x == "ASC"` (or `unless ALLOWED.include?(x)`, `if !…`) as a statement before the read: after it
   * the value is one of the constants.
   */
  private defaulted(b: Binding, use: Node, depth: number): boolean {
    const stmt = b.at.parent;
    const mod = stmt?.type === 'assignment' ? stmt.parent : undefined;
    if (b.kind !== 'assign' || !b.value || !mod || field(mod, 'body')?.id !== stmt!.id || !this.safe(b.value, depth + 1)) return false;
    let cond = field(mod, 'condition');
    if (mod.type === 'if_modifier') {
      const u = cond && unparen(cond);
      cond = u?.type === 'unary' && /^(?:!|not)$/.test(field(u, 'operator')?.type ?? '') ? field(u, 'operand') : undefined;
    } else if (mod.type !== 'unless_modifier') return false;
    if (!cond || !this.allowList(cond, use.text)) return false;
    const list = mod.parent;
    if (!list || !/^(?:body_statement|then|else|do|begin|block_body|program)$/.test(list.type) || !within(use, list)) return false;
    for (let p = use.parent; p && p.id !== list.id; p = p.parent) if (LOOPS.has(p.type)) return false;
    return true;
  }

  /** `x == CONST`, `CONST == x`, `[…constants].include?(x)`, `ALLOWED.include?(x)`, or `… && that`. */
  private allowList(cond: Node, name: string): boolean {
    cond = unparen(cond);
    const isName = (n: Node | undefined) => !!n && /^(?:identifier|element_reference)$/.test(unparen(n).type) && unparen(n).text === name;
    const isConstant = (n: Node | undefined) => !!n && (this.constant(n, 0) !== undefined || (unparen(n).type === 'constant' && isScreaming(unparen(n).text)));
    if (cond.type === 'binary') {
      const op = field(cond, 'operator')?.type;
      const l = field(cond, 'left');
      const r = field(cond, 'right');
      if (op === '&&' || op === 'and') return (!!l && this.allowList(l, name)) || (!!r && this.allowList(r, name));
      if (op === '==') return (isName(l) && isConstant(r)) || (isName(r) && isConstant(l));
      return false;
    }
    if (cond.type === 'call' && field(cond, 'method')?.text === 'include?') {
      const args = this.argsOf(cond);
      const recv = field(cond, 'receiver');
      if (args.length !== 1 || !isName(args[0]) || !recv) return false;
      const list = unparen(recv);
      if (list.type === 'string_array' || list.type === 'symbol_array') return !named(list).some((x) => named(x).some((c) => c.type === 'interpolation'));
      if (list.type === 'array') return named(list).every((x) => isConstant(x));
      return list.type === 'constant' && isScreaming(list.text);
    }
    return false;
  }

  private safeCall(e: Node, depth: number): boolean {
    const m = field(e, 'method')?.text ?? '';
    const recv = field(e, 'receiver');
    if (!recv) return SAFE_FUNCTIONS.has(m) || m === 'quote' || m.startsWith('sanitize_sql') || DEV_METHODS.has(m);
    if (SAFE_METHODS.has(m)) return !(m === 'id' && /params|request/.test(recv.text));
    if (DEV_METHODS.has(m)) return true;
    if (/^(?:Time|Date|DateTime)$/.test(recv.text)) return true;
    if (m === 'join') return this.safe(recv, depth + 1) || this.safeMap(recv);
    if (m === 'to_s' || m === 'upcase' || m === 'downcase' || m === 'strip') return this.safe(recv, depth + 1);
    if (m === 'fetch' && (recv.type === 'constant' || recv.type === 'scope_resolution')) return true;
    return false;
  }

  /** `ids.map(&:to_i)`, `ids.map { '?' }`, `ids.map { |i| i.to_i }`. */
  private safeMap(n: Node): boolean {
    n = unparen(n);
    if (n.type !== 'call' || !/^(?:map|collect)$/.test(field(n, 'method')?.text ?? '')) return false;
    const args = this.argsOf(n);
    if (args.length === 1 && args[0].type === 'block_argument') return /^&:(?:to_i|to_f|quote)$/.test(args[0].text);
    const block = field(n, 'block');
    const body = block && field(block, 'body');
    const stmts = body ? named(body) : [];
    if (stmts.length !== 1) return false;
    const s = unparen(stmts[0]);
    if (this.constant(s, 0) !== undefined) return true;
    return s.type === 'call' && SAFE_METHODS.has(field(s, 'method')?.text ?? '') && (field(s, 'method')?.text !== 'id');
  }

  /** `table_name`, constants, `@table`, `self.class.table_name`: the developer's. */
  private devControlled(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'constant' || e.type === 'scope_resolution' || e.type === 'instance_variable' || e.type === 'class_variable') return true;
    if (e.type === 'call') return DEV_METHODS.has(field(e, 'method')?.text ?? '');
    if (e.type === 'identifier') {
      if (DEV_METHODS.has(e.text) && !this.resolve(e)) return true;
      // A parameter named for a table (`table`, `table_name`), never reassigned: the callers pass the code's tables.
      const r = TABLE_PARAM.test(e.text) ? this.resolve(e) : undefined;
      return !!r && r.list.length > 0 && r.list.every((b) => b.kind === 'param');
    }
    return false;
  }

  // --- fixes ----------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    const lines = this.ctx.lines;
    const q = sink.query;
    const edits: TextEdit[] = [];
    let style: PlaceholderStyle;
    let existing: string[] = [];
    let writeValues: (values: string[]) => TextEdit;
    if (sink.kind === 'arBinds') {
      style = '?';
      const rest = sink.args.slice(1);
      if (rest.some((x) => x.type === 'pair' || x.type === 'hash' || x.type === 'splat_argument' || x.type === 'hash_splat_argument' || x.type === 'block_argument')) return [];
      existing = rest.map((x) => x.text);
      const last = sink.args[sink.args.length - 1];
      writeValues = (v) => lines.edit(q.endIndex, last.endIndex, v.map((x) => `, ${x}`).join(''));
      // `where "a = #{x}"` without parentheses stays valid with the values after it.
    } else if (sink.kind === 'pgExec' && /^(?:exec|async_exec|sync_exec)$/.test(sink.method) && sink.args.length === 1) {
      style = '$';
      const m = field(sink.call, 'method');
      if (!m) return [];
      edits.push(lines.edit(m.startIndex, m.endIndex, `${sink.method}_params`));
      writeValues = (v) => lines.edit(q.endIndex, q.endIndex, `, [${v.join(', ')}]`);
    } else if (sink.kind === 'pgExec' && /_params$/.test(sink.method) && sink.args.length === 1 && sink.query === sink.args[0]) {
      // exec_params(sql) without its values yet.
      style = '$';
      writeValues = (v) => lines.edit(q.endIndex, q.endIndex, `, [${v.join(', ')}]`);
    } else if (sink.kind === 'ar' && AR_ARRAY_FORM.has(sink.method) && sink.args.length === 1 && sink.query === sink.args[0] && this.parenthesized(sink.call)) {
      // find_by_sql(["… ?", x]): these take the SQL and its binds as one array.
      style = '?';
      edits.push(lines.edit(q.startIndex, q.startIndex, '['));
      writeValues = (v) => lines.edit(q.endIndex, q.endIndex, `${v.map((x) => `, ${x}`).join('')}]`);
    } else if (sink.kind === 'other' && sink.args.length === 1 && this.driver() === 'sqlite3' && SQLITE_BINDS.has(sink.method) && this.parenthesized(sink.call)) {
      // sqlite3-ruby: db.execute("… ?", [x]).
      style = '?';
      writeValues = (v) => lines.edit(q.endIndex, q.endIndex, `, [${v.join(', ')}]`);
    } else if (sink.kind === 'other' && (sink.method === '[]' || (sink.method === 'fetch' && this.parenthesized(sink.call))) && sink.args.length === 1 && /\bSequel\b/.test(this.ctx.text)) {
      // Sequel placeholder literal strings: DB["… ?", x], DB.fetch("… ?", x).
      style = '?';
      writeValues = (v) => lines.edit(q.endIndex, q.endIndex, v.map((x) => `, ${x}`).join(''));
    } else if (sink.kind === 'other' && sink.method === 'query' && sink.args.length === 1 && this.driver() === 'mysql2' && this.parenthesized(sink.call)) {
      // mysql2: client.prepare("… ?").execute(x) returns the same Mysql2::Result as query.
      style = '?';
      const m = field(sink.call, 'method');
      const list = field(sink.call, 'arguments');
      if (!m || !list) return [];
      edits.push(lines.edit(m.startIndex, m.endIndex, 'prepare'));
      writeValues = (v) => lines.edit(list.endIndex, list.endIndex, `.execute(${v.join(', ')})`);
    } else return [];
    const r = placeholderize(built.items, a, style, existing, (inner) => rubyLiteral(unquoteRegion(inner).map((x) => (x.kind === 'ch' ? { ch: x } : { hole: x })), false));
    if (!r) return [];
    const literal = rubyLiteral(r.pieces, this.startsSingle(built.root));
    edits.push(lines.edit(built.root.startIndex, built.root.endIndex, literal));
    edits.push(writeValues(r.values));
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** `f(…)` rather than `f …`: the fixes that wrap or extend the arguments need the parentheses. */
  private parenthesized(call: Node): boolean {
    const list = field(call, 'arguments');
    return list?.type === 'argument_list' && this.ctx.text[list.startIndex] === '(';
  }

  /** The one Ruby driver the file loads (`require 'sqlite3'`, `Mysql2::Client`…); undefined when none or several. */
  private driver(): 'sqlite3' | 'mysql2' | undefined {
    const t = this.ctx.text;
    const found = [
      /\brequire\s*\(?\s*['"]sqlite3['"]|\bSQLite3::Database\b/.test(t) && 'sqlite3',
      /\brequire\s*\(?\s*['"]mysql2['"]|\bMysql2::Client\b/.test(t) && 'mysql2',
      /\brequire\s*\(?\s*['"](?:pg|sequel|active_record|rails)['"]|\bPG\.connect\b|\bSequel\.connect\b|\bActiveRecord::/.test(t) && 'other',
    ].filter((x): x is string => !!x);
    return found.length === 1 && found[0] !== 'other' ? (found[0] as 'sqlite3' | 'mysql2') : undefined;
  }

  private startsSingle(root: Node): boolean {
    let first: Node | undefined;
    walkTree(root, (n) => {
      if (!first && n.type === 'string') first = n;
      return !first;
    });
    return !!first && first.text.startsWith("'");
  }
}

/** The pieces as one Ruby string literal: single-quoted when the SQL was and nothing is interpolated, else double. */
export function rubyLiteral(pieces: Piece[], preferSingle: boolean): string {
  const holes = pieces.some((p) => 'hole' in p);
  const escaped = pieces.some((p) => 'ch' in p && p.ch.c.charCodeAt(0) < 0x20 && p.ch.r !== p.ch.c);
  if (!holes && !escaped && preferSingle) {
    return "'" + pieces.map((p) => ('ch' in p ? (p.ch.c === '\\' || p.ch.c === "'" ? '\\' + p.ch.c : p.ch.c) : '')).join('') + "'";
  }
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if ('hole' in p) {
      out += `#{${p.hole.src}}`;
      continue;
    }
    if (p.ch.c === '#') {
      const next = pieces[i + 1];
      out += next && ('hole' in next || '{$@'.includes(next.ch.c)) ? '\\#' : '#';
      continue;
    }
    out += p.placeholder ? p.ch.c : p.ch.r;
  }
  return `"${out}"`;
}
