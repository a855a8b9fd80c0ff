// Tests for sql/string-built-query in Elixir (token level): Ecto.Adapters.SQL.query, Repo.query, Postgrex, fragment/1.
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const PG = 'defmodule MyApp.Repo do\n  use Ecto.Repo, otp_app: :my_app, adapter: Ecto.Adapters.Postgres\nend\n\n';
const MY = 'defmodule MyApp.Repo do\n  use Ecto.Repo, otp_app: :my_app, adapter: Ecto.Adapters.MyXQL\nend\n\n';
const D = 'defmodule MyApp.Users do\n  def find(name, id) do\n';
const E = '  end\nend\n';

const valid: (string | { name: string; code: string })[] = [
  PG + D + '    Repo.query("SELECT * FROM users WHERE name = $1", [name])\n' + E,
  D + '    Ecto.Adapters.SQL.query!(Repo, "SELECT * FROM users WHERE id = $1", [id])\n' + E,
  D + '    Repo.query("SELECT * FROM users WHERE id = 1")\n' + E,
  D + '    Repo.query("SELECT * FROM #{@table} WHERE id = $1", [id])\n' + E,
  D + '    Repo.query("SELECT * FROM users WHERE id = #{String.to_integer(id)}")\n' + E,
  D + '    Repo.query("SELECT * FROM users LIMIT #{10}")\n' + E,
  D + '    placeholders = Enum.map_join(1..length(ids), ",", fn i -> "$#{i}" end)\n    Repo.query("SELECT * FROM users WHERE id IN (#{placeholders})", ids)\n' + E,
  // Ecto queries: fragment with a literal is parameterized by Ecto
  D + '    from(u in User, where: fragment("lower(?) = ?", u.name, ^name))\n' + E,
  D + '    from(u in User, where: u.name == ^name)\n' + E,
  D + '    from(u in User, where: fragment(~s|lower(?) = ?|, u.name, ^name))\n' + E,
  // a parameter named for a table, never rebound: the callers pass the code's own tables
  'defmodule MyApp.Stats do\n  defp count_rows(table_name) do\n    Repo.query!("SELECT COUNT(*) FROM #{table_name}")\n  end\nend\n',
  // text that never reaches a query call
  D + '    Logger.info("SELECT * FROM users WHERE name = \'#{name}\'")\n' + E,
  D + '    raise "DELETE FROM users failed for #{name}"\n' + E,
  D + '    # Repo.query("SELECT * FROM users WHERE name = \'#{name}\'")\n' + E,
  D + '    sql = "SELECT * FROM users WHERE name = \'#{name}\'"\n    IO.puts(sql)\n' + E,
  D + '    HTTP.query("please select one from #{name}")\n' + E,
];

const invalid: InvalidCase[] = [
  {
    name: 'a parameter not named for a table, in the FROM clause',
    code: 'defmodule MyApp.Stats do\n  defp count_rows(what) do\n    Repo.query!("SELECT COUNT(*) FROM #{what}")\n  end\nend\n',
    errors: [{ messageId: IDENT, line: 3, column: 17 }],
  },
  {
    name: 'a table-named parameter rebound from input first',
    code: 'defmodule MyApp.Stats do\n  defp count_rows(table, params) do\n    table = params["t"]\n    Repo.query!("SELECT COUNT(*) FROM #{table}")\n  end\nend\n',
    errors: [{ messageId: IDENT, line: 4, column: 17 }],
  },
  {
    name: 'Ecto.Adapters.SQL.query! with interpolation, adapter unknown: $1 assumed, and the title says so',
    code: D + '    Ecto.Adapters.SQL.query!(Repo, "SELECT * FROM users WHERE name = \'#{name}\'")\n' + E,
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `name`: pass it as a query parameter instead (SQL injection).',
      line: 3, column: 36, endLine: 3, endColumn: 80,
      fixes: [{ title: 'Parameterize query (assumed $1 placeholders: Postgres, the Ecto default)', output: D + '    Ecto.Adapters.SQL.query!(Repo, "SELECT * FROM users WHERE name = $1", [name])\n' + E }],
    }],
  },
  {
    name: 'Repo.query with the SQLite3 adapter: ?',
    code: 'defmodule App.Repo do\n  use Ecto.Repo, otp_app: :app, adapter: Ecto.Adapters.SQLite3\nend\n\n' + D + '    Repo.query("SELECT * FROM users WHERE name = \'#{name}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 7, fixes: [{ title: 'Parameterize query', output: 'defmodule App.Repo do\n  use Ecto.Repo, otp_app: :app, adapter: Ecto.Adapters.SQLite3\nend\n\n' + D + '    Repo.query("SELECT * FROM users WHERE name = ?", [name])\n' + E }] }],
  },
  {
    name: 'Repo.query with the Tds (SQL Server) adapter: no fix',
    code: 'defmodule App.Repo do\n  use Ecto.Repo, otp_app: :app, adapter: Ecto.Adapters.Tds\nend\n\n' + D + '    Repo.query("SELECT * FROM users WHERE name = \'#{name}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 7, fixes: [] }],
  },
  {
    name: 'Repo.query with Postgres: $1 and a params list',
    code: PG + D + '    Repo.query("SELECT * FROM users WHERE name = \'#{name}\'")\n' + E,
    errors: [{
      messageId: VALUE, line: 7, column: 16, endColumn: 60,
      fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: PG + D + '    Repo.query("SELECT * FROM users WHERE name = $1", [name])\n' + E }],
    }],
  },
  {
    name: 'Repo.query! with MyXQL: ? placeholders, <> concatenation',
    code: MY + D + '    Repo.query!("SELECT * FROM users WHERE id = " <> id <> " AND name = \'#{name}\'")\n' + E,
    errors: [{
      messageId: VALUE, message: /`id`/, line: 7, column: 17,
      fixes: [{ output: MY + D + '    Repo.query!("SELECT * FROM users WHERE id = ? AND name = ?", [id, name])\n' + E }],
    }],
  },
  {
    name: 'SQL.query with a module attribute table kept',
    code: PG + D + '    SQL.query(Repo, "UPDATE #{@table} SET name = \'#{name}\' WHERE id = 1")\n' + E,
    errors: [{ messageId: VALUE, fixes: [{ output: PG + D + '    SQL.query(Repo, "UPDATE #{@table} SET name = $1 WHERE id = 1", [name])\n' + E }] }],
  },
  {
    name: 'a variable assigned once in the def is rewritten where it is built',
    code: PG + D + '    sql = "DELETE FROM users WHERE name = \'#{name}\'"\n    Repo.query!(sql)\n' + E,
    errors: [{
      messageId: VALUE, line: 8, column: 17, endColumn: 20,
      fixes: [{ output: PG + D + '    sql = "DELETE FROM users WHERE name = $1"\n    Repo.query!(sql, [name])\n' + E }],
    }],
  },
  {
    name: 'appends with sql = sql <> … are followed (no fix)',
    code: PG + D + '    sql = "SELECT * FROM users"\n    sql = sql <> " WHERE name = \'" <> name <> "\'"\n    Repo.query(sql)\n' + E,
    errors: [{ messageId: VALUE, line: 9, column: 16, fixes: [] }],
  },
  {
    name: 'Postgrex.query with interpolation',
    code: D + '    Postgrex.query!(conn, "SELECT * FROM users WHERE id = #{id}", [])\n' + E,
    errors: [{ messageId: VALUE, line: 3, column: 27, fixes: [] }],
  },
  {
    name: 'ORDER BY an interpolated column',
    code: D + '    Repo.query("SELECT * FROM users ORDER BY #{name}")\n' + E,
    errors: [{ messageId: IDENT, message: /`name`/, line: 3, column: 16 }],
  },
  {
    name: 'fragment with a non-literal SQL argument',
    code: D + '    from(u in User, order_by: fragment(name))\n    from(u in User, where: fragment(^id))\n' + E,
    errors: [
      { messageId: IDENT, message: /`name`/, line: 3, column: 40, endColumn: 44 },
      { messageId: IDENT, message: /`id`/, line: 4, column: 37, endColumn: 40 },
    ],
  },
];

ruleTester(rule, { path: 'lib/my_app/users.ex', valid, invalid });
