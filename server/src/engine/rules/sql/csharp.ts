// sql/string-built-query for C#: SQL built with `$"…{x}…"`, `+`, `+=`, `string.Format`, `string.Concat` or a
// `StringBuilder` that reaches ADO.NET (`new SqlCommand(sql, …)`, `cmd.CommandText = sql`), EF Core / EF6 raw SQL
// (`FromSqlRaw`, `ExecuteSqlRaw`, `SqlQueryRaw`, `SqlQuery`, `ExecuteSqlCommand`), Dapper (`conn.Query(sql, …)`, a
// `CommandDefinition` passed on), data helpers (`MySqlHelper`, `SqlHelper`), ServiceStack OrmLite and PetaPoco / NPoco.
// There is no C# grammar in the bundle: a small tokenizer (regular, verbatim, interpolated and raw strings, comments,
// names, operators and brackets) is enough for these shapes, followed through locals of the same member.
// Fixes rewrite one interpolated literal: EF Core's `…Interpolated` methods, Dapper's params object, and parameters on
// ADO.NET commands (`@name` for SqlClient, MySQL and SQLite, `:name` for Oracle, `$1` for Npgsql).
import { analyze, looksLikeSql, MARK, type Analysis, type Ch, type Hole, type Item } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { short, SQL_HINT, type SqlDetector, hasUnsafeHole } from './detector';

export const csharp: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'csharp',
  check(ctx) {
    if (!SINK_HINT.test(ctx.text) || !(SQL_HINT.test(ctx.text) || CLAUSE_HINT.test(ctx.text))) return;
    new CsChecker(ctx).run();
  },
};

/** A parameter named for a table (`table`, `tableName`, `srcTable`, `tbl`): the callers pass the code's tables. */
const TABLE_PARAM = /^@?(?:table|tbl)(?:_?[Nn]ame)?$|^@?[a-z]\w*(?:Table|_table)(?:_?[Nn]ame)?$/;
const SINK_HINT = /Command\b|CommandText|DataAdapter\b|CommandDefinition|RawSqlString|\bnew\s+Sql\s*\(|\b(?:FromSql|ExecuteSql|SqlQuery|Query|Execute|Create(?:SQL)?Query|Sql(?:List|Scalar|Column)|Unsafe|Select|Single|Scalar|Column|Exists|Fetch|Page|SkipTake|First|Lookup|Dictionary|KeyValuePairs|RowCount|UpdateDataset)\w*\s*[<(]/;

/** Methods given a clause (no SQL keyword needed in the file): OrmLite's `Unsafe…` and filters like `db.Select<T>(…)`. */
const CLAUSE_HINT = /\bUnsafe(?:Where|And|Or|Having|Select|From|GroupBy|OrderBy)\s*\(|\b(?:Select|Single|Exists|SelectLazy|SelectNonDefaults)(?:Async)?\s*</;

// --- tokens --------------------------------------------------------------------------------------------------------

interface StrPart {
  kind: 'text' | 'interp';
  start: number;
  end: number;
  /** Interpolation with an alignment or format (`{x,10}`, `{d:yyyy}`). */
  fmt?: boolean;
}

interface Tok {
  type: 'str' | 'char' | 'name' | 'num' | 'op' | 'open' | 'close' | 'comma' | 'semi';
  start: number;
  end: number;
  text: string;
  str?: StrInfo;
}

interface StrInfo {
  interp: boolean;
  verbatim: boolean;
  raw: boolean;
  parts: StrPart[];
  /** Raw strings: indentation removed from every content line, and the content bounds. */
  indent?: string;
  contentStart?: number;
  contentEnd?: number;
}

const OPS = ['??=', '=>', '==', '!=', '<=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '??', '?.', '::', '->', '..'];

/** Tokens of C# source; comments and preprocessor lines dropped. */
export function lexCSharp(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;

  /** Reads a string literal starting at `i` (at its `$`/`@` prefix or quote); undefined when there is none. */
  const readString = (i: number): { end: number; info: StrInfo } | undefined => {
    let j = i;
    let dollars = 0;
    let verbatim = false;
    while (text[j] === '$') { dollars++; j++; }
    if (text[j] === '@') {
      verbatim = true;
      j++;
      while (text[j] === '$') { dollars++; j++; }
    }
    if (text[j] !== '"') return undefined;
    const parts: StrPart[] = [];
    const interp = dollars > 0;
    if (text.startsWith('"""', j)) {
      let q = 0;
      while (text[j + q] === '"') q++;
      const close = '"'.repeat(q);
      const bodyStart = j + q;
      let k = bodyStart;
      let from = k;
      const open = '{'.repeat(Math.max(dollars, 1));
      const shut = '}'.repeat(Math.max(dollars, 1));
      while (k < n && !text.startsWith(close, k)) {
        if (interp && text.startsWith(open, k) && text[k + open.length] !== '{') {
          if (k > from) parts.push({ kind: 'text', start: from, end: k });
          const h = readHole(k + open.length, shut);
          parts.push(h.part);
          k = h.end;
          from = k;
          continue;
        }
        k++;
      }
      if (k > from) parts.push({ kind: 'text', start: from, end: k });
      const end = Math.min(n, k + q);
      const info: StrInfo = { interp, verbatim: false, raw: true, parts };
      const firstNl = text.indexOf('\n', bodyStart);
      if (firstNl >= 0 && firstNl < k && text.slice(bodyStart, firstNl).trim() === '') {
        const lastNl = text.lastIndexOf('\n', k - 1);
        info.indent = text.slice(lastNl + 1, k);
        info.contentStart = firstNl + 1;
        info.contentEnd = lastNl > firstNl && text[lastNl - 1] === '\r' ? lastNl - 1 : lastNl;
        if (info.contentEnd < info.contentStart) info.contentEnd = info.contentStart;
      }
      return { end, info };
    }
    let k = j + 1;
    let from = k;
    while (k < n) {
      const c = text[k];
      if (c === '"') {
        if (verbatim && text[k + 1] === '"') { k += 2; continue; }
        break;
      }
      if (!verbatim && c === '\\') { k += 2; continue; }
      if (!verbatim && c === '\n') break;
      if (interp && c === '{') {
        if (text[k + 1] === '{') { k += 2; continue; }
        if (k > from) parts.push({ kind: 'text', start: from, end: k });
        const h = readHole(k + 1, '}');
        parts.push(h.part);
        k = h.end;
        from = k;
        continue;
      }
      if (interp && c === '}' && text[k + 1] === '}') { k += 2; continue; }
      k++;
    }
    if (k > from) parts.push({ kind: 'text', start: from, end: Math.min(k, n) });
    let end = Math.min(n, k + 1);
    if (text.startsWith('u8', end)) end += 2;
    return { end, info: { interp, verbatim, raw: false, parts } };
  };

  /** An interpolation from `k` (after the brace) up to `shut`; the expression stops at a top-level `,` or `:`. */
  const readHole = (k: number, shut: string): { part: StrPart; end: number } => {
    const start = k;
    let depth = 0;
    let exprEnd = -1;
    while (k < n) {
      const c = text[k];
      if (depth === 0 && text.startsWith(shut, k)) break;
      if (c === '"' || ((c === '$' || c === '@') && /^[$@]*"/.test(text.slice(k, k + 4)))) {
        const s = readString(k);
        k = s ? s.end : k + 1;
        continue;
      }
      if (c === "'") { k = readChar(k); continue; }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (depth === 0 && exprEnd < 0 && (c === ',' || (c === ':' && text[k + 1] !== ':' && text[k - 1] !== ':'))) exprEnd = k;
      k++;
    }
    const end = exprEnd < 0 ? k : exprEnd;
    return { part: { kind: 'interp', start, end, fmt: exprEnd >= 0 }, end: Math.min(n, k + shut.length) };
  };

  const readChar = (k: number): number => {
    let j = k + 1;
    if (text[j] === '\\') j += 2;
    else j++;
    while (j < n && text[j] !== "'" && text[j] !== '\n' && j - k < 12) j++;
    return text[j] === "'" ? j + 1 : k + 1;
  };

  let i = 0;
  let lineStart = true;
  while (i < n) {
    const c = text[i];
    if (c === '\n') { lineStart = true; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '#' && lineStart) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    lineStart = false;
    if (c === '/' && text[i + 1] === '/') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    const start = i;
    if (c === '"' || c === '$' || (c === '@' && (text[i + 1] === '"' || text[i + 1] === '$'))) {
      const s = readString(i);
      if (s) {
        toks.push({ type: 'str', start, end: s.end, text: text.slice(start, s.end), str: s.info });
        i = s.end;
        continue;
      }
    }
    if (c === "'") {
      const e = readChar(i);
      toks.push({ type: 'char', start, end: e, text: text.slice(start, e) });
      i = e;
      continue;
    }
    const id = /^@?[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i, i + 256));
    if (id) {
      toks.push({ type: 'name', start, end: i + id[0].length, text: id[0] });
      i += id[0].length;
      continue;
    }
    if (/\d/.test(c)) {
      const m = /^(?:0[xX][\da-fA-F_]+|0[bB][01_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?)[a-zA-Z]*/.exec(text.slice(i, i + 64))!;
      toks.push({ type: 'num', start, end: i + m[0].length, text: m[0] });
      i += m[0].length;
      continue;
    }
    if ('([{'.includes(c)) { toks.push({ type: 'open', start, end: i + 1, text: c }); i++; continue; }
    if (')]}'.includes(c)) { toks.push({ type: 'close', start, end: i + 1, text: c }); i++; continue; }
    if (c === ',') { toks.push({ type: 'comma', start, end: i + 1, text: c }); i++; continue; }
    if (c === ';') { toks.push({ type: 'semi', start, end: i + 1, text: c }); i++; continue; }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? c;
    toks.push({ type: 'op', start, end: i + op.length, text: op });
    i += op.length;
  }
  return toks;
}

// --- sinks ---------------------------------------------------------------------------------------------------------

type SinkKind = 'ado' | 'efRaw' | 'efMaybe' | 'dapper' | 'helper' | 'lib';

const COMMAND_TYPE = /^(?:Sql|Npgsql|MySql|Sqlite|SQLite|Oracle|OleDb|Odbc|Db2|Fb|SqlCe|Entity)(?:Command|DataAdapter)$/;
const EF_RAW = new Set(['FromSqlRaw', 'ExecuteSqlRaw', 'ExecuteSqlRawAsync', 'SqlQueryRaw']);
/** Take a `FormattableString` (EF Core 7/8, EF Core 2) when given `$"…"` directly, and a string otherwise (EF6, EF Core 2). */
const EF_MAYBE = new Set(['FromSql', 'SqlQuery', 'ExecuteSqlCommand', 'ExecuteSqlCommandAsync']);
const DAPPER = new Set(['Query', 'QueryAsync', 'QueryFirst', 'QueryFirstAsync', 'QueryFirstOrDefault', 'QueryFirstOrDefaultAsync',
  'QuerySingle', 'QuerySingleAsync', 'QuerySingleOrDefault', 'QuerySingleOrDefaultAsync', 'QueryMultiple', 'QueryMultipleAsync',
  'Execute', 'ExecuteAsync', 'ExecuteScalar', 'ExecuteScalarAsync', 'ExecuteReader', 'ExecuteReaderAsync']);
/** Data access helpers (Enterprise Library `Database`, `SqlHelper`): the SQL follows `CommandType.Text` when it is given. */
const HELPERS = new Set(['ExecuteDataSet', 'ExecuteDataset', 'ExecuteNonQuery', 'ExecuteXmlReader', 'GetSqlStringCommand', 'LoadDataSet',
  // LINQ to SQL `DataContext`, NHibernate `ISession` (HQL and native SQL)
  'ExecuteQuery', 'ExecuteCommand', 'CreateQuery', 'CreateSQLQuery']);
/**
 * Other libraries' methods whose first argument (after a `typeof(T)`) is SQL: ServiceStack OrmLite, PetaPoco / NPoco,
 * MySqlHelper. Reported, never fixed.
 */
const LIB_SQL = new Set(['SqlList', 'SqlListAsync', 'SqlScalar', 'SqlScalarAsync', 'SqlColumn', 'SqlColumnAsync', 'ExecuteSql', 'ExecuteSqlAsync',
  'ExecuteNonQueryAsync', 'RowCount', 'RowCountAsync', 'ExecuteDataRow', 'ExecuteDataRowAsync', 'ExecuteDatasetAsync', 'UpdateDataset', 'UpdateDatasetAsync',
  'UnsafeWhere', 'UnsafeAnd', 'UnsafeOr', 'UnsafeHaving', 'UnsafeSelect', 'UnsafeFrom', 'UnsafeGroupBy', 'UnsafeOrderBy']);
/**
 * Common names that take SQL only when given type arguments (OrmLite `db.Select<T>(sql)`, PetaPoco `db.Fetch<T>(sql)`):
 * `DataTable.Select(filter)` and LINQ's `First(x => …)` do not.
 */
const LIB_SQL_GENERIC = new Set(['Select', 'SelectAsync', 'Single', 'SingleAsync', 'Scalar', 'ScalarAsync', 'Column', 'ColumnAsync', 'ColumnDistinct',
  'ColumnDistinctAsync', 'ColumnLazy', 'Dictionary', 'DictionaryAsync', 'Lookup', 'LookupAsync', 'KeyValuePairs', 'KeyValuePairsAsync', 'Exists',
  'ExistsAsync', 'SelectLazy', 'SelectNonDefaults', 'SelectNonDefaultsAsync', 'Fetch', 'FetchAsync', 'Page', 'PageAsync', 'SkipTake', 'SkipTakeAsync',
  'First', 'FirstAsync', 'FirstOrDefault', 'FirstOrDefaultAsync', 'SingleOrDefault', 'SingleOrDefaultAsync']);
/** A first argument that names a connection or its string. */
const CONN_ARG = /(?:^|[._])(?:cs|\w*conn\w*)$/i;
/** A first argument that is a transaction. */
const TRANSACTION_ARG = /(?:^|[._])(?:\w*Trans(?:action)?\w*|tx|trx|tran)$|\.BeginTransaction\s*\(\s*\)$/i;
/** PetaPoco / NPoco paging: `db.Page<T>(page, size, sql)`. */
const PAGED = new Set(['Page', 'PageAsync', 'SkipTake', 'SkipTakeAsync']);
/**
 * The SQL text given to these is a clause, not a statement: the analysis reads it inside one (OrmLite's `Unsafe…`
 * builders; `db.Select<T>(filter)` adds `SELECT … WHERE` itself when the text does not start a statement).
 */
const CLAUSE: Record<string, [string, string]> = {
  UnsafeWhere: ['SELECT * FROM t WHERE ', ''], UnsafeAnd: ['SELECT * FROM t WHERE a = 1 AND ', ''], UnsafeOr: ['SELECT * FROM t WHERE a = 1 OR ', ''],
  UnsafeHaving: ['SELECT a FROM t GROUP BY a HAVING ', ''], UnsafeSelect: ['SELECT ', ' FROM t'], UnsafeFrom: ['SELECT * FROM ', ''],
  UnsafeGroupBy: ['SELECT a FROM t GROUP BY ', ''], UnsafeOrderBy: ['SELECT * FROM t ORDER BY ', ''],
};
const FILTER = new Set(['Select', 'SelectAsync', 'Single', 'SingleAsync', 'Exists', 'ExistsAsync', 'SelectLazy', 'SelectNonDefaults', 'SelectNonDefaultsAsync']);
const EF_FIX: Record<string, string> = { FromSqlRaw: 'FromSqlInterpolated', ExecuteSqlRaw: 'ExecuteSqlInterpolated', ExecuteSqlRawAsync: 'ExecuteSqlInterpolatedAsync' };
/** ADO.NET commands the fixes know: `@name` parameters, Oracle's `:name`, or Npgsql's positional `$1`. */
type AdoStyle = 'named' | 'oracle' | 'positional';
const ADO_STYLE: Record<string, AdoStyle> = {
  SqlCommand: 'named', MySqlCommand: 'named', SqliteCommand: 'named', SQLiteCommand: 'named', OracleCommand: 'oracle', NpgsqlCommand: 'positional',
};
/** What `conn.CreateCommand()` returns for each connection (or Npgsql data source) type. */
const CONNECTION_COMMAND: Record<string, string> = {
  SqlConnection: 'SqlCommand', MySqlConnection: 'MySqlCommand', SqliteConnection: 'SqliteCommand', SQLiteConnection: 'SQLiteCommand',
  OracleConnection: 'OracleCommand', NpgsqlConnection: 'NpgsqlCommand', NpgsqlDataSource: 'NpgsqlCommand',
};
/** Oracle reserved words: not valid as bind variable names (ORA-01745). */
const ORACLE_RESERVED = new Set(('ACCESS ADD ALL ALTER AND ANY AS ASC AUDIT BETWEEN BY CHAR CHECK CLUSTER COLUMN COMMENT COMPRESS CONNECT CREATE ' +
  'CURRENT DATE DECIMAL DEFAULT DELETE DESC DISTINCT DROP ELSE EXCLUSIVE EXISTS FILE FLOAT FOR FROM GRANT GROUP HAVING IDENTIFIED IMMEDIATE IN ' +
  'INCREMENT INDEX INITIAL INSERT INTEGER INTERSECT INTO IS LEVEL LIKE LOCK LONG MAXEXTENTS MINUS MLSLABEL MODE MODIFY NOAUDIT NOCOMPRESS NOT ' +
  'NOWAIT NULL NUMBER OF OFFLINE ON ONLINE OPTION OR ORDER PCTFREE PRIOR PRIVILEGES PUBLIC RAW RENAME RESOURCE REVOKE ROW ROWID ROWNUM ROWS ' +
  'SELECT SESSION SET SHARE SIZE SMALLINT START SUCCESSFUL SYNONYM SYSDATE TABLE THEN TO TRIGGER UID UNION UNIQUE UPDATE USER VALIDATE VALUES ' +
  'VARCHAR VARCHAR2 VIEW WHENEVER WHERE WITH').split(' '));

interface Sink {
  kind: SinkKind;
  method: string;
  /** Token of the method (or type) name. */
  nameTok: number;
  args: [number, number][];
  /** Token range of the SQL expression. */
  q: [number, number];
  /** The SQL is passed by name (`sql: …`). */
  named?: boolean;
  /** Index of the SQL among the arguments. */
  qIndex: number;
}

// --- values --------------------------------------------------------------------------------------------------------

const SAFE_TYPE = /^(?:System\.)?(?:int|uint|long|ulong|short|ushort|byte|sbyte|decimal|double|float|bool|nint|nuint|Int16|Int32|Int64|UInt16|UInt32|UInt64|Decimal|Double|Single|Boolean|Byte|SByte|Half|Guid|DateTime|DateTimeOffset|DateOnly|TimeOnly|TimeSpan|BigInteger)\??$/;
const SAFE_LIST = /^(?:(?:System\.Collections\.Generic\.)?(?:List|IList|IEnumerable|ICollection|IReadOnlyList|IReadOnlyCollection|HashSet|ISet)<(.+)>|(.+)\[\])$/;
const SAFE_CALL = /^(?:(?:int|long|short|byte|decimal|double|float|uint|ulong|Int32|Int64|Int16|Decimal|Double|Guid|DateTime|DateTimeOffset|DateOnly|TimeOnly|TimeSpan)\.(?:Parse|ParseExact)|Convert\.To(?:Int16|Int32|Int64|UInt16|UInt32|UInt64|Decimal|Double|Single|Boolean|DateTime|Byte)|Guid\.NewGuid|(?:System\.)?Enum\.Parse|Math\.\w+|DateTime\.(?:Now|UtcNow|Today)|DateTimeOffset\.(?:Now|UtcNow)|Environment\.TickCount\d*|string\.Empty|String\.Empty)\b/;
const SAFE_MEMBER = /\.(?:Count|Length|LongCount|Count\(\)|LongCount\(\)|GetHashCode\(\)|Year|Month|Day|Hour|Minute|Second|Ticks|TotalDays|TotalSeconds|TotalMilliseconds|Days|Seconds)$/;
const NON_TYPE_WORDS = new Set(['return', 'new', 'else', 'await', 'yield', 'throw', 'case', 'goto', 'in', 'is', 'as', 'typeof', 'sizeof', 'nameof',
  'default', 'checked', 'unchecked', 'lock', 'using', 'if', 'while', 'for', 'foreach', 'switch', 'do', 'try', 'catch', 'finally', 'when', 'where',
  'select', 'from', 'orderby', 'group', 'into', 'let', 'join', 'on', 'equals', 'by', 'public', 'private', 'protected', 'internal', 'static', 'readonly',
  'const', 'operator', 'implicit', 'explicit', 'get', 'set', 'init', 'add', 'remove', 'override', 'virtual', 'abstract', 'sealed', 'async', 'and', 'or', 'not']);
const STRING_TYPE = /^(?:var|string|String|System\.String|string\?)$/;

interface CsCh extends Ch {
  /** Source span of the character in a literal (absent for inlined constants). */
  at?: number;
  end?: number;
}

interface Decl {
  tok: number;
  type: string;
  kind: 'local' | 'param' | 'const';
  value?: [number, number];
  /** `foreach (var x in value)`. */
  each?: boolean;
}

interface Write {
  tok: number;
  op: '=' | '+=' | 'other';
  value?: [number, number];
}

interface Built {
  items: Item[];
  /** The SQL argument is one literal of the call (the fixes only rewrite those). */
  direct: boolean;
}

/** A run of SQL items [from, to] that one parameter replaces, and the C# expression of its value. */
interface Slot {
  from: number;
  to: number;
  value: string;
  /** Expression the parameter is named after. */
  hint?: string;
  /** The value may be a constant expression (a constant 0 would pick a parameter constructor taking a DbType enum). */
  konst: boolean;
}

/** Where an ADO.NET fix puts its parameters. */
interface AdoTarget {
  style: AdoStyle;
  /** `SqlParameter`, with the command type's namespace qualifier. */
  param: string;
  /** `ctor`: an initializer after `new XCommand(…)`; `init`: a member of the command's initializer; `stmt`: statements after `cmd.CommandText = …;`. */
  form: 'ctor' | 'init' | 'stmt';
  /** Offset where the parameters go. */
  at: number;
  /** The local holding the command. */
  cmd?: string;
  /** Token of the sink (the `new` or the local before `.CommandText`). */
  use?: number;
  /** Statements: the line break and indentation before each (absent when they go on the same line). */
  lead?: string;
}

class CsChecker {
  private readonly toks: Tok[];
  private readonly match = new Map<number, number>();
  private readonly back = new Map<number, number>();
  /** Innermost `{` containing each token (-1 at the top). */
  private readonly encl: number[] = [];
  private readonly typeBodies = new Map<number, boolean>();
  /** Member ranges of each type body. */
  private readonly segments = new Map<number, [number, number][]>();
  private readonly memberDecls = new Map<number, Map<string, Decl[]>>();
  private readonly consts = new Map<string, string>();
  private readonly enums = new Set<string>();
  /** Position of the sink use being checked (for variable lookups). */
  private at = 0;
  /** A local's text was inlined into the SQL under check (its literal is not the whole SQL). */
  private inlined = false;

  constructor(private readonly ctx: RuleContext) {
    this.toks = lexCSharp(ctx.text);
    const stack: number[] = [];
    const braces: number[] = [];
    this.toks.forEach((t, i) => {
      this.encl.push(braces.length ? braces[braces.length - 1] : -1);
      if (t.type === 'open') {
        stack.push(i);
        if (t.text === '{') braces.push(i);
      } else if (t.type === 'close' && stack.length) {
        const o = stack.pop()!;
        this.match.set(o, i);
        this.back.set(i, o);
        if (this.toks[o].text === '{') braces.pop();
      }
    });
    this.collectConsts();
  }

  run(): void {
    const t = this.toks;
    for (let i = 0; i < t.length; i++) {
      const sink = this.sink(i);
      if (sink) this.check(sink);
    }
  }

  // --- structure ---------------------------------------------------------------------------------------------------

  private tx(i: number): string {
    return this.toks[i]?.text ?? '';
  }

  private src(a: number, b: number): string {
    return this.ctx.text.slice(this.toks[a].start, this.toks[b - 1].end);
  }

  private isTypeBody(open: number): boolean {
    let r = this.typeBodies.get(open);
    if (r !== undefined) return r;
    r = false;
    for (let k = open - 1; k >= 0; k--) {
      const t = this.toks[k];
      if (t.type === 'semi' || (t.type === 'open' && t.text === '{') || (t.type === 'close' && t.text === '}')) break;
      if (t.type === 'name' && /^(?:class|struct|interface|record|namespace|enum)$/.test(t.text)) {
        const p = this.toks[k - 1];
        if (p && (p.text === ':' || p.type === 'comma' || p.text === 'new')) continue;
        r = true;
        break;
      }
    }
    this.typeBodies.set(open, r);
    return r;
  }

  /** Token range [from, to) of the member (method, property, constructor…) holding token `at`. */
  private memberOf(at: number): [number, number] {
    let o = this.encl[at];
    while (o >= 0 && !this.isTypeBody(o)) o = this.encl[o];
    if (o < 0) return [0, this.toks.length];
    let segs = this.segments.get(o);
    if (!segs) {
      segs = [];
      const close = this.match.get(o) ?? this.toks.length;
      let segStart = o + 1;
      for (let k = o + 1; k < close; k++) {
        const t = this.toks[k];
        if (t.type === 'open') {
          const j = this.match.get(k) ?? close;
          const next = this.toks[j + 1];
          if (t.text === '{' && (!next || !(next.text === '=' || next.type === 'semi' || next.text === '.' || next.type === 'close' || next.type === 'comma'))) {
            segs.push([segStart, j + 1]);
            segStart = j + 1;
          }
          k = j;
          continue;
        }
        if (t.type === 'semi') {
          segs.push([segStart, k + 1]);
          segStart = k + 1;
        }
      }
      if (segStart < close) segs.push([segStart, close]);
      this.segments.set(o, segs);
    }
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid][1] <= at) lo = mid + 1;
      else hi = mid;
    }
    return segs[lo] ?? [o + 1, o + 1];
  }

  /** End (exclusive) of an expression starting at `k`: the next top-level `;`, `,` or closing bracket. */
  private exprEnd(k: number, limit = this.toks.length): number {
    for (; k < limit; k++) {
      const t = this.toks[k];
      if (t.type === 'open') { k = this.match.get(k) ?? limit; continue; }
      if (t.type === 'semi' || t.type === 'comma' || t.type === 'close') return k;
    }
    return limit;
  }

  /** Start of the type that ends at token `k` (a name, `>`, `]` or `?`), or undefined. */
  private typeStart(k: number, floor: number): number | undefined {
    let j = k;
    for (;;) {
      if (j < floor) return undefined;
      const t = this.toks[j];
      if (t.text === '?' && t.type === 'op') { j--; continue; }
      if (t.type === 'close' && t.text === ']') {
        const o = this.back.get(j);
        if (o === undefined || o !== j - 1 && !this.toks.slice(o + 1, j).every((x) => x.type === 'comma')) return undefined;
        j = o - 1;
        continue;
      }
      if (t.text === '>') {
        let depth = 0;
        for (; j >= floor; j--) {
          const x = this.toks[j];
          if (x.text === '>') depth++;
          else if (x.text === '<') { depth--; if (depth === 0) break; }
          else if (!(x.type === 'name' || x.type === 'comma' || x.text === '.' || x.text === '?' || x.text === '[' || x.text === ']')) return undefined;
        }
        if (j < floor) return undefined;
        j--;
        continue;
      }
      if (t.type !== 'name' || NON_TYPE_WORDS.has(t.text)) return undefined;
      if (this.tx(j - 1) === '.' || this.tx(j - 1) === '::') { j -= 2; continue; }
      return j;
    }
  }

  /** Parameters, locals and constants declared in the member. */
  private declsOf(member: [number, number]): Map<string, Decl[]> {
    let map = this.memberDecls.get(member[0]);
    if (map) return map;
    map = new Map();
    this.memberDecls.set(member[0], map);
    const [ms, me] = member;
    const t = this.toks;
    const add = (name: string, d: Decl) => {
      const list = map!.get(name) ?? [];
      list.push(d);
      map!.set(name, list);
    };
    // Parameters: the first top-level `(…)` before the body.
    for (let k = ms; k < me; k++) {
      const x = t[k];
      if (x.type === 'open' && x.text === '[') { k = this.match.get(k) ?? me; continue; }
      if ((x.type === 'open' && x.text === '{') || x.text === '=>' || x.text === '=' || x.type === 'semi') break;
      if (x.type === 'open' && x.text === '(') {
        const close = this.match.get(k) ?? me;
        let from = k + 1;
        for (let j = k + 1; j <= close; j++) {
          if (t[j].type === 'open') { j = this.match.get(j) ?? close; continue; }
          if (j === close || t[j].type === 'comma') {
            let last = j;
            for (let q = from; q < j; q++) if (t[q].text === '=') { last = q; break; }
            const nameTok = last - 1;
            if (nameTok > from && t[nameTok].type === 'name') {
              const ts = this.typeStart(nameTok - 1, from);
              if (ts !== undefined) add(t[nameTok].text, { tok: nameTok, type: this.src(ts, nameTok).replace(/\s+/g, ''), kind: 'param' });
            }
            from = j + 1;
          }
        }
        break;
      }
    }
    for (let k = ms + 1; k < me; k++) {
      const x = t[k];
      if (x.type !== 'name') continue;
      const next = t[k + 1];
      if (!next) continue;
      const declEnd = next.text === '=' || next.type === 'semi' || next.type === 'comma' || next.text === 'in' || next.type === 'close' || next.text === '&&';
      if (!declEnd) continue;
      const prev = t[k - 1];
      if (!(prev.type === 'name' || prev.text === '>' || prev.text === ']' || prev.text === '?')) continue;
      const ts = this.typeStart(k - 1, ms);
      if (ts === undefined) continue;
      const before = t[ts - 1];
      // A declaration starts a statement, a `for`/`using` header, or follows `out`/`is`.
      if (before && !(before.type === 'semi' || before.type === 'open' || (before.type === 'close' && before.text === '}') ||
        /^(?:const|out|ref|using|await|is|scoped|readonly|static|else|do)$/.test(before.text) || before.type === 'comma')) continue;
      if (before?.type === 'comma' || (before?.text === '(' && next.type === 'comma')) continue;
      const kind = before?.text === 'const' ? 'const' : 'local';
      const each = next.text === 'in';
      const value: [number, number] | undefined = next.text === '=' || each ? [k + 2, this.exprEnd(k + 2, me)] : undefined;
      add(x.text, { tok: k, type: this.src(ts, k).replace(/\s+/g, ''), kind, value, each });
    }
    return map;
  }

  /** The declaration of `name` seen from token `use` (the nearest one before it in the member). */
  private resolve(name: string, use: number): Decl | undefined {
    const list = this.declsOf(this.memberOf(use)).get(name);
    if (!list) return undefined;
    let best: Decl | undefined;
    for (const d of list) if (d.tok <= use && (!best || d.tok > best.tok)) best = d;
    return best;
  }

  /** Assignments to a local after its declaration and before `use`. */
  private writes(d: Decl, name: string, use: number): Write[] | undefined {
    const [, me] = this.memberOf(use);
    const out: Write[] = [];
    const t = this.toks;
    const from = d.kind === 'param' ? this.memberOf(use)[0] : d.value ? d.value[1] : d.tok + 1;
    for (let k = from; k < Math.min(use, me); k++) {
      if (t[k].type !== 'name' || t[k].text !== name || k === d.tok) continue;
      const p = t[k - 1];
      if (p && (p.text === '.' || p.text === '?.')) continue;
      if (p && (p.text === 'out' || p.text === 'ref')) return undefined;
      const op = t[k + 1]?.text;
      if (op === '=' || op === '+=') {
        out.push({ tok: k, op, value: [k + 2, this.exprEnd(k + 2, me)] });
      } else if (op === '??=' || op === '-=' || op === '++' || op === '--') out.push({ tok: k, op: 'other' });
    }
    return out;
  }

  private collectConsts(): void {
    const t = this.toks;
    for (let k = 0; k + 4 < t.length; k++) {
      if (t[k].text === 'enum' && t[k + 1].type === 'name') this.enums.add(t[k + 1].text);
      if (t[k].text !== 'const') continue;
      // const <type> Name = literal;
      let j = k + 1;
      while (j < t.length && !(t[j].type === 'name' && t[j + 1]?.text === '=')) j++;
      const v = t[j + 2];
      if (!v || t[j + 3]?.type !== 'semi') continue;
      if (v.type === 'str' && !v.str!.interp) this.consts.set(t[j].text, this.charsOf(v).map((c) => c.c).join(''));
      else if (v.type === 'num') this.consts.set(t[j].text, v.text.replace(/[_a-zA-Z]+$/, ''));
    }
  }

  // --- sinks ---------------------------------------------------------------------------------------------------------

  private sink(i: number): Sink | undefined {
    const t = this.toks;
    const x = t[i];
    if (x.type !== 'name') return undefined;
    // new SqlCommand(sql, conn), new System.Data.SqlClient.SqlCommand(sql)
    if (x.text === 'new') {
      let j = i + 1;
      while (t[j]?.type === 'name' && t[j + 1]?.text === '.') j += 2;
      let name = t[j]?.type === 'name' ? t[j].text : '';
      let open = j + 1;
      if (t[j]?.text === '(') {
        // Target-typed `SqlCommand cmd = new(sql, conn)`.
        open = j;
        name = t[i - 1]?.text === '=' && t[i - 2]?.type === 'name' ? t[i - 3]?.text ?? '' : '';
      }
      if (t[open]?.text !== '(') return undefined;
      // Dapper's `new CommandDefinition(sql, …)` once it is passed on; PetaPoco's `new Sql(sql, …)`; EF Core 2's `new RawSqlString(sql)`.
      if ((name === 'CommandDefinition' && this.passedOn(i)) || name === 'Sql' || name === 'RawSqlString') {
        const args = this.args(open);
        if (!args.length) return undefined;
        const named = args.find(([a]) => t[a].type === 'name' && t[a + 1]?.text === ':' && /^(?:sql|commandText)$/.test(t[a].text));
        if (named) return { kind: 'lib', method: name, nameTok: open - 1, args, q: [named[0] + 2, named[1]], named: true, qIndex: args.indexOf(named) };
        if (t[args[0][0]].type === 'name' && t[args[0][0] + 1]?.text === ':') return undefined;
        return { kind: 'lib', method: name, nameTok: open - 1, args, q: args[0], qIndex: 0 };
      }
      // WebForms `new SqlDataSource([provider,] connectionString, selectSql)`.
      if (name === 'SqlDataSource') {
        const args = this.args(open);
        if (args.length < 2) return undefined;
        return { kind: 'lib', method: name, nameTok: open - 1, args, q: args[args.length - 1], qIndex: args.length - 1 };
      }
      if (!COMMAND_TYPE.test(name)) return undefined;
      const args = this.args(open);
      if (!args.length) return undefined;
      return { kind: 'ado', method: name, nameTok: open - 1, args, q: args[0], qIndex: 0 };
    }
    // cmd.CommandText = sql; new SqlCommand { CommandText = sql }
    if (x.text === 'CommandText' && t[i + 1]?.text === '=') {
      const p = t[i - 1]?.text;
      if (p !== '.' && p !== '{' && p !== ',') return undefined;
      const end = this.exprEnd(i + 2);
      if (end <= i + 2) return undefined;
      return { kind: 'ado', method: 'CommandText', nameTok: i, args: [[i + 2, end]], q: [i + 2, end], qIndex: 0 };
    }
    // SqlDataSource's `ds.SelectCommand = sql` (an adapter's SelectCommand takes a command object, never built text).
    if (/^(?:Select|Insert|Update|Delete)Command$/.test(x.text) && t[i + 1]?.text === '=' && (t[i - 1]?.text === '.' || t[i - 1]?.text === '{' || t[i - 1]?.type === 'comma')) {
      const end = this.exprEnd(i + 2);
      if (end <= i + 2) return undefined;
      return { kind: 'lib', method: x.text, nameTok: i, args: [[i + 2, end]], q: [i + 2, end], qIndex: 0 };
    }
    const kind: SinkKind | undefined = EF_RAW.has(x.text) ? 'efRaw' : EF_MAYBE.has(x.text) ? 'efMaybe' : DAPPER.has(x.text) ? 'dapper' : HELPERS.has(x.text) ? 'helper'
      : LIB_SQL.has(x.text) || (LIB_SQL_GENERIC.has(x.text) && t[i + 1]?.text === '<') ? 'lib' : undefined;
    if (!kind || (t[i - 1]?.text !== '.' && t[i - 1]?.text !== '?.')) return undefined;
    let open = i + 1;
    if (t[open]?.text === '<') {
      let depth = 0;
      for (; open < t.length; open++) {
        const y = t[open];
        if (y.text === '<') depth++;
        else if (y.text === '>') { if (--depth === 0) break; }
        else if (!(y.type === 'name' || y.type === 'comma' || y.text === '.' || y.text === '?' || y.text === '[' || y.text === ']' || y.text === '(' || y.text === ')')) return undefined;
      }
      open++;
    }
    if (t[open]?.text !== '(') return undefined;
    const args = this.args(open);
    if (!args.length) return undefined;
    // ExecuteDataset(conn, CommandType.Text, sql); EF6 ExecuteSqlCommand(TransactionalBehavior.…, sql); SqlQuery(typeof(T), sql)
    let qIndex = 0;
    const cmdType = args.findIndex(([a, b]) => /^(?:System\.Data\.)?CommandType\.Text$/.test(this.src(a, b)));
    if (cmdType === 0 || cmdType === 1) qIndex = cmdType + 1;
    else if (/^(?:TransactionalBehavior\.\w+|typeof\s*\(.*\))$/s.test(this.src(args[0][0], args[0][1]))) qIndex = 1;
    else if (kind === 'lib' && PAGED.has(x.text)) qIndex = 2;
    // MySqlHelper.ExecuteScalar(connectionString, sql), SqlHelper.ExecuteDataset(conn, sql): the connection comes first.
    // Enterprise Library `db.ExecuteDataSet(transaction, sql, …)`.
    else if (args.length >= 2 && (kind === 'helper' || kind === 'dapper') && TRANSACTION_ARG.test(this.src(args[0][0], args[0][1]))) qIndex = 1;
    else if (args.length >= 2 && /Helper$/.test(this.tx(i - 2)) && (this.tx(i - 2) === 'MySqlHelper' || CONN_ARG.test(this.src(args[0][0], args[0][1])))) qIndex = 1;
    if (qIndex >= args.length) return undefined;
    let q = args[qIndex];
    let named = false;
    const namedSql = args.find(([a]) => t[a].type === 'name' && t[a + 1]?.text === ':' && /^(?:sql|commandText|query)$/.test(t[a].text));
    if (namedSql) { q = [namedSql[0] + 2, namedSql[1]]; named = true; }
    else if (t[q[0]].type === 'name' && t[q[0] + 1]?.text === ':') return undefined;
    if (q[0] >= q[1]) return undefined;
    return { kind, method: x.text, nameTok: i, args, q, named, qIndex };
  }

  /**
   * Whether the object created by the `new` at `k` goes on somewhere: an argument, returned, or a local read later in
   * the member (a `CommandDefinition` runs nothing by itself).
   */
  private passedOn(k: number): boolean {
    const t = this.toks;
    const p = t[k - 1];
    if (!p) return false;
    if (p.text === '(' || p.type === 'comma' || p.text === 'return' || p.text === '=>' || p.text === ':') return true;
    if (p.text !== '=' || t[k - 2]?.type !== 'name') return false;
    const name = t[k - 2].text;
    const [, me] = this.memberOf(k);
    if (t[k - 3]?.text === '.' || this.encl[k] >= 0 && this.isTypeBody(this.encl[k])) return true; // a field or property
    for (let m = this.exprEnd(k, me); m < me; m++) if (t[m].text === name && t[m - 1]?.text !== '.') return true;
    return false;
  }

  /** Argument token ranges of the call whose `(` is at `open`. */
  private args(open: number): [number, number][] {
    const close = this.match.get(open);
    if (close === undefined) return [];
    const out: [number, number][] = [];
    let from = open + 1;
    for (let k = open + 1; k < close; k++) {
      const t = this.toks[k];
      if (t.type === 'open') { k = this.match.get(k) ?? close; continue; }
      if (t.type === 'comma') { out.push([from, k]); from = k + 1; }
    }
    if (from < close) out.push([from, close]);
    return out;
  }

  private check(sink: Sink): void {
    const [q0, q1] = sink.q;
    const t = this.toks;
    this.at = q0;
    this.inlined = false;
    const single = q1 - q0 === 1 ? t[q0] : undefined;
    // EF Core's FromSql/SqlQuery/ExecuteSqlCommand given `$"…"` take a FormattableString and parameterize it.
    if (sink.kind === 'efMaybe' && single?.type === 'str' && single.str!.interp) return;
    const built = this.build(q0, q1);
    if (!built) return;
    let items = built.items;
    let a = analyze(items, 'fragment');
    if (sink.kind === 'lib') {
      // A clause is read inside a statement; no fix rewrites these, so the added text is never written back.
      const wrap = CLAUSE[sink.method] ?? (FILTER.has(sink.method) && !looksLikeSql(a.skeleton) ? ['WHERE ', ''] : undefined);
      if (wrap) {
        const chars = (x: string): Item[] => [...x].map((c) => ({ kind: 'ch', c, r: c }));
        items = [...chars(wrap[0]), ...items, ...chars(wrap[1])];
        a = analyze(items, 'fragment');
      }
    }
    if (!looksLikeSql(a.skeleton)) return;
    const values: Hole[] = [];
    const names: Hole[] = [];
    const fragments: Hole[] = [];
    for (const h of a.holes) {
      const it = items[h.item] as Hole;
      if (it.kind !== 'hole' || it.safe || h.pos === 'ignored') continue;
      if (h.pos === 'value') values.push(it);
      else if (!it.devControlled) (h.pos === 'name' ? names : fragments).push(it);
    }
    if (!values.length && !names.length && (!fragments.length || this.hasParams(sink, a))) return;
    const start = t[q0].start;
    const end = t[q1 - 1].end;
    if (values.length) {
      this.ctx.report({ start, end, messageId: 'interpolatedValue', data: { expr: short(values[0].src) }, fixes: built.direct && sink.kind !== 'lib' ? this.fixes(sink, built, a) : [] });
    } else {
      this.ctx.report({ start, end, messageId: 'interpolatedIdentifier', data: { expr: short((names[0] ?? fragments[0]).src) } });
    }
  }

  /** The call passes values for placeholders (so a fragment is likely a list of them). */
  private hasParams(sink: Sink, a: Analysis): boolean {
    for (let i = 0; i < a.skeleton.length; i++) {
      if (a.state[i] === 'code' && /^(?:@\w|\?|:[A-Za-z_]|\{\d+\})/.test(a.skeleton.slice(i, i + 4)) && a.skeleton[i - 1] !== ':') return true;
    }
    if (sink.kind !== 'ado') return sink.args.length > sink.qIndex + 1;
    const [ms, me] = this.memberOf(sink.nameTok);
    for (let k = ms; k < me; k++) {
      const x = this.toks[k].text;
      if (x === 'CreateParameter' || x === 'AddWithValue' || (x === 'Parameters' && this.tx(k + 1) === '.' && /^Add/.test(this.tx(k + 2)))) return true;
    }
    return false;
  }

  // --- building the SQL -------------------------------------------------------------------------------------------

  /** The SQL items of the argument [a0, a1): built in place, or through a local variable. */
  private build(a0: number, a1: number): Built | undefined {
    const ops = this.operands(a0, a1);
    if (!ops) return undefined;
    if (this.isBuilt(ops, 0)) {
      const items = this.items(ops, 0);
      if (!items || !hasUnsafeHole(items)) return undefined;
      return { items, direct: ops.length === 1 && a1 - a0 === 1 && !this.inlined };
    }
    if (a1 - a0 === 1 && this.toks[a0].type === 'name') {
      const v = this.varItems(this.toks[a0].text, a0, 0);
      if (!v || !v.built || !hasUnsafeHole(v.items)) return undefined;
      return { items: v.items, direct: false };
    }
    return undefined;
  }

  /** Operands of a top-level `+` chain over [a0, a1); one operand for other expressions. */
  private operands(a0: number, a1: number): [number, number][] | undefined {
    if (a0 >= a1) return undefined;
    const out: [number, number][] = [];
    let from = a0;
    for (let k = a0; k < a1; k++) {
      const t = this.toks[k];
      if (t.type === 'open') { k = this.match.get(k) ?? a1; continue; }
      if (t.type !== 'op') continue;
      if (t.text === '+') {
        if (k === from) return k === a0 ? [[a0, a1]] : undefined;
        out.push([from, k]);
        from = k + 1;
      } else if (/^(?:\?|\?\?|:|==|!=|&&|\|\||=|\+=|=>|<=|>=|\|)$/.test(t.text) || (t.text === '>' && this.toks[k + 1]?.text !== '(') ) {
        return [[a0, a1]];
      }
    }
    if (from >= a1) return undefined;
    out.push([from, a1]);
    return out;
  }

  private isStrLit(r: [number, number]): boolean {
    return r[1] - r[0] === 1 && this.toks[r[0]].type === 'str';
  }

  /** `string.Format(…)` / `String.Concat(…)`: the `(` token. */
  private stringCall(r: [number, number], method: 'Format' | 'Concat'): number | undefined {
    const t = this.toks;
    let k = r[0];
    if (t[k]?.text === 'System' && t[k + 1]?.text === '.') k += 2;
    if (!/^(?:string|String)$/.test(t[k]?.text ?? '') || t[k + 1]?.text !== '.' || t[k + 2]?.text !== method || t[k + 3]?.text !== '(') return undefined;
    return this.match.get(k + 3) === r[1] - 1 ? k + 3 : undefined;
  }

  /** The elements of `new string[] { … }` / `new[] { … }` spanning [r0, r1). */
  private arrayElements(r: [number, number]): [number, number][] | undefined {
    const t = this.toks;
    let k = r[0];
    if (t[k]?.text !== 'new') return undefined;
    k++;
    if (/^(?:string|String|object)$/.test(t[k]?.text ?? '')) k++;
    if (t[k]?.text !== '[' || t[k + 1]?.text !== ']' || t[k + 2]?.text !== '{' || this.match.get(k + 2) !== r[1] - 1) return undefined;
    const out = this.args(k + 2);
    if (out.length && out[out.length - 1][0] >= out[out.length - 1][1]) out.pop(); // a trailing comma
    return out.length ? out : undefined;
  }

  /** `x.ToString()` at the end of [r0, r1): the receiver's range. */
  private toStringOf(r: [number, number]): [number, number] | undefined {
    const t = this.toks;
    const [a, b] = r;
    if (b - a < 5 || t[b - 1].text !== ')' || t[b - 2].text !== '(' || t[b - 3].text !== 'ToString' || t[b - 4].text !== '.') return undefined;
    return [a, b - 4];
  }

  /** The ranges of a StringBuilder expression ending in `.ToString()`: an inline chain or a local builder. */
  private isBuilder(r: [number, number]): boolean {
    const recv = this.toStringOf(r);
    if (!recv) return false;
    const t = this.toks;
    if (recv[1] - recv[0] === 1 && t[recv[0]].type === 'name') {
      const d = this.resolve(t[recv[0]].text, recv[0]);
      return !!d && d.kind === 'local' && !!d.value && this.isNewBuilder(d.value[0], d.type);
    }
    return this.isNewBuilder(recv[0], '');
  }

  private isNewBuilder(k: number, declType: string): boolean {
    const t = this.toks;
    if (t[k]?.text !== 'new') return false;
    let j = k + 1;
    while (t[j]?.type === 'name' && t[j + 1]?.text === '.') j += 2;
    if (t[j]?.text === 'StringBuilder') return true;
    return t[j]?.text === '(' && /(?:^|\.)StringBuilder$/.test(declType);
  }

  /** Whether the operands build a string from parts (interpolation, `+` with a string, a format or builder). */
  private isBuilt(ops: [number, number][], depth: number): boolean {
    if (ops.length > 1) return ops.some((o) => this.isStringy(o, depth));
    const o = ops[0];
    const t = this.toks;
    if (this.isStrLit(o)) return t[o[0]].str!.interp && t[o[0]].str!.parts.some((p) => p.kind === 'interp');
    if (this.stringCall(o, 'Format') !== undefined || this.stringCall(o, 'Concat') !== undefined) return true;
    if (this.isBuilder(o)) return true;
    if (t[o[0]].text === '(' && this.match.get(o[0]) === o[1] - 1) {
      const inner = this.operands(o[0] + 1, o[1] - 1);
      return !!inner && depth < 6 && this.isBuilt(inner, depth + 1);
    }
    return false;
  }

  private isStringy(o: [number, number], depth: number): boolean {
    const t = this.toks;
    if (this.isStrLit(o)) return true;
    if (this.isBuilt([o], depth)) return true;
    if (o[1] - o[0] === 1 && t[o[0]].type === 'name') {
      if (this.consts.has(t[o[0]].text) && !/^\d/.test(this.consts.get(t[o[0]].text)!)) return true;
      const d = this.resolve(t[o[0]].text, o[0]);
      return !!d && /^(?:string|String|System\.String)\??$/.test(d.type) || (!!d?.value && d.type === 'var' && depth < 6 && this.isStringy(d.value, depth + 1));
    }
    return false;
  }

  /** The SQL text of a local (declaration plus `=`/`+=` writes before the use at `use`). */
  private varItems(name: string, use: number, depth: number): { items: Item[]; built: boolean } | undefined {
    if (depth > 6) return undefined;
    const d = this.resolve(name, use);
    if (!d || d.kind === 'const' || d.each) return undefined;
    if (!STRING_TYPE.test(d.type)) return undefined;
    const writes = this.writes(d, name, use);
    if (!writes) return undefined;
    let parts: [number, number][] = d.value ? [d.value] : [];
    /** Parts that are `$"{name} …"`: the local's text so far, then the rest of the template. */
    const selfLed = new Set<[number, number]>();
    let appended = false;
    for (const w of writes) {
      if (w.op === 'other' || !w.value) return undefined;
      if (w.op === '=') {
        const ops = this.operands(w.value[0], w.value[1]);
        if (ops && ops.length === 1 && this.leadsWith(ops[0], name)) {
          if (!parts.length && d.kind !== 'param') return undefined;
          parts.push(ops[0]);
          selfLed.add(ops[0]);
          appended = true;
        } else if (ops && ops.length > 1 && ops[0][1] - ops[0][0] === 1 && this.toks[ops[0][0]].text === name) {
          if (!parts.length && d.kind !== 'param') return undefined;
          parts.push(...ops.slice(1));
          appended = true;
        } else {
          parts = [w.value];
          appended = false;
        }
      } else {
        if (!parts.length && d.kind !== 'param') return undefined;
        parts.push(w.value);
        appended = true;
      }
    }
    if (!parts.length) return undefined;
    const items: Item[] = [];
    if (d.kind === 'param' && appended && writes[0]?.op === '+=') items.push({ kind: 'hole', src: name, safe: false, devControlled: true });
    else if (d.kind === 'param') return undefined;
    let built = appended;
    for (const p of parts) {
      if (selfLed.has(p)) {
        items.push(...this.strItems(this.toks[p[0]], p[0], depth + 1, true));
        continue;
      }
      const ops = this.operands(p[0], p[1]);
      if (!ops) return undefined;
      if (parts.length === 1 && this.isBuilt(ops, depth + 1)) built = true;
      const its = this.items(ops, depth + 1);
      if (!its) return undefined;
      items.push(...its);
    }
    return { items, built };
  }

  /** Items of `+` operands. */
  private items(ops: [number, number][], depth: number): Item[] | undefined {
    const out: Item[] = [];
    const t = this.toks;
    for (const op of ops) {
      const o = this.peelCase(op);
      const [a, b] = o;
      if (this.isStrLit(o)) {
        out.push(...this.strItems(t[a], a, depth));
        continue;
      }
      if (b - a === 1 && t[a].type === 'char') {
        const c = decodeEscapes(t[a].text.slice(1, -1));
        out.push({ kind: 'ch', c, r: c });
        continue;
      }
      const fmt = this.stringCall(o, 'Format');
      if (fmt !== undefined) {
        const its = this.formatItems(this.args(fmt), depth);
        if (its) { out.push(...its); continue; }
      }
      const concat = this.stringCall(o, 'Concat');
      if (concat !== undefined) {
        let args = this.args(concat);
        // string.Concat(new string[] { "…", x, "…" })
        if (args.length === 1) args = this.arrayElements(args[0]) ?? args;
        if (args.length > 1) {
          const its = this.items(args, depth);
          if (its) { out.push(...its); continue; }
        }
      }
      if (this.isBuilder(o) && depth < 6) {
        const its = this.builderItems(o, depth + 1);
        if (!its) return undefined;
        out.push(...its);
        continue;
      }
      if (t[a].text === '(' && this.match.get(a) === b - 1 && depth < 6) {
        const inner = this.operands(a + 1, b - 1);
        if (inner && inner.length > 1 && this.isBuilt(inner, depth + 1)) {
          const its = this.items(inner, depth + 1);
          if (its) { out.push(...its); continue; }
        }
      }
      if (b - a === 1 && t[a].type === 'name') {
        out.push(...this.nameItems(t[a].text, a, depth));
        continue;
      }
      out.push(this.hole(this.src(a, b), a));
    }
    return out;
  }

  /** `"…".ToLowerInvariant()`, `.Trim()`: the literal keeps its holes. */
  private peelCase(o: [number, number]): [number, number] {
    const t = this.toks;
    const a = o[0];
    let b = o[1];
    while (b - a > 4 && t[b - 1].text === ')' && t[b - 2].text === '(' && /^(?:ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|Trim|TrimEnd|TrimStart)$/.test(t[b - 3].text) && t[b - 4].text === '.') b -= 4;
    return b - a === 1 && t[a].type === 'str' ? [a, b] : o;
  }

  /** A local's text inlined (a single hole keeps the local's name), or the name as a hole. */
  private nameItems(name: string, use: number, depth: number): Item[] {
    const v = depth < 6 ? this.varItems(name, use, depth + 1) : undefined;
    if (!v) return [this.hole(name, use)];
    if (v.items.length === 1 && v.items[0].kind === 'hole') return [{ ...v.items[0], src: name }];
    this.inlined = true;
    return v.items;
  }

  /** One argument as items: literal text, a built string, or one hole. */
  private argItems(r: [number, number], depth: number): Item[] | undefined {
    const ops = this.operands(r[0], r[1]);
    if (!ops) return undefined;
    if (ops.length > 1 && !ops.some((o) => this.isStringy(o, depth))) return [this.hole(this.src(r[0], r[1]), r[0])];
    return this.items(ops, depth);
  }

  /** `string.Format([provider,] fmt, args…)` as items; undefined when the format is not a literal or constant. */
  private formatItems(args: [number, number][], depth: number): Item[] | undefined {
    const t = this.toks;
    let i = 0;
    const isFmt = (r: [number, number] | undefined) => !!r && ((this.isStrLit(r) && !t[r[0]].str!.interp) || (r[1] - r[0] === 1 && t[r[0]].type === 'name' && this.consts.has(t[r[0]].text)));
    if (!isFmt(args[0]) && isFmt(args[1])) i = 1;
    const f = args[i];
    if (!isFmt(f)) return undefined;
    const chars: CsCh[] = this.isStrLit(f) ? this.strItems(t[f[0]]) as CsCh[] : [...this.consts.get(t[f[0]].text)!].map((c) => ({ kind: 'ch', c, r: c }));
    const rest = args.slice(i + 1);
    const out: Item[] = [];
    for (let k = 0; k < chars.length; k++) {
      const c = chars[k].c;
      if ((c === '{' || c === '}') && chars[k + 1]?.c === c) { out.push({ ...chars[k] }); k++; continue; }
      if (c !== '{') { out.push(chars[k]); continue; }
      let e = k + 1;
      let spec = '';
      while (e < chars.length && chars[e].c !== '}') spec += chars[e++].c;
      const m = /^\s*(\d+)\s*(?:[,:].*)?$/.exec(spec);
      if (!m || e >= chars.length) return undefined;
      const arg = rest[Number(m[1])];
      if (!arg) return undefined;
      const its = this.argItems(arg, depth + 1);
      if (!its) return undefined;
      out.push(...its);
      k = e;
    }
    return out;
  }

  /** Items of a StringBuilder ending in `.ToString()`: an inline `new StringBuilder(…).Append(…)` chain or a local. */
  private builderItems(r: [number, number], depth: number): Item[] | undefined {
    const recv = this.toStringOf(r)!;
    const t = this.toks;
    const out: Item[] = [];
    if (!(recv[1] - recv[0] === 1 && t[recv[0]].type === 'name')) {
      // new StringBuilder(…)…Append(…)
      let j = recv[0] + 1;
      while (t[j]?.type === 'name' && t[j + 1]?.text === '.') j += 2;
      const open = t[j]?.text === '(' ? j : j + 1;
      const ctor = this.ctorItems(open, depth);
      if (!ctor) return undefined;
      out.push(...ctor);
      const close = this.match.get(open);
      if (close === undefined) return undefined;
      const chain = this.chainItems(close + 1, recv[1], depth);
      if (!chain) return undefined;
      out.push(...chain.items);
      return out;
    }
    const name = t[recv[0]].text;
    const d = this.resolve(name, recv[0])!;
    const ctorOpen = d.value![0] + 1 + (t[d.value![0] + 1].text === '(' ? 0 : 1);
    let open = d.value![0] + 1;
    while (t[open]?.type === 'name' && t[open + 1]?.text === '.') open += 2;
    if (t[open]?.text !== '(') open++;
    const ctor = this.ctorItems(Math.max(open, ctorOpen), depth);
    if (!ctor) return undefined;
    out.push(...ctor);
    const [, me] = this.memberOf(recv[0]);
    for (let k = d.value![1]; k < Math.min(recv[0], me); k++) {
      if (t[k].type !== 'name' || t[k].text !== name || t[k - 1]?.text === '.') continue;
      if (t[k + 1]?.text !== '.') return undefined; // passed elsewhere or reassigned
      const m = t[k + 2]?.text;
      if (m === 'ToString' || m === 'Length' && t[k + 3]?.text !== '=') continue;
      const chain = this.chainItems(k + 1, this.exprEnd(k + 1, me), depth);
      if (!chain) return undefined;
      out.push(...chain.items);
      k = chain.end - 1;
    }
    return out;
  }

  private ctorItems(open: number, depth: number): Item[] | undefined {
    if (this.tx(open) !== '(') return undefined;
    const args = this.args(open);
    if (!args.length) return [];
    if (args.length === 1 && this.isStringy(args[0], depth)) return this.argItems(args[0], depth);
    return args.length === 1 ? [] : undefined;
  }

  /** `.Append(x).AppendLine(y)…` from token `k` (a `.`) up to `limit`; stops at `.ToString`. */
  private chainItems(k: number, limit: number, depth: number): { items: Item[]; end: number } | undefined {
    const t = this.toks;
    const out: Item[] = [];
    while (k < limit && t[k].text === '.') {
      const m = t[k + 1]?.text;
      const open = k + 2;
      if (m === 'ToString') return { items: out, end: k };
      if (!/^(?:Append|AppendLine|AppendFormat)$/.test(m ?? '') || t[open]?.text !== '(') return undefined;
      const args = this.args(open);
      if (m === 'AppendFormat') {
        const its = this.formatItems(args, depth);
        if (!its) return undefined;
        out.push(...its);
      } else if (args.length === 1) {
        const its = this.argItems(args[0], depth);
        if (!its) return undefined;
        out.push(...its);
      } else if (args.length > 1) out.push(this.hole(this.src(args[0][0], args[args.length - 1][1]), args[0][0]));
      if (m === 'AppendLine') out.push({ kind: 'ch', c: '\n', r: '\\n' });
      k = (this.match.get(open) ?? limit) + 1;
    }
    return { items: out, end: k };
  }

  // --- literals and holes --------------------------------------------------------------------------------------------

  /** Characters of a non-interpolated literal. */
  private charsOf(tok: Tok): CsCh[] {
    return this.strItems(tok).filter((x): x is CsCh => x.kind === 'ch');
  }

  /** `$"{name} …"`: one interpolated string whose first part is `{name}` itself (no format or alignment). */
  private leadsWith(r: [number, number], name: string): boolean {
    const tok = this.toks[r[0]];
    if (r[1] - r[0] !== 1 || tok.type !== 'str' || !tok.str?.interp || tok.str.raw) return false;
    const first = tok.str.parts.find((p) => p.kind === 'interp' || p.end > p.start);
    return first?.kind === 'interp' && !first.fmt && this.ctx.text.slice(first.start, first.end).trim() === name;
  }

  /** The items of a string token; `skipLead` leaves out its leading `{name}` (see `leadsWith`). */
  private strItems(tok: Tok, use?: number, depth = 0, skipLead = false): Item[] {
    const s = tok.str!;
    const text = this.ctx.text;
    const out: Item[] = [];
    let lineStart = true;
    for (const p of s.parts) {
      if (skipLead && p.kind === 'interp') {
        skipLead = false;
        continue;
      }
      if (p.kind === 'interp') {
        const expr = text.slice(p.start, p.end).trim();
        out.push(...(use !== undefined && /^@?\w+$/.test(expr) ? this.nameItems(expr, use, depth) : [this.hole(expr, use)]));
        lineStart = false;
        continue;
      }
      for (let i = p.start; i < p.end; i++) {
        const c = text[i];
        if (s.raw) {
          if (s.contentStart !== undefined && (i < s.contentStart || i >= s.contentEnd!)) continue;
          if (s.contentStart !== undefined && (i === s.contentStart || lineStart)) {
            if (text.startsWith(s.indent!, i) && s.indent) { i += s.indent.length - 1; lineStart = false; continue; }
          }
          lineStart = c === '\n';
          out.push({ kind: 'ch', c, r: c, at: i, end: i + 1 } as CsCh);
          continue;
        }
        if (s.interp && (c === '{' || c === '}') && text[i + 1] === c) {
          out.push({ kind: 'ch', c, r: c, at: i, end: i + 2 } as CsCh);
          i++;
          continue;
        }
        if (s.verbatim && c === '"' && text[i + 1] === '"') {
          out.push({ kind: 'ch', c, r: '""', at: i, end: i + 2 } as CsCh);
          i++;
          continue;
        }
        if (!s.verbatim && c === '\\' && i + 1 < p.end) {
          const m = /^\\(?:x[\da-fA-F]{1,4}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|.)/s.exec(text.slice(i, i + 10))!;
          out.push({ kind: 'ch', c: decodeEscapes(m[0]), r: m[0], at: i, end: i + m[0].length } as CsCh);
          i += m[0].length - 1;
          continue;
        }
        out.push({ kind: 'ch', c, r: c, at: i, end: i + 1 } as CsCh);
      }
    }
    return out;
  }

  /** A non-literal operand or interpolation: safe (constant, numeric, typed), the developer's, or a value. */
  private hole(src: string, tok: number | undefined): Hole {
    const use = tok ?? this.at;
    let s = src.replace(/\s+/g, ' ').trim();
    while (/^\((?:[^()]|\([^()]*\))*\)$/.test(s)) s = s.slice(1, -1).trim();
    if (/^-?\d[\d_]*(?:\.\d+)?[a-zA-Z]?$/.test(s)) return { kind: 'hole', src, safe: true, text: s.replace(/[_a-zA-Z]/g, '') };
    if (/^(?:true|false|null)$/.test(s)) return { kind: 'hole', src, safe: true };
    const nameof = /^nameof\s*\(\s*([\w.]+)\s*\)$/.exec(s);
    if (nameof) return { kind: 'hole', src, safe: true, text: nameof[1].split('.').pop() };
    if (/^"(?:[^"\\]|\\.)*"$/.test(s)) return { kind: 'hole', src, safe: true, text: s.slice(1, -1) };
    // (int)x, (long)status
    if (/^\(\s*(?:int|long|short|byte|uint|ulong|decimal|double|float)\s*\)/.test(s)) return { kind: 'hole', src, safe: true };
    // Allowed.Contains(sort) ? sort : "id": an allow-list choice, as a checked name is
    if (/^[\w.]+\.Contains\(\s*(@?\w+)\s*\)\s*\?\s*\1\s*:\s*(?:"(?:[^"\\]|\\.)*"|[A-Z_][\w.]*)$/.test(s)) return { kind: 'hole', src, safe: false, devControlled: true };
    // cond ? "ASC" : "DESC"
    if (/^[\s\S]+\?\s*(?:"(?:[^"\\]|\\.)*"|[A-Z_][\w.]*)\s*:\s*(?:"(?:[^"\\]|\\.)*"|[A-Z_][\w.]*)$/.test(s)) return { kind: 'hole', src, safe: true };
    // A placeholder list: string.Join(",", ids.Select((_, i) => "@p" + i)), $"@p{i}"
    if (/\$?"[@:]\w*["{]|"\?"/.test(s)) return { kind: 'hole', src, safe: true };
    if (/\.Replace\(\s*"'"\s*,\s*"''"\s*\)/.test(s) || /^(?:[\w.]+\.)?(?:SqlEscape|Quote\w*|Sanitize\w*|Escape\w*)\((?:[^()]|\([^()]*\))*\)$/.test(s)) return { kind: 'hole', src, safe: true };
    if (SAFE_CALL.test(s) || SAFE_MEMBER.test(s)) return { kind: 'hole', src, safe: true };
    const last = /(?:^|\.)(\w+)$/.exec(s)?.[1];
    if (last && /^(?:[A-Z_][\w]*\.)*[A-Z_]\w*$|^\w+\.[A-Z_]\w*$/.test(s) && this.consts.has(last) && !this.resolve(s.split('.')[0], use)) {
      return { kind: 'hole', src, safe: true, text: this.consts.get(last) };
    }
    // A typed local or parameter: x, x.ToString(), x.Value, x?.ToString("…")
    const base = /^(@?\w+)(?:\??\.(?:Value|ToString\([^()]*\)))*$/.exec(s);
    if (base) {
      const d = this.resolve(base[1], use);
      if (d) {
        if (d.kind === 'const') return { kind: 'hole', src, safe: true, text: d.value && this.isStrLit(d.value) ? this.charsOf(this.toks[d.value[0]]).map((c) => c.c).join('') : undefined };
        if (SAFE_TYPE.test(d.type) || this.enums.has(d.type.replace(/\?$/, ''))) return { kind: 'hole', src, safe: true };
        if (d.each && d.type === 'var' && d.value && d.value[1] - d.value[0] === 1) {
          // foreach (var id in ids) over a List<int>
          const c = this.resolve(this.toks[d.value[0]].text, d.value[0]);
          const m = c && SAFE_LIST.exec(c.type);
          if (m && (SAFE_TYPE.test(m[1] ?? m[2]) || this.enums.has(m[1] ?? m[2]))) return { kind: 'hole', src, safe: true };
        }
        if (d.type === 'var' && d.value && /^(?:-?\d+|(?:int|long|short|byte|uint|ulong|decimal|double|float|Int16|Int32|Int64|Decimal|Double|Guid|DateTime|DateTimeOffset|DateOnly|TimeOnly|TimeSpan)\.Parse(?:Exact)?\b|Convert\.ToInt\d+\b|Guid\.NewGuid\b|(?:System\.)?Enum\.Parse\b)/.test(this.src(d.value[0], d.value[1]))) return { kind: 'hole', src, safe: true };
        if (d.type === 'var' && this.parsedOut(d.tok)) return { kind: 'hole', src, safe: true };
        if (this.digitsChecked(base[1], use)) return { kind: 'hole', src, safe: true };
        if (this.allowListed(base[1], use)) return { kind: 'hole', src, safe: false, devControlled: true };
        // A parameter named for a table (`table`, `tableName`), never written in the member: the caller's table.
        if (d.kind === 'param' && base[0] === base[1] && TABLE_PARAM.test(base[1]) && !this.writtenBetween(base[1], d.tok, this.memberOf(use)[1])) {
          return { kind: 'hole', src, safe: false, devControlled: true };
        }
        // `foreach (var table in tables)` over such a parameter (`params string[] tables`): the caller's tables.
        if (d.each && base[0] === base[1] && TABLE_PARAM.test(base[1]) && d.value && d.value[1] - d.value[0] === 1) {
          const coll = this.toks[d.value[0]].text;
          const c = this.resolve(coll, d.value[0]);
          if (c?.kind === 'param' && TABLE_PARAM.test(coll.replace(/s$/, '')) && !this.writtenBetween(coll, c.tok, this.memberOf(use)[1])) {
            return { kind: 'hole', src, safe: false, devControlled: true };
          }
        }
        if (this.efModelItem(base[1], use)) return { kind: 'hole', src, safe: false, devControlled: true };
        return { kind: 'hole', src, safe: false };
      }
    }
    // n ?? 0 over a nullable number
    const orDefault = /^(@?\w+)\s*\?\?\s*-?\d+$/.exec(s);
    if (orDefault) {
      const d = this.resolve(orDefault[1], use);
      if (d && SAFE_TYPE.test(d.type)) return { kind: 'hole', src, safe: true };
    }
    // string.Join(",", ids) over a list of numbers
    const join = /^(?:string|String)\.Join\s*\(\s*(?:"[^"]*"|'[^']*')\s*,\s*(\w+)\s*\)$/.exec(s);
    if (join) {
      const d = this.resolve(join[1], use);
      const m = d && SAFE_LIST.exec(d.type);
      if (m && SAFE_TYPE.test(m[1] ?? m[2])) return { kind: 'hole', src, safe: true };
    }
    const head = /^(?:this\.)?(@?\w+)/.exec(s)?.[1] ?? '';
    if (/^(?:this\.)?_?[A-Z_]\w*(?:<[\w<>, .]*>)?(?:\.[A-Z_]\w*(?:<[\w<>, .]*>)?)*$/.test(s) || (/^(?:this\.)?_\w+$/.test(s) && !this.resolve(head, use))) {
      if (!this.resolve(head, use)) return { kind: 'hole', src, safe: false, devControlled: true };
    }
    // sequence.Name, entityType.GetTableName() for an item of the EF model (see efModelItem)
    const metaOf = /^(@?\w+)\??\.(?:Name|Schema|GetTableName\(\)|GetSchema\(\)|GetViewName\(\)|GetColumnName\(\))$/.exec(s);
    if (metaOf && this.efModelItem(metaOf[1], use)) return { kind: 'hole', src, safe: false, devControlled: true };
    if (/^this\.\w+$/.test(s)) return { kind: 'hole', src, safe: false, devControlled: true };
    if (/^(?:typeof\([\w.<>]+\)|(?:\w+\.)?GetType\(\))\.(?:Name|FullName)$/.test(s)) return { kind: 'hole', src, safe: false, devControlled: true };
    return { kind: 'hole', src, safe: false };
  }

  /**
   * A `foreach` variable over the EF Core model's own metadata: `db.Model.GetEntityTypes()`, `GetSequences()`, or a
   * local built from it (`var names = db.Model.GetEntityTypes().Select(t => t.GetTableName())…`). Its names are the
   * application's schema.
   */
  private efModelItem(name: string, use: number): boolean {
    const d = this.resolve(name, use);
    if (!d?.each || !d.value) return false;
    const model = /(?:^|\.)Model\s*\.\s*(?:GetEntityTypes|GetSequences|GetRelationalModel|FindEntityType|GetDefaultSchema)\b/;
    if (model.test(this.src(d.value[0], d.value[1]))) return true;
    if (d.value[1] - d.value[0] !== 1) return false;
    const c = this.resolve(this.toks[d.value[0]].text, d.value[0]);
    return !!c && c.kind === 'local' && !c.each && !!c.value && model.test(this.src(c.value[0], c.value[1])) &&
      !this.writtenBetween(this.toks[d.value[0]].text, c.tok, this.memberOf(use)[1]);
  }

  /** `int.TryParse(s, out var n)`, `Enum.TryParse<Status>(s, out var st)`: the `out var` declared at `tok` is a number, date or enum. */
  private parsedOut(tok: number): boolean {
    const t = this.toks;
    if (t[tok - 1]?.text !== 'var' || t[tok - 2]?.text !== 'out') return false;
    let depth = 0;
    for (let k = tok - 3; k >= 0 && tok - k < 200; k--) {
      const x = t[k];
      if (x.type === 'close') depth++;
      else if (x.type === 'open') {
        if (depth === 0) {
          let m = k - 1;
          if (t[m]?.text === '>') { while (m > 0 && t[m].text !== '<') m--; m--; }
          if (!/^TryParse(?:Exact)?$/.test(t[m]?.text ?? '') || t[m - 1]?.text !== '.') return false;
          const owner = t[m - 2]?.text ?? '';
          return owner === 'Enum' || SAFE_TYPE.test(owner);
        }
        depth--;
      } else if (x.type === 'semi') return false;
    }
    return false;
  }

  /**
   * `name` holds only digits at `use`: an earlier `if (!check) return;` (or throw, continue, break), or the use sits in
   * the block of `if (check)`. The checks: `Regex.IsMatch(name, @"^\d+$")`, `name.All(char.IsDigit)`,
   * `int.TryParse(name, out …)`.
   */
  private digitsChecked(name: string, use: number): boolean {
    const [ms] = this.memberOf(use);
    const t = this.toks;
    const n = name.replace(/^@/, '');
    const check = String.raw`(?:(?:System\.Text\.RegularExpressions\.)?Regex\.IsMatch\(\s*@?${n}\s*,\s*@?"\^(?:\\d|\[0-9\])(?:\+|\{\d+(?:,\d*)?\})\$"\s*\)|@?${n}\.All\(\s*(?:char|Char)\.IsDigit\s*\)|(?:int|long|short|byte|uint|ulong|Int16|Int32|Int64|UInt32|UInt64|decimal|Decimal|double|Double|float)\.TryParse\(\s*@?${n}\s*,\s*out\b[^()]*\))`;
    const negated = new RegExp(String.raw`^!\s*${check}$`);
    const positive = new RegExp(String.raw`^${check}$`);
    for (let k = ms; k < use; k++) {
      if (t[k].text !== 'if' || t[k + 1]?.text !== '(') continue;
      const close = this.match.get(k + 1);
      if (close === undefined || close >= use) continue;
      const cond = this.src(k + 2, close).trim();
      const next = t[close + 1];
      if (!next) continue;
      const bodyEnd = next.text === '{' ? this.match.get(close + 1) ?? use : this.exprEnd(close + 1);
      if (negated.test(cond)) {
        const first = next.text === '{' ? t[close + 2] : next;
        if (first && /^(?:return|throw|continue|break)$/.test(first.text) && bodyEnd < use && !this.writtenBetween(name, bodyEnd, use)) return true;
      } else if (positive.test(cond) && close + 1 <= use && use < bodyEnd && !this.writtenBetween(name, close, use)) return true;
    }
    return false;
  }

  /** An assignment to `name` between tokens `from` and `to`. */
  private writtenBetween(name: string, from: number, to: number): boolean {
    for (let k = from + 1; k < to; k++) {
      if (this.toks[k].text === name && this.toks[k - 1]?.text !== '.' && /^(?:=|\+=|\?\?=)$/.test(this.tx(k + 1))) return true;
      if (this.toks[k].text === name && /^(?:out|ref)$/.test(this.tx(k - 1))) return true;
    }
    return false;
  }

  /** The member checks `name` before `use`: `allowed.Contains(name)`, `switch (name)`, `Enum.IsDefined`, a regex match. */
  private allowListed(name: string, use: number): boolean {
    const [ms] = this.memberOf(use);
    const before = this.ctx.text.slice(this.toks[ms].start, this.toks[use].start);
    const n = name.replace(/^@/, '');
    return new RegExp(String.raw`\.(?:Contains|ContainsKey|TryGetValue|IsMatch)\(\s*@?${n}\b|\bswitch\s*\(\s*@?${n}\s*\)|\bIsDefined\([^)]*\b${n}\)|\b${n}\s+is\s+(?:not\s+)?\(?\s*"`).test(before);
  }

  // --- fixes ---------------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    const tok = this.toks[sink.q[0]];
    if (sink.kind === 'ado') return this.adoFixes(sink, tok, built.items, a);
    if (sink.args.length !== 1 || sink.named || tok.type !== 'str' || !tok.str!.interp) return [];
    if (tok.str!.parts.some((p) => p.fmt)) return [];
    const items = built.items;
    // Every hole a value, alone between SQL quotes or unquoted, not a `N'…'` literal or an IN list.
    const first: number[] = [];
    a.owner.forEach((it, i) => { if (first[it] === undefined) first[it] = i; });
    const quoteEdits = new Set<number>();
    for (const h of a.holes) {
      if (h.pos !== 'value') return [];
      if (h.region !== undefined) {
        const [qa, qb] = a.regions[h.region];
        const oa = a.owner[qa];
        const ob = a.owner[qb];
        if (ob - oa !== 2 || items[oa].kind !== 'ch' || items[ob].kind !== 'ch') return [];
        if (/[\w]/.test(a.skeleton[qa - 1] ?? '')) return [];
        quoteEdits.add(oa);
        quoteEdits.add(ob);
      } else {
        const before = a.skeleton.slice(0, first[h.item]).replace(/\s+$/, '');
        if (/\bin\s*\(?$/i.test(before)) return [];
      }
    }
    if (items.some((x) => x.kind === 'ch' && (x.c === '{' || x.c === '}'))) return [];
    const lines = this.ctx.lines;
    const path = this.ctx.path;
    const newName = EF_FIX[sink.method];
    if (sink.kind === 'efRaw' && newName) {
      const name = this.toks[sink.nameTok];
      const edits: TextEdit[] = [lines.edit(name.start, name.end, newName)];
      for (const i of [...quoteEdits].sort((x, y) => x - y)) {
        const c = items[i] as CsCh;
        if (c.at === undefined) return [];
        edits.push(lines.edit(c.at, c.end!, ''));
      }
      return [{ title: `Use ${newName}`, applicability: 'unsafe', changes: [{ path, edits }] }];
    }
    if (sink.kind !== 'dapper' || tok.str!.raw) return [];
    for (let i = 0; i < a.skeleton.length; i++) if (a.state[i] === 'code' && a.skeleton[i] === '@') return [];
    const names: string[] = [];
    let body = '';
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (quoteEdits.has(i)) continue;
      if (it.kind === 'hole') {
        if (!/^[A-Za-z_]\w*$/.test(it.src)) return [];
        const clash = names.find((x) => x !== it.src && x.toLowerCase() === it.src.toLowerCase());
        if (clash) return [];
        if (!names.includes(it.src)) names.push(it.src);
        body += '@' + it.src;
        continue;
      }
      body += it.r;
    }
    const literal = (tok.str!.verbatim ? '@' : '') + '"' + body + '"';
    const edits: TextEdit[] = [lines.edit(tok.start, tok.end, literal), lines.edit(tok.end, tok.end, `, new { ${names.join(', ')} }`)];
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path, edits }] }];
  }

  // --- ADO.NET fixes -------------------------------------------------------------------------------------------------

  /**
   * `new SqlCommand($"…", conn)`, `new SqlCommand { CommandText = $"…" }` and `cmd.CommandText = $"…";` with every hole a
   * value: placeholders in a plain literal, and the values as parameters of the command (an object initializer, or
   * statements after the assignment).
   */
  private adoFixes(sink: Sink, tok: Tok, items: Item[], a: Analysis): Fix[] {
    const s = tok.str;
    if (sink.q[1] - sink.q[0] !== 1 || !s || !s.interp || s.raw || !tok.text.endsWith('"')) return [];
    if (s.parts.some((p) => p.fmt)) return [];
    if (items.some((x) => x.kind === 'ch' && (x.c === '{' || x.c === '}'))) return [];
    const target = this.adoTarget(sink, tok);
    if (!target) return [];
    const slots = this.adoSlots(items, a, sink.q[0]);
    if (!slots?.length) return [];
    const { style } = target;
    // Placeholders already in the SQL: kept (and not reused) with `@name`; nothing to mix with for `:name` and `$1`.
    const used = new Set<string>();
    const sk = a.skeleton;
    for (let i = 0; i < sk.length; i++) {
      if (a.state[i] !== 'code') continue;
      const c = sk[i];
      const next = sk[i + 1] ?? '';
      if (c === '?' || (c === '$' && /\d/.test(next))) return [];
      if (c === ':' && /[A-Za-z_]/.test(next) && sk[i - 1] !== ':' && style !== 'named') return [];
      if (c === '@' && /\w/.test(next)) {
        if (style !== 'named') return [];
        used.add(/^\w+/.exec(sk.slice(i + 1))![0].toLowerCase());
      }
      // Positional parameters go through the extended protocol: one statement per command.
      if (c === ';' && style === 'positional' && sk.slice(i + 1).trim() !== '') return [];
    }
    if (target.cmd !== undefined && !this.commandUses(target.cmd, target.use!, style, used)) return [];
    const limit = style === 'oracle' ? 30 : 100;
    const fresh = (hint: string | undefined): string => {
      let base = hint === undefined ? undefined : paramName(hint);
      if (base && style === 'oracle') {
        if (!/^[A-Za-z]/.test(base)) base = undefined;
        else if (ORACLE_RESERVED.has(base.toUpperCase())) base += 'Value';
      }
      if (base && base.length > limit - 3) base = undefined;
      let name = base ?? 'p1';
      for (let k = 2; used.has(name.toLowerCase()); k++) name = (base ?? 'p') + k;
      used.add(name.toLowerCase());
      return name;
    };
    const params: { name: string; value: string; konst: boolean }[] = [];
    const byValue = new Map<string, number>();
    const placeholder: string[] = [];
    for (const sl of slots) {
      // Oracle binds by position unless told otherwise: one parameter per placeholder, in order, works both ways.
      let p = style === 'oracle' ? undefined : byValue.get(sl.value);
      if (p === undefined) {
        p = params.push({ name: style === 'positional' ? String(params.length + 1) : fresh(sl.hint), value: sl.value, konst: sl.konst }) - 1;
        byValue.set(sl.value, p);
      }
      placeholder.push((style === 'named' ? '@' : style === 'oracle' ? ':' : '$') + params[p].name);
    }
    let body = '';
    for (let i = 0, k = 0; i < items.length; i++) {
      if (k < slots.length && slots[k].from === i) {
        body += placeholder[k];
        i = slots[k++].to;
        continue;
      }
      const it = items[i];
      if (it.kind === 'hole') return [];
      body += it.r;
    }
    const P = target.param;
    const create = (p: { name: string; value: string; konst: boolean }): string => {
      if (style === 'positional') return `new ${P} { Value = ${p.value} }`;
      const name = style === 'named' ? '@' + p.name : p.name;
      return p.konst ? `new ${P} { ParameterName = "${name}", Value = ${p.value} }` : `new ${P}("${name}", ${p.value})`;
    };
    let added: string;
    if (target.form === 'stmt') {
      const cmd = target.cmd!;
      const stmts = params.map((p) => style === 'named' ? `${cmd}.Parameters.AddWithValue("@${p.name}", ${p.value});` : `${cmd}.Parameters.Add(${create(p)});`);
      added = target.lead === undefined ? ' ' + stmts.join(' ') : stmts.map((x) => target.lead + x).join('');
    } else {
      const list = `Parameters = { ${params.map(create).join(', ')} }`;
      added = target.form === 'ctor' ? ` { ${list} }` : `, ${list}`;
    }
    const lines = this.ctx.lines;
    const literal = (s.verbatim ? '@' : '') + '"' + body + '"';
    const edits: TextEdit[] = [lines.edit(tok.start, tok.end, literal), lines.edit(target.at, target.at, added)];
    const title = style === 'positional' ? 'Parameterize query ($1 positional parameters, Npgsql 6+)' : 'Parameterize query';
    return [{ title, applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /**
   * Other uses of the command local in the member: no fix when it is given another SQL, or (for positional and Oracle
   * parameters, whose order counts) other parameters. Names given to `cmd.Parameters` calls go into `used`.
   */
  private commandUses(name: string, use: number, style: AdoStyle, used: Set<string>): boolean {
    const t = this.toks;
    const [ms, me] = this.memberOf(use);
    for (let k = ms; k < me; k++) {
      if (k === use || t[k].text !== name || t[k + 1]?.text !== '.' || /^(?:\.|\?\.)$/.test(t[k - 1]?.text ?? '')) continue;
      const m = t[k + 2]?.text;
      if (m === 'CommandText' && t[k + 3]?.text === '=') return false;
      if (m !== 'Parameters') continue;
      if (style !== 'named') return false;
      for (let j = k + 3; j < me && t[j].type !== 'semi'; j++) {
        const lit = t[j].type === 'str' ? /^"[@:?]?(\w+)"$/.exec(t[j].text) : null;
        if (lit) used.add(lit[1].toLowerCase());
      }
    }
    return true;
  }

  /** The SQL items each parameter replaces: a value hole, or a whole `'…'` SQL string holding holes. */
  private adoSlots(items: Item[], a: Analysis, use: number): Slot[] | undefined {
    const first: number[] = [];
    a.owner.forEach((it, i) => { if (first[it] === undefined) first[it] = i; });
    const slots: Slot[] = [];
    const regions = new Set<number>();
    for (const h of a.holes) {
      if (h.pos !== 'value') return undefined;
      const hole = items[h.item] as Hole;
      if (hole.kind !== 'hole' || /[\r\n]/.test(hole.src) || (hole.text !== undefined && /['\\]/.test(hole.text))) return undefined;
      const src = hole.src.trim();
      if (h.region === undefined) {
        const at = first[h.item];
        if (at === undefined) return undefined;
        const before = a.skeleton.slice(0, at).replace(/\s+$/, '');
        if (/\bin\s*\(?$/i.test(before)) return undefined;
        // Alone between SQL tokens: `= {x}`, `({x})`, not `x{y}` or `{a}{b}`.
        const around = (a.skeleton[at - 1] ?? ' ') + (a.skeleton[at + (hole.text ?? MARK).length] ?? ' ');
        if (/[\w@$:.'"`[\]\uE000]/.test(around)) return undefined;
        if (!placeholderFits(a.skeleton, at)) return undefined;
        slots.push({ from: h.item, to: h.item, value: src, hint: src, konst: this.maybeConst(src, use) });
        continue;
      }
      if (regions.has(h.region)) continue;
      regions.add(h.region);
      const [qa, qb] = a.regions[h.region];
      // N'…', E'…', `'…'AS x`; DATE '…', INTERVAL '…' (typed literals, no placeholder there).
      if (/\w/.test(a.skeleton[qa - 1] ?? '') || /\w/.test(a.skeleton[qb + 1] ?? '') || !placeholderFits(a.skeleton, qa)) return undefined;
      const oa = a.owner[qa];
      const ob = a.owner[qb];
      if (items[oa].kind !== 'ch' || items[ob].kind !== 'ch') return undefined;
      const inner = items.slice(oa + 1, ob);
      if (inner.length === 1) {
        slots.push({ from: oa, to: ob, value: src, hint: src, konst: this.maybeConst(src, use) });
        continue;
      }
      // `'%{q}%'`: the SQL string's text as an interpolated C# string.
      let value = '';
      const holes: Hole[] = [];
      for (const it of inner) {
        if (it.kind === 'hole') {
          if (/[\r\n]/.test(it.src)) return undefined;
          holes.push(it);
          value += '{' + it.src.trim() + '}';
        } else if (!/['"\\{}\u0085\u2028\u2029]/.test(it.c) && it.c >= ' ') value += it.c;
        else return undefined;
      }
      slots.push({ from: oa, to: ob, value: '$"' + value + '"', hint: holes.length === 1 ? holes[0].src.trim() : undefined, konst: false });
    }
    return slots.sort((x, y) => x.from - y.from);
  }

  /** Whether `src` may be a constant expression: only a local's or parameter's member, or a call, is surely not. */
  private maybeConst(src: string, use: number): boolean {
    if (/^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*\s*\(/.test(src) && !/^(?:nameof|sizeof|default|typeof|checked|unchecked)\b/.test(src)) return false;
    const m = /^(@?\w+)(?:\??\.\w+(?:\([^()]*\))?)*$/.exec(src);
    const d = m && this.resolve(m[1], use);
    return !d || d.kind === 'const';
  }

  /** The command type behind the sink, its parameter class and where the parameters go. */
  private adoTarget(sink: Sink, lit: Tok): AdoTarget | undefined {
    const t = this.toks;
    const target = (type: string, qual: string, form: AdoTarget['form'], at: number, rest?: Partial<AdoTarget>): AdoTarget | undefined => {
      const style = ADO_STYLE[type];
      if (!style || !/^[\w.\s]*$/.test(qual)) return undefined;
      return { style, param: qual.replace(/\s+/g, '') + type.replace(/Command$/, 'Parameter'), form, at, ...rest };
    };
    if (sink.method !== 'CommandText') {
      // new [Ns.]SqlCommand(…), SqlCommand cmd = new(…)
      const open = sink.nameTok + 1;
      const close = this.match.get(open);
      if (close === undefined || t[close + 1]?.text === '{') return undefined;
      const typed = t[sink.nameTok].text === 'new';
      const typeTok = typed ? sink.nameTok - 3 : sink.nameTok;
      const newTok = typed ? sink.nameTok : this.qualifierStart(sink.nameTok) - 1;
      // var cmd = new SqlCommand(…): the local's later uses are checked too.
      const cmd = t[newTok - 1]?.text === '=' && t[newTok - 2]?.type === 'name' ? t[newTok - 2].text : undefined;
      return target(t[typeTok].text, this.qualifier(typeTok), 'ctor', t[close].end, { cmd, use: newTok });
    }
    const p = t[sink.nameTok - 1]?.text;
    if (p === '{' || p === ',') {
      // new SqlCommand { Connection = conn, CommandText = $"…" }
      const o = this.encl[sink.nameTok];
      const close = this.match.get(o);
      if (o < 0 || close === undefined) return undefined;
      for (let k = o + 1; k < close; k++) if (this.encl[k] === o && t[k].text === 'Parameters' && t[k + 1]?.text === '=') return undefined;
      let k = o - 1;
      if (t[k]?.text === ')') k = (this.back.get(k) ?? 0) - 1;
      const newTok = this.qualifierStart(k) - 1;
      if (t[k]?.type !== 'name' || t[newTok]?.text !== 'new') return undefined;
      const cmd = t[newTok - 1]?.text === '=' && t[newTok - 2]?.type === 'name' ? t[newTok - 2].text : undefined;
      return target(t[k].text, this.qualifier(k), 'init', lit.end, { cmd, use: newTok });
    }
    // cmd.CommandText = $"…"; as a statement of its own
    const cmdTok = sink.nameTok - 2;
    const semi = sink.q[1];
    const before = t[cmdTok - 1];
    if (p !== '.' || t[cmdTok]?.type !== 'name' || t[semi]?.type !== 'semi') return undefined;
    if (before && !(before.type === 'semi' || before.text === '{' || before.text === '}' || before.text === ':')) return undefined;
    const name = t[cmdTok].text;
    const cmd = this.commandLocal(name, cmdTok);
    if (!cmd) return undefined;
    // Run once per command: not in a loop, lambda or local function entered after the declaration.
    for (let o = this.encl[cmdTok]; o > cmd.decl; o = this.encl[o]) {
      const q = t[o - 1];
      if (!q || /^(?:else|try|catch|finally|checked|unchecked|unsafe|[;{}:])$/.test(q.text)) continue;
      const kw = q.text === ')' ? t[(this.back.get(o - 1) ?? 0) - 1]?.text : undefined;
      if (!kw || !/^(?:if|using|lock|fixed|catch|when|switch)$/.test(kw)) return undefined;
    }
    const text = this.ctx.text;
    const lines = this.ctx.lines;
    const startLine = lines.positionAt(t[cmdTok].start).line;
    const indent = /^[ \t]*/.exec(lines.lineText(startLine))![0];
    const semiLine = lines.positionAt(t[semi].end).line;
    const end = lines.lineEnd(semiLine);
    const alone = text.slice(lines.lineStart(startLine), t[cmdTok].start).trim() === '' && /^\s*(?:\/\/.*)?$/.test(text.slice(t[semi].end, end));
    return target(cmd.type, cmd.qual, 'stmt', alone ? end : t[semi].end, { cmd: name, use: cmdTok, lead: alone ? lines.eol + indent : undefined });
  }

  /** A local command created here without SQL: `var cmd = new SqlCommand()`, `SqlCommand cmd = conn.CreateCommand()`. */
  private commandLocal(name: string, use: number): { type: string; qual: string; decl: number } | undefined {
    const t = this.toks;
    const d = this.resolve(name, use);
    if (!d || d.kind !== 'local' || d.each || !d.value) return undefined;
    const w = this.writes(d, name, use);
    if (!w || w.length) return undefined;
    const [v0, v1] = d.value;
    let type: string | undefined;
    let qual = '';
    const declared = /^(?:([\w.]*)\.)?(\w+)$/.exec(d.type);
    if (declared && d.type !== 'var') {
      type = declared[2];
      qual = declared[1] ? declared[1] + '.' : '';
    }
    const k = v0;
    if (t[k]?.text === 'new') {
      let j = k + 1;
      if (t[j]?.type === 'name') {
        while (t[j]?.type === 'name' && t[j + 1]?.text === '.') j += 2;
        if (t[j]?.type !== 'name') return undefined;
        if (!type) {
          type = t[j].text;
          qual = this.qualifier(j);
        } else if (t[j].text !== type) return undefined;
        j++;
      } else if (!type) return undefined;
      // No SQL given here: `()`, `{ Connection = conn }`.
      if (t[j]?.text === '(') {
        if (this.match.get(j) !== j + 1) return undefined;
        j += 2;
      }
      if (t[j]?.text === '{') {
        const close = this.match.get(j) ?? v1;
        for (let q = j + 1; q < close; q++) if (/^(?:CommandText|Parameters)$/.test(t[q].text)) return undefined;
        j = close + 1;
      }
      if (j !== v1) return undefined;
    } else {
      // conn.CreateCommand()
      if (v1 - v0 !== 5 || t[k].type !== 'name' || t[k + 1].text !== '.' || t[k + 2].text !== 'CreateCommand' || t[k + 3].text !== '(' || t[k + 4].text !== ')') return undefined;
      if (!type) {
        const conn = this.connectionType(t[k].text, k);
        type = conn && CONNECTION_COMMAND[conn.type];
        qual = conn?.qual ?? '';
      }
    }
    return type && ADO_STYLE[type] ? { type, qual, decl: d.tok } : undefined;
  }

  /** The declared type of a connection: a local or parameter of the member, or a field or property of the file. */
  private connectionType(name: string, use: number): { type: string; qual: string } | undefined {
    const t = this.toks;
    const d = this.resolve(name, use);
    if (d) {
      const m = /^(?:([\w.]*)\.)?(\w+)$/.exec(d.type);
      if (m && d.type !== 'var') return CONNECTION_COMMAND[m[2]] ? { type: m[2], qual: m[1] ? m[1] + '.' : '' } : undefined;
      if (!d.value || t[d.value[0]]?.text !== 'new') return undefined;
      let j = d.value[0] + 1;
      while (t[j]?.type === 'name' && t[j + 1]?.text === '.') j += 2;
      return t[j]?.type === 'name' && CONNECTION_COMMAND[t[j].text] ? { type: t[j].text, qual: this.qualifier(j) } : undefined;
    }
    let found: { type: string; qual: string } | undefined;
    for (let k = 1; k < t.length; k++) {
      if (t[k].text !== name || t[k - 1].type !== 'name' || !CONNECTION_COMMAND[t[k - 1].text]) continue;
      if (!/^(?:;|=|\{|=>)$/.test(t[k + 1]?.text ?? '')) continue;
      const f = { type: t[k - 1].text, qual: this.qualifier(k - 1) };
      if (found && (found.type !== f.type || found.qual !== f.qual)) return undefined;
      found = f;
    }
    return found;
  }

  /** First token of the dotted name ending at `k`. */
  private qualifierStart(k: number): number {
    while (this.tx(k - 1) === '.' && this.toks[k - 2]?.type === 'name') k -= 2;
    return k;
  }

  /** `System.Data.SqlClient.` before the type name at `k` (empty when unqualified). */
  private qualifier(k: number): string {
    const s = this.qualifierStart(k);
    return s === k ? '' : this.ctx.text.slice(this.toks[s].start, this.toks[k].start);
  }
}

/** Words after which a placeholder may stand for a value (not `TOP n`, `DATE '…'`, `INTERVAL '…'`, `COMMENT '…'`). */
const VALUE_BEFORE = new Set(['like', 'ilike', 'and', 'or', 'not', 'then', 'else', 'when', 'between', 'select', 'return', 'case', 'in', 'all', 'any',
  'some', 'from', 'to', 'limit', 'offset', 'next', 'first', 'values', 'is', 'exists']);

/** The SQL before skeleton index `at` lets a placeholder stand there: an operator, a bracket, or one of VALUE_BEFORE. */
function placeholderFits(skeleton: string, at: number): boolean {
  const before = skeleton.slice(0, at).replace(/\s+$/, '');
  const last = before[before.length - 1];
  if (last === MARK) return false;
  if (last === undefined || !/\w/.test(last)) return true;
  return VALUE_BEFORE.has(/\w+$/.exec(before)![0].toLowerCase());
}

/** A parameter name after a value: `user.Name` -> `Name`, `GetId()` -> `Id`; undefined when there is none. */
function paramName(src: string): string | undefined {
  let s = src.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!$/, '');
  while (/\.(?:ToString|Trim|TrimStart|TrimEnd|ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant)\(\)$|\.Value$/.test(s)) s = s.replace(/\.\w+(?:\(\))?$/, '');
  const m = /(?:^|\.)@?([A-Za-z_]\w*)(\(\))?$/.exec(s);
  if (!m) return undefined;
  const name = m[2] && /^Get[A-Z0-9_]/.test(m[1]) ? m[1].slice(3) : m[1];
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : undefined;
}

/** The character a C# escape sequence (or a plain character) stands for. */
function decodeEscapes(raw: string): string {
  if (raw[0] !== '\\') return raw;
  const n = raw[1];
  switch (n) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '0': return '\0';
    case 'a': return '\x07';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'e': return '\x1b';
    case 'x': case 'u': return String.fromCharCode(parseInt(raw.slice(2), 16) || 0);
    case 'U': return String.fromCodePoint(Math.min(parseInt(raw.slice(2), 16) || 0, 0x10ffff));
    default: return n ?? '';
  }
}
