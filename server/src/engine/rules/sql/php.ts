// sql/string-built-query for PHP: "…$var…" / "{$expr}" interpolation, `.` concatenation, `.=` appends and sprintf()
// reaching mysqli, PDO, pgsql, Laravel (DB::, *Raw), Doctrine DBAL, $wpdb, Yii, Joomla, Drupal 7, ADOdb, Zend_Db, SQLite3 or
// RedBeanPHP query calls. Parsed with tree-sitter's PHP grammar; silent when the grammar is not available.
import { analyze, looksLikeSql, type Analysis, type Hole, type Item, type Position } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import { parse, walkTree, type SyntaxNode as Node } from '../../languages/tree-sitter';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { reportHoles, short, SQL_HINT, type SqlDetector, hasUnsafeHole, partItems } from './detector';
import { placeholderize, unquoteRegion, type Piece, type PlaceholderStyle } from './placeholders';
import { field, kids, localParts, named, same, unparen } from './shared';

export const php: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'php',
  async check(ctx) {
    if (!SINK_HINT.test(ctx.text)) return;
    if (!FRAGMENT_HINT.test(ctx.text) && !SQL_HINT.test(ctx.text)) return;
    const tree = await parse(ctx, 'php');
    if (!tree) return;
    new PhpChecker(ctx, tree.rootNode).run();
  },
};

const SINK_HINT = /(?:query|exec|prepare|Raw|DB\s*::\s*\w+|R\s*::\s*\w+|get_(?:results|var|row|col)|execute\w*|fetch\w*|where|having|createCommand|get(?:all|row|one|col|assoc)|select\w*|statement)\s*\(/i;
const FRAGMENT_HINT = /(?:Raw|DB\s*::\s*\w+|R\s*::\s*find\w*|(?:mysqli?|pg|sqlsrv|odbc)_\w+)\s*\(/;

/** Functions taking SQL, and the index of the SQL argument (pg_query and pg_prepare take an optional connection). */
const FUNCTIONS: Record<string, number> = {
  mysqli_query: 1, mysqli_real_query: 1, mysqli_multi_query: 1, mysqli_prepare: 1, mysqli_send_query: 1,
  mysql_query: 0, mysql_unbuffered_query: 0, mysql_db_query: 1,
  pg_query: -1, pg_send_query: 1, pg_prepare: -2,
  sqlsrv_query: 1, sqlsrv_prepare: 1, odbc_exec: 1, odbc_prepare: 1, db2_exec: 1, db2_prepare: 1, oci_parse: 1, sqlite_query: 1,
  mssql_query: 0, ibase_query: -1,
  // Drupal 7
  db_query: 0, db_query_range: 0,
};
/** Generic method names: the text must read as SQL. */
const STATEMENT_METHODS = new Set(['query', 'exec', 'prepare', 'multi_query', 'real_query', 'unbuffered_query', 'executequery',
  'executestatement', 'executeupdate', 'fetchallassociative', 'fetchassociative', 'fetchone', 'fetchallnumeric', 'fetchfirstcolumn',
  'fetchall', 'fetchassoc', 'fetchcolumn', 'fetchrow', 'createquery', 'createnativequery',
  // Zend_Db, Yii, Joomla, CakePHP / ADOdb, SQLite3, MysqliDb, Laravel connections
  'fetchcol', 'fetchpairs', 'createcommand', 'setquery', 'execute', 'getall', 'getrow', 'getone', 'getcol', 'getassoc', 'selectlimit',
  'querysingle', 'rawquery', 'rawqueryone', 'rawqueryvalue', 'select', 'selectone', 'statement', 'unprepared', 'affectingstatement']);
/** RedBeanPHP's static `R::` facade: SQL first, or a condition after the bean type (`R::find('book', sql, bindings)`). */
const REDBEAN_SQL = new Set(['exec', 'getall', 'getrow', 'getcol', 'getcell', 'getassoc', 'getassocrow', 'getinsertid']);
const REDBEAN_CONDITION = new Set(['find', 'findone', 'findall', 'findoneorfail', 'count', 'findorcreate', 'findlike', 'findmulti']);
/** Query builders taking one condition string (Doctrine, Yii, CakePHP): only a value built into it is reported. */
const CONDITION_METHODS = new Set(['where', 'andwhere', 'orwhere', 'having', 'andhaving', 'orhaving']);
/** Request input read whole: superglobals, `$request->input('x')`, `request('x')`, `Input::get('x')`. */
const REQUEST_INPUT = /^(?:\$_(?:GET|POST|REQUEST|COOKIE)\s*\[[^\]]+\]|\$request->(?:input|get|query|post)\s*\(.*\)|request\s*\(.+\)|Input::get\s*\(.*\))$/s;
const WPDB_METHODS = new Set(['get_results', 'get_var', 'get_row', 'get_col']);
/** Laravel's query builder: (sql, bindings = []). The value says where the first hole sits. */
const LARAVEL_RAW: Record<string, Position> = {
  whereraw: 'fragment', orwhereraw: 'fragment', havingraw: 'fragment', orhavingraw: 'fragment', orderbyraw: 'name',
  selectraw: 'name', fromraw: 'name', groupbyraw: 'name',
};
/** `DB::x(sql, bindings)`; `raw` and `unprepared` take no bindings. */
const LARAVEL_DB = new Set(['select', 'selectone', 'scalar', 'insert', 'update', 'delete', 'statement', 'affectingstatement', 'cursor',
  'unprepared', 'raw', 'selectresultsets']);
const LARAVEL_BINDINGS = new Set(['select', 'selectone', 'scalar', 'insert', 'update', 'delete', 'statement', 'affectingstatement', 'cursor']);

const SAFE_FUNCTIONS = new Set(['intval', 'floatval', 'doubleval', 'boolval', 'absint', 'count', 'sizeof', 'strlen', 'mb_strlen', 'abs',
  'round', 'floor', 'ceil', 'time', 'microtime', 'md5', 'sha1', 'crc32', 'uniqid', 'rand', 'mt_rand', 'random_int', 'intdiv', 'max', 'min',
  'number_format', 'is_numeric', 'ctype_digit', 'hexdec', 'octdec', 'bindec', 'array_sum', 'strtotime', 'gettype', 'spl_object_id',
  // escaping
  'esc_sql', 'mysqli_real_escape_string', 'mysqli_escape_string', 'mysql_real_escape_string', 'mysql_escape_string',
  'pg_escape_string', 'pg_escape_literal', 'pg_escape_identifier', 'sqlite_escape_string', 'db2_escape_string', 'addslashes',
  'sqlsrv_escape', 'quote_smart', 'escape_string']);
const SAFE_METHODS = new Set(['quote', 'quoteidentifier', 'quotename', 'quotestringliteral', 'quotesingleidentifier', 'real_escape_string',
  'escape_string', 'escape', 'escapestring', 'escape_like', 'esc_like', 'escapelike', 'getkey', 'getid', 'count', 'gettimestamp',
  'quoteinto', 'qn', 'qstr', 'quotename', 'quotecolumnname', 'quotetablename', 'placeholders',
  // phpMyAdmin's `Util::backquote($name)` and `$dbi->quoteString($value)`
  'backquote', 'backquotecompat', 'quotestring']);
/** Methods whose result is the developer's (a model's table, a grammar's wrapped name). */
const DEV_METHODS = new Set(['gettable', 'gettablename', 'getqualifiedkeyname', 'getkeyname', 'getprimarykey', 'getconnectionname', 'wrap', 'wraptable',
  'getquotedtablename', 'gettableprefix', 'prefix']);
/** A parameter named for a table (`$table`, `$tableName`, `$archiveTable`, `$tbl`): the callers pass the code's tables. */
const TABLE_PARAM = /^(?:table|tbl)(?:_?name)?$|[a-z](?:Table|_table)(?:_?[Nn]ame)?$/;
/** A printf format whose every conversion prints a number (`%d`, `%05.2f`, `%x`; not `%s` or `%c`). */
function numericFormat(f: string): boolean {
  const specs = [...f.matchAll(/%(?:\d+\$)?[-+ 0]*(?:'.)?\d*(?:\.\d+)?(.)/gs)].map((m) => m[1]).filter((c) => c !== '%');
  return specs.length > 0 && specs.every((c) => /[bdeEfFgGhHouxX]/.test(c));
}

/** filter_var filters that return a number (or false). */
const NUMERIC_FILTER = /^\\?FILTER_(?:VALIDATE_(?:INT|FLOAT|BOOL|BOOLEAN)|SANITIZE_NUMBER_(?:INT|FLOAT))$/;
/** A preg_match pattern accepting digits only: `/^\d+$/`, `/^[0-9]{1,9}$/D`. */
const DIGITS_PATTERN = /^([/#~!|])\^(?:\\d|\[0-9\])(?:\+|\{\d+(?:,\d*)?\})\$\1[Du]*$/;

/** A block that always leaves: return, throw, exit/die, break or continue as one of its statements. */
function leaves(body: Node): boolean {
  const stmts = body.type === 'compound_statement' ? named(body) : [body];
  return stmts.some((x) => {
    if (x.type === 'return_statement' || x.type === 'exit_statement' || x.type === 'break_statement' || x.type === 'continue_statement' || x.type === 'throw_statement') return true;
    if (x.type !== 'expression_statement') return false;
    const inner = named(x)[0];
    if (!inner) return false;
    if (inner.type === 'throw_expression' || inner.type === 'exit_statement') return true;
    return inner.type === 'function_call_expression' && /^(?:die|exit)$/i.test(field(inner, 'function')?.text ?? '');
  });
}

/** A preg_replace pattern removing everything but word characters (or digits). */
const WORD_ONLY_PATTERN = /^([/#~!|])(?:\\W|\\D|\[\^(?:a-z|A-Z|0-9|_|\\w|\\d)+\])\+?\1[imsxuU]*$/;
const SAFE_CASTS = /^(?:int|integer|float|double|real|bool|boolean)$/i;
const SAFE_TYPES = /^\??(?:int|float|bool)$/i;
const STRING_FUNCTIONS_KEEPING_SAFETY = new Set(['trim', 'rtrim', 'ltrim', 'strtolower', 'strtoupper', 'substr', 'implode', 'join']);
const SCOPES = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'program']);
const NESTED = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'class_declaration',
  'interface_declaration', 'trait_declaration', 'enum_declaration']);

type SinkKind = 'laravel' | 'laravelRaw' | 'pg' | 'mysqli' | 'other';

/** The connection classes with a parameterized counterpart for `query`/`exec`; `other` is any other known class. */
type Driver = 'mysqli' | 'pdo';
type Known = Driver | 'other';

/**
 * Variable names that hold a PDO connection by convention. A receiver with one of these names counts as PDO only when
 * nothing in its own scope says what it holds (an untyped parameter, `global`, a script variable from an include) and
 * the file uses PDO (`new PDO`, `PDO::`) and never mentions mysqli: the name alone is too weak, and in a file using
 * both drivers it could be either.
 */
const PDO_NAMES = /^\$(?:pdo|db|dbh|conn)$/;
/** Statements whose parent takes a list of statements, so one more can follow (not the body of a brace-less `if`). */
const STATEMENT_LISTS = new Set(['compound_statement', 'program', 'colon_block', 'case_statement', 'default_statement']);

/** `PDO`, `?\PDO`, `mysqli|null` -> the driver; any other type -> `other`. */
function driverOfType(type: string): Known {
  const names = type.replace(/^\?/, '').split('|').map((t) => t.trim().replace(/^\\/, '').toLowerCase()).filter((t) => t && t !== 'null');
  if (names.length !== 1) return 'other';
  return names[0] === 'pdo' ? 'pdo' : names[0] === 'mysqli' ? 'mysqli' : 'other';
}

/** What an assigned value creates: `new PDO(…)`, `new mysqli(…)`, `mysqli_connect(…)`, another class; undefined when unknown. */
function driverOfValue(v: Node): Known | undefined {
  v = unparen(v);
  if (v.type === 'object_creation_expression') {
    const cls = named(v)[0];
    if (!cls || (cls.type !== 'name' && cls.type !== 'qualified_name')) return 'other';
    return driverOfType(cls.text);
  }
  if (v.type === 'function_call_expression' && /^\\?mysqli_connect$/i.test(field(v, 'function')?.text ?? '')) return 'mysqli';
  return undefined;
}

/** One driver when every known kind agrees and nothing unknown is mixed in. */
function agreed(kinds: Known[], unknown: boolean): Driver | undefined {
  const set = new Set(kinds);
  if (set.size !== 1 || unknown || set.has('other')) return undefined;
  return kinds[0] as Driver;
}

interface Sink {
  call: Node;
  kind: SinkKind;
  method: string;
  query: Node;
  args: Node[];
  queryIndex: number;
  /** The callee says it is SQL: no statement shape needed. */
  fragment: boolean;
  start: Position;
  /** Named or spread arguments: no fix. */
  irregular: boolean;
}

type BindingKind = 'assign' | 'append' | 'for' | 'param' | 'arith' | 'other';
interface Binding {
  kind: BindingKind;
  at: Node;
  value?: Node;
  type?: string;
}

interface Built {
  items: Item[];
  /** The expression holding all of the SQL text, which a fix may replace. */
  root: Node;
  rewritable: boolean;
}

function lastName(n: Node | undefined): string {
  if (!n) return '';
  return n.text.replace(/^.*\\/, '');
}

function isScreaming(name: string): boolean {
  return /^_*[A-Z][A-Z0-9_]*$/.test(name) && name.replace(/_/g, '').length > 1;
}

const SUPERGLOBALS = /^\$(?:_GET|_POST|_REQUEST|_COOKIE|_SERVER|_FILES|_ENV|_SESSION|GLOBALS)$/;

/** Positional arguments (the expression of each `argument`), and whether any is named or spread. */
function argsOf(call: Node): { list: Node[]; irregular: boolean; node?: Node } {
  const args = field(call, 'arguments');
  const list: Node[] = [];
  let irregular = false;
  if (!args) return { list, irregular: true };
  for (const a of named(args)) {
    if (a.type !== 'argument') { irregular = true; continue; }
    if (field(a, 'name') || kids(a).some((k) => k.type === '...' || k.type === 'variadic_unpacking')) irregular = true;
    const e = named(a).filter((x) => x.type !== 'name' || !same(x, field(a, 'name')));
    if (e.length) list.push(e[e.length - 1]);
  }
  return { list, irregular, node: args };
}

/** The value of a PHP double-quoted escape sequence. */
function decodeDq(s: string): string {
  const c = s[1];
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'v': return '\v';
    case 'e': return '\x1b';
    case 'f': return '\f';
    case '\\': return '\\';
    case '$': return '$';
    case '"': return '"';
    case 'x': return String.fromCharCode(parseInt(s.slice(2), 16));
    case 'u': return String.fromCodePoint(parseInt(s.slice(3, -1), 16));
    default:
      if (/^[0-7]+$/.test(s.slice(1))) return String.fromCharCode(parseInt(s.slice(1), 8) & 0xff);
      return s;
  }
}

/** A character as written inside a PHP double-quoted string. */
function dqChar(c: string): string {
  if (c === '\\') return '\\\\';
  if (c === '"') return '\\"';
  if (c === '$') return '\\$';
  const code = c.charCodeAt(0);
  if (code < 0x20 && c !== '\n' && c !== '\t' && c !== '\r') return '\\x' + code.toString(16).padStart(2, '0');
  return c;
}

class PhpChecker {
  private readonly seen = new Set<number>();
  private readonly scopeCache = new Map<number, Map<string, Binding[]>>();
  private connections: { vars: Map<string, Known[]>; pdo: boolean; mysqli: boolean } | undefined;
  private constants: Map<string, Node> | undefined;
  /** Set while flattening when part of the text lives elsewhere (a constant): no fix then. */
  private foreign = false;

  constructor(private readonly ctx: RuleContext, private readonly root: Node) {}

  run(): void {
    const sinks: Sink[] = [];
    walkTree(this.root, (n) => {
      if ((n.type === 'function_call_expression' || n.type === 'member_call_expression' || n.type === 'nullsafe_member_call_expression' ||
        n.type === 'scoped_call_expression') && !n.hasError) {
        const s = this.sink(n);
        if (s) sinks.push(s);
      }
    });
    for (const s of sinks) this.checkSink(s);
  }

  // --- sinks ----------------------------------------------------------------------------------------------------

  private sink(call: Node): Sink | undefined {
    const { list, irregular } = argsOf(call);
    if (!list.length) return undefined;
    const make = (kind: SinkKind, method: string, queryIndex: number, fragment: boolean, start: Position = 'fragment'): Sink | undefined => {
      const query = list[queryIndex];
      return query ? { call, kind, method, query, args: list, queryIndex, fragment, start, irregular } : undefined;
    };
    if (call.type === 'function_call_expression') {
      const fn = field(call, 'function');
      if (!fn || (fn.type !== 'name' && fn.type !== 'qualified_name')) return undefined;
      const name = lastName(fn).toLowerCase();
      let idx = FUNCTIONS[name];
      if (idx === undefined) return undefined;
      if (idx === -1) idx = list.length >= 2 ? 1 : 0;
      else if (idx === -2) idx = list.length >= 3 ? 2 : 1;
      return make(name === 'pg_query' ? 'pg' : name === 'mysqli_query' ? 'mysqli' : 'other', name, idx, true);
    }
    const method = field(call, 'name');
    if (!method || method.type !== 'name') return undefined;
    const m = method.text.toLowerCase();
    if (m in LARAVEL_RAW) return make('laravelRaw', m, 0, true, LARAVEL_RAW[m]);
    if (call.type === 'scoped_call_expression') {
      const scope = field(call, 'scope');
      if (lastName(scope) === 'R') {
        if (REDBEAN_SQL.has(m)) return make('other', m, 0, false);
        if (REDBEAN_CONDITION.has(m) && list.length >= 2 && !irregular) return make('other', 'condition', 1, true);
        return undefined;
      }
      // Static database facades other than Laravel's (Matomo's `Db::query`, `Db::fetchAll`): statements only.
      if (/^(?:Db|Database)$/.test(lastName(scope)) && STATEMENT_METHODS.has(m)) return make('other', m, 0, false);
      if (lastName(scope) !== 'DB' || !LARAVEL_DB.has(m)) return undefined;
      return make(LARAVEL_BINDINGS.has(m) ? 'laravel' : 'other', m, 0, true, m === 'raw' ? 'name' : 'fragment');
    }
    const obj = field(call, 'object');
    if (!obj) return undefined;
    if (obj.type === 'scoped_call_expression' && lastName(field(obj, 'scope')) === 'DB' && LARAVEL_DB.has(m)) {
      return make(LARAVEL_BINDINGS.has(m) ? 'laravel' : 'other', m, 0, true);
    }
    if (WPDB_METHODS.has(m)) return /wpdb$/i.test(obj.text) ? make('other', m, 0, false) : undefined;
    if (STATEMENT_METHODS.has(m)) return make('other', m, 0, false);
    if (CONDITION_METHODS.has(m) && list.length === 1 && !irregular) return make('other', 'condition', 0, true);
    return undefined;
  }

  private checkSink(sink: Sink): void {
    const q = unparen(sink.query);
    if (this.seen.has(q.id)) return;
    this.seen.add(q.id);
    this.foreign = false;
    const built = this.build(q, sink.call);
    if (!built) {
      // Request input passed in whole as raw SQL: `whereRaw($_GET['filter'])`, `DB::raw($request->input('sort'))`.
      if (sink.fragment && sink.method !== 'condition' && this.requestInput(q)) {
        this.ctx.report({ start: sink.query.startIndex, end: sink.query.endIndex, messageId: 'interpolatedIdentifier', data: { expr: short(q.text) } });
      }
      return;
    }
    const a = analyze(built.items, sink.start);
    if (sink.method === 'condition') {
      // `->where('email = ' . $x)`: a value compared in the condition, whatever the text around it.
      if (!a.holes.some((h) => h.pos === 'value' && !(built.items[h.item] as Hole).safe)) return;
    } else if (!sink.fragment && !looksLikeSql(a.skeleton)) return;
    else if (sink.fragment && sink.method !== 'raw' && sink.kind !== 'laravelRaw' && !looksLikeSql(a.skeleton) && !SQL_HINT.test(a.skeleton)) return;
    const quoted = this.quotedInFragment(built.items, a, sink.call);
    if (quoted) {
      // `$where = " AND url = '" . $url . "'"` spliced into the statement: the quotes around the value are in the fragment.
      this.ctx.report({ start: sink.query.startIndex, end: sink.query.endIndex, messageId: 'interpolatedValue', data: { expr: short(quoted) } });
      return;
    }
    if (sink.args.length > sink.queryIndex + 1) {
      // With values bound, an interpolated name is most often the developer's table or column: only request input is reported.
      for (const it of built.items) if (it.kind === 'hole' && !it.safe && !this.requestInputSrc(it.src, sink.call)) it.devControlled = true;
    }
    reportHoles(this.ctx, sink.query, built.items, a, () => sink.args.length > sink.queryIndex + 1, () => (built.rewritable ? this.fixes(sink, built, a) : []));
  }

  /**
   * A local spliced in as a fragment (`… WHERE uid = %s" . $where . "…"`), no value hole in the statement itself, whose
   * text at some assignment before the call quotes a value (`$where = " AND url = '" . $url . "'"`): that value.
   */
  private quotedInFragment(items: Item[], a: ReturnType<typeof analyze>, call: Node): string | undefined {
    const holes = a.holes.map((h) => ({ h, it: items[h.item] as Hole })).filter(({ it }) => it.kind === 'hole' && !it.safe);
    if (holes.some(({ h }) => h.pos === 'value')) return undefined;
    const scope = this.scopeOf(call);
    for (const { h, it } of holes) {
      if (h.pos !== 'fragment' || !/^\$\w+$/.test(it.src)) continue;
      for (const b of this.bindings(scope).get(it.src) ?? []) {
        if ((b.kind !== 'assign' && b.kind !== 'append') || !b.value || b.at.startIndex > call.startIndex) continue;
        const v = unparen(b.value);
        if (!this.isBuilt(v)) continue;
        const inner = this.flatten(v);
        const ia = analyze(inner, 'fragment');
        const hit = ia.holes.find((x) => x.pos === 'value' && !(inner[x.item] as Hole).safe && (inner[x.item] as Hole).kind === 'hole');
        if (hit) return (inner[hit.item] as Hole).src;
      }
    }
    return undefined;
  }

  /** Request input, read directly or through a local assigned once from it. */
  private requestInput(e: Node): boolean {
    e = unparen(e);
    if (REQUEST_INPUT.test(e.text)) return true;
    if (e.type !== 'variable_name') return false;
    const v = this.singleValue(e);
    return !!v && REQUEST_INPUT.test(unparen(v).text);
  }

  private requestInputSrc(src: string, at: Node): boolean {
    if (/\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES)\b|\$request\b|\brequest\s*\(|Input::/.test(src)) return true;
    if (!/^\$\w+$/.test(src)) return false;
    const list = this.bindings(this.scopeOf(at)).get(src) ?? [];
    return list.some((b) => !!b.value && /\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES)\b|\$request\b|\brequest\s*\(|Input::/.test(b.value.text));
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
      if (target.type === 'variable_name') return add(target, { kind: 'other' });
      for (const c of named(target)) addAll(c);
    };
    if (scope.type !== 'program') {
      const params = field(scope, 'parameters');
      for (const p of params ? named(params) : []) {
        const id = field(p, 'name');
        if (id?.type === 'variable_name') add(id, { kind: 'param', type: field(p, 'type')?.text });
      }
      for (const c of named(scope)) if (c.type === 'anonymous_function_use_clause') addAll(c);
    }
    const body = scope.type === 'program' ? scope : field(scope, 'body');
    if (body) {
      walkTree(body, (n) => {
        if (n.id !== body.id && NESTED.has(n.type)) return false;
        switch (n.type) {
          case 'assignment_expression': {
            const left = field(n, 'left');
            const right = field(n, 'right');
            if (left?.type === 'variable_name') add(left, { kind: right ? 'assign' : 'other', value: right });
            else if (left && left.type !== 'member_access_expression' && left.type !== 'subscript_expression') addAll(left);
            break;
          }
          case 'reference_assignment_expression': {
            const left = field(n, 'left');
            if (left) addAll(left);
            break;
          }
          case 'augmented_assignment_expression': {
            const left = field(n, 'left');
            const op = field(n, 'operator')?.text;
            if (left?.type === 'variable_name') add(left, { kind: op === '.=' ? 'append' : op === '??=' ? 'other' : 'arith', value: field(n, 'right') });
            break;
          }
          case 'function_call_expression': {
            // settype($x, 'integer'): a number from here on.
            if (lastName(field(n, 'function')).toLowerCase() !== 'settype') break;
            const [arg, type] = argsOf(n).list;
            if (arg?.type === 'variable_name' && type && /^["'](?:int|integer|float|double|bool|boolean)["']$/i.test(type.text)) add(arg, { kind: 'arith' });
            break;
          }
          case 'update_expression': {
            const arg = field(n, 'argument');
            if (arg?.type === 'variable_name') add(arg, { kind: 'arith' });
            break;
          }
          case 'foreach_statement': {
            const parts = named(n);
            const iter = parts[0];
            const target = parts[1];
            if (target?.type === 'variable_name') add(target, { kind: 'for', value: iter });
            else if (target?.type === 'pair') {
              const [k, v] = named(target);
              if (k?.type === 'variable_name') add(k, { kind: 'other' });
              if (v?.type === 'variable_name') add(v, { kind: 'for', value: iter });
              else if (v) addAll(v);
            } else if (target) addAll(target);
            break;
          }
          case 'global_declaration':
          case 'static_variable_declaration':
          case 'catch_clause':
          case 'list_literal':
            addAll(n);
            break;
        }
        return undefined;
      });
    }
    this.scopeCache.set(scope.id, map);
    return map;
  }

  private resolve(use: Node): { scope: Node; list: Binding[] } | undefined {
    const scope = this.scopeOf(use);
    // Arrow functions see the enclosing scope's variables.
    for (let p = use.parent; p && p.id !== scope.id; p = p.parent) {
      if (p.type === 'arrow_function') {
        const params = field(p, 'parameters');
        if (params && named(params).some((x) => field(x, 'name')?.text === use.text)) return { scope: p, list: [{ kind: 'param', at: use }] };
      }
    }
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
      return { items, root: e, rewritable: !this.foreign && !this.hasHeredoc(e) };
    }
    if (e.type !== 'variable_name') return undefined;
    const r = this.resolve(e);
    if (!r || r.scope.id !== this.scopeOf(call).id) return undefined;
    const before = r.list.filter((b) => b.at.startIndex < call.startIndex).sort((x, y) => x.at.startIndex - y.at.startIndex);
    // `$sql = $sql . "…"` appends like `.=`.
    const flow = localParts(before, undefined, (value) => {
      const v = unparen(value);
      const ops = v.type === 'binary_expression' && field(v, 'operator')?.text === '.' ? this.dotOperands(v) : undefined;
      return ops && ops[0].type === 'variable_name' && ops[0].text === e.text ? ops.slice(1) : undefined;
    });
    if (!flow?.parts || (!flow.appended && !this.isBuilt(flow.parts[0]))) return undefined;
    const { parts, appended } = flow;
    const items = partItems(parts.map(unparen), (u) => this.isBuilt(u) || this.isStringLiteral(u), (u, out) => this.flattenInto(u, out), (u) => this.hole(u));
    if (!hasUnsafeHole(items)) return undefined;
    const reads = this.countReads(r.scope, e.text) - r.list.length;
    const b0 = r.list[0];
    const rewritable = !appended && !this.foreign && r.list.length === 1 && reads === 1 && !this.hasHeredoc(parts[0]) &&
      b0.at.parent?.type === 'assignment_expression' && b0.at.parent.parent?.type === 'expression_statement';
    return { items, root: unparen(parts[0]), rewritable };
  }

  private hasHeredoc(n: Node): boolean {
    let found = false;
    walkTree(n, (x) => {
      if (x.type === 'heredoc' || x.type === 'nowdoc') found = true;
      return !found;
    });
    return found;
  }

  private countReads(scope: Node, name: string): number {
    let n = 0;
    walkTree(scope, (x) => {
      if (x.id !== scope.id && NESTED.has(x.type) && x.type !== 'arrow_function' && x.type !== 'anonymous_function') return false;
      if (x.type === 'variable_name' && x.text === name) n++;
      return undefined;
    });
    return n;
  }

  private dotOperands(e: Node): Node[] {
    e = unparen(e);
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '.') {
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (l && r) return [...this.dotOperands(l), r];
    }
    return [e];
  }

  private isStringLiteral(e: Node): boolean {
    return e.type === 'string' || e.type === 'encapsed_string' || e.type === 'heredoc' || e.type === 'nowdoc';
  }

  private hasInterpolation(e: Node): boolean {
    const body = e.type === 'heredoc' ? field(e, 'value') : e;
    return !!body && named(body).some((c) => !['string_content', 'escape_sequence', 'string_value', 'text', 'nowdoc_string'].includes(c.type));
  }

  /** Interpolated string, `.` with a string on one side, sprintf() with a literal format. */
  private isBuilt(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'encapsed_string' || e.type === 'heredoc') return this.hasInterpolation(e);
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '.') return this.dotOperands(e).some((x) => this.isStringy(x));
    if (e.type === 'function_call_expression') return this.sprintfFormat(e) !== undefined;
    return false;
  }

  private isStringy(e: Node): boolean {
    e = unparen(e);
    return this.isStringLiteral(e) || this.isBuilt(e);
  }

  /** `sprintf(format, …)` / `vsprintf`: the format node. */
  private sprintfFormat(call: Node): Node | undefined {
    const fn = field(call, 'function');
    const name = lastName(fn).toLowerCase();
    if (name !== 'sprintf') return undefined;
    const { list, irregular } = argsOf(call);
    if (irregular || !list.length) return undefined;
    const f = unparen(list[0]);
    return this.isStringLiteral(f) && !this.hasInterpolation(f) ? f : undefined;
  }

  private flatten(e: Node): Item[] {
    const out: Item[] = [];
    this.flattenInto(e, out);
    return out;
  }

  private flattenInto(e: Node, out: Item[]): void {
    e = unparen(e);
    if (e.type === 'string' || e.type === 'encapsed_string' || e.type === 'heredoc' || e.type === 'nowdoc') return this.stringItems(e, out);
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '.' && this.isBuilt(e)) {
      for (const x of this.dotOperands(e)) this.flattenInto(x, out);
      return;
    }
    if (e.type === 'function_call_expression') {
      const fmt = this.sprintfFormat(e);
      const done = fmt && this.sprintf(this.flatten(fmt), argsOf(e).list.slice(1));
      if (done) return void out.push(...done);
    }
    out.push(this.hole(e));
  }

  private stringItems(s: Node, out: Item[]): void {
    const text = this.ctx.text;
    const single = s.type === 'string' && !s.text.startsWith('"');
    const pushRaw = (from: number, to: number, raw: boolean) => {
      for (let i = from; i < to; i++) {
        const c = text[i];
        out.push({ kind: 'ch', c, r: raw ? (c === '$' ? '\\$' : c) : dqChar(c) });
      }
    };
    const body = s.type === 'heredoc' ? field(s, 'value') : s.type === 'nowdoc' ? field(s, 'value') : s;
    if (!body) return;
    const parts = kids(body);
    for (let k = 0; k < parts.length; k++) {
      const c = parts[k];
      switch (c.type) {
        case '"': case "'": case '{': case '}':
          break;
        case 'string_content': case 'string_value': case 'nowdoc_string': case 'text':
          pushRaw(c.startIndex, c.endIndex, !single && s.type !== 'nowdoc');
          break;
        case 'escape_sequence': {
          if (single) {
            const v = c.text.slice(1);
            out.push({ kind: 'ch', c: v, r: dqChar(v) });
          } else out.push({ kind: 'ch', c: decodeDq(c.text), r: c.text === '\\$' ? '\\$' : c.text });
          break;
        }
        default: {
          if (!c.isNamed) break;
          const braced = parts[k - 1]?.type === '{';
          out.push(this.interpolation(c, braced));
        }
      }
    }
  }

  /** A `$var`, `{$expr}` or `${name}` inside a string. */
  private interpolation(n: Node, braced: boolean): Hole {
    if (n.type === 'dynamic_variable_name') {
      const inner = named(n)[0];
      const src = inner?.type === 'name' ? '$' + inner.text : n.text;
      return { kind: 'hole', src, safe: false };
    }
    const h = this.hole(n);
    if (!braced && n.type === 'subscript_expression') {
      // "$a[key]" reads $a['key'].
      const [obj, idx] = named(n);
      if (obj && idx?.type === 'name') h.src = `${obj.text}['${idx.text}']`;
    }
    return h;
  }

  /** `sprintf(format, args)`: each conversion becomes a hole for its argument. */
  private sprintf(fmt: Item[], args: Node[]): Item[] | undefined {
    const out: Item[] = [];
    let next = 0;
    for (let i = 0; i < fmt.length; i++) {
      const it = fmt[i];
      if (it.kind !== 'ch' || it.c !== '%') { out.push(it); continue; }
      let s = '';
      for (let k = i + 1; k < fmt.length && s.length < 24; k++) {
        const x = fmt[k];
        if (x.kind !== 'ch') break;
        s += x.c;
      }
      const m = /^(?:(\d+)\$)?[-+ 0]*(?:'.)?\d*(?:\.\d+)?([bcdeEfFgGhHosuxX%])/.exec(s);
      if (!m) return undefined;
      i += m[0].length;
      if (m[2] === '%') { out.push({ kind: 'ch', c: '%', r: '%' }); continue; }
      const arg = args[m[1] ? Number(m[1]) - 1 : next++];
      if (!arg) return undefined;
      if (m[2] === 's') out.push(this.hole(arg));
      else {
        // Numbers cannot carry SQL; a fix writes `%d` back as an (int) cast and gives up on other conversions.
        if (m[2] !== 'd') this.foreign = true;
        out.push({ kind: 'hole', src: `(int) ${arg.text}`, safe: true });
      }
    }
    return out;
  }

  private hole(e: Node): Hole {
    e = unparen(e);
    const src = e.text;
    const text = this.constant(e, 0);
    if (text !== undefined) return { kind: 'hole', src, safe: true, text };
    return { kind: 'hole', src, safe: this.safe(e, 0), devControlled: this.devControlled(e) };
  }

  // --- constants and safe values ------------------------------------------------------------------------------------

  private classConstants(): Map<string, Node> {
    if (this.constants) return this.constants;
    const map = new Map<string, Node>();
    const dup = new Set<string>();
    walkTree(this.root, (n) => {
      if (n.type === 'const_element') {
        const [name, value] = named(n);
        if (name?.type === 'name' && value) {
          if (map.has(name.text)) dup.add(name.text);
          map.set(name.text, value);
        }
      }
    });
    for (const d of dup) map.delete(d);
    this.constants = map;
    return map;
  }

  private constant(e: Node, depth: number): string | undefined {
    if (depth > 8) return undefined;
    e = unparen(e);
    switch (e.type) {
      case 'string':
      case 'encapsed_string':
      case 'nowdoc':
      case 'heredoc': {
        const items: Item[] = [];
        if (this.hasInterpolation(e)) {
          this.stringItems(e, items);
          return items.every((i) => i.kind === 'ch' || i.text !== undefined) ? items.map((i) => (i.kind === 'ch' ? i.c : i.text)).join('') : undefined;
        }
        this.stringItems(e, items);
        return items.map((i) => (i.kind === 'ch' ? i.c : '')).join('');
      }
      case 'integer':
      case 'float':
        return /^[\d.]+$/.test(e.text) ? e.text : undefined;
      case 'boolean':
      case 'null':
        return e.text;
      case 'binary_expression': {
        if (field(e, 'operator')?.text !== '.') return undefined;
        let text = '';
        for (const x of this.dotOperands(e)) {
          const v = this.constant(x, depth + 1);
          if (v === undefined) return undefined;
          text += v;
        }
        return text;
      }
      case 'variable_name': {
        const v = this.singleValue(e);
        return v ? this.constant(v, depth + 1) : undefined;
      }
      case 'class_constant_access_expression': {
        const [scope, name] = named(e);
        if (!scope || !/^(?:self|static)$/.test(scope.text) || name?.type !== 'name') return undefined;
        const v = this.classConstants().get(name.text);
        if (!v) return undefined;
        const t = this.constant(v, depth + 1);
        if (t !== undefined) this.foreign = true;
        return t;
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
      case 'integer': case 'float': case 'boolean': case 'null':
        return true;
      case 'cast_expression':
        return SAFE_CASTS.test(field(e, 'type')?.text ?? '') || (/^string$/i.test(field(e, 'type')?.text ?? '') && !!field(e, 'value') && this.safe(field(e, 'value')!, depth + 1));
      case 'unary_op_expression':
        return true;
      case 'binary_expression': {
        const op = field(e, 'operator')?.text;
        if (op === '.') return this.dotOperands(e).every((x) => this.safe(x, depth + 1));
        if (op === '??' || op === '?:') {
          const l = field(e, 'left');
          const r = field(e, 'right');
          return !!l && !!r && this.safe(l, depth + 1) && this.safe(r, depth + 1);
        }
        return true; // arithmetic, comparisons, logic
      }
      case 'conditional_expression': {
        const cond = field(e, 'condition');
        const body = field(e, 'body') ?? cond;
        const alt = field(e, 'alternative');
        if (!body || !alt) return false;
        // `in_array($x, $allowed) ? $x : 'name'`: an allow-list check.
        const checked = (x: Node) => this.safe(x, depth + 1) || (!!cond && /^(?:in_array|array_key_exists|isset)\b/i.test(unparen(cond).text) &&
          unparen(cond).text.includes(x.text) && x.type === 'variable_name');
        // `is_numeric($x) ? $x : 0`
        const thenChecked = !!cond && unparen(body).type === 'variable_name' && this.checks(unparen(cond), unparen(body), depth);
        return (thenChecked || checked(body)) && checked(alt);
      }
      case 'encapsed_string':
      case 'heredoc':
        return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
      case 'array_creation_expression':
        return named(e).every((x) => named(x).every((v) => this.safe(v, depth + 1)));
      case 'variable_name':
        return e.text === '$table_prefix' || this.safeName(e, depth);
      case 'member_access_expression':
      case 'nullsafe_member_access_expression': {
        const name = field(e, 'name')?.text ?? '';
        const obj = field(e, 'object');
        if (isScreaming(name)) return true;
        // WordPress's table prefix and table names (`$wpdb->prefix`, `$wpdb->posts`): set in wp-config.php, never
        // request text; safe even in quotes (`SHOW TABLES LIKE '{$wpdb->prefix}log'`).
        if (obj?.text === '$wpdb' && !/^(?:last_query|last_error|last_result|queries|func_call|col_info)$/.test(name)) return true;
        return (name === 'id' || name === 'ID') && !!obj && !/request|input|params|_GET|_POST|_REQUEST|data|payload|body|query/i.test(obj.text);
      }
      case 'class_constant_access_expression':
        return true;
      case 'name':
        return isScreaming(e.text) || /^(?:PHP_EOL|PHP_INT_MAX|true|false|null)$/i.test(e.text);
      case 'subscript_expression': {
        // An allow-list lookup on a constant array.
        const [obj] = named(e);
        return !!obj && this.constantCollection(obj, depth + 1);
      }
      case 'function_call_expression':
        return this.safeCall(e, depth);
      case 'member_call_expression':
      case 'nullsafe_member_call_expression':
      case 'scoped_call_expression': {
        const name = (field(e, 'name')?.text ?? '').toLowerCase();
        if (SAFE_METHODS.has(name)) return true;
        // DateTime::format, Carbon::toDateString…
        if (name === 'format' || /^to(?:date|datetime|time)string$/.test(name) || name === 'timestamp') return true;
        return false;
      }
      default:
        return false;
    }
  }

  private safeName(e: Node, depth: number): boolean {
    if (SUPERGLOBALS.test(e.text)) return false;
    if (this.guarded(e, depth) || this.exitGuarded(e, depth)) return true;
    const r = this.resolve(e);
    if (!r) return false;
    // The last plain assignment (or conversion to a number: `$x += 0`, `settype($x, 'int')`) before the use, in the
    // function's own body or the condition of an `if` around the use, decides.
    const before = r.list.filter((b) => b.at.startIndex < e.startIndex);
    const last = before[before.length - 1];
    const body = r.scope.type === 'program' ? r.scope : field(r.scope, 'body');
    const decisive = (b: Binding): boolean => {
      if (same(b.at.parent?.parent?.parent ?? undefined, body)) return true;
      // A statement of a block around the use (`if (…) { $ids = array_map('intval', $ids); …use… }`) runs before it.
      const block = b.at.parent?.parent?.type === 'expression_statement' ? b.at.parent.parent.parent : undefined;
      if (block?.type === 'compound_statement' && block.startIndex < e.startIndex && e.endIndex <= block.endIndex) return true;
      if (b.kind !== 'arith') return false;
      // `settype($x, 'int');` as a statement of the body
      let st: Node | null = b.at;
      while (st && st.type !== 'expression_statement' && !NESTED.has(st.type)) st = st.parent;
      if (st?.type === 'expression_statement' && same(st.parent ?? undefined, body)) return true;
      // `if (settype($x, 'int')) { …use… }`
      let n: Node | null = b.at;
      while (n && n.type !== 'if_statement' && !NESTED.has(n.type)) n = n.parent;
      const cond = n?.type === 'if_statement' ? field(n, 'condition') : undefined;
      return !!cond && cond.startIndex <= b.at.startIndex && b.at.endIndex <= cond.endIndex && e.startIndex > cond.endIndex && e.endIndex <= n!.endIndex;
    };
    const list = last && (last.kind === 'assign' || last.kind === 'arith') && decisive(last) && !r.list.some((b) => b.at.startIndex > last.at.startIndex && b.at.startIndex < e.startIndex)
      ? [last] : r.list;
    return list.every((b) => {
      switch (b.kind) {
        case 'assign':
        case 'append':
          return !!b.value && this.safe(b.value, depth + 1);
        case 'arith':
          return true;
        case 'param':
          return !!b.type && SAFE_TYPES.test(b.type);
        case 'for': {
          const it = b.value && unparen(b.value);
          if (!it) return false;
          if (it.type === 'function_call_expression' && lastName(field(it, 'function')).toLowerCase() === 'range') return true;
          return this.constantCollection(it, depth + 1);
        }
        default:
          return false;
      }
    });
  }

  /**
   * The variable is read in the `then` branch of an `if` that checks it: `if (in_array($x, $allowed))`,
   * `if (filter_var($x, FILTER_VALIDATE_INT))`, `if (is_numeric($x) && …)`, `if (ctype_digit($x))`.
   */
  private guarded(e: Node, depth: number): boolean {
    for (let n: Node | null = e; n && !NESTED.has(n.type); n = n.parent) {
      const p: Node | null = n.parent;
      if (p?.type !== 'if_statement' || !same(field(p, 'body') ?? undefined, n)) continue;
      const cond = field(p, 'condition');
      const conjuncts: Node[] = [];
      const split = (c: Node) => {
        c = unparen(c);
        if (c.type === 'binary_expression' && /^(?:&&|and)$/i.test(field(c, 'operator')?.text ?? '')) for (const x of [field(c, 'left'), field(c, 'right')]) { if (x) split(x); }
        else conjuncts.push(c);
      };
      if (cond) split(cond);
      if (conjuncts.some((c) => this.checks(c, e, depth))) return true;
    }
    return false;
  }

  /**
   * An earlier statement of the same block leaves unless the variable passes a check (`if (!is_numeric($id)) { die(); }`,
   * `if (filter_var($id, FILTER_VALIDATE_INT) === false) return;`) or resets it to a safe value
   * (`if (!in_array($s, $allowed)) { $s = 'name'; }`), and the variable is not written again before the use.
   */
  private exitGuarded(e: Node, depth: number): boolean {
    const r = this.resolve(e);
    for (let st: Node | null = e; st && !NESTED.has(st.type); st = st.parent) {
      const block = st.parent;
      if (!block || (block.type !== 'compound_statement' && block.type !== 'program')) continue;
      for (let prev: Node | null = st.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
        if (prev.type !== 'if_statement' || field(prev, 'alternative')) continue;
        const cond = field(prev, 'condition');
        const body = field(prev, 'body');
        if (!cond || !body || !this.failedCheck(cond, e, depth)) continue;
        const guardEnd = prev.endIndex;
        if (r?.list.some((b) => b.at.startIndex > guardEnd && b.at.startIndex < e.startIndex)) return false;
        if (leaves(body)) return true;
        const stmts = body.type === 'compound_statement' ? named(body).filter((x) => x.type !== 'comment') : [body];
        const only = stmts.length === 1 ? unparen(stmts[0].type === 'expression_statement' ? named(stmts[0])[0] ?? stmts[0] : stmts[0]) : undefined;
        if (only?.type === 'assignment_expression' && field(only, 'left')?.text === e.text && !!field(only, 'right') && this.safe(field(only, 'right')!, depth + 1)) return true;
      }
    }
    return false;
  }

  /** `cond` holds whenever `v` fails a check: `!is_numeric($v)`, `filter_var($v, …) === false`, or either side of `||`. */
  private failedCheck(cond: Node, v: Node, depth: number): boolean {
    const c = unparen(cond);
    if (c.type === 'binary_expression') {
      const op = field(c, 'operator')?.text ?? '';
      const l = field(c, 'left');
      const rt = field(c, 'right');
      if (/^(?:\|\||or)$/i.test(op)) return (!!l && this.failedCheck(l, v, depth)) || (!!rt && this.failedCheck(rt, v, depth));
      if (op === '===' || op === '==') {
        const other = l?.text.toLowerCase() === 'false' ? rt : rt?.text.toLowerCase() === 'false' ? l : undefined;
        return !!other && this.checks(unparen(other), v, depth);
      }
      return false;
    }
    if (c.type === 'unary_op_expression' && c.text.startsWith('!')) {
      const inner = named(c)[0];
      return !!inner && this.checks(unparen(inner), v, depth);
    }
    return false;
  }

  /** Whether `c` is a check that lets only numbers or allow-listed values of `v` through. */
  private checks(c: Node, v: Node, depth: number): boolean {
    if (c.type !== 'function_call_expression') return false;
    const name = lastName(field(c, 'function')).toLowerCase();
    const [a, b] = argsOf(c).list;
    // preg_match('/^\d+$/', $x)
    if (name === 'preg_match') {
      const pat = a && this.constant(a, depth + 1);
      return !!b && unparen(b).text === v.text && pat !== undefined && DIGITS_PATTERN.test(pat);
    }
    if (!a || unparen(a).text !== v.text) return false;
    if (/^(?:is_numeric|is_int|is_integer|is_float|is_bool|ctype_digit|ctype_xdigit)$/.test(name)) return true;
    if (name === 'filter_var') return !!b && NUMERIC_FILTER.test(b.text);
    if (name === 'in_array') return !!b && this.constantCollection(b, depth + 1);
    return false;
  }

  private constantCollection(n: Node, depth: number): boolean {
    if (depth > 8) return false;
    n = unparen(n);
    if (n.type === 'variable_name') {
      const v = this.singleValue(n);
      return !!v && this.constantCollection(v, depth + 1);
    }
    if (n.type === 'class_constant_access_expression') return true;
    if (n.type === 'member_access_expression') return isScreaming(field(n, 'name')?.text ?? '');
    if (n.type === 'array_creation_expression') return named(n).every((x) => named(x).every((v) => this.safe(v, depth + 1)));
    return false;
  }

  private safeCall(e: Node, depth: number): boolean {
    const name = lastName(field(e, 'function')).toLowerCase();
    const { list } = argsOf(e);
    if (SAFE_FUNCTIONS.has(name)) return true;
    if (name === 'date' || name === 'gmdate') return !!list[0] && this.constant(list[0], depth + 1) !== undefined;
    // filter_var($x, FILTER_VALIDATE_INT), filter_input(INPUT_GET, 'id', FILTER_SANITIZE_NUMBER_INT): a number or false.
    if (name === 'filter_var') return !!list[1] && NUMERIC_FILTER.test(list[1].text);
    if (name === 'filter_input') return !!list[2] && NUMERIC_FILTER.test(list[2].text);
    // sprintf('%d', $x): only numeric conversions.
    if (name === 'sprintf') {
      const f = list[0] && this.constant(list[0], depth + 1);
      return f !== undefined && numericFormat(f);
    }
    // preg_replace('/\W/', '', $x), preg_replace('/[^a-z0-9_]/i', '', $x): word characters only.
    if (name === 'preg_replace') {
      const pat = list[0] && this.constant(list[0], depth + 1);
      const rep = list[1] && this.constant(list[1], depth + 1);
      return pat !== undefined && rep === '' && WORD_ONLY_PATTERN.test(pat);
    }
    if (name === 'str_repeat') return !!list[0] && this.safe(list[0], depth + 1);
    if (name === 'array_fill') return !!list[2] && this.safe(list[2], depth + 1);
    if (name === 'array_map') {
      const f = list[0] && unparen(list[0]);
      const fname = f && this.constant(f, depth + 1);
      if (fname && SAFE_FUNCTIONS.has(fname.toLowerCase())) return true;
      if (f && (f.type === 'arrow_function' || f.type === 'anonymous_function')) {
        const body = field(f, 'body');
        if (f.type === 'arrow_function') return !!body && (this.constant(body, depth + 1) !== undefined || this.lambdaSafe(body));
      }
      return false;
    }
    if (name === 'array_keys' || name === 'array_values' || name === 'array_unique' || name === 'array_filter') return !!list[0] && this.safe(list[0], depth + 1);
    if (STRING_FUNCTIONS_KEEPING_SAFETY.has(name)) {
      if (name === 'implode' || name === 'join') {
        const [sep, arr] = list.length === 2 ? list : [undefined, list[0]];
        return (!sep || this.constant(sep, depth + 1) !== undefined) && !!arr && this.safe(arr, depth + 1);
      }
      return !!list[0] && this.safe(list[0], depth + 1);
    }
    return false;
  }

  /** `fn($x) => (int) $x`, `fn() => '?'`. */
  private lambdaSafe(body: Node): boolean {
    const b = unparen(body);
    if (b.type === 'cast_expression') return SAFE_CASTS.test(field(b, 'type')?.text ?? '');
    if (b.type === 'function_call_expression') return SAFE_FUNCTIONS.has(lastName(field(b, 'function')).toLowerCase());
    return false;
  }

  /** `$this->table`, `self::TABLE`, `$wpdb->prefix`, `static::$table`, constants: the developer's, not the user's. */
  private devControlled(e: Node): boolean {
    e = unparen(e);
    switch (e.type) {
      case 'class_constant_access_expression':
      case 'scoped_property_access_expression':
        return true;
      case 'name':
      case 'qualified_name':
        return true;
      case 'member_access_expression':
      case 'nullsafe_member_access_expression': {
        let root: Node = e;
        while ((root.type === 'member_access_expression' || root.type === 'nullsafe_member_access_expression') && field(root, 'object')) root = field(root, 'object')!;
        return root.text === '$this' || /^\$(?:wpdb|table_prefix)$/.test(root.text) || isScreaming(field(e, 'name')?.text ?? '');
      }
      case 'member_call_expression':
      case 'scoped_call_expression': {
        const name = (field(e, 'name')?.text ?? '').toLowerCase();
        return DEV_METHODS.has(name);
      }
      case 'variable_name': {
        if (e.text === '$table_prefix') return true;
        // A parameter named for a table (`$table`, `$archiveTable`), never written in the function: the caller's table.
        if (!TABLE_PARAM.test(e.text.slice(1))) return false;
        const r = this.resolve(e);
        return !!r && r.list.length > 0 && r.list.every((b) => b.kind === 'param');
      }
      default:
        return false;
    }
  }

  // --- fixes ----------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    if (sink.irregular) return [];
    const lines = this.ctx.lines;
    const q = sink.query;
    const edits: TextEdit[] = [];
    let style: PlaceholderStyle;
    let existing: string[] = [];
    let title = 'Parameterize query';
    /** The driver binds every value as a string: no placeholder for a LIMIT or OFFSET count. */
    let stringsOnly = false;
    let writeValues: (values: string[]) => TextEdit | undefined;
    const appendAfterQuery = (v: string[]) => lines.edit(q.endIndex, q.endIndex, `, [${v.join(', ')}]`);
    if (sink.kind === 'pg') {
      if (sink.queryIndex !== sink.args.length - 1) return [];
      const fn = field(sink.call, 'function');
      if (!fn) return [];
      style = '$';
      edits.push(lines.edit(fn.endIndex - 'pg_query'.length, fn.endIndex, 'pg_query_params'));
      writeValues = appendAfterQuery;
    } else if (sink.kind === 'laravel' || sink.kind === 'laravelRaw') {
      style = '?';
      const bindings = sink.args[sink.queryIndex + 1];
      if (!bindings) {
        if (sink.queryIndex !== sink.args.length - 1) return [];
        writeValues = appendAfterQuery;
      } else {
        const b = unparen(bindings);
        if (b.type !== 'array_creation_expression') return [];
        const elems = named(b);
        if (elems.some((x) => x.type !== 'array_element_initializer' || named(x).length !== 1 || kids(x).some((k) => k.type === '...'))) return [];
        existing = elems.map((x) => named(x)[0].text);
        writeValues = (v) => lines.edit(b.startIndex, b.endIndex, `[${v.join(', ')}]`);
      }
    } else {
      const plan = this.driverPlan(sink);
      if (!plan || !singleStatement(a)) return [];
      style = '?';
      stringsOnly = true;
      title = plan.title;
      edits.push(...plan.edits);
      writeValues = plan.writeValues;
    }
    const r = placeholderize(built.items, a, style, existing, (inner) => this.regionValue(inner));
    if (!r) return [];
    if (stringsOnly && r.pieces.some((p, i) => isLimitPlaceholder(r.pieces, p, i))) return [];
    const literal = phpLiteral(r.pieces);
    if (literal === undefined) return [];
    edits.push(lines.edit(built.root.startIndex, built.root.endIndex, literal));
    const ve = writeValues(r.values);
    if (!ve) return [];
    edits.push(ve);
    return [{ title, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /**
   * mysqli and PDO: the call rewritten to the driver's parameterized form, once the receiver is known to be that driver.
   * - `mysqli_query($c, sql)` -> `mysqli_execute_query($c, sql, [values])`, and `$mysqli->query(sql)` ->
   *   `$mysqli->execute_query(sql, [values])` (PHP 8.2+; the same `mysqli_result|bool` result, so any use of it stays).
   * - PDO `$stmt = $pdo->query(sql);` -> `$stmt = $pdo->prepare(sql);` then `$stmt->execute([values]);`, and a
   *   `query`/`exec` whose result is unused -> `$pdo->prepare(sql)->execute([values]);`. Any other use of the result
   *   (`exec`'s row count, a `query` read inline by `foreach`, `return` or `->fetchAll()`) gets no fix.
   * `real_query`, `multi_query`, `prepare`, and calls with a result mode or fetch mode argument get none either.
   * Under PDO::ERRMODE_SILENT a failing prepare() returns false where query() did, so the fix stays `unsafe`.
   */
  private driverPlan(sink: Sink): { title: string; edits: TextEdit[]; writeValues: (values: string[]) => TextEdit | undefined } | undefined {
    const lines = this.ctx.lines;
    const { call, query: q } = sink;
    const appendAfterQuery = (v: string[]) => lines.edit(q.endIndex, q.endIndex, `, [${v.join(', ')}]`);
    if (sink.kind === 'mysqli') {
      const fn = field(call, 'function');
      if (!fn || sink.args.length !== 2 || sink.queryIndex !== 1) return undefined;
      return {
        title: 'Parameterize query (mysqli_execute_query, PHP 8.2+)',
        edits: [lines.edit(fn.endIndex - 'mysqli_query'.length, fn.endIndex, 'mysqli_execute_query')],
        writeValues: appendAfterQuery,
      };
    }
    if (call.type !== 'member_call_expression' || sink.args.length !== 1 || sink.queryIndex !== 0) return undefined;
    const name = field(call, 'name');
    const obj = field(call, 'object');
    if (!name || !obj) return undefined;
    const driver = this.receiverDriver(obj, call);
    if (driver === 'mysqli') {
      if (sink.method !== 'query') return undefined;
      return {
        title: 'Parameterize query (mysqli::execute_query, PHP 8.2+)',
        edits: [lines.edit(name.startIndex, name.endIndex, 'execute_query')],
        writeValues: appendAfterQuery,
      };
    }
    if (driver !== 'pdo' || (sink.method !== 'query' && sink.method !== 'exec')) return undefined;
    const rename = lines.edit(name.startIndex, name.endIndex, 'prepare');
    const title = 'Parameterize query (PDO prepare + execute)';
    const parent = call.parent;
    if (parent?.type === 'expression_statement') {
      // The result is unused: execute the prepared statement in place.
      return { title, edits: [rename], writeValues: (v) => lines.edit(call.endIndex, call.endIndex, `->execute([${v.join(', ')}])`) };
    }
    if (sink.method !== 'query' || parent?.type !== 'assignment_expression' || !same(field(parent, 'right'), call)) return undefined;
    const target = field(parent, 'left');
    const st = parent.parent;
    if (target?.type !== 'variable_name' || st?.type !== 'expression_statement' || !STATEMENT_LISTS.has(st.parent?.type ?? '') ||
      !st.text.endsWith(';')) return undefined;
    const writeValues = (v: string[]): TextEdit | undefined => {
      // `$name = $pdo->query("… '$name'")`: the statement would replace the value before execute() reads it.
      const self = new RegExp('\\' + target.text + '(?![\\w\\x80-\\uffff])');
      if (v.some((x) => self.test(x))) return undefined;
      const execute = `${target.text}->execute([${v.join(', ')}]);`;
      const at = lines.positionAt(st.startIndex);
      const line = lines.lineText(at.line);
      const rest = lines.text.slice(st.endIndex, lines.lineEnd(lines.positionAt(st.endIndex).line));
      // On its own line with the statement's indentation; after it on the same line when more code follows there.
      if (rest.trim()) return lines.edit(st.endIndex, st.endIndex, ` ${execute}`);
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      return lines.edit(st.endIndex, st.endIndex, `${lines.eol}${indent}${execute}`);
    };
    return { title, edits: [rename], writeValues };
  }

  /** The driver of a call's receiver: a local or global variable, or a property of `$this`; undefined when not known. */
  private receiverDriver(obj: Node, call: Node): Driver | undefined {
    obj = unparen(obj);
    if (obj.type === 'variable_name') return this.variableDriver(obj);
    if (obj.type === 'member_access_expression' && field(obj, 'object')?.text === '$this' && field(obj, 'name')?.type === 'name') {
      return this.propertyDriver(field(obj, 'name')!.text, call);
    }
    return undefined;
  }

  /**
   * What the variable's own scope says it holds (a typed parameter, `new PDO(…)`, `mysqli_connect(…)`) decides. When it
   * says nothing (an untyped parameter, `global`, no binding at all), the file does: the connections assigned to that
   * name anywhere in it, or else the PDO_NAMES convention.
   */
  private variableDriver(v: Node): Driver | undefined {
    if (v.text === '$this' || SUPERGLOBALS.test(v.text)) return undefined;
    const r = this.resolve(v);
    if (r?.scope.type === 'arrow_function') {
      const params = field(r.scope, 'parameters');
      const type = params && named(params).map((p) => field(p, 'name')?.text === v.text && field(p, 'type')).find(Boolean);
      return type ? agreed([driverOfType(type.text)], false) : undefined;
    }
    const local: Known[] = [];
    let unknown = false;
    for (const b of r?.list ?? []) {
      if (b.kind === 'param') {
        if (b.type) local.push(driverOfType(b.type));
      } else if (b.kind === 'assign' && b.value) {
        const k = driverOfValue(b.value);
        if (k) local.push(k);
        else if (unparen(b.value).type !== 'null') unknown = true;
      } else if (!(b.kind === 'other' && this.declaredOutside(b.at))) unknown = true;
    }
    if (local.length || unknown) return agreed(local, unknown);
    const c = this.connectionsInFile();
    const assigned = c.vars.get(v.text);
    if (assigned) return agreed(assigned, false);
    return PDO_NAMES.test(v.text) && c.pdo && !c.mysqli ? 'pdo' : undefined;
  }

  /** `global $db;` or `function () use ($db)`: a binding that names a variable from elsewhere. */
  private declaredOutside(id: Node): boolean {
    const p = id.parent;
    return p?.type === 'global_declaration' || p?.type === 'anonymous_function_use_clause';
  }

  private connectionsInFile(): { vars: Map<string, Known[]>; pdo: boolean; mysqli: boolean } {
    if (this.connections) return this.connections;
    const vars = new Map<string, Known[]>();
    walkTree(this.root, (n) => {
      if (n.type !== 'assignment_expression') return;
      const left = field(n, 'left');
      const right = field(n, 'right');
      const k = right && driverOfValue(right);
      if (left?.type === 'variable_name' && k) vars.set(left.text, [...(vars.get(left.text) ?? []), k]);
    });
    const text = this.ctx.text;
    this.connections = { vars, pdo: /\bnew\s+\\?PDO\s*\(|\bPDO::/.test(text), mysqli: /\bmysqli/i.test(text) };
    return this.connections;
  }

  /**
   * `$this->db` in a class that declares `private PDO $db` (or promotes a typed constructor parameter): the type decides.
   * An untyped property counts when every assignment to it in the class creates the same driver.
   */
  private propertyDriver(prop: string, call: Node): Driver | undefined {
    let cls: Node | undefined;
    for (let p = call.parent; p && !cls; p = p.parent) {
      if (p.type === 'class_declaration' || p.type === 'trait_declaration' || p.type === 'anonymous_class') cls = p;
      else if (p.type === 'function_definition') return undefined;
    }
    const body = cls && field(cls, 'body');
    if (!body) return undefined;
    const typed: Known[] = [];
    const assigned: Known[] = [];
    let unknown = false;
    walkTree(body, (n) => {
      if (n.id !== body.id && (n.type === 'anonymous_class' || (NESTED.has(n.type) && n.type !== 'method_declaration' && n.type !== 'anonymous_function' && n.type !== 'arrow_function'))) return false;
      if (n.type === 'property_declaration') {
        const type = field(n, 'type');
        const declares = named(n).some((e) => e.type === 'property_element' && field(e, 'name')?.text === '$' + prop);
        if (declares && type) typed.push(driverOfType(type.text));
      } else if (n.type === 'property_promotion_parameter') {
        const type = field(n, 'type');
        if (field(n, 'name')?.text === '$' + prop && type) typed.push(driverOfType(type.text));
      } else if (n.type === 'assignment_expression') {
        const left = field(n, 'left');
        const right = field(n, 'right');
        if (left?.type === 'member_access_expression' && field(left, 'object')?.text === '$this' && field(left, 'name')?.text === prop && right) {
          const k = driverOfValue(right);
          if (k) assigned.push(k);
          else if (unparen(right).type !== 'null') unknown = true;
        }
      }
      return undefined;
    });
    // A typed property holds its type whatever is assigned to it.
    if (typed.length) return agreed(typed, false);
    return assigned.length ? agreed(assigned, unknown) : undefined;
  }

  /** `'%$q%'` -> `"%{$q}%"` (or `'%' . f($q) . '%'`). */
  private regionValue(inner: Item[]): string | undefined {
    return phpLiteral(unquoteRegion(inner).map((x) => (x.kind === 'ch' ? { ch: x } : { hole: x })));
  }
}

/**
 * Whether the SQL is one statement with no `;` outside its strings: a prepared statement takes no second statement,
 * where query() or exec() may run several, and MySQL asks for no terminating `;` either.
 */
function singleStatement(a: Analysis): boolean {
  for (let i = 0; i < a.skeleton.length; i++) if (a.skeleton[i] === ';' && a.state[i] === 'code') return false;
  return true;
}

/**
 * A placeholder for a LIMIT or OFFSET count. PDO binds every execute() value as a string, which MySQL's emulated
 * prepares write as `LIMIT '10'`, a syntax error; mysqli_execute_query binds strings too.
 */
function isLimitPlaceholder(pieces: Piece[], p: Piece, i: number): boolean {
  if (!('ch' in p) || !p.placeholder) return false;
  let before = '';
  for (let k = i - 1; k >= 0 && before.length < 40; k--) {
    const x = pieces[k];
    if (!('ch' in x)) break;
    before = x.ch.c + before;
  }
  return /\b(?:limit|offset)\s*$|\blimit\s+\S+\s*,\s*$/i.test(before);
}

/** The pieces as one PHP string expression: single-quoted when nothing is interpolated, else double-quoted. */
export function phpLiteral(pieces: Piece[]): string | undefined {
  const holes = pieces.some((p) => 'hole' in p);
  const escaped = pieces.some((p) => 'ch' in p && p.ch.c.charCodeAt(0) < 0x20 && p.ch.r !== p.ch.c);
  if (!holes && !escaped) {
    return "'" + pieces.map((p) => ('ch' in p ? (p.ch.c === '\\' || p.ch.c === "'" ? '\\' + p.ch.c : p.ch.c) : '')).join('') + "'";
  }
  const parts: string[] = [];
  let cur = '';
  let open = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if ('ch' in p) {
      cur += p.placeholder ? p.ch.c : p.ch.r;
      open = true;
      continue;
    }
    const src = p.hole.src;
    if (/^\$[A-Za-z_]/.test(src) && !/[\r\n]/.test(src)) {
      cur += `{${src}}`;
      open = true;
    } else {
      if (open) parts.push(`"${cur}"`);
      parts.push(src);
      cur = '';
      open = false;
    }
  }
  if (open) parts.push(`"${cur}"`);
  if (!parts.length) return "''";
  return parts.join(' . ');
}

