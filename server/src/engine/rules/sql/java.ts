// sql/string-built-query for Java: SQL built with `+`, `+=`, `String.format` / `formatted` or a StringBuilder that
// reaches JDBC (`Statement`, `prepareStatement`), Spring `JdbcTemplate` or JPA / Hibernate `createQuery`. Parsed with
// tree-sitter's Java grammar; silent when it is not available.
import { analyze, looksLikeSql, type Analysis, type Item } from '../../fixes/parameterize';
import type { Lang } from '../../languages/detect';
import { lineSpan } from '../../languages/lexer';
import { parse, walkTree, type SyntaxNode as Node } from '../../languages/tree-sitter';
import type { RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import { bindName, escapeDq, existingPlaceholders, placeValues, plusOperands, readFormat, writesBefore, type CCh, type CHole, type Piece } from './clike';
import { reportHoles, SQL_HINT, type SqlDetector, hasUnsafeHole } from './detector';
import { unquoteRegion } from './placeholders';
import { field, kids, localParts, named, same, unparen, within } from './shared';

export const java: SqlDetector = {
  appliesTo: ({ lang }: { lang: Lang }) => lang === 'java',
  async check(ctx) {
    if (!MYBATIS_SQL.test(ctx.text) && (!SINK_CALL.test(ctx.text) || !(SQL_HINT.test(ctx.text) || FRAGMENT_API.test(ctx.text)))) return;
    const tree = await parse(ctx, 'java');
    if (!tree) return;
    new JavaChecker(ctx, tree.rootNode).run();
  },
};

/** A parameter named for a table (`table`, `tableName`, `srcTable`, `tbl`): the callers pass the code's tables. */
const TABLE_PARAM = /^(?:table|tbl)(?:_?[Nn]ame)?$|[a-z](?:Table|_table)(?:_?[Nn]ame)?$/;
const SINK_CALL = /\b(?:execute\w*|addBatch|prepareStatement|prepareCall|nativeSQL|query\w*|update|batchUpdate|create(?:Native|SQL|NativeMutation|Mutation|Selection)?Query|createStatement|add|setSql|sql|sqlRestriction|newQuery|setFilter|PreparedStatementCreatorFactory|SqlUpdate|SqlFunction|\w*SqlQuery\w*)\s*[(<]/;
/** APIs whose argument is an SQL (or JDOQL) fragment by contract, checked without SQL words elsewhere in the file. */
const FRAGMENT_API = /\bRestrictions\.sqlRestriction\s*\(|\bjavax\.jdo\b/;
/** A JDBC call escape: `{call proc(?)}`, `{? = call fn(?)}`. */
const CALL_ESCAPE = /^\s*\{\s*(?:\?\s*=\s*)?call\s/i;

type SinkKind = 'statement' | 'prepare' | 'jdbcTemplate' | 'jpql' | 'native' | 'hibernateSql' | 'restriction' | 'jdo' | 'mybatis' | 'other';

const SINKS: Record<string, SinkKind> = {
  executeQuery: 'statement', executeUpdate: 'statement', executeLargeUpdate: 'statement', addBatch: 'statement', execute: 'statement',
  prepareStatement: 'prepare', prepareCall: 'prepare', nativeSQL: 'prepare',
  query: 'jdbcTemplate', queryForObject: 'jdbcTemplate', queryForList: 'jdbcTemplate', queryForMap: 'jdbcTemplate', queryForRowSet: 'jdbcTemplate',
  queryForStream: 'jdbcTemplate', queryForLong: 'jdbcTemplate', queryForInt: 'jdbcTemplate', update: 'jdbcTemplate', batchUpdate: 'jdbcTemplate',
  createQuery: 'jpql', createNativeQuery: 'native', createSQLQuery: 'hibernateSql',
  // Hibernate 6: HQL mutation and selection queries, native mutations.
  createMutationQuery: 'jpql', createSelectionQuery: 'jpql', createNativeMutationQuery: 'native',
  // Spring's SqlUpdate / SqlQuery objects declare their parameters.
  setSql: 'prepare',
  sql: 'other',
};

/** MyBatis's SQL builder, and what comes before each clause's text in the statement. */
const MYBATIS_SQL = /\borg\.apache\.ibatis\.jdbc\.(?:SQL|\*)\b/;
const MYBATIS_CLAUSES: Record<string, string> = {
  WHERE: 'SELECT * FROM t WHERE ', AND: 'SELECT * FROM t WHERE a = 1 AND ', OR: 'SELECT * FROM t WHERE a = 1 OR ', HAVING: 'SELECT a FROM t GROUP BY a HAVING ',
  SET: 'UPDATE t SET ', VALUES: 'INSERT INTO t VALUES (', INTO_VALUES: 'INSERT INTO t VALUES (', ORDER_BY: 'SELECT * FROM t ORDER BY ',
  GROUP_BY: 'SELECT * FROM t GROUP BY ', SELECT: 'SELECT ', FROM: 'SELECT * FROM ', JOIN: 'SELECT * FROM t JOIN ', LEFT_OUTER_JOIN: 'SELECT * FROM t LEFT JOIN ',
  INNER_JOIN: 'SELECT * FROM t JOIN ', UPDATE: 'UPDATE ', DELETE_FROM: 'DELETE FROM ', INSERT_INTO: 'INSERT INTO ',
};

/** Spring JDBC operation objects made with `(dataSource, sql, ...)`. */
const SPRING_SQL_OBJECTS = /^(?:SqlUpdate|BatchSqlUpdate|SqlFunction|SqlQuery|GenericSqlQuery|MappingSqlQuery|MappingSqlQueryWithParameters|UpdatableSqlQuery)$/;

/** JdbcTemplate methods a fix can pass values to, and where the values start: `update(sql, args...)`, `query(sql, mapper, args...)`. */
const VALUES_START: Record<string, number> = {
  update: 1, queryForMap: 1, queryForRowSet: 1, queryForList: 1, queryForObject: 2, query: 2, queryForStream: 2,
};

const SAFE_TYPES = /^(?:int|long|short|byte|double|float|boolean|Integer|Long|Short|Byte|Double|Float|Boolean|Number|BigDecimal|BigInteger|UUID|LocalDate|LocalDateTime|LocalTime|Instant|OffsetDateTime|ZonedDateTime|Date|Timestamp|Duration|AtomicInteger|AtomicLong|OptionalInt|OptionalLong)$/;
const NUMERIC_TYPE_NODES = new Set(['integral_type', 'floating_point_type', 'boolean_type']);
const LITERAL_NUMBERS = new Set(['decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal', 'decimal_floating_point_literal', 'hex_floating_point_literal', 'true', 'false', 'null_literal']);
const SAFE_STATIC = /^(?:Integer|Long|Short|Byte|Double|Float|Boolean|Math|BigDecimal|BigInteger|UUID|System|Objects|LocalDate|LocalDateTime|Instant|Character)\.(?:parse\w*|valueOf|toString|max|min|abs|round|floor|ceil|randomUUID|currentTimeMillis|nanoTime|hashCode|now|toHexString|sum|compare|isDigit)$/;
const SAFE_METHODS = /^(?:size|length|ordinal|hashCode|intValue|longValue|doubleValue|getTime|toEpochMilli|count|getSimpleName|getYear|getMonthValue|getDayOfMonth|isEmpty)$/;
const ESCAPERS = /^(?:encodeForSQL|escapeSql|escapeSQL|escapeString|escapeLiteral|escapeIdentifier|enquoteLiteral|enquoteIdentifier|enquoteNCharLiteral|quoteIdentifier|quoteLiteral|quote|sanitize\w*)$/;
const SCOPE_TYPES = new Set(['block', 'for_statement', 'enhanced_for_statement', 'catch_clause', 'try_with_resources_statement', 'lambda_expression',
  'method_declaration', 'constructor_declaration', 'switch_block_statement_group', 'switch_rule', 'class_body', 'interface_body', 'enum_body', 'program']);
const METHOD_TYPES = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'static_initializer', 'compact_constructor_declaration']);
const PRIMARY = new Set(['identifier', 'field_access', 'method_invocation', 'string_literal', 'parenthesized_expression', 'array_access', 'this',
  'character_literal', 'object_creation_expression', 'class_literal', ...LITERAL_NUMBERS]);
const JPQL_RESERVED = new Set(['select', 'from', 'where', 'update', 'delete', 'join', 'order', 'group', 'by', 'having', 'in', 'is', 'as', 'and', 'or', 'not',
  'like', 'between', 'member', 'of', 'new', 'object', 'value', 'key', 'type', 'case', 'when', 'then', 'else', 'end', 'all', 'any', 'some', 'exists',
  'empty', 'null', 'true', 'false', 'set', 'distinct', 'fetch', 'left', 'inner', 'outer', 'count', 'max', 'min', 'avg', 'sum', 'upper', 'lower', 'escape']);

interface Sink {
  call: Node;
  kind: SinkKind;
  method: string;
  query: Node;
  args: Node[];
  /** The text is a WHERE condition (a Hibernate SQL restriction, a JDOQL filter), not a whole statement. */
  condition?: boolean;
  /** The text is one clause of a statement built elsewhere: SQL words that come before it, to judge it as SQL. */
  prefix?: string;
}

interface Decl {
  id: Node;
  scope: Node;
  kind: 'local' | 'param' | 'field' | 'other';
  stmt: Node;
  value?: Node;
  type?: Node;
  final: boolean;
  writes: Write[];
}

interface Write {
  at: Node;
  op: '=' | '+=' | 'other';
  value?: Node;
}

interface Built {
  items: Item[];
  root: Node;
  rewritable: boolean;
}

class JavaChecker {
  private readonly seen = new Set<number>();
  private readonly decls = new Map<string, Decl[]>();
  /** Enums declared in this file, by name, with their constants. */
  private readonly enums = new Map<string, Set<string>>();
  private foreign = false;
  private depth = 0;

  constructor(private readonly ctx: RuleContext, private readonly root: Node) {}

  run(): void {
    this.collect();
    const sinks: Sink[] = [];
    walkTree(this.root, (n) => {
      if (n.type === 'method_invocation' && !n.hasError) {
        const s = this.sink(n);
        if (s) sinks.push(s);
      } else if (n.type === 'object_creation_expression' && !n.hasError) {
        // Spring's `new PreparedStatementCreatorFactory(sql, types...)`: a prepared statement's text.
        const type = field(n, 'type')?.text.replace(/^(?:\w+\.)*/, '');
        const list = field(n, 'arguments');
        const args = list ? named(list) : [];
        if (type === 'PreparedStatementCreatorFactory' && args.length) sinks.push({ call: n, kind: 'prepare', method: type, query: args[0], args });
        const bare = type?.replace(/<.*$/, '');
        if (bare && SPRING_SQL_OBJECTS.test(bare) && args.length >= 2) sinks.push({ call: n, kind: 'prepare', method: bare, query: args[1], args });
      }
    });
    for (const s of sinks) this.checkSink(s);
  }

  // --- declarations ----------------------------------------------------------------------------------------------

  private collect(): void {
    const scopeOf = (n: Node): Node => {
      for (let p = n.parent; p; p = p.parent) if (SCOPE_TYPES.has(p.type)) return p;
      return this.root;
    };
    const add = (id: Node | undefined, d: Omit<Decl, 'id' | 'writes'>) => {
      if (id?.type !== 'identifier') return;
      let list = this.decls.get(id.text);
      if (!list) this.decls.set(id.text, (list = []));
      list.push({ ...d, id, writes: [] });
    };
    const isFinal = (n: Node) => kids(n).some((c) => c.type === 'modifiers' && /\bfinal\b/.test(c.text));
    const writes: { id: Node; w: Write }[] = [];
    walkTree(this.root, (n) => {
      switch (n.type) {
        case 'local_variable_declaration':
        case 'field_declaration': {
          const type = field(n, 'type');
          const scope = n.type === 'field_declaration' ? n.parent ?? this.root : scopeOf(n);
          for (const d of n.childrenForFieldName('declarator')) {
            if (!d) continue;
            add(field(d, 'name'), {
              scope, stmt: n, kind: n.type === 'field_declaration' ? 'field' : 'local', value: field(d, 'value'), type,
              final: isFinal(n) || (n.type === 'field_declaration' && n.parent?.type === 'interface_body'),
            });
          }
          break;
        }
        case 'formal_parameter':
        case 'spread_parameter': {
          const fn = n.parent?.parent;
          if (fn) add(field(n, 'name') ?? named(n).find((c) => c.type === 'identifier'), { scope: fn, stmt: fn, kind: 'param', type: n.type === 'formal_parameter' ? field(n, 'type') : undefined, final: isFinal(n) });
          break;
        }
        case 'enhanced_for_statement':
          add(field(n, 'name'), { scope: n, stmt: n, kind: 'other', type: field(n, 'type'), value: field(n, 'value'), final: false });
          break;
        case 'catch_formal_parameter':
          add(field(n, 'name'), { scope: n.parent ?? n, stmt: n, kind: 'other', final: false });
          break;
        case 'resource':
          add(field(n, 'name'), { scope: scopeOf(n), stmt: n, kind: 'local', value: field(n, 'value'), type: field(n, 'type'), final: true });
          break;
        case 'instanceof_expression': {
          // `x instanceof String s`
          const id = field(n, 'name');
          if (id) add(id, { scope: scopeOf(n), stmt: n, kind: 'local', value: field(n, 'left'), type: field(n, 'right'), final: true });
          break;
        }
        case 'enum_declaration': {
          const name = field(n, 'name')?.text;
          const body = field(n, 'body');
          if (name && body) this.enums.set(name, new Set(named(body).filter((c) => c.type === 'enum_constant').map((c) => field(c, 'name')?.text ?? '')));
          break;
        }
        case 'type_pattern': {
          // `case String s ->` and `x instanceof String s`: `s` is the value switched on or tested.
          const id = named(n).find((c) => c.type === 'identifier');
          const pat = n.parent?.type === 'pattern' ? n.parent : n;
          let value: Node | undefined;
          if (pat.parent?.type === 'switch_label') {
            const sw = pat.parent.parent?.parent?.parent;
            const cond = sw && (sw.type === 'switch_expression' || sw.type === 'switch_statement') ? field(sw, 'condition') : undefined;
            value = cond && unparen(cond);
          } else if (pat.parent?.type === 'instanceof_expression') value = field(pat.parent, 'left');
          add(id, { scope: scopeOf(n), stmt: n, kind: value ? 'local' : 'other', value, type: named(n)[0], final: true });
          break;
        }
        case 'lambda_expression': {
          const p = field(n, 'parameters');
          if (p?.type === 'identifier') add(p, { scope: n, stmt: n, kind: 'other', final: false });
          else if (p?.type === 'inferred_parameters') for (const id of named(p)) add(id, { scope: n, stmt: n, kind: 'other', final: false });
          break;
        }
        case 'assignment_expression': {
          const left = field(n, 'left');
          const op = field(n, 'operator')?.text ?? '=';
          let id: Node | undefined;
          if (left?.type === 'identifier') id = left;
          else if (left?.type === 'field_access' && field(left, 'object')?.type === 'this') id = field(left, 'field');
          if (id) writes.push({ id, w: { at: n, op: op === '=' ? '=' : op === '+=' ? '+=' : 'other', value: field(n, 'right') } });
          break;
        }
      }
    });
    for (const { id, w } of writes) {
      const d = id.parent?.type === 'field_access' ? this.fieldDecl(id) : this.resolve(id);
      d?.writes.push(w);
    }
    for (const list of this.decls.values()) for (const d of list) d.writes.sort((a, b) => a.at.startIndex - b.at.startIndex);
  }

  private resolve(use: Node): Decl | undefined {
    const list = this.decls.get(use.text);
    if (!list) return undefined;
    let best: Decl | undefined;
    for (const d of list) {
      if (!within(use, d.scope)) continue;
      if (same(d.id, use)) return d;
      if (d.kind !== 'field' && d.kind !== 'param' && d.stmt.type !== 'lambda_expression' && d.id.endIndex > use.startIndex) continue;
      if (!best || d.scope.startIndex > best.scope.startIndex || (d.scope.startIndex === best.scope.startIndex && d.id.startIndex > best.id.startIndex)) best = d;
    }
    return best;
  }

  private fieldDecl(id: Node): Decl | undefined {
    return this.decls.get(id.text)?.find((d) => d.kind === 'field' && within(id, d.scope));
  }

  /** The declaration an identifier or `this.x` refers to. */
  private declOf(n: Node): Decl | undefined {
    n = unparen(n);
    if (n.type === 'identifier') return this.resolve(n);
    if (n.type === 'field_access' && field(n, 'object')?.type === 'this') {
      const f = field(n, 'field');
      return f ? this.fieldDecl(f) : undefined;
    }
    return undefined;
  }

  // --- sinks -----------------------------------------------------------------------------------------------------

  private sink(call: Node): Sink | undefined {
    const name = field(call, 'name')?.text;
    const kind = name ? SINKS[name] : undefined;
    const list = field(call, 'arguments');
    const clause = name && MYBATIS_CLAUSES[name];
    if (clause !== undefined && list && MYBATIS_SQL.test(this.ctx.text) && this.inSqlBuilder(call)) {
      // MyBatis `new SQL() {{ WHERE("name = '" + name + "'"); }}`: each argument is a piece of that clause.
      const args = named(list);
      const query = name === 'VALUES' || name === 'INTO_VALUES' ? args[args.length - 1] : args.length === 1 ? args[0] : undefined;
      return query ? { call, kind: 'mybatis', method: name!, query, args, prefix: clause } : undefined;
    }
    if (!list || !field(call, 'object')) return undefined;
    const args = named(list);
    if (!args.length) return undefined;
    if (name === 'sqlRestriction') {
      // Hibernate Criteria: Restrictions.sqlRestriction(sql[, values, types]).
      if (field(call, 'object')?.text.replace(/^(?:\w+\.)*/, '') !== 'Restrictions') return undefined;
      return { call, kind: 'restriction', method: name, query: args[0], args, condition: true };
    }
    if ((name === 'newQuery' || name === 'setFilter') && /\bjavax\.jdo\b/.test(this.ctx.text)) {
      // JDO: newQuery(query), newQuery(language, query), newQuery(Class | Extent[, Collection], filter); setFilter(filter).
      if (name === 'setFilter') return args.length === 1 ? { call, kind: 'jdo', method: name, query: args[0], args, condition: true } : undefined;
      if (args.length === 1) return { call, kind: 'jdo', method: name, query: args[0], args };
      if (args.length === 2 && args[0].type === 'string_literal') return { call, kind: 'jdo', method: name, query: args[1], args };
      const last = args[args.length - 1];
      return args[0].type === 'class_literal' || unparen(args[0]).type === 'cast_expression' ? { call, kind: 'jdo', method: name, query: last, args, condition: true } : undefined;
    }
    if (name === 'createStatement' || name === 'add') {
      // R2DBC: connection.createStatement(sql), batch.add(sql); JDBC's createStatement takes no SQL.
      const obj = unparen(field(call, 'object')!);
      const type = this.declOf(obj)?.type?.text.replace(/^(?:\w+\.)*/, '');
      const r2dbc = /\bio\.r2dbc\b/.test(this.ctx.text);
      if (name === 'createStatement' && args.length === 1 && (r2dbc || this.isBuilt(args[0]))) return { call, kind: 'other', method: name, query: args[0], args };
      if (name === 'add' && args.length === 1 && r2dbc && (type === 'Batch' || (obj.type === 'method_invocation' && field(obj, 'name')?.text === 'createBatch'))) {
        return { call, kind: 'other', method: name, query: args[0], args };
      }
      return undefined;
    }
    if (!kind) return undefined;
    return { call, kind, method: name!, query: args[0], args };
  }

  private checkSink(sink: Sink): void {
    const q = unparen(sink.query);
    if (this.seen.has(q.id)) return;
    this.seen.add(q.id);
    this.foreign = false;
    this.depth = 0;
    const built = this.build(q, sink.call);
    if (!built) return;
    const a = analyze(built.items, 'fragment');
    const jpa = sink.kind === 'jpql' || sink.kind === 'native' || sink.kind === 'hibernateSql' || sink.kind === 'jdo';
    // `{call proc(...)}`: the procedure and its arguments are the statement; no bound values stand for a hole there.
    const callEscape = sink.method === 'prepareCall' && CALL_ESCAPE.test(a.skeleton);
    if (!callEscape && sink.kind !== 'restriction' && !looksLikeSql((sink.prefix ?? (sink.condition ? 'WHERE ' : '')) + a.skeleton) &&
      !(jpa && /^\s*(?:select\s+(?:\w+\s+)?)?(?:from|update|delete(?:\s+from)?)\s+[A-Z]\w*(?:\s|$)/i.test(a.skeleton))) return;
    reportHoles(this.ctx, sink.query, built.items, a, () => !callEscape && this.hasParams(sink), () => (built.rewritable ? this.fixes(sink, built, a) : []));
  }

  /** A call on the MyBatis `SQL` being built: `new SQL() {{ WHERE(...); }}`, `new SQL().WHERE(...)`. */
  private inSqlBuilder(call: Node): boolean {
    const obj = field(call, 'object');
    if (obj && obj.type !== 'this') {
      let base = unparen(obj);
      while (base.type === 'method_invocation' && MYBATIS_CLAUSES[field(base, 'name')?.text ?? ''] !== undefined && field(base, 'object')) base = unparen(field(base, 'object')!);
      if (base.type === 'identifier') return /^(?:org\.apache\.ibatis\.jdbc\.)?SQL$/.test(this.declOf(base)?.type?.text ?? '');
      return base.type === 'object_creation_expression' && /^(?:org\.apache\.ibatis\.jdbc\.)?SQL$/.test(field(base, 'type')?.text ?? '');
    }
    // Inside the anonymous class's initializer block.
    for (let p = call.parent; p; p = p.parent) {
      if (METHOD_TYPES.has(p.type)) return false;
      if (p.type === 'class_body') {
        const c = p.parent;
        return c?.type === 'object_creation_expression' && /^(?:org\.apache\.ibatis\.jdbc\.)?SQL$/.test(field(c, 'type')?.text ?? '');
      }
    }
    return false;
  }

  /** The call passes values for placeholders (or a prepared statement will get them). */
  private hasParams(sink: Sink): boolean {
    switch (sink.kind) {
      case 'prepare': return true;
      case 'jpql': case 'native': case 'hibernateSql': {
        const m = methodOf(sink.call);
        return !!m && /\.set(?:Parameter|String|Long|Integer)\s*\(/.test(m.text);
      }
      case 'jdbcTemplate': return sink.args.length > (VALUES_START[sink.method] ?? 1);
      case 'restriction': return sink.args.length > 1;
      default: return false;
    }
  }

  // --- building the SQL -------------------------------------------------------------------------------------------

  private build(node: Node, call: Node): Built | undefined {
    const e = unparen(node);
    if (this.isBuilt(e)) {
      const items = this.flatten(e);
      if (!hasUnsafeHole(items)) return undefined;
      return { items, root: e, rewritable: !this.foreign && !this.hasBuilderChain(e) };
    }
    if (e.type !== 'identifier') return undefined;
    const d = this.resolve(e);
    if (!d || (d.kind !== 'local' && d.kind !== 'param')) return undefined;
    const m = methodOf(call);
    if (!m || !within(d.id, m)) return undefined;
    const flow = localParts(writesBefore(d.writes, call), d.value ? [d.value] : [], (value) => {
      const ops = plusOperands(value);
      return ops.length > 1 && ops[0].type === 'identifier' && this.resolve(ops[0]) === d ? ops.slice(1) : undefined;
    });
    if (!flow?.parts) return undefined;
    const { parts, appended } = flow;
    if (!appended && (parts.length !== 1 || !this.isBuilt(unparen(parts[0])))) return undefined;
    const items: Item[] = [];
    if (d.kind === 'param' && !d.value && appended && d.writes[0]?.op === '+=') items.push({ kind: 'hole', src: e.text, safe: false, devControlled: true } as CHole);
    for (const p of parts) this.flattenInto(p, items);
    if (!hasUnsafeHole(items)) return undefined;
    const root = unparen(parts[0]);
    const rewritable = !appended && !this.foreign && d.kind === 'local' && d.writes.length === 0 && this.reads(d) === 1 && !!d.value &&
      d.stmt.childrenForFieldName('declarator').length === 1 && !this.hasBuilderChain(root);
    return { items, root, rewritable };
  }

  private reads(d: Decl): number {
    let n = 0;
    walkTree(d.scope, (x) => {
      if (x.type === 'identifier' && x.text === d.id.text && !same(x, d.id) && this.resolve(x) === d) n++;
    });
    return n;
  }

  /** A StringBuilder made inline, or a local one read by `toString()` (its appends may sit under conditions): no fix. */
  private hasBuilderChain(e: Node): boolean {
    let found = false;
    walkTree(e, (x) => {
      if (x.type === 'object_creation_expression' && /^(?:StringBuilder|StringBuffer)$/.test(field(x, 'type')?.text ?? '')) found = true;
      else if (x.type === 'method_invocation' && this.builderOf(x) !== undefined && unparen(field(x, 'object')!).type === 'identifier') found = true;
      return !found;
    });
    return found;
  }

  private isBuilt(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'binary_expression') return field(e, 'operator')?.text === '+' && this.isStringy(e);
    if (e.type === 'method_invocation') return this.format(e) !== undefined || this.builderOf(e) !== undefined || this.concatOf(e) !== undefined;
    return false;
  }

  private isStringy(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'string_literal') return true;
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '+') {
      const l = field(e, 'left');
      const r = field(e, 'right');
      return (!!l && this.isStringy(l)) || (!!r && this.isStringy(r));
    }
    if (e.type === 'method_invocation') return this.isBuilt(e);
    if (e.type === 'identifier') {
      const d = this.resolve(e) ?? undefined;
      return !!d && (d.type?.text === 'String' || unparen(d.value ?? d.id).type === 'string_literal');
    }
    return false;
  }

  /**
   * `String.format([locale,] fmt, args...)` (or a project's `StringUtils.format`, Druid's locale-pinned wrapper) or
   * `fmt.formatted(args...)`: the format node and the arguments.
   */
  private format(call: Node): { fmt: Node; args: Node[] } | undefined {
    const name = field(call, 'name')?.text;
    const obj = field(call, 'object');
    const args = named(field(call, 'arguments')!);
    if (name === 'format' && (obj?.text === 'String' || obj?.text === 'StringUtils')) {
      let i = 0;
      if (args.length > 1 && /Locale\b/.test(args[0].text)) i = 1;
      const fmt = args[i] && unparen(args[i]);
      if (fmt && (fmt.type === 'string_literal' || this.isStringy(fmt) || this.constant(fmt) !== undefined)) return { fmt, args: args.slice(i + 1) };
      return undefined;
    }
    if (name === 'formatted' && obj) {
      const fmt = unparen(obj);
      if (fmt.type === 'string_literal' || this.constant(fmt) !== undefined) return { fmt, args };
    }
    return undefined;
  }

  /** `"...".concat(x)`. */
  private concatOf(call: Node): { left: Node; right: Node } | undefined {
    const obj = field(call, 'object');
    const args = named(field(call, 'arguments')!);
    if (field(call, 'name')?.text !== 'concat' || !obj || args.length !== 1 || !this.isStringy(obj)) return undefined;
    return { left: obj, right: args[0] };
  }

  /** `x.toString()` of a StringBuilder: an inline `new StringBuilder(...).append(...)` chain or a local builder. */
  private builderOf(call: Node): Node | undefined {
    if (field(call, 'name')?.text !== 'toString' || named(field(call, 'arguments')!).length) return undefined;
    const obj = field(call, 'object');
    if (!obj) return undefined;
    let base = unparen(obj);
    while (base.type === 'method_invocation' && field(base, 'name')?.text === 'append') base = unparen(field(base, 'object')!);
    if (base.type === 'object_creation_expression' && /^(?:StringBuilder|StringBuffer)$/.test(field(base, 'type')?.text ?? '')) return obj;
    if (base.type === 'identifier' && base.text === unparen(obj).text) {
      const d = this.resolve(base);
      if (d && (d.kind === 'local') && /^(?:StringBuilder|StringBuffer|var)$/.test(d.type?.text ?? '') && d.value &&
        unparen(d.value).type === 'object_creation_expression' && /^(?:StringBuilder|StringBuffer)$/.test(field(unparen(d.value), 'type')?.text ?? '')) return obj;
    }
    return undefined;
  }

  private flatten(e: Node): Item[] {
    const out: Item[] = [];
    this.flattenInto(e, out);
    return out;
  }

  private flattenInto(orig: Node, out: Item[]): void {
    const e = unparen(orig);
    if (e.type === 'string_literal') return void out.push(...stringChars(e, this.ctx.text));
    if (e.type === 'character_literal') {
      const c = decodeJavaEscapes(e.text.slice(1, -1));
      return void out.push({ kind: 'ch', c, r: c, o: 'str' } as CCh);
    }
    if (e.type === 'binary_expression' && field(e, 'operator')?.text === '+' && this.isStringy(e)) {
      this.flattenInto(field(e, 'left')!, out);
      this.flattenInto(field(e, 'right')!, out);
      return;
    }
    if (e.type === 'method_invocation') {
      const f = this.format(e);
      const done = f && this.formatItems(e, f.fmt, f.args);
      if (done) return void out.push(...done);
      const c = this.concatOf(e);
      if (c) {
        this.flattenInto(c.left, out);
        this.flattenInto(c.right, out);
        return;
      }
      const b = this.builderOf(e);
      if (b) {
        const items = this.builderItems(b, e);
        if (items) return void out.push(...items);
      }
    }
    if (e.type === 'identifier' && this.depth < 8) {
      const d = this.resolve(e);
      const v = d && (d.kind === 'local') && d.writes.length === 0 ? d.value : undefined;
      if (v && this.isBuilt(unparen(v)) && this.constant(e) === undefined && !this.safe(e, 0)) {
        this.depth++;
        this.foreign = true;
        this.flattenInto(v, out);
        this.depth--;
        return;
      }
    }
    const h = this.hole(e);
    h.keep = wrap(orig);
    out.push(h);
  }

  /** Items of a StringBuilder: `new StringBuilder(init).append(...)...` and, for a local, its appends before `at`. */
  private builderItems(obj: Node, at: Node): Item[] | undefined {
    const chain: Node[] = [];
    let base = unparen(obj);
    while (base.type === 'method_invocation' && field(base, 'name')?.text === 'append') {
      chain.unshift(named(field(base, 'arguments')!)[0]);
      base = unparen(field(base, 'object')!);
    }
    const out: Item[] = [];
    const ctorArgs = (n: Node) => {
      const a = named(field(n, 'arguments')!)[0];
      // new StringBuilder(64) is a capacity.
      if (a && this.isStringy(a)) this.flattenInto(a, out);
    };
    if (base.type === 'object_creation_expression') ctorArgs(base);
    else if (base.type === 'identifier') {
      const d = this.resolve(base)!;
      ctorArgs(unparen(d.value!));
      let ok = true;
      const m = methodOf(at) ?? d.scope;
      walkTree(m, (n) => {
        if (!ok || n.startIndex >= at.startIndex) return false;
        if (n.type !== 'method_invocation') return undefined;
        // The innermost call of a chain on the builder: sb.append(a).append(b)
        const o = field(n, 'object');
        if (o?.type !== 'identifier' || o.text !== base.text || this.resolve(o) !== d) return undefined;
        const mname = field(n, 'name')?.text;
        if (mname === 'setLength' || mname === 'deleteCharAt' || mname === 'length' || mname === 'toString' || mname === 'charAt' || mname === 'indexOf') return undefined;
        if (mname !== 'append') { ok = false; return false; }
        let top = n;
        const args: Node[] = [named(field(n, 'arguments')!)[0]];
        while (top.parent?.type === 'method_invocation' && same(field(top.parent, 'object'), top) && field(top.parent, 'name')?.text === 'append') {
          top = top.parent;
          args.push(named(field(top, 'arguments')!)[0]);
        }
        for (const a of args) if (a) this.flattenInto(a, out);
        return undefined;
      });
      if (!ok) return undefined;
      if (d.writes.length) return undefined;
    } else return undefined;
    for (const a of chain) if (a) this.flattenInto(a, out);
    return out;
  }

  /** `String.format`: each conversion becomes a hole for its argument. */
  private formatItems(call: Node, fmtNode: Node, args: Node[]): Item[] | undefined {
    const f = unparen(fmtNode);
    const from = f.type === 'string_literal' || f.type === 'binary_expression' ? this.flatten(f) : this.constant(f);
    if (from === undefined) return undefined;
    const { fmt, s, foreign } = readFormat(from);
    if (foreign) this.foreign = true;
    const out: Item[] = [];
    const used = new Set<number>();
    let argIndex = 0;
    for (let i = 0; i < fmt.length; i++) {
      const it = fmt[i];
      if (it.kind === 'hole' || it.c !== '%') { out.push(it); continue; }
      const m = /^%(\d+\$|<)?([-#+ 0,(]*)(\d+)?(\.\d+)?([tT]?[a-zA-Z%])/.exec(s.slice(i));
      if (!m) return undefined;
      const [whole, index, flags, width, prec, conv] = m;
      i += whole.length - 1;
      if (conv === '%') { out.push({ kind: 'ch', c: '%', r: '%' }); continue; }
      if (conv === 'n') { out.push({ kind: 'ch', c: '\n', r: '\\n' }); continue; }
      if (index === '<') return undefined;
      // %2$s names its argument; the statement may use it twice, so it is reported but never rewritten.
      const at = index ? Number(index.slice(0, -1)) - 1 : argIndex++;
      const arg = args[at];
      if (!arg) return undefined;
      used.add(at);
      if (index) this.foreign = true;
      const plain = !flags && !width && !prec;
      const h: CHole = { ...this.hole(arg), verb: whole, fmtCall: call.id };
      if (/^[doxXeEfgGaAbBhH]$|^[tT]/.test(conv)) {
        h.safe = true;
        h.text = undefined;
        h.keep = plain && conv === 'd' ? wrap(arg) : undefined;
      } else if (conv === 's') {
        h.keep = plain ? wrap(arg) : undefined;
        if (!plain) { h.value = undefined; h.text = undefined; }
      } else {
        h.text = undefined;
        h.value = undefined;
      }
      out.push(h);
    }
    if (used.size !== args.length) return undefined;
    return out;
  }

  // --- values ------------------------------------------------------------------------------------------------------

  private hole(e: Node): CHole {
    e = unparen(e);
    const src = e.text;
    const text = this.constant(e);
    if (text !== undefined) return { kind: 'hole', src, safe: true, text, value: src };
    return { kind: 'hole', src, safe: this.safe(e, 0), devControlled: this.devControlled(e), value: src };
  }

  /** The text of a constant expression: literals, `+` of constants, final (or never reassigned) names bound to those. */
  private constant(e: Node, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    e = unparen(e);
    switch (e.type) {
      case 'string_literal':
        return stringChars(e, this.ctx.text).map((c) => c.c).join('');
      case 'character_literal':
        return decodeJavaEscapes(e.text.slice(1, -1));
      case 'decimal_integer_literal':
        return /^\d+$/.test(e.text) ? e.text : undefined;
      case 'binary_expression': {
        if (field(e, 'operator')?.text !== '+' || !this.isStringy(e)) return undefined;
        const l = this.constant(field(e, 'left')!, depth + 1);
        const r = l === undefined ? undefined : this.constant(field(e, 'right')!, depth + 1);
        return l !== undefined && r !== undefined ? l + r : undefined;
      }
      case 'identifier':
      case 'field_access': {
        const d = this.declOf(e);
        if (!d || d.kind === 'param' || d.kind === 'other' || !d.value) return undefined;
        if (d.writes.length || (d.kind === 'field' && !d.final)) return undefined;
        return this.constant(d.value, depth + 1);
      }
      default:
        return undefined;
    }
  }

  /**
   * A name only read where a check has passed: inside `if (ALLOWED.contains(v))`, after `if (!ALLOWED.contains(v)) return;`
   * (ALLOWED a collection of constants), or after a statement `checkIdentifier(v);` that throws on anything else.
   */
  private guarded(use: Node, d: Decl, depth: number): boolean {
    if (d.writes.length || d.kind === 'field') return false;
    const m = methodOf(use);
    if (!m) return false;
    const isUse = (n: Node | undefined) => !!n && unparen(n).type === 'identifier' && unparen(n).text === use.text && this.resolve(unparen(n)) === d;
    // `negated`: the condition is false whenever the check passes (an early exit's condition).
    const checks = (cond: Node | undefined, negated: boolean): boolean => {
      if (!cond) return false;
      const c = unparen(cond);
      const op = c.type === 'binary_expression' ? field(c, 'operator')?.text : undefined;
      if (op === (negated ? '||' : '&&')) return checks(field(c, 'left'), negated) || checks(field(c, 'right'), negated);
      if (op === (negated ? '&&' : '||')) return checks(field(c, 'left'), negated) && checks(field(c, 'right'), negated);
      if (negated) return c.type === 'unary_expression' && field(c, 'operator')?.text === '!' && checks(field(c, 'operand'), false);
      if (c.type !== 'method_invocation') return false;
      const list = field(c, 'arguments');
      const args = list ? named(list) : [];
      const obj = field(c, 'object');
      // "asc".equals(v), v.equalsIgnoreCase("desc")
      if (/^equals(?:IgnoreCase)?$/.test(field(c, 'name')?.text ?? '') && args.length === 1 && obj) {
        return (isUse(args[0]) && this.constant(obj) !== undefined) || (isUse(obj) && this.constant(args[0]) !== undefined);
      }
      // v.matches("[A-Za-z_]+"): a whole-string match of word characters only.
      if (field(c, 'name')?.text === 'matches' && args.length === 1 && isUse(obj) && args[0].type === 'string_literal') return WORD_REGEX.test(this.constant(args[0]) ?? '');
      if (field(c, 'name')?.text !== 'contains') return false;
      return args.length === 1 && isUse(args[0]) && !!obj && this.constantCollection(obj, depth + 1);
    };
    for (let n: Node = use; n.parent && !same(n, m); n = n.parent) {
      const p = n.parent;
      if (p.type === 'if_statement' && same(field(p, 'consequence'), n) && checks(field(p, 'condition'), false)) return true;
      if (p.type !== 'block') continue;
      // Earlier statements of the enclosing blocks: a guard that leaves, or a validating call.
      for (const st of named(p)) {
        if (st.startIndex >= n.startIndex) break;
        if (st.type === 'if_statement' && !field(st, 'alternative') && exits(field(st, 'consequence')) && checks(field(st, 'condition'), true)) return true;
        const call = st.type === 'expression_statement' ? named(st)[0] : undefined;
        if (call?.type === 'method_invocation' && VALIDATORS.test(field(call, 'name')?.text ?? '') && named(field(call, 'arguments')!).some(isUse)) return true;
      }
    }
    return false;
  }

  /** `LIST.contains(x)` on a collection of constants, for the very expression `x`. */
  private containsCheck(cond: Node | undefined, x: Node, depth: number): boolean {
    const c = cond && unparen(cond);
    if (c?.type !== 'method_invocation' || field(c, 'name')?.text !== 'contains') return false;
    const args = named(field(c, 'arguments')!);
    const obj = field(c, 'object');
    return args.length === 1 && unparen(args[0]).text === unparen(x).text && !!obj && this.constantCollection(obj, depth + 1);
  }

  /** A collection that only ever holds constants: `List.of("a", "b")`, a final field or unshared local bound to one. */
  private constantCollection(n: Node, depth: number): boolean {
    if (depth > 8) return false;
    n = unparen(n);
    if (n.type === 'ternary_expression') return this.constantCollection(field(n, 'consequence')!, depth + 1) && this.constantCollection(field(n, 'alternative')!, depth + 1);
    if (n.type === 'method_invocation' || n.type === 'object_creation_expression') return this.constantElements(n, depth + 1, false);
    const d = this.declOf(n);
    if (!d || d.kind === 'param' || d.kind === 'other') return false;
    if (d.kind === 'field') {
      if (!d.final) return false;
      // Set once: where declared, or in a static block.
      const init = d.value ?? (d.writes.length === 1 && d.writes[0].op === '=' && d.writes[0].at.parent?.parent?.parent?.type === 'static_initializer' ? d.writes[0].value : undefined);
      return !!init && (d.value ? !d.writes.length : true) && this.constantElements(init, depth + 1, false);
    }
    if (d.writes.length || !d.value) return false;
    if (this.constantElements(d.value, depth + 1, false)) return true;
    // `new HashSet<>()` filled here with constants and never passed on.
    if (!this.constantElements(d.value, depth + 1, true)) return false;
    return this.uses(d).every((u) => {
      const call = u.parent;
      if (call?.type !== 'method_invocation' || !same(field(call, 'object'), u)) return false;
      const name = field(call, 'name')?.text ?? '';
      if (name === 'add') return named(field(call, 'arguments')!).every((a) => this.safe(a, depth + 1));
      return /^(?:contains|containsAll|isEmpty|size|stream|iterator|forEach)$/.test(name);
    });
  }

  /** An immutable collection of constants (`mutable`: any collection made empty or from constants). */
  private constantElements(v: Node, depth: number, mutable: boolean): boolean {
    if (depth > 8) return false;
    v = unparen(v);
    const args = v.type === 'method_invocation' || v.type === 'object_creation_expression' ? named(field(v, 'arguments') ?? v) : [];
    const each = () => args.every((a) => this.constantElements(a, depth + 1, true) || this.safe(a, depth + 1));
    if (v.type === 'method_invocation') {
      const obj = field(v, 'object');
      const callee = `${obj?.text ?? ''}.${field(v, 'name')?.text ?? ''}`;
      if (IMMUTABLE_OF.test(callee)) return each();
      if (mutable && /^Arrays\.asList$/.test(callee)) return each();
      if (/^Collections\.unmodifiable(?:List|Set|SortedSet|NavigableSet|Collection)$/.test(callee)) return args.length === 1 && this.constantElements(args[0], depth + 1, true);
      return false;
    }
    if (v.type === 'object_creation_expression') {
      if (!mutable || !/^(?:ArrayList|LinkedList|HashSet|LinkedHashSet|TreeSet)\b/.test(field(v, 'type')?.text ?? '')) return false;
      return args.length === 0 || (args.length === 1 && (this.constantElements(args[0], depth + 1, true) || LITERAL_NUMBERS.has(unparen(args[0]).type)));
    }
    return false;
  }

  private typeSafe(d: Decl | undefined): boolean {
    if (!d?.type) return false;
    if (NUMERIC_TYPE_NODES.has(d.type.type)) return true;
    const t = d.type.text.replace(/^java\.\w+(?:\.\w+)*\./, '');
    if (SAFE_TYPES.test(t) || this.enums.has(t)) return true;
    if (t === 'var' && d.value && !d.writes.length) return this.safe(d.value, 1);
    return false;
  }

  /** Values that cannot carry SQL: numbers and typed numbers, escaped values, constants' names, placeholder lists. */
  private safe(e: Node, depth: number): boolean {
    if (depth > 8) return false;
    e = unparen(e);
    if (LITERAL_NUMBERS.has(e.type)) return true;
    if (this.constant(e, depth) !== undefined) return true;
    switch (e.type) {
      case 'character_literal':
        return e.text !== "'\\''";
      case 'identifier': {
        const d = this.resolve(e);
        if (!d) return isScreaming(e.text);
        if (this.typeSafe(d)) return true;
        if (this.guarded(e, d, depth)) return true;
        // for (String table : TABLES), for (String t : List.of("a", "b")): elements of a constant collection.
        if (d.stmt.type === 'enhanced_for_statement') return !!d.value && !d.writes.length && this.safeInit(d.value, depth + 1);
        if (d.kind === 'param' || d.kind === 'other') return false;
        if (d.kind === 'field') return d.final && (isScreaming(e.text) || (!!d.value && !d.writes.length && this.safeInit(d.value, depth + 1)));
        // A local only ever given safe text: `String marks = ""; for (...) marks += "?,";`
        const vals: Node[] = [];
        if (d.value) vals.push(d.value);
        for (const w of d.writes) {
          if (!w.value) return false;
          vals.push(w.value);
        }
        if (!vals.length) return false;
        if (!vals.every((v) => this.safeInit(v, depth + 1))) return false;
        // Collections: every `.add(...)` is safe too.
        let ok = true;
        walkTree(d.scope, (n) => {
          if (!ok) return false;
          if (n.type === 'method_invocation' && field(n, 'object')?.text === e.text && /^(?:add|addAll|append|put|set|insert)$/.test(field(n, 'name')?.text ?? '') &&
            this.resolve(field(n, 'object')!) === d) {
            const args = named(field(n, 'arguments')!);
            if (!args.length || !this.safe(args[args.length - 1], depth + 1)) ok = false;
          }
          return undefined;
        });
        return ok;
      }
      case 'field_access': {
        const f = field(e, 'field');
        const obj = field(e, 'object');
        if (f && isScreaming(f.text)) return true;
        if (f?.text === 'length') return true;
        if (f && obj?.type === 'identifier' && this.enums.get(obj.text)?.has(f.text)) return true;
        const d = this.declOf(e);
        return !!d && (this.typeSafe(d) || (!!obj && obj.type !== 'this' && false));
      }
      case 'cast_expression':
        return NUMERIC_TYPE_NODES.has(field(e, 'type')?.type ?? '') || SAFE_TYPES.test(field(e, 'type')?.text ?? '');
      case 'ternary_expression': {
        // `SORTS.contains(s) ? s : "id"`: an allow-list check of the value it uses.
        const cons = field(e, 'consequence')!;
        return (this.safe(cons, depth + 1) || this.containsCheck(field(e, 'condition'), cons, depth)) && this.safe(field(e, 'alternative')!, depth + 1);
      }
      case 'binary_expression': {
        const op = field(e, 'operator')?.text;
        if (op !== '+') return true;
        return this.safe(field(e, 'left')!, depth + 1) && this.safe(field(e, 'right')!, depth + 1);
      }
      case 'unary_expression':
      case 'update_expression':
      case 'instanceof_expression':
        return true;
      case 'method_invocation': {
        const name = field(e, 'name')?.text ?? '';
        const obj = field(e, 'object');
        const args = named(field(e, 'arguments')!);
        const callee = obj ? `${obj.text}.${name}` : name;
        if (SAFE_STATIC.test(callee) || SAFE_METHODS.test(name) || ESCAPERS.test(name)) return true;
        if (name === 'getName' && obj?.type === 'class_literal') return true;
        if (name === 'name' && obj && !args.length && unparen(obj).type === 'field_access') return this.safe(obj, depth + 1);
        if (obj && /^(?:String\.(?:valueOf|join)|Collections\.nCopies|Arrays\.asList|List\.of|Stream\.of|String\.copyValueOf)$/.test(callee)) {
          return args.every((a) => this.safe(a, depth + 1));
        }
        if (name === 'repeat' && obj) return this.safe(obj, depth + 1);
        if (name === 'toString' && obj && !args.length) return this.safe(obj, depth + 1);
        if (/^(?:toUpperCase|toLowerCase|trim|strip)$/.test(name) && obj) return this.safe(obj, depth + 1);
        // ids.stream().map(id -> "?").collect(Collectors.joining(", "))
        if (name === 'collect' && obj && args.length === 1 && /^Collectors\.joining$/.test(field(args[0], 'object')?.text + '.' + field(args[0], 'name')?.text)) {
          return this.safeStream(obj, depth + 1) && named(field(args[0], 'arguments')!).every((a) => this.safe(a, depth + 1));
        }
        if (this.format(e)) return this.flatten(e).every((i) => i.kind === 'ch' || i.safe);
        return false;
      }
      default:
        return false;
    }
  }

  private safeStream(n: Node, depth: number): boolean {
    n = unparen(n);
    if (n.type !== 'method_invocation') return false;
    const name = field(n, 'name')?.text;
    const obj = field(n, 'object');
    if (name === 'map' || name === 'mapToObj') {
      const fn = named(field(n, 'arguments')!)[0];
      const body = fn?.type === 'lambda_expression' ? field(fn, 'body') : undefined;
      if (fn?.type === 'method_reference') return /^(?:String::valueOf|Object::toString|Integer::toString|Long::toString)$/.test(fn.text.replace(/\s+/g, '')) && !!obj && this.safeStreamSource(obj);
      return !!body && body.type !== 'block' && this.safe(body, depth + 1);
    }
    if (name === 'filter' || name === 'sorted' || name === 'distinct' || name === 'limit' || name === 'skip') return !!obj && this.safeStream(obj, depth);
    return false;
  }

  /** A stream of numbers: `IntStream.range(...)`, `ids.stream()` of a numeric list (not known): only ranges. */
  private safeStreamSource(n: Node): boolean {
    return /^(?:IntStream|LongStream)\.\w+\(/.test(unparen(n).text);
  }

  private safeInit(v: Node, depth: number): boolean {
    v = unparen(v);
    if (v.type === 'array_initializer') return named(v).every((x) => this.safe(x, depth + 1));
    if (v.type === 'array_creation_expression') {
      const init = field(v, 'value');
      return !!init && named(init).every((x) => this.safe(x, depth + 1));
    }
    if (v.type === 'object_creation_expression') {
      const args = named(field(v, 'arguments') ?? v);
      return args.every((a) => this.safe(a, depth + 1) || LITERAL_NUMBERS.has(a.type));
    }
    return this.safe(v, depth);
  }

  /** Written by the developer: fields (`this.table`, `tableName`), getters on `this`, class names. */
  private devControlled(e: Node): boolean {
    e = unparen(e);
    if (e.type === 'identifier') {
      const d = this.resolve(e);
      if (d?.kind === 'param' && TABLE_PARAM.test(e.text) && !d.writes.length) return true;
      return !d || d.kind === 'field';
    }
    if (e.type === 'field_access') return field(e, 'object')?.type === 'this' || /^[A-Z]/.test(field(e, 'object')?.text ?? '');
    if (e.type === 'method_invocation') {
      const obj = field(e, 'object');
      const args = named(field(e, 'arguments')!);
      if (args.length) return false;
      if (!obj || obj.type === 'this' || obj.type === 'class_literal') return true;
      // An annotation's element (`getAnnotation(Table.class).name()`, or through a local): a compile-time constant.
      const annotation = (n: Node | undefined) => n?.type === 'method_invocation' && field(n, 'name')?.text === 'getAnnotation';
      if (annotation(obj)) return true;
      if (obj.type === 'identifier') {
        const d = this.resolve(obj);
        if (d?.kind === 'local' && !d.writes.length && d.value && annotation(unparen(d.value))) return true;
      }
      return obj.type === 'method_invocation' && field(obj, 'name')?.text === 'getClass';
    }
    return false;
  }

  // --- the fix -----------------------------------------------------------------------------------------------------

  private fixes(sink: Sink, built: Built, a: Analysis): Fix[] {
    if (sink.kind === 'jdbcTemplate') return this.jdbcTemplateFix(sink, built, a);
    if (sink.kind === 'jpql' || sink.kind === 'native') return this.jpaFix(sink, built, a);
    if (sink.kind === 'statement') return this.statementFix(sink, built, a);
    if (sink.kind === 'prepare' && sink.method === 'prepareStatement') return this.prepareFix(sink, built, a);
    return [];
  }

  /** The SQL with `?` for each value (none of its own), the values in order, and the new SQL expression. */
  private questionMarks(built: Built, a: Analysis): { values: string[]; expr: string; kept: string[] } | undefined {
    const ex = existingPlaceholders(a, '?');
    if (ex.bare || ex.max) return undefined;
    const placed = placeValues(built.items, a, { placeholder: () => '?', regionValue: (inner) => regionExpr(inner) });
    if (!placed) return undefined;
    const values = placed.order.map((o) => ('value' in o ? o.value : ''));
    const expr = this.render(placed.pieces, built);
    if (expr === undefined || values.some((v) => !v)) return undefined;
    const kept = placed.pieces.flatMap((p) => ('hole' in p ? [p.hole.keep ?? ''] : []));
    return { values, expr, kept };
  }

  /** `ps.setString(1, name);`: the setter by the value's declared type, `setObject` when it is not known. */
  private setters(ps: string, values: string[], at: Node): string[] {
    return values.map((v, i) => `${ps}.${this.setterFor(v, at)}(${i + 1}, ${v});`);
  }

  private setterFor(value: string, at: Node): string {
    if (/^[A-Za-z_$][\w$]*$/.test(value)) {
      // The last use of the name before the query: its declaration gives the type.
      let use: Node | undefined;
      walkTree(methodOf(at) ?? this.root, (x) => {
        if (x.startIndex >= at.startIndex) return false;
        if (x.type === 'identifier' && x.text === value) use = x;
        return undefined;
      });
      const type = use && this.resolve(use)?.type?.text;
      return (type && SETTERS[type]) ?? 'setObject';
    }
    // `"%" + q + "%"`, request parameters, string methods.
    if (/^"/.test(value) || /"\s*$/.test(value) || /\.(?:getParameter|getHeader|getString|trim|strip|toLowerCase|toUpperCase|toString|getText|name)\(\)?[^()]*\)$/.test(value) ||
      /^String\.valueOf\(/.test(value)) return 'setString';
    return 'setObject';
  }

  /**
   * JDBC `Statement` -> `PreparedStatement`: `Statement st = conn.createStatement(); ... st.executeQuery("... '" + v + "'")`
   * becomes `PreparedStatement st = conn.prepareStatement("... ?"); ... st.setString(1, v); st.executeQuery()`. The
   * statement must be a local made by `createStatement()` and run no other query. The SQL goes where the statement is
   * made when it can be written there, else that line moves down to the query (same block, statement unused between).
   */
  private statementFix(sink: Sink, built: Built, a: Analysis): Fix[] {
    if (sink.method === 'addBatch' || sink.args.length !== 1) return [];
    const recv = field(sink.call, 'object');
    const m = methodOf(sink.call);
    if (recv?.type !== 'identifier' || !m) return [];
    const d = this.resolve(recv);
    const typeText = d?.type?.text ?? '';
    if (!d || d.kind !== 'local' || !within(d.id, m) || !/^(?:(?:java\.sql\.)?Statement|var)$/.test(typeText)) return [];
    // Where the Statement is made: its initializer, or the one assignment after `Statement st = null;`.
    let create: Node | undefined;
    let createStmt: Node | undefined;
    const init = d.value && unparen(d.value);
    const w = d.writes[0];
    if (init && isCreateStatement(init) && !d.writes.length) {
      create = init;
      createStmt = d.stmt.type === 'local_variable_declaration' && d.stmt.childrenForFieldName('declarator').length === 1 ? d.stmt : undefined;
    } else if ((!init || init.type === 'null_literal') && typeText !== 'var' && d.writes.length === 1 && w.op === '=' && w.value && isCreateStatement(unparen(w.value))) {
      create = unparen(w.value);
      createStmt = w.at.parent?.type === 'expression_statement' ? w.at.parent : undefined;
    }
    const at = statementOf(sink.call);
    if (!create || !at) return [];
    // Every other use must also work on a PreparedStatement, which runs only its own SQL.
    const uses = this.uses(d);
    for (const u of uses) {
      const p = u.parent;
      if (!same(u, recv) && p?.type === 'method_invocation' && same(field(p, 'object'), u) && /^(?:execute\w*|addBatch)$/.test(field(p, 'name')?.text ?? '')) return [];
    }
    const q = this.questionMarks(built, a);
    if (!q) return [];
    const direct = same(built.root, unparen(sink.query));
    const lines = this.ctx.lines;
    const edits: TextEdit[] = [];
    let sqlArg = q.expr;
    let inPlace: boolean;
    if (direct) {
      // Names the kept SQL refers to must exist where the statement is made.
      const names = new Set(q.kept.flatMap((k) => k.match(/[A-Za-z_$][\w$]*/g) ?? []));
      inPlace = ![...names].some((n) => (this.decls.get(n) ?? []).some((x) => within(x.id, m) && x.id.startIndex > create.startIndex && x.id.startIndex < sink.call.startIndex));
    } else {
      const sqlDecl = this.resolve(unparen(sink.query));
      if (!sqlDecl) return [];
      sqlArg = unparen(sink.query).text;
      edits.push(lines.edit(built.root.startIndex, built.root.endIndex, q.expr));
      inPlace = sqlDecl.stmt.endIndex <= create.startIndex;
    }
    const conn = field(create, 'object')!.text;
    const prepared = `${conn}.prepareStatement(${sqlArg})`;
    const newType = typeText === 'var' ? undefined : typeText.replace(/Statement$/, 'PreparedStatement');
    const sep = lineSeparator(this.ctx.text, at);
    let moved = '';
    if (inPlace) {
      edits.push(lines.edit(create.startIndex, create.endIndex, prepared));
    } else {
      if (!createStmt || !same(createStmt.parent ?? undefined, at.parent ?? undefined) || createStmt.startIndex > at.startIndex) return [];
      if (uses.some((u) => u.startIndex > createStmt.endIndex && u.startIndex < at.startIndex)) return [];
      const rel = (n: Node) => [n.startIndex - createStmt.startIndex, n.endIndex - createStmt.startIndex];
      let text = createStmt.text;
      const [cs, ce] = rel(create);
      text = text.slice(0, cs) + prepared + text.slice(ce);
      if (same(createStmt, d.stmt) && newType && d.type) {
        const [ts, te] = rel(d.type);
        text = text.slice(0, ts) + newType + text.slice(te);
      }
      moved = text + sep;
      edits.push(lines.edit(...lineSpan(lines, createStmt.startIndex, createStmt.endIndex), ''));
    }
    if (newType && d.type && (inPlace || !same(createStmt, d.stmt))) edits.push(lines.edit(d.type.startIndex, d.type.endIndex, newType));
    edits.push(lines.edit(at.startIndex, at.startIndex, moved + this.setters(recv.text, q.values, sink.call).join(sep) + sep));
    edits.push(lines.edit(field(sink.call, 'arguments')!.startIndex, field(sink.call, 'arguments')!.endIndex, '()'));
    const imp = newType === 'PreparedStatement' ? this.importPrepared() : undefined;
    if (imp) edits.push(imp);
    return [{ title: 'Use a PreparedStatement', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /**
   * `PreparedStatement ps = conn.prepareStatement("... '" + v + "'")`: the SQL gets `?` and a `ps.setString(1, v)` follows
   * the statement (for a try resource, it opens the try block). Only SQL without placeholders of its own, whose
   * statement is not then given values by index already.
   */
  private prepareFix(sink: Sink, built: Built, a: Analysis): Fix[] {
    const q = this.questionMarks(built, a);
    if (!q) return [];
    const p = sink.call.parent;
    let ps: Node | undefined;
    let after: Node | undefined;
    let before: Node | undefined;
    if (p?.type === 'variable_declarator' && same(field(p, 'value'), sink.call)) {
      ps = field(p, 'name');
      const decl = p.parent;
      if (decl?.type === 'local_variable_declaration' && decl.childrenForFieldName('declarator').length === 1 && statementOf(decl) === decl) after = decl;
    } else if (p?.type === 'resource' && same(field(p, 'value'), sink.call)) {
      ps = field(p, 'name');
      const body = p.parent?.parent ? field(p.parent.parent, 'body') : undefined;
      before = body ? named(body)[0] : undefined;
    } else if (p?.type === 'assignment_expression' && same(field(p, 'right'), sink.call) && field(p, 'left')?.type === 'identifier') {
      ps = field(p, 'left');
      if (p.parent?.type === 'expression_statement' && statementOf(p.parent) === p.parent) after = p.parent;
    }
    if (!ps || (!after && !before)) return [];
    // Values given by index elsewhere would now be off.
    const d = this.resolve(ps);
    if (!d || this.uses(d).some((u) => u.parent?.type === 'method_invocation' && same(field(u.parent, 'object'), u) && /^set[A-Z]/.test(field(u.parent, 'name')?.text ?? ''))) return [];
    const lines = this.ctx.lines;
    const setters = this.setters(ps.text, q.values, sink.call);
    const edits: TextEdit[] = [lines.edit(built.root.startIndex, built.root.endIndex, q.expr)];
    if (after) {
      const sep = lineSeparator(this.ctx.text, after);
      edits.push(lines.edit(after.endIndex, after.endIndex, sep + setters.join(sep)));
    } else {
      const sep = lineSeparator(this.ctx.text, before!);
      edits.push(lines.edit(before!.startIndex, before!.startIndex, setters.join(sep) + sep));
    }
    return [{ title: 'Pass the values with set methods', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** Every read or write of a declared name (not the declaration itself). */
  private uses(d: Decl): Node[] {
    const out: Node[] = [];
    walkTree(d.scope, (x) => {
      if (x.type === 'identifier' && x.text === d.id.text && !same(x, d.id) && this.resolve(x) === d) out.push(x);
    });
    return out;
  }

  /** `import java.sql.PreparedStatement;` after `import java.sql.Statement;` when the file imports its JDBC types one by one. */
  private importPrepared(): TextEdit | undefined {
    const text = this.ctx.text;
    if (/^\s*import\s+java\.sql\.(?:\*|PreparedStatement)\s*;/m.test(text)) return undefined;
    const m = /^([ \t]*)import\s+java\.sql\.Statement\s*;[^\S\r\n]*(\r?\n)?/m.exec(text);
    if (!m) return undefined;
    const end = m.index + m[0].length;
    const eol = m[2] ?? '\n';
    return this.ctx.lines.edit(end, end, (m[2] ? '' : eol) + `${m[1]}import java.sql.PreparedStatement;` + (m[2] ? eol : ''));
  }

  private receiverType(sink: Sink): string | undefined {
    const obj = field(sink.call, 'object');
    if (!obj) return undefined;
    const o = unparen(obj);
    if (o.type === 'method_invocation' && field(o, 'name')?.text === 'getJdbcTemplate' && !named(field(o, 'arguments')!).length) return 'JdbcTemplate';
    return this.declOf(o)?.type?.text.replace(/<.*$/, '');
  }

  private jdbcTemplateFix(sink: Sink, built: Built, a: Analysis): Fix[] {
    const type = this.receiverType(sink);
    if (type !== 'JdbcTemplate' && type !== 'JdbcOperations') return [];
    let start = VALUES_START[sink.method];
    if (start === undefined) return [];
    if (sink.method === 'queryForList' && sink.args[1]?.type === 'class_literal') start = 2;
    if (sink.args.length < start) return [];
    const existing = sink.args.slice(start);
    if (existing.some((x) => x.type === 'array_creation_expression' || x.type === 'lambda_expression' || x.type === 'method_reference')) return [];
    if (start === 2 && sink.args[1].type === 'array_creation_expression') return [];
    const ex = existingPlaceholders(a, '?');
    if (ex.max || existing.length !== ex.bare) return [];
    const placed = placeValues(built.items, a, {
      placeholder: () => '?',
      regionValue: (inner) => regionExpr(inner),
      existingAt: (s, i) => (s[i] === '?' && !/\d/.test(s[i + 1] ?? '') ? 1 : 0),
    });
    if (!placed) return [];
    const values = placed.order.map((o) => ('value' in o ? o.value : existing[o.existing].text));
    const expr = this.render(placed.pieces, built);
    if (expr === undefined) return [];
    const lines = this.ctx.lines;
    const edits: TextEdit[] = [lines.edit(built.root.startIndex, built.root.endIndex, expr)];
    if (!existing.length) {
      const last = sink.args[sink.args.length - 1];
      edits.push(lines.edit(last.endIndex, last.endIndex, ', ' + values.join(', ')));
    } else edits.push(lines.edit(existing[0].startIndex, existing[existing.length - 1].endIndex, values.join(', ')));
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** JPQL gets named parameters (`:name`), native SQL positional ones (`?1`); each value by `.setParameter(...)`. */
  private jpaFix(sink: Sink, built: Built, a: Analysis): Fix[] {
    const ex = existingPlaceholders(a, '?');
    if (ex.bare) return [];
    // JDBI's `handle.createQuery(sql)` binds with `.bind(name, value)`, not JPA's `.setParameter`; a receiver named like
    // a JDBI handle, with no JPA or Hibernate import to say otherwise, gets no fix.
    const jdbi = /\borg\.(?:jdbi|skife\.jdbi)\b/.test(this.ctx.text);
    const jpa = /\b(?:javax|jakarta)\.persistence\b|\borg\.hibernate\b/.test(this.ctx.text);
    const receiver = field(sink.call, 'object')?.text ?? '';
    if (!jdbi && !jpa && /^(?:h|handle|\w*Handle)$/.test(receiver)) return [];
    if (jdbi && (jpa || sink.kind !== 'jpql' || ex.max > 0)) return [];
    const positional = sink.kind === 'native' || ex.max > 0;
    if (positional && ex.named.size) return [];
    if (sink.kind === 'native' && ex.named.size) return [];
    let n = ex.max;
    const used = new Set(ex.named);
    const nameOf = new Map<string, string>();
    const binds: [string, string][] = [];
    const placed = placeValues(built.items, a, {
      placeholder: (value) => {
        if (positional) {
          binds.push([String(++n), value]);
          return `?${n}`;
        }
        let name = nameOf.get(value);
        if (!name) {
          let base = bindName(value);
          if (JPQL_RESERVED.has(base.toLowerCase())) base += 'Param';
          name = base;
          for (let k = 2; used.has(name); k++) name = `${base}${k}`;
          used.add(name);
          nameOf.set(value, name);
          binds.push([JSON.stringify(name), value]);
        }
        return `:${name}`;
      },
      regionValue: (inner) => regionExpr(inner),
    });
    if (!placed) return [];
    // `:name` must not run into the text after it.
    const expr = this.render(placed.pieces, built);
    if (expr === undefined) return [];
    const lines = this.ctx.lines;
    const edits: TextEdit[] = [
      lines.edit(built.root.startIndex, built.root.endIndex, expr),
      lines.edit(sink.call.endIndex, sink.call.endIndex, binds.map(([k, v]) => `.${jdbi ? 'bind' : 'setParameter'}(${k}, ${v})`).join('')),
    ];
    return [{ title: 'Parameterize query', applicability: 'unsafe', changes: [{ path: this.ctx.path, edits }] }];
  }

  /** The new SQL: a literal, or `+` of literals and the kept operands. */
  private render(pieces: Piece[], built: Built): string | undefined {
    const holes = pieces.filter((p): p is { hole: CHole } => 'hole' in p).map((p) => p.hole);
    if (holes.some((h) => h.keep === undefined)) return undefined;
    const block = firstLiteral(built.root);
    const asBlock = !!block && block.text.startsWith('"""') && pieces[0] && 'lit' in pieces[0] && pieces[0].ch?.o === 'block';
    const parts: { lit?: Piece[]; hole?: CHole }[] = [];
    for (const p of pieces) {
      if ('hole' in p) parts.push({ hole: p.hole });
      else if (parts.length && parts[parts.length - 1].lit) parts[parts.length - 1].lit!.push(p);
      else parts.push({ lit: [p] });
    }
    const out = parts.map((p, i) => (p.hole ? p.hole.keep! : i === 0 && asBlock ? textBlock(p.lit!) : javaLiteral(p.lit!.map((x) => ('lit' in x ? x.lit : '')).join(''))));
    // `a + b + "..."` would add two numbers first.
    if (parts.length > 1 && parts[0].hole && parts[1].hole) out.unshift('""');
    if (!out.length) return '""';
    return out.join(' + ');
  }
}

// --- helpers -----------------------------------------------------------------------------------------------------

/** JDBC setters by the value's declared type (boxed types may be null: `setObject`). */
const SETTERS: Record<string, string> = {
  String: 'setString', int: 'setInt', long: 'setLong', short: 'setShort', byte: 'setByte', double: 'setDouble', float: 'setFloat',
  boolean: 'setBoolean', BigDecimal: 'setBigDecimal',
};
const BLOCKS = new Set(['block', 'constructor_body', 'switch_block_statement_group']);
/** Immutable collections from their elements. */
const IMMUTABLE_OF = /^(?:List|Set)\.(?:of|copyOf)$|^(?:ImmutableList|ImmutableSet|ImmutableSortedSet)\.(?:of|copyOf)$|^Collections\.(?:singleton|singletonList)$|^EnumSet\.of$/;
/** Calls that throw unless their argument is a plain identifier: `Validation.checkIdentifier(name);`. */
const VALIDATORS = /^(?:check|validate|verify|ensure|assert)(?:Valid|Safe)?(?:Sql)?(?:Identifier|Ident|Alphanumeric|Alnum|TableName|ColumnName|SortColumn|SortField|OrderBy)$/;

/** A regular expression of word characters only: `[A-Za-z_][A-Za-z0-9_]*`, `\\w+`, `^[a-z]{1,30}$`. */
const WORD_REGEX = /^\^?(?:(?:\[(?:[A-Za-z0-9_]-[A-Za-z0-9_]|[A-Za-z0-9_]|\\[wd])+\]|[A-Za-z0-9_]|\\[wd])(?:[+*?]|\{\d+(?:,\d*)?\})?)+\$?$/;

/** A branch that always leaves: `return`, `throw`, `continue`, `break`, or a block ending in one. */
function exits(n: Node | undefined): boolean {
  if (!n) return false;
  if (n.type === 'block') {
    const last = named(n).filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment').pop();
    return exits(last);
  }
  return n.type === 'return_statement' || n.type === 'throw_statement' || n.type === 'continue_statement' || n.type === 'break_statement';
}

/** `conn.createStatement()` with no arguments. */
function isCreateStatement(n: Node): boolean {
  return n.type === 'method_invocation' && field(n, 'name')?.text === 'createStatement' && !!field(n, 'object') && !named(field(n, 'arguments')!).length;
}

/** The statement holding `n` that sits directly in a block (a statement can go before it there). */
function statementOf(n: Node): Node | undefined {
  for (let p: Node | null = n; p?.parent; p = p.parent) {
    if (BLOCKS.has(p.parent.type)) return p;
    // An arrow case's expression (`case X -> st.executeQuery(...)`) has no statement of its own.
    if (METHOD_TYPES.has(p.type) || p.type === 'class_body' || p.type === 'switch_rule') return undefined;
  }
  return undefined;
}

/** What separates a new statement from `n`: a line break and `n`'s indentation when `n` opens its line, else a space. */
function lineSeparator(text: string, n: Node): string {
  const start = text.lastIndexOf('\n', n.startIndex - 1) + 1;
  const indent = text.slice(start, n.startIndex);
  if (!/^[ \t]*$/.test(indent)) return ' ';
  return (text[start - 2] === '\r' ? '\r\n' : '\n') + indent;
}

function methodOf(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (METHOD_TYPES.has(p.type)) return p;
  return undefined;
}

function isScreaming(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && name.replace(/_/g, '').length > 1;
}

function wrap(n: Node): string {
  return PRIMARY.has(n.type) ? n.text : `(${n.text})`;
}

function firstLiteral(n: Node): Node | undefined {
  let found: Node | undefined;
  walkTree(n, (x) => {
    if (found) return false;
    if (x.type === 'string_literal') { found = x; return false; }
    return undefined;
  });
  return found;
}

const JAVA_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', s: ' ', '"': '"', "'": "'", '\\': '\\' };

function decodeJavaEscapes(s: string): string {
  return s.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|[\s\S])/g, (m, x: string) => {
    if (x[0] === 'u') return String.fromCharCode(parseInt(x.replace(/^u+/, ''), 16));
    if (/^[0-7]+$/.test(x)) return String.fromCharCode(parseInt(x, 8));
    if (x === '\n' || x === '\r') return '';
    return JAVA_ESCAPES[x] ?? m;
  });
}

/** Characters of a Java string literal or text block (a text block's characters keep their source text in `r`). */
function stringChars(lit: Node, text: string): CCh[] {
  const out: CCh[] = [];
  const block = lit.text.startsWith('"""');
  const o = block ? 'block' : 'str';
  for (const c of kids(lit)) {
    if (c.type === 'escape_sequence') {
      const v = decodeJavaEscapes(c.text);
      for (const ch of v) out.push({ kind: 'ch', c: ch, r: c.text, o });
    } else if (c.isNamed) {
      for (let i = c.startIndex; i < c.endIndex; i++) {
        let ch = text[i];
        let r = ch;
        if (ch === '\r' && text[i + 1] === '\n') { i++; ch = '\n'; r = '\r\n'; }
        out.push({ kind: 'ch', c: ch, r, o });
      }
    }
  }
  return out;
}

function javaLiteral(s: string): string {
  return '"' + [...s].map(escapeDq).join('') + '"';
}

/** A text block from pieces that open with the block's own characters (its line break and indentation kept). */
function textBlock(pieces: Piece[]): string {
  let body = '';
  for (const p of pieces) {
    if (!('lit' in p)) continue;
    if (p.ch?.o === 'block') body += p.ch.r;
    else body += p.lit === '\n' ? '\\n' : escapeDq(p.lit);
  }
  if (body.endsWith('"') && !body.endsWith('\\"')) body = body.slice(0, -1) + '\\"';
  return '"""' + body + '"""';
}

/** The text of a quoted SQL value with holes: `"%" + q + "%"`. */
function regionExpr(inner: Item[]): string | undefined {
  const parts: string[] = [];
  let lit = '';
  for (const x of unquoteRegion(inner)) {
    if (x.kind === 'hole') {
      const h = x as CHole;
      if (h.keep === undefined) return undefined;
      if (lit || !parts.length) parts.push(javaLiteral(lit));
      lit = '';
      parts.push(h.keep);
    } else lit += x.c;
  }
  if (lit) parts.push(javaLiteral(lit));
  if (parts[0] === '""' && parts.length > 2 && parts[2].startsWith('"')) parts.shift();
  return parts.join(' + ');
}
