// Tests for sql/string-built-query in Java: JDBC, Spring JdbcTemplate and JPA/Hibernate sinks, variable flow,
// precision, and the fixes (JdbcTemplate varargs, JPA setParameter).
import * as assert from 'node:assert/strict';
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { hasSyntaxError, itParsesFixOutputs } from '../../helpers/sql-fixes';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const PATH = 'src/main/java/app/UserDao.java';

/** A class with `fields`, and `body` in a method of `params`; the body starts on line 7 (with the default two fields). */
function cls(body: string, params = 'String name, int id', fields = '  private JdbcTemplate jdbcTemplate;\n  private EntityManager em;\n') {
  return `package app;\n\nclass UserDao {\n${fields}  Object find(${params}) throws Exception {\n${body}    return null;\n  }\n}\n`;
}
const L = 7;

/** A MyBatis SQL provider: `body` in a method of three strings, starting on line 7. */
function mybatis(body: string) {
  return `package app;\n\nimport org.apache.ibatis.jdbc.SQL;\n\nclass UserSql {\n  String build(String name, String dir, String cond) {\n${body}  }\n}\n`;
}

const valid: (string | { name: string; code: string })[] = [
  // a ternary that checks the very value it uses against constants
  { name: 'SORTS.contains(s) ? s : default', code: cls('    String s = SORTS.contains(name) ? name : "id";\n    stmt.executeQuery("SELECT * FROM users ORDER BY " + s);\n', 'String name', '  private static final Set<String> SORTS = Set.of("name", "id");\n') },
  // a parameter named for a table, never written: the callers pass the code's own tables
  { name: 'table from a parameter named for a table', code: cls('    stmt.executeUpdate("DELETE FROM " + tableName + " WHERE expired = 1");\n', 'String tableName') },
  // a JPA @Table annotation's element: a compile-time constant
  { name: 'table name from getAnnotation(Table.class).name()', code: cls('    Table t = User.class.getAnnotation(Table.class);\n    em.createNativeQuery("SELECT * FROM " + t.name(), User.class).getResultList();\n    em.createNativeQuery("DELETE FROM " + Order.class.getAnnotation(Table.class).name()).executeUpdate();\n') },
  // constants and parameters
  cls('    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");\n    ps.setString(1, name);\n    ps.executeQuery();\n'),
  cls('    jdbcTemplate.query("SELECT * FROM users WHERE name = ?", mapper, name);\n'),
  cls('    em.createQuery("SELECT u FROM User u WHERE u.name = :name").setParameter("name", name).getResultList();\n'),
  { name: 'constants concatenated with constants', code: cls('    stmt.executeQuery("SELECT * FROM " + TABLE + " WHERE active = " + true);\n', 'String name', '  private static final String TABLE = "users";\n') },
  cls('    final String cols = "id, name";\n    String sql = "SELECT " + cols + " FROM users WHERE id = ?";\n    jdbcTemplate.queryForList(sql, id);\n'),
  cls('    stmt.executeUpdate("DELETE FROM " + Tables.USERS + " WHERE id = 1");\n'),
  cls('    stmt.executeQuery("SELECT * FROM " + User.class.getSimpleName() + " WHERE id = 1");\n'),
  // numbers and typed values cannot inject
  { name: 'an int parameter concatenated', code: cls('    stmt.executeQuery("SELECT * FROM users WHERE id = " + id);\n') },
  cls('    stmt.executeQuery("SELECT * FROM users WHERE id = " + userId + " AND since > \'" + since + "\'");\n', 'Long userId, LocalDate since'),
  cls('    stmt.executeQuery(String.format("SELECT * FROM users WHERE id = %d LIMIT %d", id, 10));\n'),
  cls('    stmt.executeQuery(String.format("SELECT * FROM users WHERE id = %s", id));\n'),
  cls('    stmt.executeQuery("SELECT * FROM users WHERE id = " + Integer.parseInt(name));\n'),
  cls('    stmt.executeQuery("SELECT * FROM users LIMIT " + ids.size());\n', 'List<String> ids'),
  cls('    stmt.executeQuery("SELECT * FROM users WHERE name = " + conn.enquoteLiteral(name));\n'),
  cls('    stmt.executeQuery("SELECT * FROM users WHERE name = \'" + ESAPI.encoder().encodeForSQL(codec, name) + "\'");\n'),
  // placeholder lists
  cls('    String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));\n    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id IN (" + in + ")");\n', 'List<Long> ids'),
  cls('    jdbcTemplate.query("SELECT * FROM users WHERE id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", mapper, ids.toArray());\n', 'List<Long> ids'),
  cls('    StringBuilder sb = new StringBuilder("SELECT * FROM users WHERE id IN (");\n    for (int i = 0; i < ids.size(); i++) sb.append(i > 0 ? ",?" : "?");\n    sb.append(")");\n    conn.prepareStatement(sb.toString());\n', 'List<Long> ids'),
  // loops over constant names (migrations)
  cls('    for (String t : TABLES) stmt.executeUpdate("DELETE FROM " + t + " WHERE id = 1");\n', 'Statement stmt', '  private static final String[] TABLES = {"a", "b"};\n'),
  cls('    for (String t : List.of("a", "b")) stmt.executeUpdate("TRUNCATE TABLE " + t);\n', 'Statement stmt'),
  // dynamic conditions with parameters
  cls('    String sql = "SELECT * FROM users WHERE " + where;\n    PreparedStatement ps = conn.prepareStatement(sql);\n', 'String where'),
  cls('    jdbcTemplate.query("SELECT * FROM users WHERE " + where, mapper, args);\n', 'String where, Object[] args'),
  // developer-controlled names: fields, getters
  cls('    jdbcTemplate.update("DELETE FROM " + tableName + " WHERE id = ?", id);\n', 'int id', '  private JdbcTemplate jdbcTemplate;\n  private String tableName;\n'),
  cls('    jdbcTemplate.update("DELETE FROM " + getTableName() + " WHERE id = ?", id);\n'),
  // SQL words in logs and exceptions, text that never reaches a query
  cls('    log.info("SELECT * FROM users WHERE name = \'" + name + "\'");\n'),
  cls('    throw new IllegalStateException("DELETE FROM users failed for " + name);\n'),
  cls('    String sql = "SELECT * FROM users WHERE name = \'" + name + "\'";\n    return sql;\n'),
  cls('    System.out.println(String.format("UPDATE users SET name = \'%s\'", name));\n'),
  // query-named calls that are not databases, prose
  cls('    executor.execute(() -> run("SELECT * FROM users WHERE name = \'" + name + "\'"));\n'),
  cls('    repository.update("please select one from " + name);\n'),
  cls('    em.createQuery(criteriaBuilder.createQuery(User.class)).getResultList();\n'),
  // a query that is not built here
  cls('    stmt.executeQuery(name);\n'),
  cls('    String sql = buildSql(name);\n    stmt.executeQuery(sql);\n'),
  // value in an SQL comment
  cls('    stmt.executeQuery("SELECT * FROM users -- " + name + "\\nWHERE id = 1");\n'),
  // broken code
  cls('    stmt.executeQuery("SELECT * FROM users WHERE name = \'" + name + "\'",, );\n'),
  // stored procedures with bound arguments, restrictions and JDO filters with parameters
  cls('    CallableStatement cs = conn.prepareCall("{call refresh_user(?)}");\n    cs.setString(1, name);\n    cs.execute();\n'),
  cls('    CallableStatement cs = conn.prepareCall("{call " + PROC + "(?)}");\n', 'String name', '  private static final String PROC = "refresh_user";\n'),
  cls('    criteria.add(Restrictions.sqlRestriction("lower({alias}.name) = lower(?)", name, StandardBasicTypes.STRING));\n'),
  cls('    criteria.add(Restrictions.sqlRestriction("{alias}.age > " + id));\n'),
  { name: 'setFilter outside JDO is not a query', code: cls('    search.setFilter("name = \'" + name + "\'");\n') },
  { name: 'a JDO filter with a declared parameter', code: 'package app;\n\nimport javax.jdo.PersistenceManager;\nimport javax.jdo.Query;\n\nclass Repo {\n  Object find(PersistenceManager pm, String name) {\n    Query q = pm.newQuery(User.class, "name == n");\n    q.declareParameters("String n");\n    return q.execute(name);\n  }\n}\n' },
  cls('    new PreparedStatementCreatorFactory("SELECT * FROM users WHERE name = ?", Types.VARCHAR);\n'),
  // enum constants and enum-typed values of an enum declared in the file
  { name: 'constants of an enum in the file, by name, name() and an enum-typed parameter', code: 'package app;\n\nenum Region { North, South }\n\nclass Report {\n  void run(Statement st, Region r) throws Exception {\n    st.executeQuery("SELECT * FROM sales WHERE region = \'" + Region.North + "\'");\n    st.executeQuery("SELECT * FROM sales WHERE region = \'" + Region.South.name() + "\'");\n    st.executeQuery("SELECT * FROM sales WHERE region = \'" + r + "\'");\n  }\n}\n' },
  // values checked against a collection of constants, or by an identifier check that throws
  { name: 'inside if (CONSTANT_SET.contains(v))', code: cls('    if (STATUSES.contains(name)) {\n      jdbcTemplate.update("UPDATE users SET status = \'" + name + "\' WHERE id = ?", id);\n    }\n', 'String name, int id', '  private static final Set<String> STATUSES = Set.of("active", "locked");\n  private JdbcTemplate jdbcTemplate;\n') },
  { name: 'after if (!LIST.contains(v)) throw', code: cls('    if (!SORTS.contains(name)) throw new IllegalArgumentException("bad sort");\n    return jdbcTemplate.queryForList("SELECT * FROM users ORDER BY " + name);\n', 'String name', '  private static final List<String> SORTS = Collections.unmodifiableList(Arrays.asList("name", "created"));\n  private JdbcTemplate jdbcTemplate;\n') },
  { name: 'a local List.of in a condition with &&', code: cls('    List<String> kinds = List.of("a", "b");\n    if (id > 0 && kinds.contains(name)) stmt.executeQuery("SELECT * FROM t WHERE kind = \'" + name + "\'");\n') },
  { name: 'a local HashSet given only constants, SQL in a local inside the check', code: cls('    Set<String> ok = new HashSet<>();\n    ok.add("x");\n    ok.add("y");\n    if (ok.contains(name)) {\n      String q = "DELETE FROM t WHERE k = \'" + name + "\'";\n      stmt.executeUpdate(q);\n    }\n') },
  { name: 'a static final set assigned once in a static block', code: 'package app;\n\nclass Dao {\n  static final Set<String> COLS;\n  static {\n    COLS = Set.of("name", "email");\n  }\n  void f(Statement st, String col) throws Exception {\n    if (COLS.contains(col)) st.executeQuery("SELECT " + col + " FROM users WHERE " + col + " = \'x\'");\n  }\n}\n' },
  { name: 'after a checkIdentifier(v) statement', code: cls('    Validation.checkIdentifier(name);\n    stmt.executeQuery("SELECT * FROM t WHERE k = \'" + name + "\'");\n') },
  // JDBC createStatement with result-set options is not R2DBC's createStatement(sql)
  cls('    Statement st = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);\n    st.executeQuery("SELECT * FROM t WHERE id = 1");\n'),
  { name: 'after a word-only matches() check that throws', code: cls('    if (!col.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException(col);\n    stmt.executeQuery("SELECT * FROM t ORDER BY " + col);\n', 'String col') },
  { name: 'inside a check against either of two constants', code: cls('    if ("asc".equalsIgnoreCase(dir) || "desc".equalsIgnoreCase(dir)) stmt.executeQuery("SELECT * FROM t ORDER BY id " + dir);\n', 'String dir') },
  { name: 'after returning unless one of two constants', code: cls('    if (!dir.equals("asc") && !dir.equals("desc")) return null;\n    stmt.executeQuery("SELECT * FROM t ORDER BY id " + dir);\n', 'String dir') },
  { name: 'an Integer bound by instanceof', code: cls('    if (o instanceof Integer n) stmt.executeQuery("SELECT * FROM t WHERE id = " + n);\n', 'Object o') },
  { name: 'MyBatis SQL builder with #{} parameters, a whole condition and a constant choice', code: mybatis('    return new SQL() {{\n      SELECT("id, name");\n      FROM("users");\n      WHERE("name = #{name}");\n      WHERE(cond);\n      ORDER_BY("created " + (desc ? "DESC" : "ASC"));\n    }}.toString();\n') },
  { name: 'WHERE(...) without MyBatis is not a query', code: cls('    WHERE("name = \'" + name + "\'");\n') },
  { name: 'add() outside an R2DBC batch is not a query', code: cls('    items.add("SELECT * FROM users WHERE name = \'" + name + "\'");\n') },
];

const invalid: InvalidCase[] = [
  // --- JDBC Statement -> PreparedStatement ---------------------------------------------------------------------------
  {
    name: 'Statement made in the line before: becomes a PreparedStatement there',
    code: cls('    Statement stmt = conn.createStatement();\n    ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = \'" + name + "\'");\n'),
    errors: [{
      messageId: VALUE, line: L + 1, column: 38,
      fixes: [{
        title: 'Use a PreparedStatement', applicability: 'unsafe',
        output: cls('    PreparedStatement stmt = conn.prepareStatement("SELECT * FROM users WHERE name = ?");\n    stmt.setString(1, name);\n    ResultSet rs = stmt.executeQuery();\n'),
      }],
    }],
  },
  {
    name: 'Statement: SQL built in a local after the statement is made moves the statement down',
    code: cls('    Statement st = conn.createStatement();\n    String query = "DELETE FROM users WHERE name = \'" + name + "\'";\n    st.execute(query);\n    st.close();\n'),
    errors: [{
      messageId: VALUE, line: L + 2, column: 16,
      fixes: [{ output: cls('    String query = "DELETE FROM users WHERE name = ?";\n    PreparedStatement st = conn.prepareStatement(query);\n    st.setString(1, name);\n    st.execute();\n    st.close();\n') }],
    }],
  },
  {
    name: 'Statement in try-with-resources: value read inside the block, LIKE pattern and a kept int',
    code: cls('    try (Statement st = conn.createStatement()) {\n      String q = request.getParameter("q");\n      ResultSet rs = st.executeQuery("SELECT * FROM items WHERE title LIKE \'%" + q + "%\' AND owner = " + id);\n    }\n', 'HttpServletRequest request, int id'),
    errors: [{
      messageId: VALUE, line: L + 2, column: 38,
      fixes: [{ output: cls('    try (PreparedStatement st = conn.prepareStatement("SELECT * FROM items WHERE title LIKE ? AND owner = " + id)) {\n      String q = request.getParameter("q");\n      st.setString(1, "%" + q + "%");\n      ResultSet rs = st.executeQuery();\n    }\n', 'HttpServletRequest request, int id') }],
    }],
  },
  {
    name: 'Statement assigned in try, closed in finally: the declared type changes too',
    code: cls('    Statement stmt = null;\n    try {\n      stmt = conn.createStatement();\n      stmt.executeUpdate("UPDATE users SET email = \'" + email + "\' WHERE id = " + id);\n    } finally {\n      if (stmt != null) stmt.close();\n    }\n', 'String email, int id'),
    errors: [{
      messageId: VALUE, line: L + 3, column: 26,
      fixes: [{ output: cls('    PreparedStatement stmt = null;\n    try {\n      stmt = conn.prepareStatement("UPDATE users SET email = ? WHERE id = " + id);\n      stmt.setString(1, email);\n      stmt.executeUpdate();\n    } finally {\n      if (stmt != null) stmt.close();\n    }\n', 'String email, int id') }],
    }],
  },
  {
    name: 'Statement made once, query in a loop: prepared once, value set in the loop',
    code: cls('    Statement st = conn.createStatement();\n    for (String n : names) {\n      st.executeUpdate("DELETE FROM users WHERE name = \'" + n + "\' AND org = \'" + org.getId() + "\'");\n    }\n', 'List<String> names, Org org'),
    errors: [{
      messageId: VALUE, line: L + 2, column: 24,
      fixes: [{ output: cls('    PreparedStatement st = conn.prepareStatement("DELETE FROM users WHERE name = ? AND org = ?");\n    for (String n : names) {\n      st.setString(1, n);\n      st.setObject(2, org.getId());\n      st.executeUpdate();\n    }\n', 'List<String> names, Org org') }],
    }],
  },
  {
    name: 'Statement: an import of java.sql.Statement gets java.sql.PreparedStatement next to it',
    code: 'package app;\n\nimport java.sql.Connection;\nimport java.sql.Statement;\n\nclass Dao {\n  void drop(Connection conn, String name) throws Exception {\n    Statement a = conn.createStatement();\n    a.execute("DELETE FROM t WHERE name = \'" + name + "\'");\n  }\n}\n',
    errors: [{ messageId: VALUE, line: 9, column: 15, fixes: [{ output: 'package app;\n\nimport java.sql.Connection;\nimport java.sql.Statement;\nimport java.sql.PreparedStatement;\n\nclass Dao {\n  void drop(Connection conn, String name) throws Exception {\n    PreparedStatement a = conn.prepareStatement("DELETE FROM t WHERE name = ?");\n    a.setString(1, name);\n    a.execute();\n  }\n}\n' }] }],
  },
  {
    name: 'Statement declared with var keeps var; a String.format value',
    code: cls('    var b = conn.createStatement();\n    b.execute(String.format("DELETE FROM t WHERE name = \'%s\'", name));\n'),
    errors: [{ messageId: VALUE, line: L + 1, column: 15, fixes: [{ output: cls('    var b = conn.prepareStatement("DELETE FROM t WHERE name = ?");\n    b.setString(1, name);\n    b.execute();\n') }] }],
  },
  {
    name: 'Statement with SQL from a local StringBuilder (appends may be conditional): no fix',
    code: cls('    Statement st = conn.createStatement();\n    StringBuilder sb = new StringBuilder("SELECT * FROM users WHERE 1=1");\n    if (name != null) sb.append(" AND name = \'").append(name).append("\'");\n    return st.executeQuery(sb.toString());\n'),
    errors: [{ messageId: VALUE, line: L + 3, column: 28, fixes: [] }],
  },
  {
    name: 'Statement running two queries: no fix (a PreparedStatement runs only its own)',
    code: cls('    Statement st = conn.createStatement();\n    st.executeUpdate("DELETE FROM a WHERE name = \'" + name + "\'");\n    st.executeUpdate("DELETE FROM b WHERE id = 1");\n'),
    errors: [{ messageId: VALUE, line: L + 1, column: 22, fixes: [] }],
  },
  {
    name: 'Statement used between where it is made and a query built later: no fix',
    code: cls('    Statement st = conn.createStatement();\n    st.setQueryTimeout(5);\n    String sql = "DELETE FROM a WHERE name = \'" + name + "\'";\n    st.executeUpdate(sql);\n'),
    errors: [{ messageId: VALUE, line: L + 3, column: 22, fixes: [] }],
  },
  {
    name: 'Statement.executeQuery with a concatenated value',
    code: cls('    ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = \'" + name + "\'");\n'),
    path: PATH,
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `name`: pass it as a query parameter instead (SQL injection).',
      line: L, column: 38, endLine: L, endColumn: 87, fixes: [],
    }],
  },
  {
    name: 'Statement.execute through a local variable',
    code: cls('    String query = "DELETE FROM users WHERE name = \'" + name + "\'";\n    stmt.execute(query);\n'),
    errors: [{ messageId: VALUE, line: L + 1, column: 18, endColumn: 23, fixes: [] }],
  },
  {
    name: 'executeUpdate with String.format',
    code: cls('    stmt.executeUpdate(String.format("UPDATE users SET name = \'%s\' WHERE id = %d", name, id));\n'),
    errors: [{ messageId: VALUE, line: L, column: 24, fixes: [] }],
  },
  {
    name: 'executeLargeUpdate with formatted()',
    code: cls('    stmt.executeLargeUpdate("DELETE FROM users WHERE name = \'%s\'".formatted(name));\n'),
    errors: [{ messageId: VALUE, line: L, column: 29, fixes: [] }],
  },
  {
    name: 'addBatch',
    code: cls('    stmt.addBatch("INSERT INTO logs (msg) VALUES (\'" + name + "\')");\n'),
    errors: [{ messageId: VALUE, line: L, column: 19, fixes: [] }],
  },
  {
    name: 'StringBuilder append chain with a condition',
    code: cls('    StringBuilder sb = new StringBuilder("SELECT * FROM users WHERE 1=1");\n    if (name != null) sb.append(" AND name = \'").append(name).append("\'");\n    ResultSet rs = conn.createStatement().executeQuery(sb.toString());\n'),
    errors: [{ messageId: VALUE, line: L + 2, column: 56, endColumn: 69, fixes: [] }],
  },
  {
    name: 'inline StringBuilder',
    code: cls('    stmt.executeQuery(new StringBuilder("SELECT * FROM users WHERE name = \'").append(name).append("\'").toString());\n'),
    errors: [{ messageId: VALUE, line: L, column: 23, fixes: [] }],
  },
  {
    name: '+= on a local',
    code: cls('    String sql = "SELECT * FROM users WHERE 1=1";\n    if (name != null) {\n      sql += " AND name = \'" + name + "\'";\n    }\n    stmt.executeQuery(sql);\n'),
    errors: [{ messageId: VALUE, line: L + 4, column: 23, fixes: [] }],
  },
  {
    name: 'sql = sql + ...',
    code: cls('    String sql = "SELECT * FROM users";\n    sql = sql + " WHERE name = \'" + name + "\'";\n    stmt.executeQuery(sql);\n'),
    errors: [{ messageId: VALUE, line: L + 2, column: 23, fixes: [] }],
  },
  {
    name: 'prepareStatement with a built string: setString after the declaration',
    code: cls('    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = \'" + name + "\'");\n    return ps.executeQuery();\n'),
    errors: [{
      messageId: VALUE, line: L, column: 50,
      fixes: [{ title: 'Pass the values with set methods', applicability: 'unsafe', output: cls('    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");\n    ps.setString(1, name);\n    return ps.executeQuery();\n') }],
    }],
  },
  {
    name: 'prepareStatement in try-with-resources: setters open the block',
    code: cls('    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = " + id + " AND name = \'" + name + "\'")) {\n      return ps.executeQuery();\n    }\n'),
    errors: [{ messageId: VALUE, line: L, column: 55, fixes: [{ output: cls('    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = " + id + " AND name = ?")) {\n      ps.setString(1, name);\n      return ps.executeQuery();\n    }\n') }] }],
  },
  {
    name: 'prepareStatement whose statement already gets values by index: no fix',
    code: cls('    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = \'" + name + "\'");\n    ps.setInt(1, id);\n'),
    errors: [{ messageId: VALUE, line: L, column: 50, fixes: [] }],
  },
  {
    name: 'prepareCall',
    code: cls('    conn.prepareCall("{call purge(\'" + name + "\')}");\n'.replace('{call purge(', 'CALL purge(').replace(')}', ')')),
    errors: [{ messageId: VALUE, line: L, column: 22, fixes: [] }],
  },
  {
    name: 'a condition built in one local and used in another',
    code: cls('    String cond = "name = \'" + name + "\'";\n    stmt.executeQuery("SELECT * FROM users WHERE " + cond);\n'),
    errors: [{ messageId: VALUE, message: /`name`/, line: L + 1, column: 23, fixes: [] }],
  },
  // --- JdbcTemplate: ? and varargs -----------------------------------------------------------------------------------
  {
    name: 'JdbcTemplate.update: values as varargs',
    code: cls('    jdbcTemplate.update("DELETE FROM users WHERE name = \'" + name + "\'");\n'),
    errors: [{
      messageId: VALUE, line: L, column: 25, endColumn: 72,
      fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: cls('    jdbcTemplate.update("DELETE FROM users WHERE name = ?", name);\n') }],
    }],
  },
  {
    name: 'JdbcTemplate.query: after the row mapper, LIKE pattern moved into the value',
    code: cls('    String sql = "SELECT * FROM users WHERE name LIKE \'%" + name + "%\'";\n    return jdbcTemplate.query(sql, new BeanPropertyRowMapper<>(User.class));\n'),
    errors: [{
      messageId: VALUE, line: L + 1, column: 31,
      fixes: [{ output: cls('    String sql = "SELECT * FROM users WHERE name LIKE ?";\n    return jdbcTemplate.query(sql, new BeanPropertyRowMapper<>(User.class), "%" + name + "%");\n') }],
    }],
  },
  {
    name: 'JdbcTemplate.queryForObject: merged in text order with an existing ?',
    code: cls('    jdbcTemplate.queryForObject("SELECT count(*) FROM users WHERE name = \'" + name + "\' AND age > ?", Integer.class, id);\n'),
    errors: [{
      messageId: VALUE, line: L, column: 33,
      fixes: [{ output: cls('    jdbcTemplate.queryForObject("SELECT count(*) FROM users WHERE name = ? AND age > ?", Integer.class, name, id);\n') }],
    }],
  },
  {
    name: 'JdbcTemplate.queryForList with an element class, String.format kept table',
    code: cls('    jdbcTemplate.queryForList(String.format("SELECT name FROM %s WHERE city = \'%s\'", TABLE, name), String.class);\n', 'String name', '  private static final String TABLE = "users";\n  private JdbcTemplate jdbcTemplate;\n'),
    errors: [{
      messageId: VALUE, line: L, column: 31,
      fixes: [{ output: cls('    jdbcTemplate.queryForList("SELECT name FROM " + TABLE + " WHERE city = ?", String.class, name);\n', 'String name', '  private static final String TABLE = "users";\n  private JdbcTemplate jdbcTemplate;\n') }],
    }],
  },
  {
    name: 'JdbcTemplate.queryForMap from getJdbcTemplate(), text block kept',
    code: cls('    String sql = """\n        SELECT *\n        FROM users\n        WHERE name = \'""" + name + "\'";\n    return getJdbcTemplate().queryForMap(sql);\n'),
    errors: [{
      messageId: VALUE, line: L + 4, column: 42,
      fixes: [{ output: cls('    String sql = """\n        SELECT *\n        FROM users\n        WHERE name = ?""";\n    return getJdbcTemplate().queryForMap(sql, name);\n') }],
    }],
  },
  {
    name: 'JdbcTemplate with an int kept as text',
    code: cls('    jdbcTemplate.update("UPDATE users SET name = \'" + name + "\' WHERE id = " + id);\n'),
    errors: [{ messageId: VALUE, line: L, column: 25, fixes: [{ output: cls('    jdbcTemplate.update("UPDATE users SET name = ? WHERE id = " + id, name);\n') }] }],
  },
  {
    name: 'NamedParameterJdbcTemplate: reported, no fix',
    code: cls('    namedJdbc.query("SELECT * FROM users WHERE name = \'" + name + "\'", params, mapper);\n', 'String name', '  private NamedParameterJdbcTemplate namedJdbc;\n'),
    errors: [{ messageId: VALUE, line: L - 1, column: 21, fixes: [] }],
  },
  {
    name: 'JdbcTemplate of unknown type: no fix',
    code: cls('    template.update("DELETE FROM users WHERE name = \'" + name + "\'");\n'),
    errors: [{ messageId: VALUE, line: L, column: 21, fixes: [] }],
  },
  {
    name: 'JdbcTemplate.execute takes no values: no fix',
    code: cls('    jdbcTemplate.execute("DROP TABLE " + name);\n'),
    errors: [{ messageId: IDENT, line: L, column: 26, fixes: [] }],
  },
  // --- JPA / Hibernate ------------------------------------------------------------------------------------------------
  {
    name: 'JPA createQuery: named parameters and setParameter',
    code: cls('    return em.createQuery("SELECT u FROM User u WHERE u.name = \'" + name + "\' AND u.city = \'" + user.getCity() + "\'", User.class).getResultList();\n'),
    errors: [{
      messageId: VALUE, line: L, column: 27,
      fixes: [{ output: cls('    return em.createQuery("SELECT u FROM User u WHERE u.name = :name AND u.city = :city", User.class).setParameter("name", name).setParameter("city", user.getCity()).getResultList();\n') }],
    }],
  },
  {
    name: 'JDBI createQuery: named parameters bound with bind',
    code: 'package app;\n\nimport org.jdbi.v3.core.Handle;\n\nclass Dao {\n  Object find(Handle handle, String name) {\n    return handle.createQuery("SELECT * FROM users WHERE name = \'" + name + "\'").mapToMap().list();\n  }\n}\n',
    errors: [{
      messageId: VALUE, line: 7, column: 31,
      fixes: [{ output: 'package app;\n\nimport org.jdbi.v3.core.Handle;\n\nclass Dao {\n  Object find(Handle handle, String name) {\n    return handle.createQuery("SELECT * FROM users WHERE name = :name").bind("name", name).mapToMap().list();\n  }\n}\n' }],
    }],
  },
  {
    name: 'createQuery on a handle with no JPA or JDBI import: reported, no fix (setParameter may not exist)',
    code: cls('    return handle.createQuery("SELECT * FROM users WHERE name = \'" + name + "\'").list();\n', 'Handle handle, String name'),
    errors: [{ messageId: VALUE, line: L, column: 31, fixes: [] }],
  },
  {
    name: 'JPA createQuery: a name already used gets a suffix',
    code: cls('    Query q = em.createQuery("FROM User u WHERE u.org = :name AND u.name = \'" + name + "\'");\n    q.setParameter("name", org);\n', 'String name, String org'),
    errors: [{
      messageId: VALUE, line: L, column: 30,
      fixes: [{ output: cls('    Query q = em.createQuery("FROM User u WHERE u.org = :name AND u.name = :name2").setParameter("name2", name);\n    q.setParameter("name", org);\n', 'String name, String org') }],
    }],
  },
  {
    name: 'JPA createNativeQuery: positional ?1',
    code: cls('    em.createNativeQuery("SELECT * FROM users WHERE name = \'" + name + "\'", User.class).getResultList();\n'),
    errors: [{
      messageId: VALUE, line: L, column: 26,
      fixes: [{ output: cls('    em.createNativeQuery("SELECT * FROM users WHERE name = ?1", User.class).setParameter(1, name).getResultList();\n') }],
    }],
  },
  {
    name: 'JPA createNativeQuery: numbered after the existing ?1',
    code: cls('    em.createNativeQuery("SELECT * FROM users WHERE id = ?1 AND name = \'" + name + "\'").setParameter(1, id).getResultList();\n'),
    errors: [{
      messageId: VALUE, line: L, column: 26,
      fixes: [{ output: cls('    em.createNativeQuery("SELECT * FROM users WHERE id = ?1 AND name = ?2").setParameter(2, name).setParameter(1, id).getResultList();\n') }],
    }],
  },
  {
    name: 'Hibernate session.createQuery (HQL without SELECT)',
    code: cls('    return session.createQuery("from User where name = \'" + name + "\'").list();\n'),
    errors: [{
      messageId: VALUE, line: L, column: 32,
      fixes: [{ output: cls('    return session.createQuery("from User where name = :name").setParameter("name", name).list();\n') }],
    }],
  },
  {
    name: 'Hibernate createSQLQuery: no fix',
    code: cls('    session.createSQLQuery("SELECT * FROM users WHERE name = \'" + name + "\'").list();\n'),
    errors: [{ messageId: VALUE, line: L, column: 28, fixes: [] }],
  },
  // --- identifiers and lists -----------------------------------------------------------------------------------------
  {
    name: 'ORDER BY from a parameter',
    code: cls('    return jdbcTemplate.query("SELECT * FROM users ORDER BY " + sort, mapper);\n', 'String sort'),
    errors: [{
      messageId: IDENT, line: L, column: 31, endColumn: 69,
      message: 'SQL structure (table or column name, sort order, fragment) built from `sort`: a placeholder cannot stand for it; check it against an allow-list.',
      fixes: [],
    }],
  },
  {
    name: 'a ternary that checks one value and uses another',
    code: cls('    String s = SORTS.contains(name) ? sort : "id";\n    stmt.executeQuery("SELECT * FROM users ORDER BY " + s);\n', 'String name, String sort', '  private static final Set<String> SORTS = Set.of("name", "id");\n'),
    errors: [{ messageId: IDENT, line: 7, column: 23 }],
  },
  {
    name: 'table name through String.format',
    code: cls('    stmt.executeQuery(String.format("SELECT * FROM %s", kind));\n', 'String kind'),
    errors: [{ messageId: IDENT, line: L, column: 23, fixes: [] }],
  },
  {
    name: 'a loop over a parameter list of table names',
    code: cls('    for (String t : tables) stmt.executeUpdate("TRUNCATE TABLE " + t);\n', 'Statement stmt, List<String> tables'),
    errors: [{ messageId: IDENT, message: /`t`/, line: L, column: 48, fixes: [] }],
  },
  {
    name: 'a list in IN (...): no fix',
    code: cls('    jdbcTemplate.update("DELETE FROM users WHERE id IN (" + ids + ")");\n', 'String ids'),
    errors: [{ messageId: VALUE, line: L, column: 25, fixes: [] }],
  },
  {
    name: 'OWASP Benchmark: a request value as the procedure of a {call} escape',
    code: cls('    String sql = "{call " + request.getHeader("X-Proc") + "}";\n    CallableStatement cs = conn.prepareCall(sql);\n    cs.executeQuery();\n', 'HttpServletRequest request'),
    errors: [{ messageId: IDENT, line: L + 1, column: 45, fixes: [] }],
  },
  {
    name: 'a value quoted into a procedure call',
    code: cls('    CallableStatement cs = conn.prepareCall("{call find_user(\'" + name + "\')}");\n'),
    errors: [{ messageId: VALUE, message: /`name`/, line: L, column: 45, fixes: [] }],
  },
  {
    name: 'Hibernate Criteria: a value concatenated into sqlRestriction',
    code: cls('    criteria.add(Restrictions.sqlRestriction("lower({alias}.email) = \'" + name + "\'"));\n'),
    errors: [{ messageId: VALUE, line: L, column: 46, fixes: [] }],
  },
  {
    name: 'Spring: a value concatenated into a PreparedStatementCreatorFactory',
    code: cls('    String sql = "SELECT * FROM users WHERE email = \'" + name + "\' AND id = ?";\n    PreparedStatementCreatorFactory f = new PreparedStatementCreatorFactory(sql, Types.INTEGER);\n'),
    errors: [{ messageId: VALUE, line: L + 1, column: 77, fixes: [] }],
  },
  {
    name: 'JDO: a value concatenated into a filter and into an SQL query',
    code: 'package app;\n\nimport javax.jdo.PersistenceManager;\nimport javax.jdo.Query;\n\nclass Repo {\n  void find(PersistenceManager pm, String name) {\n    Query q = pm.newQuery(User.class);\n    q.setFilter("name == \'" + name + "\'");\n    pm.newQuery("javax.jdo.query.SQL", "SELECT * FROM users WHERE name = \'" + name + "\'");\n  }\n}\n',
    errors: [{ messageId: VALUE, line: 9, column: 17, fixes: [] }, { messageId: VALUE, line: 10, column: 40, fixes: [] }],
  },
  // --- checks that do not make a value safe ---------------------------------------------------------------------------
  {
    name: 'a constant of an enum declared elsewhere may be any field',
    code: cls('    stmt.executeQuery("SELECT * FROM sales WHERE region = \'" + Region.North + "\'");\n'),
    errors: [{ messageId: VALUE, message: /`Region.North`/, line: L, column: 23, fixes: [] }],
  },
  {
    name: 'contains() on a set that is not final',
    code: cls('    if (STATUSES.contains(name)) stmt.executeQuery("SELECT * FROM t WHERE s = \'" + name + "\'");\n', 'String name', '  private static Set<String> STATUSES = Set.of("a");\n'),
    errors: [{ messageId: VALUE, line: L - 1, column: 52, fixes: [] }],
  },
  {
    name: 'contains() on a list holding a parameter',
    code: cls('    List<String> ok = List.of("a", other);\n    if (ok.contains(name)) stmt.executeQuery("SELECT * FROM t WHERE s = \'" + name + "\'");\n', 'String name, String other'),
    errors: [{ messageId: VALUE, line: L + 1, column: 46, fixes: [] }],
  },
  {
    name: 'contains() on a local set handed to another method',
    code: cls('    Set<String> ok = new HashSet<>();\n    ok.add("a");\n    fill(ok);\n    if (ok.contains(name)) stmt.executeQuery("SELECT * FROM t WHERE s = \'" + name + "\'");\n'),
    errors: [{ messageId: VALUE, line: L + 3, column: 46, fixes: [] }],
  },
  {
    name: 'a value used after the if that checked it',
    code: cls('    if (ALLOWED.contains(name)) log.info(name);\n    stmt.executeQuery("SELECT * FROM t WHERE s = \'" + name + "\'");\n', 'String name', '  private static final Set<String> ALLOWED = Set.of("a");\n'),
    errors: [{ messageId: VALUE, line: L, column: 23, fixes: [] }],
  },
  {
    name: 'a failed check that only logs',
    code: cls('    if (!ALLOWED.contains(name)) log.warn("unexpected");\n    stmt.executeQuery("SELECT * FROM t WHERE s = \'" + name + "\'");\n', 'String name', '  private static final Set<String> ALLOWED = Set.of("a");\n'),
    errors: [{ messageId: VALUE, line: L, column: 23, fixes: [] }],
  },
  {
    name: 'a checked value reassigned before the query',
    code: cls('    if (ALLOWED.contains(name)) {\n      name = name + suffix;\n      stmt.executeQuery("SELECT * FROM t WHERE s = \'" + name + "\'");\n    }\n', 'String name, String suffix', '  private static final Set<String> ALLOWED = Set.of("a");\n'),
    errors: [{ messageId: VALUE, line: L + 1, column: 25, fixes: [] }],
  },
  {
    name: 'a null check is not a validation',
    code: cls('    Objects.requireNonNull(name);\n    stmt.executeQuery("SELECT * FROM t WHERE k = \'" + name + "\'");\n'),
    errors: [{ messageId: VALUE, line: L + 1, column: 23, fixes: [] }],
  },
  {
    name: 'a switch pattern bound to constant SQL, a value added in an arrow case: no fix',
    code: cls('    Statement st = conn.createStatement();\n    String head = "SELECT * FROM t WHERE k = \'";\n    switch (head) {\n      case String h when h.length() > 3 -> st.executeQuery(h + name + "\'");\n      default -> { }\n    }\n'),
    errors: [{ messageId: VALUE, line: L + 3, column: 60, fixes: [] }],
  },
  // --- Hibernate 6, R2DBC and Spring JDBC operation objects -------------------------------------------------------
  {
    name: 'Hibernate createMutationQuery: named parameter',
    code: cls('    session.createMutationQuery("delete from User u where u.name = \'" + name + "\'").executeUpdate();\n'),
    errors: [{ messageId: VALUE, line: L, column: 33, fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: cls('    session.createMutationQuery("delete from User u where u.name = :name").setParameter("name", name).executeUpdate();\n') }] }],
  },
  {
    name: 'Hibernate createSelectionQuery with a result class: named parameter',
    code: cls('    List<User> users = session.createSelectionQuery("from User u where u.email = \'" + name + "\'", User.class).list();\n'),
    errors: [{ messageId: VALUE, line: L, column: 53, fixes: [{ output: cls('    List<User> users = session.createSelectionQuery("from User u where u.email = :name", User.class).setParameter("name", name).list();\n') }] }],
  },
  {
    name: 'Hibernate createNativeMutationQuery: positional ?1',
    code: cls('    session.createNativeMutationQuery("DELETE FROM users WHERE name = \'" + name + "\'").executeUpdate();\n'),
    errors: [{ messageId: VALUE, line: L, column: 39, fixes: [{ output: cls('    session.createNativeMutationQuery("DELETE FROM users WHERE name = ?1").setParameter(1, name).executeUpdate();\n') }] }],
  },
  {
    name: 'R2DBC: createStatement(sql), Batch.add and createBatch().add',
    code: 'package app;\n\nimport io.r2dbc.spi.Batch;\nimport io.r2dbc.spi.Connection;\n\nclass Repo {\n  void f(Connection c, Batch b, String name) {\n    c.createStatement("SELECT * FROM users WHERE name = \'" + name + "\'").execute();\n    b.add("DELETE FROM users WHERE name = \'" + name + "\'");\n    c.createBatch().add("DELETE FROM logs WHERE who = \'" + name + "\'");\n  }\n}\n',
    errors: [{ messageId: VALUE, line: 8, column: 23, fixes: [] }, { messageId: VALUE, line: 9, column: 11, fixes: [] }, { messageId: VALUE, line: 10, column: 25, fixes: [] }],
  },
  {
    name: 'Spring SqlUpdate, an anonymous MappingSqlQuery and setSql; a condition with declared types is not reported',
    code: cls('    SqlUpdate u = new SqlUpdate(ds, "DELETE FROM users WHERE name = \'" + name + "\'");\n    MappingSqlQuery<User> q = new MappingSqlQuery<User>(ds, "SELECT * FROM users WHERE name = \'" + name + "\'") { };\n    batch.setSql("DELETE FROM logs WHERE who = \'" + name + "\'");\n    new SqlUpdate(ds, "DELETE FROM users WHERE " + where, types);\n', 'DataSource ds, BatchSqlUpdate batch, String name, String where, int[] types'),
    errors: [{ messageId: VALUE, line: L, column: 37, fixes: [] }, { messageId: VALUE, line: L + 1, column: 61, fixes: [] }, { messageId: VALUE, line: L + 2, column: 18, fixes: [] }],
  },
  {
    name: 'a matches() check that lets quotes through',
    code: cls('    if (col.matches("[^\'\\\\s]+x")) stmt.executeQuery("SELECT * FROM t WHERE c = \'" + col + "\'");\n', 'String col'),
    errors: [{ messageId: VALUE, line: L, column: 53, fixes: [] }],
  },
  {
    name: 'a constant check or-ed with something else',
    code: cls('    if ("asc".equals(dir) || flag) stmt.executeQuery("SELECT * FROM t ORDER BY id " + dir);\n', 'String dir, boolean flag'),
    errors: [{ messageId: IDENT, line: L, column: 54, fixes: [] }],
  },
  {
    name: 'an early return that needs something else too',
    code: cls('    if (!dir.equals("asc") && flag) return null;\n    stmt.executeQuery("SELECT * FROM t ORDER BY id " + dir);\n', 'String dir, boolean flag'),
    errors: [{ messageId: IDENT, line: L + 1, column: 23, fixes: [] }],
  },
  {
    name: 'equal to another parameter',
    code: cls('    if (dir.equals(other)) stmt.executeQuery("SELECT * FROM t ORDER BY id " + dir);\n', 'String dir, String other'),
    errors: [{ messageId: IDENT, line: L, column: 46, fixes: [] }],
  },
  {
    name: 'MyBatis SQL builder held in a variable',
    code: 'package app;\n\nimport org.apache.ibatis.jdbc.SQL;\n\nclass S {\n  String f(String name) {\n    SQL sql = new SQL().SELECT("*").FROM("users");\n    sql.WHERE("name = \'" + name + "\'");\n    return sql.toString();\n  }\n}\n',
    errors: [{ messageId: VALUE, line: 8, column: 15, fixes: [] }],
  },
  {
    name: 'a String bound by instanceof',
    code: cls('    if (o instanceof String s) stmt.executeQuery("SELECT * FROM t WHERE name = \'" + s + "\'");\n', 'Object o'),
    errors: [{ messageId: VALUE, message: /`s`/, line: L, column: 50, fixes: [] }],
  },
  {
    name: 'MyBatis SQL builder in an initializer block: a quoted value and a sort direction',
    code: mybatis('    return new SQL() {{\n      SELECT("id");\n      FROM("users");\n      WHERE("name = \'" + name + "\'");\n      ORDER_BY("created " + dir);\n    }}.toString();\n'),
    errors: [{ messageId: VALUE, line: 10, column: 13, endColumn: 36, fixes: [] }, { messageId: IDENT, message: /`dir`/, line: 11, column: 16, fixes: [] }],
  },
  {
    name: 'MyBatis SQL builder chained: SET and VALUES',
    code: mybatis('    String a = new SQL().UPDATE("users").SET("name = \'" + name + "\'").WHERE("id = #{id}").toString();\n    return new SQL().INSERT_INTO("users").VALUES("name", "\'" + name + "\'").toString();\n'),
    errors: [{ messageId: VALUE, line: 7, column: 46, fixes: [] }, { messageId: VALUE, line: 8, column: 58, fixes: [] }],
  },
  {
    name: 'find-sec-bugs: concat into executeQuery inside a lambda',
    code: cls('    names.forEach(n -> { try { stmt.executeQuery("SELECT * FROM users WHERE name = \'" + n + "\'"); } catch (SQLException e) { } });\n', 'List<String> names'),
    errors: [{ messageId: VALUE, line: L, column: 50, fixes: [] }],
  },
  {
    name: 'StringUtils.format (a project wrapper of String.format) is read like String.format',
    code: cls('    jdbcTemplate.update(StringUtils.format("DELETE FROM users WHERE name = \'%s\'", name));\n'),
    errors: [{ messageId: VALUE, line: L, column: 25, fixes: [{ output: cls('    jdbcTemplate.update("DELETE FROM users WHERE name = ?", name);\n') }] }],
  },
  {
    name: 'an argument index (%1$s) is followed to its argument; the use may repeat, so no fix',
    code: cls('    jdbcTemplate.update(StringUtils.format("UPDATE users SET a = \'%1$s\' WHERE b = \'%1$s\'", name));\n'),
    errors: [{ messageId: VALUE, line: L, column: 25, fixes: [] }],
  },
  {
    name: 'indexed conversions: a column from a parameter is reported, the table-named parameter is not',
    code: cls('    jdbcTemplate.query(StringUtils.format("SELECT %2$s FROM %1$s", tableName, column), mapper);\n', 'String tableName, String column'),
    errors: [{ messageId: IDENT, line: L, column: 24, fixes: [] }],
  },
];

ruleTester(rule, { path: PATH, valid, invalid });

// --- fix outputs parse with the Java grammar and leave no value to report -------------------------------------------

describe('rule sql/string-built-query (Java) fix outputs', () => {
  itParsesFixOutputs('java', invalid, { path: PATH, messageId: VALUE });

  it('every invalid case parses', async () => {
    for (const c of invalid) assert.equal(await hasSyntaxError('java', c.code), false, c.name);
  });
});
