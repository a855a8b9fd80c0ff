// Tests for sql/string-built-query in C# (token level): ADO.NET commands, EF Core / EF6 raw SQL, Dapper.
import * as assert from 'node:assert/strict';
import { checkFile, MemoryHost } from '../../../server/src/engine';
import { lexCSharp } from '../../../server/src/engine/rules/sql/csharp';
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { ruleTester, type InvalidCase, type ValidCase } from '../../helpers/rule-tester';
import { fixOutputs } from '../../helpers/sql-fixes';

const PATH = 'src/Data/UserRepository.cs';
const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
// The body starts on line 7, indented by 8 spaces.
const H = 'using System.Data.SqlClient;\n\npublic class UserRepository\n{\n    public User Find(string name, int id, string sort, SqlConnection conn)\n    {\n';
const E = '    }\n}\n';
const b = (...lines: string[]) => H + lines.map((l) => '        ' + l + '\n').join('') + E;

const valid: (string | ValidCase)[] = [
  // a parameter named for a table, never written: the callers pass the code's own tables
  'using System.Data.SqlClient;\n\npublic class Repo\n{\n    public void Purge(SqlConnection conn, string tableName)\n    {\n        new SqlCommand("DELETE FROM " + tableName + " WHERE done = 1", conn).ExecuteNonQuery();\n    }\n}\n',
  // a ternary that checks the very value it uses against an allow-list
  b('var col = Sortable.Contains(sort) ? sort : "id";', 'var cmd = new SqlCommand($"SELECT * FROM users ORDER BY {col}", conn);'),
  // names from the EF Core model's own metadata, and a loop over a parameter of table names
  'using Microsoft.EntityFrameworkCore;\n\npublic class Cleaner\n{\n    public async Task Reset(AppDb db)\n    {\n        var names = db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().ToList();\n        foreach (var name in names)\n            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \\"{name}\\"");\n        foreach (var seq in db.Model.GetSequences())\n            await db.Database.ExecuteSqlRawAsync($"ALTER SEQUENCE \\"{seq.Name}\\" RESTART WITH 1");\n    }\n}\n',
  'using Microsoft.EntityFrameworkCore;\n\npublic class Cleaner\n{\n    public async Task Truncate(AppDb db, params string[] tables)\n    {\n        foreach (string table in tables)\n            await db.Database.ExecuteSqlRawAsync($"TRUNCATE TABLE {table} CASCADE");\n    }\n}\n',
  // query = $"{query} …" appending only a number: the local's own text is not a hole
  b('var query = "SELECT * FROM users";', 'query = $"{query} WHERE id = {id}";', 'new SqlCommand(query, conn).ExecuteNonQuery();'),
  // parameters
  b('var cmd = new SqlCommand("SELECT * FROM users WHERE name = @name", conn);', 'cmd.Parameters.AddWithValue("@name", name);'),
  b('conn.Query<User>("SELECT * FROM users WHERE name = @name", new { name });'),
  b('conn.Execute("DELETE FROM users WHERE id IN @ids", new { ids });'),
  b('db.Users.FromSqlRaw("SELECT * FROM users WHERE name = {0}", name);'),
  // EF Core parameterizes interpolations given as a FormattableString
  b('db.Users.FromSqlInterpolated($"SELECT * FROM users WHERE name = {name}");'),
  b('db.Users.FromSql($"SELECT * FROM users WHERE name = {name}");'),
  b('db.Database.ExecuteSqlInterpolated($"DELETE FROM users WHERE name = {name}");'),
  b('await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM users WHERE name = {name}");'),
  b('db.Database.SqlQuery<int>($"SELECT id FROM users WHERE name = {name}");'),
  b('db.Database.ExecuteSqlCommand($"DELETE FROM users WHERE name = {name}");'),
  b('FormattableString q = $"SELECT id FROM users WHERE name = {name}";', 'db.Database.SqlQuery<int>(q);'),
  // constants, numbers, typed values
  b('var cmd = new SqlCommand("SELECT * FROM users WHERE id = 1", conn);'),
  'public class R\n{\n    private const string Table = "users";\n    public void M(SqlConnection conn)\n    {\n        var cmd = new SqlCommand("SELECT * FROM " + Table + " WHERE id = 1", conn);\n    }\n}\n',
  'public class R\n{\n    private const string Cols = "id, name";\n    public void M(IDbConnection conn)\n    {\n        conn.Query<User>($"SELECT {Cols} FROM users");\n    }\n}\n',
  b('conn.Query<User>($"SELECT * FROM {nameof(User)} WHERE id = @id", new { id });'),
  b('conn.Query<User>($"SELECT * FROM users WHERE id = {id}");'),
  b('var cmd = new SqlCommand("SELECT * FROM users WHERE id = " + id, conn);'),
  b('conn.Query<User>($"SELECT * FROM users WHERE id = {int.Parse(name)}");'),
  b('var n = Convert.ToInt32(name);', 'conn.Query<User>($"SELECT * FROM users WHERE id = {n}");'),
  b('conn.Query<User>($"SELECT * FROM users WHERE created > \'{DateTime.UtcNow:yyyy-MM-dd}\'");'),
  b('conn.Query<User>($"SELECT * FROM users ORDER BY name {(sort == "asc" ? "ASC" : "DESC")}");'),
  'public class R\n{\n    public void M(IDbConnection conn, List<int> ids, Status status, Guid key)\n    {\n        conn.Query<User>($"SELECT * FROM users WHERE id IN ({string.Join(",", ids)}) AND status = {(int)status} AND key = \'{key}\'");\n        foreach (var i in ids) conn.Execute($"DELETE FROM users WHERE id = {i}");\n        conn.Execute($"DELETE FROM users WHERE status = \'{status}\'");\n    }\n}\npublic enum Status { Active, Blocked }\n',
  b('var p = string.Join(", ", ids.Select((_, i) => $"@p{i}"));', 'conn.Query<User>($"SELECT * FROM users WHERE id IN ({p})", args);'),
  b('conn.Query<User>(string.Format("SELECT * FROM {0} WHERE id = 1", "users"));'),
  // the developer's names (fields, properties) with parameters
  'public class R\n{\n    private readonly string _table = "users";\n    public string TableName { get; } = "users";\n    public void M(IDbConnection conn, int id)\n    {\n        conn.Query<User>($"SELECT * FROM {_table} WHERE id = @id", new { id });\n        conn.Query<User>($"SELECT * FROM {TableName} WHERE id = @id", new { id });\n    }\n}\n',
  // a dynamic filter of placeholders with the values passed
  b('var where = "";', 'var p = new DynamicParameters();', 'if (name != null) { where += " AND name = @name"; p.Add("name", name); }', 'conn.Query<User>("SELECT * FROM users WHERE 1 = 1" + where, p);'),
  // a name checked against an allow-list first
  b('if (!new[] { "name", "email" }.Contains(sort)) throw new ArgumentException(nameof(sort));', 'cmd.CommandText = "SELECT * FROM users ORDER BY " + sort;'),
  b('switch (sort) { case "name": case "email": break; default: return null; }', 'conn.Query<User>($"SELECT * FROM users ORDER BY {sort}");'),
  // a generic method with a class constraint, inside a namespace
  'namespace App.Data\n{\n    public class Repo\n    {\n        public IEnumerable<T> All<T>(IDbConnection conn, int id) where T : class\n        {\n            return conn.Query<T>($"SELECT * FROM {typeof(T).Name} WHERE id = {id}");\n        }\n    }\n}\n',
  // text that never reaches a query call
  b('_logger.LogInformation($"SELECT * FROM users WHERE name = \'{name}\'");'),
  b('throw new InvalidOperationException($"DELETE FROM users WHERE name = \'{name}\' failed");'),
  b('// var cmd = new SqlCommand("SELECT * FROM users WHERE name = \'" + name + "\'", conn);'),
  b('/* conn.Query<User>($"SELECT * FROM users WHERE name = \'{name}\'"); */'),
  b('var sql = $"SELECT * FROM users WHERE name = \'{name}\'";', 'Console.WriteLine(sql);'),
  b('shell.Execute($"rm -rf {name}");'),
  b('var label = $"Please select one from {name}";', 'conn.Execute(label);'),
  b('var q = session.CreateQuery("from Item i where i.Code = :code").SetString("code", name);'),
  b('var names = db.ExecuteQuery<string>("SELECT Name FROM Items WHERE Code = {0}", name);'),
  b('var cmd = new SqlCommand(string.Concat(new string[] { "SELECT * FROM users", " WHERE id = @id" }), conn);'),
  // SQL that comes in whole (not built here)
  'public class R\n{\n    public void Run(string sql, SqlConnection conn)\n    {\n        var cmd = new SqlCommand(sql, conn);\n        cmd.CommandText = sql;\n    }\n}\n',
  b('var sql = "SELECT * FROM users";', 'sql = GetQuery();', 'conn.Query<User>(sql);'),
  // verbatim and raw strings without holes
  b('var cmd = new SqlCommand(@"SELECT * FROM users', '            WHERE name = @name", conn);'),
  b('conn.Query<User>("""', '    SELECT * FROM users WHERE name = @name', '    """, new { name });'),
  { name: 'not a C# file', code: 'conn.Query<User>($"SELECT * FROM users WHERE name = \'{name}\'");', path: 'src/users.txt' },
  // Dapper: a CommandDefinition that never reaches a query method runs nothing; one with parameters is fine
  b('var unused = new CommandDefinition($"SELECT * FROM orders WHERE customer = \'{name}\'");'),
  b('var def = new CommandDefinition("SELECT * FROM orders WHERE customer = @name", new { name });', 'conn.Query<Order>(def);'),
  // OrmLite and PetaPoco with placeholders, numbers, or constants
  b('var rows = db.Select<Order>("customer = @name", new { name });'),
  b('var rows = db.Select<Order>($"customer_id = {id}");'),
  b('var rows = db.Fetch<Order>("SELECT * FROM orders WHERE customer = @0", name);'),
  b('q.UnsafeOrderBy("created DESC");'),
  b('var total = MySqlHelper.ExecuteScalar(connectionString, "SELECT COUNT(*) FROM orders WHERE customer = @name", new MySqlParameter("@name", name));'),
  // the same common names without type arguments, or given no SQL: a DataTable filter, a cache key, a lambda
  b('var hits = table.Select($"customer = \'{name}\'");'),
  b('var cached = cache.Single<string>($"orders:{name}");'),
  b('var first = orders.First<Order>(o => o.Customer == name);'),
  // an adapter's SelectCommand takes a command object; a SqlDataSource with a placeholder
  b('adapter.SelectCommand = new SqlCommand("SELECT * FROM orders WHERE customer = @name", conn);'),
  b('var ds = new SqlDataSource(connectionString, "SELECT * FROM orders WHERE customer = @name");'),
  // values parsed or checked first: TryParse out variables, Enum.Parse, a digits-only regex, a nullable number with a default
  b('if (!int.TryParse(name, out var n)) return null;', 'var cmd = new SqlCommand($"SELECT * FROM users WHERE id = {n}", conn);'),
  b('if (Enum.TryParse<Role>(sort, out var role)) conn.Query<User>($"SELECT * FROM users WHERE role = \'{role}\'");'),
  b('var role = Enum.Parse<Role>(sort);', 'conn.Query<User>($"SELECT * FROM users WHERE role = \'{role}\'");'),
  b('if (!Regex.IsMatch(name, @"^\\d+$")) throw new ArgumentException(nameof(name));', 'conn.Query<User>($"SELECT * FROM users WHERE code = {name}");'),
  b('if (!name.All(char.IsDigit)) return null;', 'conn.Query<User>("SELECT * FROM users WHERE code = " + name);'),
  b('if (!long.TryParse(name, out _)) return null;', 'conn.Query<User>($"SELECT * FROM users WHERE code = {name}");'),
  b('if (int.TryParse(name, out _))', '{', '    conn.Query<User>($"SELECT * FROM users WHERE code = {name}");', '}'),
  'public class R\n{\n    public void M(SqlConnection conn, int? limit)\n    {\n        var cmd = new SqlCommand($"SELECT TOP {limit ?? 10} * FROM users", conn);\n    }\n}\n',
  // CLR names of numeric types
  'public class R\n{\n    public void M(SqlConnection conn, System.SByte level, UInt64 big)\n    {\n        var cmd = new SqlCommand($"SELECT * FROM logs WHERE level = \'{level}\' AND seq > {big}", conn);\n    }\n}\n',
];

const invalid: InvalidCase[] = [
  {
    name: 'a table-named parameter written before the query',
    code: 'using System.Data.SqlClient;\n\npublic class Repo\n{\n    public void Purge(SqlConnection conn, string tableName, string input)\n    {\n        tableName = input;\n        new SqlCommand("DELETE FROM " + tableName + " WHERE done = 1", conn).ExecuteNonQuery();\n    }\n}\n',
    errors: [{ messageId: IDENT, line: 8, column: 24 }],
  },
  {
    name: 'a ternary that checks one value and uses another',
    code: b('var col = Sortable.Contains(name) ? sort : "id";', 'var cmd = new SqlCommand($"SELECT * FROM users ORDER BY {col}", conn);'),
    errors: [{ messageId: IDENT, line: 8, column: 34 }],
  },
  {
    name: 'BACKUP DATABASE to a file name from a parameter: a statement too',
    code: b('var text = $"BACKUP DATABASE [shop] TO DISK = \'{name}\' WITH FORMAT";', 'conn.Execute(text);'),
    errors: [{ messageId: VALUE, line: 8, column: 22 }],
  },
  {
    name: 'new SqlCommand with an interpolated variable from the same method',
    code: b('var sql = $"SELECT * FROM users WHERE name = \'{name}\'";', 'using var cmd = new SqlCommand(sql, conn);'),
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `name`: pass it as a query parameter instead (SQL injection).',
      line: 8, column: 40, endLine: 8, endColumn: 43, fixes: [],
    }],
  },
  {
    name: 'new SqlCommand with + concatenation',
    code: b('var cmd = new SqlCommand("SELECT * FROM users WHERE name = \'" + name + "\'", conn);'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 7, column: 34, endColumn: 83, fixes: [] }],
  },
  {
    name: 'other ADO.NET providers and a data adapter',
    code: b(
      'var a = new NpgsqlCommand("DELETE FROM users WHERE name = \'" + name + "\'", conn);',
      'var c = new MySql.Data.MySqlClient.MySqlCommand($"UPDATE users SET name = \'{name}\' WHERE id = 1");',
      'var d = new SqliteCommand($"SELECT * FROM users WHERE name = \'{name}\'", conn);',
      'var e = new SqlDataAdapter("SELECT * FROM users WHERE name = \'" + name + "\'", conn);',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 35 },
      { messageId: VALUE, line: 8, column: 57 },
      { messageId: VALUE, line: 9, column: 35 },
      { messageId: VALUE, line: 10, column: 36 },
    ],
  },
  {
    name: 'target-typed new SqlCommand',
    code: b('SqlCommand cmd = new("SELECT * FROM users WHERE name = \'" + name + "\'", conn);'),
    errors: [{ messageId: VALUE, line: 7, column: 30, endColumn: 79 }],
  },
  {
    name: 'cmd.CommandText = string.Format(...)',
    code: b('cmd.CommandText = string.Format("DELETE FROM users WHERE name = \'{0}\'", name);'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 7, column: 27, endColumn: 86, fixes: [] }],
  },
  {
    name: 'CommandText in an object initializer',
    code: b('var cmd = new SqlCommand { Connection = conn, CommandText = "SELECT * FROM users WHERE name = \'" + name + "\'" };'),
    errors: [{ messageId: VALUE, line: 7, column: 69, endColumn: 118 }],
  },
  {
    name: 'String.Concat',
    code: b('cmd.CommandText = String.Concat("SELECT * FROM users WHERE name = \'", name, "\'");'),
    errors: [{ messageId: VALUE, line: 7, column: 27 }],
  },
  {
    name: 'a StringBuilder built with Append and AppendFormat, then ToString()',
    code: b(
      'var sb = new StringBuilder("SELECT * FROM users WHERE 1 = 1");',
      'if (name != null) sb.Append(" AND name = \'").Append(name).Append("\'");',
      'sb.AppendFormat(" AND id = {0}", id);',
      'conn.Execute(sb.ToString());',
    ),
    errors: [{ messageId: VALUE, message: /`name`/, line: 10, column: 22, endColumn: 35, fixes: [] }],
  },
  {
    name: 'an inline StringBuilder chain',
    code: b('conn.Execute(new StringBuilder().Append("DELETE FROM users WHERE name = \'").Append(name).Append("\'").ToString());'),
    errors: [{ messageId: VALUE, line: 7, column: 22 }],
  },
  {
    name: '+= appends to a local',
    code: b('string sql = "SELECT * FROM users WHERE 1 = 1";', 'if (name != null) sql += " AND name = \'" + name + "\'";', 'conn.Query<User>(sql);'),
    errors: [{ messageId: VALUE, line: 9, column: 26, endColumn: 29, fixes: [] }],
  },
  {
    name: 'a foreach over a local not built from the EF model, or over a table list written before the loop, is still reported',
    code: 'using Microsoft.EntityFrameworkCore;\n\npublic class Cleaner\n{\n    public async Task Reset(AppDb db, string[] names, string[] tables, string extra)\n    {\n        foreach (var name in names)\n            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \\"{name}\\"");\n        tables = new[] { extra };\n        foreach (var table in tables)\n            await db.Database.ExecuteSqlRawAsync($"TRUNCATE TABLE {table}");\n    }\n}\n',
    errors: [{ messageId: IDENT, line: 8, column: 50 }, { messageId: IDENT, line: 11, column: 50 }],
  },
  {
    name: 'query = $"{query} …" appends to the local: its later holes are followed',
    code: b('var query = "CREATE DATABASE shop";', 'if (name != "")', '    query = $"{query} COLLATE {name}";', 'new SqlCommand(query, conn).ExecuteNonQuery();'),
    errors: [{ messageId: IDENT, line: 10, column: 24, fixes: [] }],
  },
  {
    name: 'query = $"{query} …" with a value, run by Dapper: no fix (an appended local)',
    code: b('var query = "SELECT * FROM users WHERE 1 = 1";', 'query = $"{query} AND name = \'{name}\'";', 'conn.Query<User>(query);'),
    errors: [{ messageId: VALUE, line: 9, column: 26, fixes: [] }],
  },
  {
    name: 'sql = sql + … and EF6 Database.SqlQuery with a string',
    code: b('var sql = "SELECT * FROM users";', 'sql = sql + " WHERE name = \'" + name + "\'";', 'db.Database.SqlQuery<User>(sql);'),
    errors: [{ messageId: VALUE, line: 9, column: 36, endColumn: 39 }],
  },
  {
    name: 'a filter built in another local and concatenated',
    code: b('var where = " WHERE name = \'" + name + "\'";', 'var sql = "SELECT * FROM users" + where;', 'var cmd = new SqlCommand(sql, conn);'),
    errors: [{ messageId: VALUE, line: 9, column: 34, endColumn: 37 }],
  },
  {
    name: 'EF6 / EF Core 2 string overloads with concatenation',
    code: b(
      'db.Database.ExecuteSqlCommand("DELETE FROM users WHERE name = \'" + name + "\'");',
      'db.Users.FromSql("SELECT * FROM users WHERE name = \'" + name + "\'");',
    ),
    errors: [{ messageId: VALUE, line: 7, column: 39 }, { messageId: VALUE, line: 8, column: 26 }],
  },
  {
    name: 'FromSqlRaw with an interpolated string: FromSqlInterpolated, quotes removed',
    code: b('var users = db.Users.FromSqlRaw($"SELECT * FROM users WHERE name = \'{name}\' AND id = {id}").ToList();'),
    errors: [{
      messageId: VALUE, message: /`name`/, line: 7, column: 41, endColumn: 99,
      fixes: [{
        title: 'Use FromSqlInterpolated', applicability: 'unsafe',
        output: b('var users = db.Users.FromSqlInterpolated($"SELECT * FROM users WHERE name = {name} AND id = {id}").ToList();'),
      }],
    }],
  },
  {
    name: 'ExecuteSqlRaw and ExecuteSqlRawAsync: the Interpolated variants',
    code: b(
      'db.Database.ExecuteSqlRaw($"DELETE FROM users WHERE name = \'{name}\'");',
      'await db.Database.ExecuteSqlRawAsync($@"UPDATE users SET name = \'{name}\'', '    WHERE id = {id}");',
    ),
    errors: [
      {
        messageId: VALUE, line: 7, column: 35, endColumn: 77,
        fixes: [{
          title: 'Use ExecuteSqlInterpolated',
          output: b(
            'db.Database.ExecuteSqlInterpolated($"DELETE FROM users WHERE name = {name}");',
            'await db.Database.ExecuteSqlRawAsync($@"UPDATE users SET name = \'{name}\'', '    WHERE id = {id}");',
          ),
        }],
      },
      {
        messageId: VALUE, line: 8, column: 46, endLine: 9, endColumn: 29,
        fixes: [{
          title: 'Use ExecuteSqlInterpolatedAsync',
          output: b(
            'db.Database.ExecuteSqlRaw($"DELETE FROM users WHERE name = \'{name}\'");',
            'await db.Database.ExecuteSqlInterpolatedAsync($@"UPDATE users SET name = {name}', '    WHERE id = {id}");',
          ),
        }],
      },
    ],
  },
  {
    name: 'FromSqlRaw: no fix for LIKE patterns, N\'…\' literals, extra arguments or a variable',
    code: b(
      'db.Users.FromSqlRaw($"SELECT * FROM users WHERE name LIKE \'%{name}%\'");',
      'db.Users.FromSqlRaw($"SELECT * FROM users WHERE name = N\'{name}\'");',
      'db.Database.ExecuteSqlRawAsync($"DELETE FROM users WHERE name = \'{name}\'", ct);',
      'var sql = $"SELECT * FROM users WHERE name = \'{name}\'";',
      'db.Users.FromSqlRaw(sql);',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 29, fixes: [] },
      { messageId: VALUE, line: 8, column: 29, fixes: [] },
      { messageId: VALUE, line: 9, column: 40, fixes: [] },
      { messageId: VALUE, line: 11, column: 29, endColumn: 32, fixes: [] },
    ],
  },
  {
    name: 'FromSqlRaw with an interpolated table and a value: no fix (the table cannot be a parameter)',
    code: b('db.Users.FromSqlRaw($"SELECT * FROM {sort} WHERE name = \'{name}\'");'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 7, column: 29, fixes: [] }],
  },
  {
    name: 'SqlQueryRaw<T> (no fix)',
    code: b('db.Database.SqlQueryRaw<int>($"SELECT id FROM users WHERE name = \'{name}\'");'),
    errors: [{ messageId: VALUE, line: 7, column: 38, endColumn: 83, fixes: [] }],
  },
  {
    name: 'Dapper Query<T> with interpolation: @name placeholders and a params object',
    code: b('var users = conn.Query<User>($"SELECT * FROM users WHERE name = \'{name}\' AND id = {id}");'),
    errors: [{
      messageId: VALUE, line: 7, column: 38, endColumn: 96,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: b('var users = conn.Query<User>("SELECT * FROM users WHERE name = @name AND id = @id", new { name, id });'),
      }],
    }],
  },
  {
    name: 'Dapper: a repeated hole is one parameter; verbatim strings stay verbatim',
    code: b('await conn.ExecuteAsync($@"UPDATE users SET ""name"" = \'{name}\'', '    WHERE email = \'{name}\'");'),
    errors: [{
      messageId: VALUE, line: 7, column: 33, endLine: 8, endColumn: 36,
      fixes: [{ output: b('await conn.ExecuteAsync(@"UPDATE users SET ""name"" = @name', '    WHERE email = @name", new { name });') }],
    }],
  },
  {
    name: 'Dapper: no fix with a params argument, a member access or concatenation',
    code: b(
      'conn.Query<User>($"SELECT * FROM users WHERE name = \'{name}\'", transaction: tx);',
      'conn.QueryFirstOrDefault<User>($"SELECT * FROM users WHERE name = \'{user.Name}\'");',
      'conn.Execute("DELETE FROM users WHERE name = \'" + name + "\'");',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 26, fixes: [] },
      { messageId: VALUE, message: /`user\.Name`/, line: 8, column: 40, fixes: [] },
      { messageId: VALUE, line: 9, column: 22, fixes: [] },
    ],
  },
  {
    name: 'an expression-bodied member',
    code: 'public class R\n{\n    public User ByName(string name) => _conn.QueryFirst<User>($"SELECT * FROM users WHERE name = \'{name}\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, column: 63, endColumn: 107 }],
  },
  {
    name: 'a raw string literal in a variable',
    code: b('var sql = $"""', '    SELECT * FROM users', '    WHERE name = \'{name}\'', '    """;', 'conn.Execute(sql);'),
    errors: [{ messageId: VALUE, line: 11, column: 22, endColumn: 25, fixes: [] }],
  },
  {
    name: 'ORDER BY an interpolated parameter',
    code: b('conn.Query<User>($"SELECT * FROM users ORDER BY {sort}");'),
    errors: [{
      messageId: IDENT,
      message: 'SQL structure (table or column name, sort order, fragment) built from `sort`: a placeholder cannot stand for it; check it against an allow-list.',
      line: 7, column: 26, endColumn: 64, fixes: [],
    }],
  },
  {
    name: 'a table name from a parameter, with the value passed as a parameter',
    code: b('var cmd = new SqlCommand("SELECT * FROM " + sort + " WHERE id = @id", conn);', 'cmd.Parameters.AddWithValue("@id", id);'),
    errors: [{ messageId: IDENT, message: /`sort`/, line: 7, column: 34 }],
  },
  {
    name: 'a WHERE fragment appended to a parameter without values',
    code: b('string sql = "SELECT * FROM users";', 'sql += " WHERE " + sort;', 'conn.Query<User>(sql);'),
    errors: [{ messageId: IDENT, message: /`sort`/, line: 9, column: 26 }],
  },
  {
    name: 'a filter built in an interpolated local and interpolated again (no fix)',
    code: b('var where = $" AND name = \'{name}\'";', 'db.Users.FromSqlRaw($"SELECT * FROM users WHERE 1 = 1{where}");'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 8, column: 29, endColumn: 70, fixes: [] }],
  },
  {
    name: 'a constant local interpolated next to a value: reported, no fix (the constant would become a parameter)',
    code: b('const string table = "users";', 'db.Users.FromSqlRaw($"SELECT * FROM {table} WHERE name = \'{name}\'");'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 8, column: 29, fixes: [] }],
  },
  {
    name: 'char literals, comments and preprocessor lines around the call',
    code: b('var q = \'"\'; // "', '#if DEBUG', '/* " */ var cmd = new SqlCommand("SELECT * FROM users WHERE name = \'" + name + "\'", conn);', '#endif'),
    errors: [{ messageId: VALUE, line: 9, column: 42 }],
  },
  {
    name: 'EF6 overloads with a leading TransactionalBehavior or type, and data access helpers after CommandType.Text',
    code: b(
      'db.Database.ExecuteSqlCommand(TransactionalBehavior.DoNotEnsureTransaction, "DELETE FROM users WHERE name = \'" + name + "\'");',
      'db.Database.SqlQuery(typeof(User), "SELECT * FROM users WHERE name = \'" + name + "\'");',
      'var ds = SqlHelper.ExecuteDataset(cs, CommandType.Text, "SELECT * FROM users WHERE name = \'" + name + "\'");',
      'var r = database.ExecuteReader(CommandType.Text, $"SELECT * FROM users WHERE name = \'{name}\'");',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 85 },
      { messageId: VALUE, line: 8, column: 44 },
      { messageId: VALUE, line: 9, column: 65 },
      { messageId: VALUE, line: 10, column: 58, fixes: [] },
    ],
  },
  {
    name: 'top-level statements',
    code: 'var name = args[0];\nusing var conn = new SqlConnection(cs);\nvar cmd = new SqlCommand($"SELECT * FROM users WHERE name = \'{name}\'", conn);\n',
    errors: [{ messageId: VALUE, line: 3, column: 26 }],
  },  {
    name: 'string.Concat over a string array, inline and through a local',
    code: b(
      'var cmd = conn.CreateCommand();',
      'cmd.CommandText = string.Concat(new string[] { "SELECT * FROM users WHERE name = \'", name, "\'" });',
      'var sql = String.Concat(new[] { "DELETE FROM ", sort, " WHERE id = @id", });',
      'var del = new SqlCommand(sql, conn);',
    ),
    errors: [{ messageId: VALUE, message: /`name`/, line: 8 }, { messageId: IDENT, message: /`sort`/, line: 10 }],
  },
  {
    name: 'LINQ to SQL ExecuteQuery and NHibernate CreateQuery / CreateSQLQuery',
    code: b(
      'var names = db.ExecuteQuery<string>("SELECT Name FROM Items WHERE Code = \'" + name + "\'");',
      'var q = session.CreateQuery("from Item i where i.Code = \'" + name + "\'");',
      'var n = session.CreateSQLQuery($"SELECT * FROM Items WHERE Code = \'{name}\'");',
    ),
    errors: [{ messageId: VALUE, line: 7 }, { messageId: VALUE, line: 8 }, { messageId: VALUE, line: 9 }],
  },
  // ADO.NET parameters
  {
    name: 'ADO.NET: new SqlCommand with interpolated values gets SqlParameter objects in an initializer',
    code: b('var cmd = new SqlCommand($"SELECT * FROM Users WHERE Name = \'{name}\' AND Id = {id}", conn);'),
    errors: [{
      messageId: VALUE, line: 7, column: 34, endColumn: 92,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: b('var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name AND Id = @id", conn) { Parameters = { new SqlParameter("@name", name), new SqlParameter("@id", id) } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: new SqlCommand in a using statement',
    code: b('using (var cmd = new SqlCommand($"SELECT * FROM Users WHERE Name = \'{name}\'", conn))', '{', '    return Read(cmd.ExecuteReader());', '}'),
    errors: [{
      messageId: VALUE, line: 7, column: 41,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: b('using (var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn) { Parameters = { new SqlParameter("@name", name) } })', '{', '    return Read(cmd.ExecuteReader());', '}'),
      }],
    }],
  },
  {
    name: 'ADO.NET: a qualified MySqlCommand; names after members and getters',
    code: b('var user = Load(id);', 'var c = new MySql.Data.MySqlClient.MySqlCommand($"UPDATE users SET name = \'{user.Name}\' WHERE id = {GetId()}");'),
    errors: [{
      messageId: VALUE, message: /`user\.Name`/, line: 8, column: 57,
      fixes: [{
        title: 'Parameterize query',
        output: b('var user = Load(id);', 'var c = new MySql.Data.MySqlClient.MySqlCommand("UPDATE users SET name = @Name WHERE id = @Id") { Parameters = { new MySql.Data.MySqlClient.MySqlParameter("@Name", user.Name), new MySql.Data.MySqlClient.MySqlParameter("@Id", GetId()) } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: SqliteCommand with a verbatim string; a LIKE pattern becomes one parameter built by interpolation',
    code: b('var d = new SqliteCommand($@"SELECT * FROM users', '    WHERE name LIKE \'%{name}%\' OR email = \'{name}\'", conn);'),
    errors: [{
      messageId: VALUE, line: 7, column: 35, endLine: 8, endColumn: 60,
      fixes: [{
        title: 'Parameterize query',
        output: b('var d = new SqliteCommand(@"SELECT * FROM users', '    WHERE name LIKE @name OR email = @name2", conn) { Parameters = { new SqliteParameter("@name", $"%{name}%"), new SqliteParameter("@name2", name) } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: NpgsqlCommand gets $1 positional parameters; a repeated value reuses its number',
    code: b('await using var cmd = new NpgsqlCommand($"SELECT * FROM users WHERE name = \'{name}\' AND email = \'{sort}\' OR alias = \'{name}\'", pg);'),
    errors: [{
      messageId: VALUE, line: 7, column: 49,
      fixes: [{
        title: 'Parameterize query ($1 positional parameters, Npgsql 6+)', applicability: 'unsafe',
        output: b('await using var cmd = new NpgsqlCommand("SELECT * FROM users WHERE name = $1 AND email = $2 OR alias = $1", pg) { Parameters = { new NpgsqlParameter { Value = name }, new NpgsqlParameter { Value = sort } } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: OracleCommand gets :name parameters, one per placeholder in order; reserved words are not bind names',
    code: b('var level = GetLevel();', 'var o = new OracleCommand($"SELECT * FROM users WHERE name = \'{name}\' OR alias = \'{name}\' AND lvl = {level}", ora);'),
    errors: [{
      messageId: VALUE, line: 8, column: 35,
      fixes: [{
        title: 'Parameterize query',
        output: b('var level = GetLevel();', 'var o = new OracleCommand("SELECT * FROM users WHERE name = :name OR alias = :name2 AND lvl = :levelValue", ora) { Parameters = { new OracleParameter("name", name), new OracleParameter("name2", name), new OracleParameter("levelValue", level) } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: target-typed new, and a value that may be a constant gets ParameterName and Value',
    code: b('SqlCommand cmd = new($"SELECT * FROM users WHERE tenant = {Tenant.Id} AND name = \'{name}\'", conn);'),
    errors: [{
      messageId: VALUE, line: 7, column: 30,
      fixes: [{
        title: 'Parameterize query',
        output: b('SqlCommand cmd = new("SELECT * FROM users WHERE tenant = @Id AND name = @name", conn) { Parameters = { new SqlParameter { ParameterName = "@Id", Value = Tenant.Id }, new SqlParameter("@name", name) } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: placeholders already in the SQL or given to the command keep their names (case-insensitively)',
    code: b('var cmd = new SqlCommand($"SELECT * FROM users WHERE name = \'{name}\' AND alias = @name", conn);', 'cmd.Parameters.AddWithValue("@Name2", sort);'),
    errors: [{
      messageId: VALUE, line: 7, column: 34,
      fixes: [{
        output: b('var cmd = new SqlCommand("SELECT * FROM users WHERE name = @name3 AND alias = @name", conn) { Parameters = { new SqlParameter("@name3", name) } };', 'cmd.Parameters.AddWithValue("@Name2", sort);'),
      }],
    }],
  },
  {
    name: 'ADO.NET: CommandText in an object initializer gets a Parameters member',
    code: b('var cmd = new SqlCommand { Connection = conn, CommandText = $"SELECT * FROM users WHERE name = \'{name}\'" };'),
    errors: [{
      messageId: VALUE, line: 7, column: 69,
      fixes: [{
        output: b('var cmd = new SqlCommand { Connection = conn, CommandText = "SELECT * FROM users WHERE name = @name", Parameters = { new SqlParameter("@name", name) } };'),
      }],
    }],
  },
  {
    name: 'ADO.NET: cmd.CommandText = $"…" on a SqlConnection\'s command: AddWithValue statements after it',
    code: b('using (var cmd = conn.CreateCommand())', '{', '    cmd.CommandText = $"SELECT * FROM users WHERE name = \'{name}\' AND id = {id}";', '    return Read(cmd.ExecuteReader());', '}'),
    errors: [{
      messageId: VALUE, line: 9, column: 31, endColumn: 89,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: b(
          'using (var cmd = conn.CreateCommand())', '{', '    cmd.CommandText = "SELECT * FROM users WHERE name = @name AND id = @id";',
          '    cmd.Parameters.AddWithValue("@name", name);', '    cmd.Parameters.AddWithValue("@id", id);', '    return Read(cmd.ExecuteReader());', '}',
        ),
      }],
    }],
  },
  {
    name: 'ADO.NET: cmd.CommandText = $"…" on an NpgsqlCommand: positional parameters added after it (past a trailing comment)',
    code: b('using var cmd = new NpgsqlCommand { Connection = pg };', 'cmd.CommandText = $"DELETE FROM users WHERE name = \'{name}\' AND id = {id}"; // one user', 'cmd.ExecuteNonQuery();'),
    errors: [{
      messageId: VALUE, line: 8, column: 27,
      fixes: [{
        title: 'Parameterize query ($1 positional parameters, Npgsql 6+)',
        output: b(
          'using var cmd = new NpgsqlCommand { Connection = pg };', 'cmd.CommandText = "DELETE FROM users WHERE name = $1 AND id = $2"; // one user',
          'cmd.Parameters.Add(new NpgsqlParameter { Value = name });', 'cmd.Parameters.Add(new NpgsqlParameter { Value = id });', 'cmd.ExecuteNonQuery();',
        ),
      }],
    }],
  },
  {
    name: 'ADO.NET: cmd.CommandText inside an if block on one line: the parameter follows on the same line',
    code: b('var cmd = conn.CreateCommand();', 'if (id > 0) { cmd.CommandText = $"SELECT * FROM users WHERE name LIKE \'{name}%\'"; }'),
    errors: [{
      messageId: VALUE, line: 8, column: 41,
      fixes: [{
        output: b('var cmd = conn.CreateCommand();', 'if (id > 0) { cmd.CommandText = "SELECT * FROM users WHERE name LIKE @name"; cmd.Parameters.AddWithValue("@name", $"{name}%"); }'),
      }],
    }],
  },
  {
    name: 'ADO.NET: a connection field\'s command',
    code: 'public class R\n{\n    private readonly MySqlConnection _db;\n    public void M(string name)\n    {\n        var cmd = _db.CreateCommand();\n        cmd.CommandText = $"DELETE FROM users WHERE name = \'{name}\'";\n    }\n}\n',
    errors: [{
      messageId: VALUE, line: 7, column: 27,
      fixes: [{
        output: 'public class R\n{\n    private readonly MySqlConnection _db;\n    public void M(string name)\n    {\n        var cmd = _db.CreateCommand();\n        cmd.CommandText = "DELETE FROM users WHERE name = @name";\n        cmd.Parameters.AddWithValue("@name", name);\n    }\n}\n',
      }],
    }],
  },
  {
    name: 'ADO.NET: no fix for an unknown command type, a string.Format source, SQL in a variable or braces in the text',
    code: b(
      'var a = new OleDbCommand($"SELECT * FROM users WHERE name = \'{name}\'", conn);',
      'IDbCommand c = conn.CreateCommand();',
      'c.CommandText = $"SELECT * FROM users WHERE name = \'{name}\'";',
      'var f = new SqlCommand(string.Format("SELECT * FROM users WHERE name = \'{0}\'", name), conn);',
      'var sql = $"SELECT * FROM users WHERE name = \'{name}\'";',
      'c.CommandText = sql;',
      'var j = new SqlCommand($"SELECT * FROM users WHERE name = \'{name}\' AND doc = \'{{}}\'", conn);',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 34, fixes: [] },
      { messageId: VALUE, line: 9, column: 25, fixes: [] },
      { messageId: VALUE, line: 10, column: 32, fixes: [] },
      { messageId: VALUE, line: 12, column: 25, endColumn: 28, fixes: [] },
      { messageId: VALUE, line: 13, column: 32, fixes: [] },
    ],
  },
  {
    name: 'ADO.NET: no fix for an IN list, N\'…\', a backslash in a pattern, adjacent holes, a format, an existing initializer, TOP n or a typed literal',
    code: b(
      'var a = new SqlCommand($"SELECT * FROM users WHERE name IN ({name})", conn);',
      'var c = new SqlCommand($"SELECT * FROM users WHERE name = N\'{name}\'", conn);',
      'var d = new MySqlCommand($"SELECT * FROM users WHERE name LIKE \'{name}\\\\%\'", conn);',
      'var e = new SqlCommand($"SELECT * FROM users WHERE code = {name}{id}", conn);',
      'var f = new SqlCommand($"SELECT * FROM users WHERE name = \'{name,-10}\'", conn);',
      'var g = new SqlCommand($"SELECT * FROM users WHERE name = \'{name}\'", conn) { CommandTimeout = 5 };',
      'var h = new SqlCommand($"SELECT TOP {id} * FROM users WHERE name = \'{name}\'", conn);',
      'var i = new NpgsqlCommand($"SELECT * FROM users WHERE seen > now() - INTERVAL \'{name} days\'", pg);',
    ),
    errors: [
      { messageId: VALUE, line: 7, fixes: [] },
      { messageId: VALUE, line: 8, fixes: [] },
      { messageId: VALUE, line: 9, fixes: [] },
      { messageId: VALUE, line: 10, fixes: [] },
      { messageId: VALUE, line: 11, fixes: [] },
      { messageId: VALUE, line: 12, fixes: [] },
      { messageId: VALUE, line: 13, fixes: [] },
      { messageId: VALUE, line: 14, fixes: [] },
    ],
  },
  {
    name: 'ADO.NET: no fix when the command runs again (a loop, a lambda) or gets another SQL',
    code: b(
      'var cmd = conn.CreateCommand();',
      'foreach (var n in names) { cmd.CommandText = $"DELETE FROM users WHERE name = \'{n}\'"; cmd.ExecuteNonQuery(); }',
      'names.ForEach(n => { cmd.CommandText = $"DELETE FROM users WHERE name = \'{n}\'"; });',
      'var two = new SqlCommand($"SELECT * FROM users WHERE name = \'{name}\'", conn);',
      'two.CommandText = "SELECT 1";',
    ),
    errors: [
      { messageId: VALUE, line: 8, fixes: [] },
      { messageId: VALUE, line: 9, fixes: [] },
      { messageId: VALUE, line: 10, fixes: [] },
    ],
  },
  {
    name: 'ADO.NET: Npgsql: no positional fix next to other parameters, named placeholders or a second statement',
    code: b(
      'var a = new NpgsqlCommand($"SELECT * FROM users WHERE name = \'{name}\'", pg);',
      'a.Parameters.AddWithValue("x", 1);',
      'var c = new NpgsqlCommand($"SELECT * FROM users WHERE name = \'{name}\' AND id = @id", pg);',
      'var d = new NpgsqlCommand($"UPDATE users SET seen = now() WHERE name = \'{name}\'; SELECT 1", pg);',
    ),
    errors: [
      { messageId: VALUE, line: 7, fixes: [] },
      { messageId: VALUE, line: 9, fixes: [] },
      { messageId: VALUE, line: 10, fixes: [] },
    ],
  },
  {
    name: 'Dapper CommandDefinition passed to a query method, by local and inline (named commandText)',
    code: b(
      'var def = new CommandDefinition("SELECT * FROM orders WHERE customer = \'" + name + "\'");',
      'var rows = await conn.QueryAsync<Order>(def);',
      'conn.Execute(new CommandDefinition(commandText: $"DELETE FROM orders WHERE customer = \'{name}\'", cancellationToken: ct));',
    ),
    errors: [
      { messageId: VALUE, message: /`name`/, line: 7, column: 41, endColumn: 95, fixes: [] },
      { messageId: VALUE, line: 9, column: 57, endColumn: 104, fixes: [] },
    ],
  },
  {
    name: 'ServiceStack OrmLite raw SQL methods: statements, a typeof(T) first, and a WHERE filter',
    code: b(
      'var a = db.SqlList<Order>($"SELECT * FROM orders WHERE customer = \'{name}\'");',
      'var c = db.Select<Order>(typeof(Order), "SELECT * FROM orders WHERE customer = \'" + name + "\'", null);',
      'var d = db.Select<Order>($"customer = \'{name}\'");',
      'var e = await db.ExistsAsync<Order>("customer = \'" + name + "\'");',
      'db.ExecuteSql($"DELETE FROM orders WHERE customer = \'{name}\'");',
      'var f = db.RowCount($"SELECT * FROM orders WHERE customer = \'{name}\'");',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 35, fixes: [] },
      { messageId: VALUE, line: 8, column: 49, fixes: [] },
      { messageId: VALUE, line: 9, column: 34, endColumn: 56, fixes: [] },
      { messageId: VALUE, line: 10, column: 45, fixes: [] },
      { messageId: VALUE, line: 11, column: 23, fixes: [] },
      { messageId: VALUE, line: 12, column: 29, fixes: [] },
    ],
  },
  {
    name: 'OrmLite Unsafe… clauses: a value in a condition, a name in ORDER BY',
    code: b(
      'var q = db.From<Order>();',
      'q.UnsafeWhere($"customer = \'{name}\'");',
      'q.UnsafeOrderBy(sort + " DESC");',
    ),
    errors: [
      { messageId: VALUE, message: /`name`/, line: 8, column: 23, endColumn: 45, fixes: [] },
      { messageId: IDENT, message: /`sort`/, line: 9, column: 25, endColumn: 39 },
    ],
  },
  {
    name: 'MySqlHelper and SqlHelper static calls: the SQL after the connection string',
    code: b(
      'var n = MySqlHelper.ExecuteScalar(connectionString, "SELECT COUNT(*) FROM orders WHERE customer = \'" + name + "\'");',
      'var ds = SqlHelper.ExecuteDataset(_connStr, $"SELECT * FROM orders WHERE customer = \'{name}\'");',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 61, fixes: [] },
      { messageId: VALUE, line: 8, column: 53, fixes: [] },
    ],
  },
  {
    name: 'PetaPoco / NPoco: Fetch, Page (after the page numbers) and new Sql',
    code: b(
      'var a = db.Fetch<Order>($"SELECT * FROM orders WHERE customer = \'{name}\'");',
      'var b = db.Page<Order>(1, 20, "SELECT * FROM orders WHERE customer = \'" + name + "\'");',
      'var s = new Sql($"SELECT * FROM orders WHERE customer = \'{name}\'");',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 33, fixes: [] },
      { messageId: VALUE, line: 8, column: 39, fixes: [] },
      { messageId: VALUE, line: 9, column: 25, fixes: [] },
    ],
  },
  {
    name: 'checks that do not make a number: a word-character regex, an out variable of TryGetValue, a nullable string default, the else branch of TryParse, a check that does not leave',
    code: b(
      'if (!Regex.IsMatch(name, @"^\\w+$")) return null;',
      'conn.Query<User>($"SELECT * FROM users WHERE code = \'{name}\'");',
      'if (!lookup.TryGetValue(sort, out var label)) return null;',
      'conn.Query<User>($"SELECT * FROM users WHERE label = \'{label}\'");',
      'conn.Query<User>($"SELECT * FROM users WHERE name = \'{name ?? "x"}\'");',
      'if (int.TryParse(sort, out _)) { } else { conn.Query<User>($"SELECT * FROM users WHERE code = \'{sort}\'"); }',
      'if (!sort.All(char.IsDigit)) { Log(sort); }',
      'conn.Query<User>($"SELECT * FROM users WHERE code = \'{sort}\'");',
    ),
    errors: [
      { messageId: VALUE, message: /`name`/, line: 8 },
      { messageId: VALUE, message: /`label`/, line: 10 },
      { messageId: VALUE, line: 11 },
      { messageId: VALUE, message: /`sort`/, line: 12 },
      { messageId: VALUE, message: /`sort`/, line: 14 },
    ],
  },
  {
    name: 'WebForms SqlDataSource: the select SQL given to the constructor or to SelectCommand',
    code: b(
      'var ds = new SqlDataSource(connectionString, "SELECT * FROM orders WHERE customer = \'" + name + "\'");',
      'ds.SelectCommand = $"SELECT * FROM orders WHERE customer = \'{name}\'";',
    ),
    errors: [
      { messageId: VALUE, line: 7, column: 54, fixes: [] },
      { messageId: VALUE, line: 8, column: 28, fixes: [] },
    ],
  },
  {
    name: 'Enterprise Library: the SQL after a transaction',
    code: b('var ds = db.ExecuteDataSet(tx, "SELECT * FROM orders WHERE customer = \'" + name + "\'", parameters);'),
    errors: [{ messageId: VALUE, line: 7, column: 40, fixes: [] }],
  },
  {
    name: 'an Entity SQL EntityCommand and an EF Core 2 RawSqlString',
    code: b(
      'var cmd = new EntityCommand($"SELECT VALUE o FROM Shop.Orders AS o WHERE o.Customer = \'{name}\'", ec);',
      'var raw = new RawSqlString("SELECT * FROM orders WHERE customer = \'" + name + "\'");',
    ),
    errors: [{ messageId: VALUE, line: 7, column: 37, fixes: [] }, { messageId: VALUE, line: 8, column: 36, fixes: [] }],
  },
];

ruleTester(rule, { path: PATH, valid, invalid });

/** Unbalanced brackets, unterminated strings and char literals in C# source (there is no C# grammar to parse it). */
function imbalances(code: string): string[] {
  const out: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const t of lexCSharp(code)) {
    if (t.type === 'open') stack.push(t.text);
    else if (t.type === 'close' && stack.pop() !== pairs[t.text]) out.push(`unmatched ${t.text} at ${t.start}`);
    else if (t.type === 'str') {
      if (!/"(?:u8)?$/.test(t.text) || (t.text.startsWith('"') && t.text.length < 2)) out.push(`unterminated string at ${t.start}`);
      // The expressions of the holes balance too.
      for (const p of t.str!.parts) if (p.kind === 'interp') out.push(...imbalances(code.slice(p.start, p.end)));
    } else if (t.type === 'char' && !t.text.endsWith("'")) out.push(`unterminated char at ${t.start}`);
  }
  if (stack.length) out.push(`unclosed ${stack.join('')}`);
  return out;
}

async function valueFindings(code: string): Promise<string[]> {
  const r = await checkFile({ path: PATH, text: code }, new MemoryHost(new Map()), { ruleSet: [rule] });
  return r.findings.filter((f) => f.messageId === VALUE).map((f) => `${f.line}:${f.column}`);
}

describe('sql/string-built-query C# fix outputs', () => {
  for (const { c, output } of fixOutputs(invalid)) {
    it(`${c.name}: brackets and strings balance, and the fixed value is no longer reported`, async () => {
      assert.deepEqual(imbalances(c.code), [], 'the case itself must balance');
      assert.deepEqual(imbalances(output), []);
      // Only the fixed finding goes (a case may hold others).
      assert.equal((await valueFindings(output)).length, (await valueFindings(c.code)).length - 1);
    });
  }
});
