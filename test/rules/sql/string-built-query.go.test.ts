// Tests for sql/string-built-query in Go: sinks per library, variable flow, precision, and each driver's fix.
import * as assert from 'node:assert/strict';
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { fixOutputs, itParsesFixOutputs } from '../../helpers/sql-fixes';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const PATH = 'store/users.go';

/** A file importing `imports`, with `body` in a function of `params`; the body starts on line 4 + imports. */
function file(imports: string[], body: string, params = 'db *sql.DB, name string, id int'): string {
  return `package store\n\nimport (\n${imports.map((i) => `\t${i}\n`).join('')})\n\nfunc find(${params}) error {\n${body}\treturn nil\n}\n`;
}
const PQ = ['"database/sql"', '"fmt"', '_ "github.com/lib/pq"'];
const MYSQL = ['"database/sql"', '"fmt"', '_ "github.com/go-sql-driver/mysql"'];
const SQLITE = ['"database/sql"', '"fmt"', '"strings"', '_ "github.com/mattn/go-sqlite3"'];
const NONE = ['"database/sql"', '"fmt"'];
const SQ = ['"fmt"', '"strings"', 'sq "github.com/Masterminds/squirrel"'];
const GORM = ['"gorm.io/gorm"'];
const GOPG = ['"context"', 'pg "github.com/go-pg/pg/v10"'];
/** First body line with PQ / MYSQL / NONE imports. */
const L3 = 10;
const L4 = 11;
const L2 = 9;

const valid: (string | { name: string; code: string })[] = [
  // a sort column checked against constants before the use: reset, leave, or a switch with a default
  { name: 'if !allowed[s] { s = default }', code: file(PQ, '\tallowed := map[string]bool{"name": true, "id": true}\n\tif !allowed[name] {\n\t\tname = "id"\n\t}\n\tdb.Query(fmt.Sprintf("SELECT * FROM users ORDER BY %s", name))\n') },
  { name: 'if _, ok := allowed[s]; !ok { return }', code: file(PQ, '\tallowed := map[string]string{"name": "name"}\n\tif _, ok := allowed[name]; !ok {\n\t\treturn nil\n\t}\n\tdb.Query("SELECT * FROM users ORDER BY " + name)\n') },
  { name: 'if !slices.Contains(cols, s) { return }', code: file([...PQ, '"slices"'], '\tcols := []string{"name", "id"}\n\tif !slices.Contains(cols, name) {\n\t\treturn nil\n\t}\n\tdb.Query("SELECT * FROM users ORDER BY " + name)\n') },
  { name: 'switch s { case …: default: s = default }', code: file(PQ, '\tswitch name {\n\tcase "asc", "desc":\n\tdefault:\n\t\tname = "asc"\n\t}\n\tdb.Query("SELECT * FROM users ORDER BY id " + name)\n') },
  // a parameter named for a table, never written: the callers pass the code's own tables
  { name: 'table from a parameter named for a table', code: file(PQ, '\tdb.Exec(fmt.Sprintf("TRUNCATE TABLE %s RESTART IDENTITY", tableName))\n', 'db *sql.DB, tableName string') },
  // constants and parameters
  file(PQ, '\tdb.Query("SELECT * FROM users WHERE name = $1", name)\n'),
  file(MYSQL, '\tdb.QueryRow("SELECT * FROM users WHERE name = ? AND id = ?", name, id)\n'),
  { name: 'constants concatenated with constants', code: `package store\n\nimport "database/sql"\n\nconst table = "users"\n\nfunc find(db *sql.DB, id int) {\n\tdb.Query("SELECT * FROM " + table + " WHERE id = $1", id)\n}\n` },
  file(PQ, '\tconst cols = "id, name"\n\tq := "SELECT " + cols + " FROM users WHERE id = $1"\n\tdb.Query(q, id)\n'),
  file(PQ, '\ttable := "users"\n\tdb.Exec(fmt.Sprintf("DELETE FROM %s WHERE id = $1", table), id)\n'),
  // numbers cannot inject
  { name: 'gosec G201 good: %d only', code: file(PQ, '\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %d", id))\n') },
  file(PQ, '\tdb.Query(fmt.Sprintf("SELECT * FROM users LIMIT %d OFFSET %d", id, id*20))\n'),
  file(PQ, '\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE score > %f AND active = %t", 1.5, true))\n'),
  file(PQ, '\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %v", id))\n'),
  file(PQ, '\tn, _ := strconv.Atoi(name)\n\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %s", strconv.Itoa(n)))\n'),
  file(PQ, '\tdb.Query("SELECT * FROM users WHERE id = " + strconv.Itoa(id))\n'),
  // placeholder lists
  file(SQLITE, '\tph := strings.Repeat("?,", id-1) + "?"\n\tdb.Query("SELECT * FROM users WHERE id IN (" + ph + ")", args...)\n'),
  file(SQLITE, '\tmarks := make([]string, id)\n\tfor i := range marks {\n\t\tmarks[i] = "?"\n\t}\n\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE id IN (%s)", strings.Join(marks, ",")), args...)\n'),
  { name: 'gosec G202 good: $n placeholders appended in a loop', code: file(PQ, '\tq := "SELECT * FROM users WHERE 1 = 1"\n\tfor i := range args {\n\t\tq += " AND col = $" + strconv.Itoa(i+1)\n\t}\n\tdb.Query(q, args...)\n', 'db *sql.DB, args []interface{}') },
  file(PQ, '\tvar where []string\n\twhere = append(where, "name = $1")\n\tdb.Query("SELECT * FROM users WHERE " + strings.Join(where, " AND "), name)\n'),
  // dynamic conditions with placeholders, passed with their values
  file(PQ, '\tdb.Query("SELECT * FROM users WHERE " + cond, args...)\n', 'db *sql.DB, cond string, args []interface{}'),
  // allow-listed and developer-controlled names
  file(PQ, '\tdirs := map[string]string{"asc": "ASC", "desc": "DESC"}\n\tdb.Query("SELECT * FROM users ORDER BY name " + dirs[name])\n'),
  'package store\n\nimport "database/sql"\n\ntype Repo struct{ db *sql.DB; table string }\n\nfunc (r *Repo) Find(id int) {\n\tr.db.Query("SELECT * FROM " + r.table + " WHERE id = $1", id)\n}\n',
  'package store\n\nimport (\n\t"database/sql"\n\t"fmt"\n\t"example.com/app/models"\n)\n\nfunc find(db *sql.DB, id int) {\n\tdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE id = $1", models.UsersTable), id)\n}\n',
  file(['"database/sql"', '"github.com/lib/pq"'], '\tdb.Exec("DROP TABLE " + pq.QuoteIdentifier(name))\n'),
  // SQL words in logs and errors, strings that never reach a query
  file(PQ, '\tlog.Printf("SELECT * FROM users WHERE name = \'%s\'", name)\n'),
  file(PQ, '\tfmt.Println("SELECT * FROM users WHERE name = \'" + name + "\'")\n'),
  file(PQ, '\treturn fmt.Errorf("DELETE FROM users failed for %s", name)\n'),
  file(PQ, '\tq := "SELECT * FROM users WHERE name = \'" + name + "\'"\n\t_ = q\n'),
  // query-named calls that are not databases, prose
  file(['"net/http"'], '\thttp.Get("https://api.example.com/select?from=users&where=" + name)\n'),
  file(PQ, '\tcache.Get(ctx, "user:" + name)\n'),
  file(PQ, '\tdb.Exec("please select one from " + name)\n'),
  // a query string that is not built here
  file(PQ, '\tdb.Query(name)\n'),
  file(PQ, '\tq := buildQuery(name)\n\tdb.Query(q)\n'),
  // gorm with placeholders; Where outside gorm/squirrel is not SQL
  file(['"gorm.io/gorm"'], '\tdb.Where("name = ?", name).First(&u)\n', 'db *gorm.DB, name string'),
  file(['"example.com/list"'], '\tlist.Where("name = \'" + name + "\'")\n', 'list *list.L, name string'),
  // loops over constant names (migrations)
  file(PQ, '\tfor _, t := range []string{"users", "orders"} {\n\t\tdb.Exec(fmt.Sprintf("DELETE FROM %s WHERE org = $1", t), id)\n\t}\n'),
  file(PQ, '\ttables := []string{"a", "b"}\n\tfor _, t := range tables {\n\t\tdb.Exec("TRUNCATE TABLE " + t)\n\t}\n'),
  // builder of constants and placeholders
  file(PQ, '\tvar sb strings.Builder\n\tsb.WriteString("SELECT * FROM users")\n\tsb.WriteString(" WHERE name = $1")\n\tdb.Query(sb.String(), name)\n'),
  // a value in an SQL comment
  file(PQ, '\tdb.Query("SELECT * FROM users -- " + name + "\\nWHERE id = $1", id)\n'),
  // broken code
  file(PQ, '\tdb.Query("SELECT * FROM users WHERE name = \'" + name + "\'",, )\n'),
  // a format held in a local, filled in place with numbers only
  file(PQ, '\tq := "SELECT * FROM orders WHERE user_id = %d LIMIT %d"\n\tq = fmt.Sprintf(q, id, 50)\n\tdb.Query(q)\n'),
  // ORMs and builders: placeholders and constant clauses
  file(SQ, '\tsq.Select("id").From("accounts").Where(sq.Expr("lower(email) = ?", name))\n', 'name string'),
  file(GORM, '\tdb.Order("created_at DESC").Select("id", "email").Find(&rows)\n', 'db *gorm.DB, name string'),
  file(GORM, '\tdb.Group("owner").Having("count(*) > " + strconv.Itoa(id)).Find(&rows)\n', 'db *gorm.DB, id int'),
  file(GOPG, '\tdb.Query(&rows, "SELECT id FROM accounts WHERE email = ?", name)\n', 'db *pg.DB, name string'),
  // a quote doubled or stripped before the value goes between quotes of that kind
  file(SQ, '\tsafe := strings.ReplaceAll(name, "\'", "\'\'")\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = \'" + safe + "\'"))\n', 'name string'),
  file(SQ, '\tr := strings.NewReplacer("\'", "", `"`, "")\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = \'" + r.Replace(name) + "\'"))\n', 'name string'),
  file([...SQ, '"bytes"'], '\tr := strings.NewReplacer("\'", "\'\'")\n\tvar buf bytes.Buffer\n\tr.WriteString(&buf, name)\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = \'" + buf.String() + "\'"))\n', 'name string'),
  // clause-named methods without an ORM imported
  file(NONE, '\tcart.Order("sku " + name)\n\tcart.Table("t_" + name)\n', 'cart *Cart, name string'),
];

const invalid: InvalidCase[] = [
  // --- lib/pq: $n ----------------------------------------------------------------------------------------------
  {
    name: 'lib/pq: concatenated quoted value',
    code: file(PQ, '\trows, err := db.Query("SELECT * FROM users WHERE name = \'" + name + "\'")\n'),
    path: PATH,
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `name`: pass it as a query parameter instead (SQL injection).',
      line: L3, column: 24, endLine: L3, endColumn: 73,
      fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: file(PQ, '\trows, err := db.Query("SELECT * FROM users WHERE name = $1", name)\n') }],
    }],
  },
  {
    name: 'lib/pq: Sprintf numbered after the existing $1, with a context',
    code: file(PQ, '\tdb.QueryRowContext(ctx, fmt.Sprintf("SELECT * FROM users WHERE id = $1 AND name = \'%s\'", name), id)\n'),
    errors: [{
      messageId: VALUE, line: L3, column: 26,
      fixes: [{ output: file(PQ, '\tdb.QueryRowContext(ctx, "SELECT * FROM users WHERE id = $1 AND name = $2", id, name)\n') }],
    }],
  },
  {
    name: 'lib/pq: a variable built once and read once: the declaration is rewritten',
    code: file(PQ, '\tq := fmt.Sprintf("DELETE FROM users WHERE name = \'%s\'", name)\n\t_, err := db.Exec(q)\n\treturn err\n'),
    errors: [{
      messageId: VALUE, line: L4, column: 20, endColumn: 21,
      fixes: [{ output: file(PQ, '\tq := "DELETE FROM users WHERE name = $1"\n\t_, err := db.Exec(q, name)\n\treturn err\n') }],
    }],
  },
  {
    name: 'lib/pq: kept %s of a constant and %d stay in the Sprintf',
    code: file(PQ, '\tconst table = "users"\n\tdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE name = \'%s\' LIMIT %d", table, name, id))\n'),
    errors: [{
      messageId: VALUE, line: L4, column: 11,
      fixes: [{ output: file(PQ, '\tconst table = "users"\n\tdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE name = $1 LIMIT %d", table, id), name)\n') }],
    }],
  },
  {
    name: 'lib/pq: %v and %q of a string are values; the quotes of %q go too',
    code: file(PQ, '\tdb.Exec(fmt.Sprintf("UPDATE users SET name = %q WHERE email = %v", name, email))\n', 'db *sql.DB, name, email string'),
    errors: [{
      messageId: VALUE, message: /`name`/, line: L3, column: 10,
      fixes: [{ output: file(PQ, '\tdb.Exec("UPDATE users SET name = $1 WHERE email = $2", name, email)\n', 'db *sql.DB, name, email string') }],
    }],
  },
  {
    name: 'lib/pq: LIKE pattern moves into the value',
    code: file(PQ, '\tdb.Query("SELECT id FROM users WHERE name LIKE \'%" + name + "%\' AND id > $1", id)\n'),
    errors: [{
      messageId: VALUE, line: L3, column: 11,
      fixes: [{ output: file(PQ, '\tdb.Query("SELECT id FROM users WHERE name LIKE $2 AND id > $1", id, "%" + name + "%")\n') }],
    }],
  },
  {
    name: 'lib/pq: a constant table stays concatenated',
    code: 'package store\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/lib/pq"\n)\n\nconst usersTable = "users"\n\nfunc find(db *sql.DB, name string) {\n\tdb.Query("SELECT * FROM " + usersTable + " WHERE name = \'" + name + "\'")\n}\n',
    errors: [{
      messageId: VALUE, line: 12, column: 11,
      fixes: [{ output: 'package store\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/lib/pq"\n)\n\nconst usersTable = "users"\n\nfunc find(db *sql.DB, name string) {\n\tdb.Query("SELECT * FROM " + usersTable + " WHERE name = $1", name)\n}\n' }],
    }],
  },
  {
    name: 'lib/pq: the value of a Sprintf over a multi-line call',
    code: file(PQ, '\trows, err := db.Query(\n\t\tfmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name),\n\t)\n\t_ = rows\n\t_ = err\n'),
    errors: [{
      messageId: VALUE, line: L4, column: 3,
      fixes: [{ output: file(PQ, '\trows, err := db.Query(\n\t\t"SELECT * FROM users WHERE name = $1", name,\n\t)\n\t_ = rows\n\t_ = err\n') }],
    }],
  },
  // --- pgx ------------------------------------------------------------------------------------------------------
  {
    name: 'pgx: context first, raw string kept raw',
    code: file(['"context"', '"github.com/jackc/pgx/v5"'], '\tconn.QueryRow(ctx, `SELECT id\n\t\tFROM users WHERE name = \'`+name+`\'`).Scan(&id)\n', 'ctx context.Context, conn *pgx.Conn, name string, id int'),
    errors: [{
      messageId: VALUE, line: 9, column: 21, endLine: 10, endColumn: 38,
      fixes: [{ output: file(['"context"', '"github.com/jackc/pgx/v5"'], '\tconn.QueryRow(ctx, `SELECT id\n\t\tFROM users WHERE name = $1`, name).Scan(&id)\n', 'ctx context.Context, conn *pgx.Conn, name string, id int') }],
    }],
  },
  {
    name: 'pgxpool: Exec with context',
    code: file(['"github.com/jackc/pgx/v5/pgxpool"'], '\tpool.Exec(ctx, "DELETE FROM sessions WHERE token = \'"+token+"\'")\n', 'ctx context.Context, pool *pgxpool.Pool, token string'),
    errors: [{ messageId: VALUE, line: 8, column: 17, fixes: [{ output: file(['"github.com/jackc/pgx/v5/pgxpool"'], '\tpool.Exec(ctx, "DELETE FROM sessions WHERE token = $1", token)\n', 'ctx context.Context, pool *pgxpool.Pool, token string') }] }],
  },
  // --- mysql / sqlite: ? -----------------------------------------------------------------------------------------
  {
    name: 'mysql: ? merged in text order with the existing arguments',
    code: file(MYSQL, '\tdb.Exec("UPDATE users SET a = ?, name = \'" + name + "\' WHERE id = ?", a, id)\n', 'db *sql.DB, name string, id, a int'),
    errors: [{
      messageId: VALUE, line: L3, column: 10,
      fixes: [{ output: file(MYSQL, '\tdb.Exec("UPDATE users SET a = ?, name = ? WHERE id = ?", a, name, id)\n', 'db *sql.DB, name string, id, a int') }],
    }],
  },
  {
    name: 'go-sqlite3: ExecContext with a Sprintf value',
    code: file(SQLITE, '\tdb.ExecContext(ctx, fmt.Sprintf("INSERT INTO logs (msg) VALUES (\'%s\')", name))\n'),
    errors: [{ messageId: VALUE, line: 11, column: 22, fixes: [{ output: file(SQLITE, '\tdb.ExecContext(ctx, "INSERT INTO logs (msg) VALUES (?)", name)\n') }] }],
  },
  {
    name: 'modernc sqlite: var declaration read once',
    code: file(['"database/sql"', '_ "modernc.org/sqlite"'], '\tvar q = "SELECT * FROM users WHERE name = \'" + name + "\'"\n\tdb.Query(q)\n'),
    errors: [{ messageId: VALUE, line: 10, column: 11, fixes: [{ output: file(['"database/sql"', '_ "modernc.org/sqlite"'], '\tvar q = "SELECT * FROM users WHERE name = ?"\n\tdb.Query(q, name)\n') }] }],
  },
  // --- gorm -------------------------------------------------------------------------------------------------------
  {
    name: 'gorm: Where with a built condition',
    code: file(['"gorm.io/gorm"'], '\tdb.Where("name = \'" + name + "\'").First(&u)\n', 'db *gorm.DB, name string'),
    errors: [{
      messageId: VALUE, line: 8, column: 11, endColumn: 34,
      fixes: [{ output: file(['"gorm.io/gorm"'], '\tdb.Where("name = ?", name).First(&u)\n', 'db *gorm.DB, name string') }],
    }],
  },
  {
    name: 'gorm: Raw with a LIKE pattern',
    code: file(['"gorm.io/gorm"'], '\tdb.Raw("SELECT * FROM users WHERE name LIKE \'%" + name + "%\'").Scan(&u)\n', 'db *gorm.DB, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 9, fixes: [{ output: file(['"gorm.io/gorm"'], '\tdb.Raw("SELECT * FROM users WHERE name LIKE ?", "%" + name + "%").Scan(&u)\n', 'db *gorm.DB, name string') }] }],
  },
  {
    name: 'gorm (jinzhu): Exec',
    code: file(['"github.com/jinzhu/gorm"'], '\tdb.Exec("DELETE FROM users WHERE name = \'" + name + "\'")\n', 'db *gorm.DB, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 10, fixes: [{ output: file(['"github.com/jinzhu/gorm"'], '\tdb.Exec("DELETE FROM users WHERE name = ?", name)\n', 'db *gorm.DB, name string') }] }],
  },
  // --- sqlx ------------------------------------------------------------------------------------------------------
  {
    name: 'sqlx: Get with the driver imported',
    code: file(['"github.com/jmoiron/sqlx"', '_ "github.com/lib/pq"'], '\tdb.Get(&u, "SELECT * FROM users WHERE name = \'" + name + "\'")\n', 'db *sqlx.DB, name string'),
    errors: [{ messageId: VALUE, line: 9, column: 13, fixes: [{ output: file(['"github.com/jmoiron/sqlx"', '_ "github.com/lib/pq"'], '\tdb.Get(&u, "SELECT * FROM users WHERE name = $1", name)\n', 'db *sqlx.DB, name string') }] }],
  },
  {
    name: 'sqlx: SelectContext without a known driver ($1 assumed, said in the title)',
    code: file(['"github.com/jmoiron/sqlx"'], '\tdb.SelectContext(ctx, &us, "SELECT * FROM users WHERE name = \'" + name + "\'")\n', 'db *sqlx.DB, name string'),
    errors: [{
      messageId: VALUE, line: 8, column: 29,
      fixes: [{ title: 'Parameterize query (assumed $1 placeholders: no driver import says which)', output: file(['"github.com/jmoiron/sqlx"'], '\tdb.SelectContext(ctx, &us, "SELECT * FROM users WHERE name = $1", name)\n', 'db *sqlx.DB, name string') }],
    }],
  },
  {
    name: 'sqlx: package function Select',
    code: file(['"github.com/jmoiron/sqlx"'], '\tsqlx.Select(db, &us, "SELECT * FROM users WHERE name = \'" + name + "\'")\n', 'db *sqlx.DB, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 23, fixes: [{ title: 'Parameterize query (assumed $1 placeholders: no driver import says which)' }] }],
  },
  {
    name: 'sqlx: NamedExec takes a struct: no fix',
    code: file(['"github.com/jmoiron/sqlx"', '_ "github.com/lib/pq"'], '\tdb.NamedExec("UPDATE users SET name = :name WHERE org = \'" + org + "\'", u)\n', 'db *sqlx.DB, org string'),
    errors: [{ messageId: VALUE, line: 9, column: 15, fixes: [] }],
  },
  {
    name: 'sqlx: MustExec',
    code: file(['"github.com/jmoiron/sqlx"', '_ "github.com/go-sql-driver/mysql"'], '\tdb.MustExec("DELETE FROM users WHERE name = \'" + name + "\'")\n', 'db *sqlx.DB, name string'),
    errors: [{ messageId: VALUE, line: 9, column: 14, fixes: [{ output: file(['"github.com/jmoiron/sqlx"', '_ "github.com/go-sql-driver/mysql"'], '\tdb.MustExec("DELETE FROM users WHERE name = ?", name)\n', 'db *sqlx.DB, name string') }] }],
  },
  // --- variables, += and builders (no fix) ----------------------------------------------------------------------------
  {
    name: 'gosec G202: += with a condition, reported at the call',
    code: file(PQ, '\tq := "SELECT * FROM users WHERE 1 = 1"\n\tif name != "" {\n\t\tq += " AND name = \'" + name + "\'"\n\t}\n\tdb.Query(q)\n'),
    errors: [{ messageId: VALUE, line: 14, column: 11, endColumn: 12, fixes: [] }],
  },
  {
    name: 'q = q + ... appends like +=',
    code: file(PQ, '\tq := "SELECT * FROM users"\n\tq = q + " WHERE name = \'" + name + "\'"\n\tdb.Query(q)\n'),
    errors: [{ messageId: VALUE, line: 12, column: 11, fixes: [] }],
  },
  {
    name: 'strings.Builder WriteString sequence',
    code: file(SQLITE, '\tvar sb strings.Builder\n\tsb.WriteString("DELETE FROM users WHERE name = \'")\n\tsb.WriteString(name)\n\tsb.WriteByte(\'\\\'\')\n\tdb.Exec(sb.String())\n'),
    errors: [{ messageId: VALUE, line: 15, column: 10, endColumn: 21, fixes: [] }],
  },
  {
    name: 'bytes.Buffer with fmt.Fprintf, through a variable',
    code: file(['"bytes"', '"database/sql"', '"fmt"'], '\tbuf := &bytes.Buffer{}\n\tbuf.WriteString("SELECT * FROM users ")\n\tfmt.Fprintf(buf, "WHERE id = %d ", id)\n\tfmt.Fprintf(buf, "AND name = \'%s\'", name)\n\tq := buf.String()\n\tdb.Query(q)\n'),
    errors: [{ messageId: VALUE, line: 15, column: 11, fixes: [] }],
  },
  {
    name: 'a variable read twice (logged): no fix',
    code: file(PQ, '\tq := "SELECT * FROM users WHERE name = \'" + name + "\'"\n\tlog.Println(q)\n\tdb.Query(q)\n'),
    errors: [{ messageId: VALUE, line: 12, column: 11, fixes: [] }],
  },
  {
    name: 'a condition built in one variable and used in another',
    code: file(PQ, '\tcond := "name = \'" + name + "\'"\n\tdb.Query("SELECT * FROM users WHERE " + cond)\n'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 11, column: 11, fixes: [] }],
  },
  // --- prepare, unknown drivers, identifiers, lists ----------------------------------------------------------------
  {
    name: 'Prepare: the values go to the statement (no fix)',
    code: file(PQ, '\tstmt, err := db.Prepare("SELECT * FROM users WHERE name = \'" + name + "\'")\n\t_ = stmt\n\t_ = err\n'),
    errors: [{ messageId: VALUE, line: L3, column: 26, fixes: [] }],
  },
  {
    name: 'gosec G202: database/sql without a driver import ($1 assumed, said in the title)',
    code: file(NONE, '\trows, err := db.Query("SELECT * FROM foo WHERE name = " + os.Args[1])\n\t_, _ = rows, err\n'),
    errors: [{
      messageId: VALUE, message: /`os.Args\[1\]`/, line: L2, column: 24,
      fixes: [{ title: 'Parameterize query (assumed $1 placeholders: no driver import says which)', output: file(NONE, '\trows, err := db.Query("SELECT * FROM foo WHERE name = $1", os.Args[1])\n\t_, _ = rows, err\n') }],
    }],
  },
  {
    name: 'two drivers with different styles: no fix',
    code: file(['"database/sql"', '_ "github.com/lib/pq"', '_ "github.com/go-sql-driver/mysql"'], '\tdb.Query("SELECT * FROM users WHERE name = \'" + name + "\'")\n'),
    errors: [{ messageId: VALUE, line: 10, column: 11, fixes: [] }],
  },
  {
    name: 'a map check that neither leaves nor resets the value',
    code: file(PQ, '\tallowed := map[string]bool{"name": true}\n\tif !allowed[name] {\n\t\tfmt.Println("odd sort")\n\t}\n\tdb.Query("SELECT * FROM users ORDER BY " + name)\n'),
    errors: [{ messageId: IDENT, line: L3 + 4, column: 11 }],
  },
  {
    name: 'a value written again after its check',
    code: file(PQ, '\tallowed := map[string]bool{"name": true}\n\tif !allowed[name] {\n\t\treturn nil\n\t}\n\tname = os.Getenv("SORT")\n\tdb.Query("SELECT * FROM users ORDER BY " + name)\n'),
    errors: [{ messageId: IDENT, line: L3 + 5, column: 11 }],
  },
  {
    name: 'gosec G201: table name from a parameter not named for a table',
    code: file(PQ, '\tdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE id = $1", kind), id)\n', 'db *sql.DB, kind string, id int'),
    errors: [{
      messageId: IDENT, line: L3, column: 11, endColumn: 62,
      message: 'SQL structure (table or column name, sort order, fragment) built from `kind`: a placeholder cannot stand for it; check it against an allow-list.',
      fixes: [],
    }],
  },
  {
    name: 'a parameter named for a table but written before the query',
    code: file(PQ, '\ttableName = os.Args[1]\n\tdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE id = $1", tableName), id)\n', 'db *sql.DB, tableName string, id int'),
    errors: [{ messageId: IDENT, line: L4, column: 11 }],
  },
  {
    name: 'ORDER BY from a parameter, even with values passed',
    code: file(PQ, '\tdb.Query("SELECT * FROM users WHERE id = $1 ORDER BY " + sort, id)\n', 'db *sql.DB, sort string, id int'),
    errors: [{ messageId: IDENT, line: L3, column: 11, fixes: [] }],
  },
  {
    name: 'a loop over a parameter slice of table names',
    code: file(PQ, '\tfor _, t := range tables {\n\t\tdb.Exec("TRUNCATE TABLE " + t)\n\t}\n', 'db *sql.DB, tables []string'),
    errors: [{ messageId: IDENT, message: /`t`/, line: 11, column: 11, endColumn: 32, fixes: [] }],
  },
  {
    name: 'a list in IN (...): one placeholder cannot stand for it',
    code: file(PQ, '\tdb.Query("SELECT * FROM users WHERE id IN (" + ids + ")")\n', 'db *sql.DB, ids string'),
    errors: [{ messageId: VALUE, line: L3, column: 11, fixes: [] }],
  },
  {
    name: '%s with a width: reported, no fix',
    code: file(PQ, '\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE code = \'%5s\'", name))\n'),
    errors: [{ messageId: VALUE, line: L3, column: 11, fixes: [] }],
  },
  {
    name: 'a format held in a local and filled in place: q = fmt.Sprintf(q, value)',
    code: file(PQ, '\tq := "SELECT * FROM users WHERE email = \'%s\'"\n\tq = fmt.Sprintf(q, name)\n\trows, err := db.Query(q)\n\t_ = rows\n\treturn err\n'),
    errors: [{ messageId: VALUE, message: /`name`/, line: 12, column: 24, fixes: [] }],
  },
  {
    name: 'a parameter extended with +=',
    code: file(PQ, '\tq += " WHERE name = \'" + name + "\'"\n\tdb.Query(q)\n', 'db *sql.DB, q, name string'),
    errors: [{ messageId: VALUE, line: 11, column: 11, fixes: [] }],
  },
  // --- ORMs and query builders --------------------------------------------------------------------------------------
  {
    name: 'squirrel: Expr with a quoted Sprintf value reads as SQL by contract',
    code: file(SQ, '\tsq.Insert("events").Columns("hash").Values(sq.Expr(fmt.Sprintf("sha1(\'%s\')", name)))\n', 'name string'),
    errors: [{ messageId: VALUE, line: L3, column: 53, fixes: [{ output: file(SQ, '\tsq.Insert("events").Columns("hash").Values(sq.Expr("sha1(?)", name))\n', 'name string') }] }],
  },
  {
    name: 'squirrel: Where takes ? even with a PostgreSQL driver imported',
    code: file([...SQ, '_ "github.com/lib/pq"'], '\tsq.Select("id").From("accounts").Where("email = \'" + name + "\'")\n', 'name string'),
    errors: [{ messageId: VALUE, line: L4, column: 41, fixes: [{ output: file([...SQ, '_ "github.com/lib/pq"'], '\tsq.Select("id").From("accounts").Where("email = ?", name)\n', 'name string') }] }],
  },
  {
    name: 'squirrel: double quotes stripped do not protect a single-quoted value',
    code: file(SQ, '\tv := strings.ReplaceAll(name, `"`, "")\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = \'" + v + "\'"))\n', 'name string'),
    errors: [{ messageId: VALUE, line: L3 + 1, column: 49, fixes: [{ output: file(SQ, '\tv := strings.ReplaceAll(name, `"`, "")\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = ?", v))\n', 'name string') }] }],
  },
  {
    name: 'squirrel: a buffer also written directly is not protected by the replacer',
    code: file([...SQ, '"bytes"'], '\tr := strings.NewReplacer("\'", "")\n\tvar buf bytes.Buffer\n\tr.WriteString(&buf, name)\n\tbuf.WriteString(name)\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = \'" + buf.String() + "\'"))\n', 'name string'),
    errors: [{ messageId: VALUE, line: L4 + 4, column: 49, fixes: [{ output: file([...SQ, '"bytes"'], '\tr := strings.NewReplacer("\'", "")\n\tvar buf bytes.Buffer\n\tr.WriteString(&buf, name)\n\tbuf.WriteString(name)\n\tsq.Select("id").From("accounts").Where(sq.Expr("email = ?", buf.String()))\n', 'name string') }] }],
  },
  {
    name: 'squirrel: a stripped value outside quotes',
    code: file(SQ, '\tv := strings.ReplaceAll(name, "\'", "")\n\tsq.Select("id").From("accounts").OrderBy("email " + v)\n', 'name string'),
    errors: [{ messageId: IDENT, line: L3 + 1, column: 43, fixes: [] }],
  },
  {
    name: 'gorm: Not with a built condition',
    code: file(GORM, '\tdb.Not("role = \'" + name + "\'").Find(&rows)\n', 'db *gorm.DB, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 9, fixes: [{ output: file(GORM, '\tdb.Not("role = ?", name).Find(&rows)\n', 'db *gorm.DB, name string') }] }],
  },
  {
    name: 'gorm: Having with an aggregate condition',
    code: file(GORM, '\tdb.Group("owner").Having("sum(total) > " + name).Find(&rows)\n', 'db *gorm.DB, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 27, fixes: [{ output: file(GORM, '\tdb.Group("owner").Having("sum(total) > ?", name).Find(&rows)\n', 'db *gorm.DB, name string') }] }],
  },
  {
    name: 'gorm: Order and Select with a name from a parameter',
    code: file(GORM, '\tdb.Order("created_at " + name).Select("id, " + name).Find(&rows)\n', 'db *gorm.DB, name string'),
    errors: [{ messageId: IDENT, line: 8, column: 11, fixes: [] }, { messageId: IDENT, line: 8, column: 40, fixes: [] }],
  },
  {
    name: 'go-pg: Query with the destination first',
    code: file(GOPG, '\tdb.Query(&rows, "SELECT id FROM accounts WHERE email = \'"+name+"\'")\n', 'db *pg.DB, name string'),
    errors: [{ messageId: VALUE, line: 9, column: 18, fixes: [{ output: file(GOPG, '\tdb.Query(&rows, "SELECT id FROM accounts WHERE email = ?", name)\n', 'db *pg.DB, name string') }] }],
  },
  {
    name: 'go-pg: a model query WhereOr',
    code: file(GOPG, '\tdb.Model(&rows).Where("active").WhereOr("email = \'" + name + "\'").Select()\n', 'db *pg.DB, name string'),
    errors: [{ messageId: VALUE, line: 9, column: 42, fixes: [{ output: file(GOPG, '\tdb.Model(&rows).Where("active").WhereOr("email = ?", name).Select()\n', 'db *pg.DB, name string') }] }],
  },
  {
    name: 'bun: NewRaw',
    code: file(['"github.com/uptrace/bun"'], '\tdb.NewRaw("DELETE FROM sessions WHERE token = \'" + name + "\'").Exec(ctx)\n', 'db *bun.DB, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 12, fixes: [{ output: file(['"github.com/uptrace/bun"'], '\tdb.NewRaw("DELETE FROM sessions WHERE token = ?", name).Exec(ctx)\n', 'db *bun.DB, name string') }] }],
  },
  {
    name: 'xorm: SQL',
    code: file(['"xorm.io/xorm"'], '\tengine.SQL("SELECT * FROM accounts WHERE email = \'" + name + "\'").Find(&rows)\n', 'engine *xorm.Engine, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 13, fixes: [{ output: file(['"xorm.io/xorm"'], '\tengine.SQL("SELECT * FROM accounts WHERE email = ?", name).Find(&rows)\n', 'engine *xorm.Engine, name string') }] }],
  },
  {
    name: 'gocb: N1QL Query is reported without a fix (values go in the options)',
    code: file(['"database/sql"', '"github.com/couchbase/gocb/v2"'], '\tcluster.Query("SELECT * FROM bucket WHERE owner = \'" + name + "\'", nil)\n', 'cluster *gocb.Cluster, name string'),
    errors: [{ messageId: VALUE, line: 9, column: 16, fixes: [] }],
  },
  {
    name: 'GoFrame: GetAll with a context first',
    code: file(['"context"', '"github.com/gogf/gf/v2/frame/g"'], '\tg.DB().GetAll(ctx, "SELECT * FROM accounts WHERE email = \'"+name+"\'")\n', 'ctx context.Context, name string'),
    errors: [{ messageId: VALUE, line: 9, column: 21, fixes: [{ output: file(['"context"', '"github.com/gogf/gf/v2/frame/g"'], '\tg.DB().GetAll(ctx, "SELECT * FROM accounts WHERE email = ?", name)\n', 'ctx context.Context, name string') }] }],
  },
  {
    name: 'beego: Ormer.Raw',
    code: file(['"github.com/beego/beego/v2/client/orm"'], '\to.Raw("SELECT * FROM accounts WHERE email = \'" + name + "\'").QueryRows(&rows)\n', 'o orm.Ormer, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 8, fixes: [{ output: file(['"github.com/beego/beego/v2/client/orm"'], '\to.Raw("SELECT * FROM accounts WHERE email = ?", name).QueryRows(&rows)\n', 'o orm.Ormer, name string') }] }],
  },
  {
    name: 'beego: a QueryBuilder condition (it takes no values: no fix)',
    code: file(['"github.com/beego/beego/v2/client/orm"'], '\tqb.Select("id").From("accounts").Where("email = \'" + name + "\'")\n', 'qb orm.QueryBuilder, name string'),
    errors: [{ messageId: VALUE, line: 8, column: 41, fixes: [] }],
  },
  {
    name: 'rqlite and BigQuery take one statement: no fix adds values',
    code: file(['"database/sql"', '"cloud.google.com/go/bigquery"', '"github.com/rqlite/gorqlite"'], '\tconn.WriteOne("DELETE FROM accounts WHERE email = \'" + name + "\'")\n\tclient.Query("SELECT * FROM ds.accounts WHERE email = \'" + name + "\'")\n', 'conn *gorqlite.Connection, client *bigquery.Client, name string'),
    errors: [{ messageId: VALUE, line: 10, column: 16, fixes: [] }, { messageId: VALUE, line: 11, column: 15, fixes: [] }],
  },
];

ruleTester(rule, { path: PATH, valid, invalid });

// --- fix outputs parse with the Go grammar and leave no value to report ---------------------------------------------

describe('rule sql/string-built-query (Go) fix outputs', () => {
  itParsesFixOutputs('go', invalid, { path: PATH, messageId: VALUE });

  it('has a parse-checked output for most fixes', () => {
    const n = fixOutputs(invalid).length;
    assert.ok(n >= 15, `only ${n} fix outputs`);
  });
});
