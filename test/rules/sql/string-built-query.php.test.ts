// Tests for sql/string-built-query in PHP: mysqli, PDO, pgsql, Laravel, $wpdb sinks, variable flow, precision, fixes.
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { itParsesFixOutputs } from '../../helpers/sql-fixes';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const P = '<?php\n';

const valid: (string | { name: string; code: string })[] = [
  // a parameter named for a table: the callers pass the code's own tables
  { name: 'names through Util::backquote and values through quoteString (phpMyAdmin)', code: P + 'function f($dbi, $col, $note) { $q = Util::backquote($col); $q .= " COMMENT " . $dbi->quoteString($note); $dbi->query("ALTER TABLE t MODIFY " . $q); }\n' },
  { name: 'table from a parameter named for a table', code: P + 'function purge($db, $logTable) { return $db->query("DELETE FROM `$logTable` WHERE done = 1"); }\n' },
  { name: 'static Db facade with a table parameter', code: P + 'class M { function ids($archiveTable) { return Db::fetchAll("SELECT id FROM `$archiveTable` WHERE ts IS NULL"); } }\n' },
  { name: 'ids mapped through intval in the block that runs the query', code: P + 'function f($ids) { if ($ids) { $ids = array_map("intval", $ids); Db::query("DELETE FROM log WHERE id IN (" . implode(",", $ids) . ")"); } }\n' },
  { name: 'a condition fragment in a nested group, with bound values', code: P + 'function f($db, $cond, $id) { return $db->query("SELECT * FROM t WHERE id = ? AND (($cond) OR flag = 1)", [$id]); }\n' },
  // parameters and constants
  P + 'function f($pdo, $id) { $s = $pdo->prepare("SELECT * FROM users WHERE id = ?"); $s->execute([$id]); }\n',
  P + 'function f($pdo, $id) { $s = $pdo->prepare("SELECT * FROM users WHERE id = :id"); $s->execute([":id" => $id]); }\n',
  P + 'function f($conn, $id) { pg_query_params($conn, "SELECT * FROM users WHERE id = $1", [$id]); }\n',
  P + 'function f($name) { return DB::select("SELECT * FROM users WHERE name = ?", [$name]); }\n',
  P + 'function f($name) { return User::whereRaw("name = ?", [$name])->get(); }\n',
  P + 'function f($conn) { mysqli_query($conn, "SELECT * FROM users WHERE active = 1"); }\n',
  P + 'function f($conn) { $t = "users"; mysqli_query($conn, "SELECT * FROM $t WHERE active = 1"); }\n',
  P + 'class R { const TABLE = "users"; function f($pdo, $id) { return $pdo->query("SELECT * FROM " . self::TABLE . " WHERE id = 1"); } }\n',
  // casts and numeric conversions
  P + 'function f($conn, $id) { mysqli_query($conn, "SELECT * FROM users WHERE id = " . (int)$id); }\n',
  P + 'function f($conn, $id) { mysqli_query($conn, "SELECT * FROM users WHERE id = " . intval($id)); }\n',
  P + 'function f($conn, $id) { $id = (int) $_GET["id"]; mysqli_query($conn, "SELECT * FROM users WHERE id = $id"); }\n',
  P + 'function f($conn, int $id) { mysqli_query($conn, "SELECT * FROM users WHERE id = $id"); }\n',
  P + 'function f($pdo, $id) { return $pdo->query(sprintf("SELECT * FROM users WHERE id = %d", $id)); }\n',
  P + 'function f($pdo, $page) { return $pdo->query("SELECT * FROM users LIMIT 20 OFFSET " . ($page * 20)); }\n',
  P + 'function f($ids) { return DB::select("SELECT * FROM users WHERE id IN (" . implode(",", array_map("intval", $ids)) . ")"); }\n',
  P + 'function f($ids) { return DB::select("SELECT * FROM users WHERE id IN (" . implode(",", array_fill(0, count($ids), "?")) . ")", $ids); }\n',
  P + 'function f($ids) { $in = str_repeat("?,", count($ids) - 1) . "?"; return DB::select("SELECT * FROM users WHERE id IN ($in)", $ids); }\n',
  // escaping
  P + 'function f($conn, $name) { $n = mysqli_real_escape_string($conn, $name); mysqli_query($conn, "SELECT * FROM users WHERE name = \'$n\'"); }\n',
  P + 'function f($pdo, $name) { return $pdo->query("SELECT * FROM users WHERE name = " . $pdo->quote($name)); }\n',
  P + 'function f($name) { global $wpdb; return $wpdb->get_results("SELECT * FROM users WHERE name = \'" . esc_sql($name) . "\'"); }\n',
  // allow-lists and choices between constants
  P + 'function f($sort) { $col = in_array($sort, ["name", "email"]) ? $sort : "name"; return DB::select("SELECT * FROM users ORDER BY $col"); }\n',
  P + 'function f($dir) { $dir = $dir === "asc" ? "ASC" : "DESC"; return DB::select("SELECT * FROM users ORDER BY name $dir"); }\n',
  P + 'class R { const SORTS = ["a" => "name"]; function f($k) { return DB::select("SELECT * FROM users ORDER BY " . self::SORTS[$k]); } }\n',
  // developer-controlled names
  P + 'class R { function f($id) { return DB::select("SELECT * FROM {$this->table} WHERE id = ?", [$id]); } }\n',
  P + 'function f($id) { global $wpdb; return $wpdb->get_results($wpdb->prepare("SELECT * FROM {$wpdb->prefix}posts WHERE id = %d", $id)); }\n',
  // a fragment local holding only placeholders, with its values bound
  P + 'function visits($uid, $url) {\n  global $wpdb;\n  $extra = "";\n  $args = [$uid];\n  if ($url) { $extra = " AND url = %s"; $args[] = $url; }\n  return $wpdb->get_results($wpdb->prepare("SELECT * FROM visits WHERE uid = %s" . $extra, $args));\n}\n',
  // the model's own key column, and a quoted value
  P + 'class Repo { function load($id) { return $this->db->query("SELECT * FROM " . $this->getTableName() . " WHERE " . $this->getPrimaryKey() . " = " . $this->db->quote($id)); } }\n',
  // the table prefix is configuration, also inside quotes (a plugin checking that its table exists)
  { name: "SHOW TABLES LIKE '{$table}' with $table from $wpdb->prefix", code: P + 'function has_log() { global $wpdb; $table = $wpdb->prefix . "audit_log"; return $wpdb->get_var("SHOW TABLES LIKE \'{$table}\'") === $table; }\n' },
  P + 'function g() { global $wpdb, $table_prefix; return $wpdb->get_var("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = \'{$table_prefix}posts\'"); }\n',
  P + 'function f($m, $id) { return DB::select("SELECT * FROM " . $m->getTable() . " WHERE id = ?", [$id]); }\n',
  // fragments with bindings: dynamic filters built with placeholders
  P + 'function f($where, $bindings) { return DB::select("SELECT * FROM users WHERE " . $where, $bindings); }\n',
  // a name interpolated into a statement that binds its values: the developer's table or column
  P + 'function find_by($column, $value) { global $wpdb; return $wpdb->get_row($wpdb->prepare("SELECT * FROM $wpdb->users WHERE $column = %s", $value)); }\n',
  P + 'class Repo { function one($column, $id) { return $this->db->prepare("SELECT $column FROM $this->table WHERE $this->key = %d", (int) $id); } }\n',
  // query builder conditions with placeholders, names, or constant text
  P + 'function f($qb, $email) { return $qb->select("u")->from("User", "u")->where("u.email = :email")->setParameter("email", $email); }\n',
  P + 'function f($qb, $col, $v) { return $qb->where("u.$col", $v); }\n',
  P + 'function f($qb, $id) { return $qb->andWhere("u.id = " . (int) $id); }\n',
  // text that never reaches a query call
  P + 'function f($q) { error_log("SELECT * FROM users WHERE name = \'$q\'"); }\n',
  P + 'function f($q) { throw new Exception("DELETE FROM users failed for $q"); }\n',
  P + 'function f($q) { $sql = "SELECT * FROM users WHERE name = \'$q\'"; return $sql; }\n',
  P + 'function f($q) { echo "Select a user from the list: $q"; }\n',
  // prose, and query-named methods that are not databases
  P + 'function f($http, $q) { return $http->query("please select one from $q"); }\n',
  P + 'function f($client, $q) { return $client->query(["search" => "select $q from"]); }\n',
  // nowdoc has no interpolation
  P + 'function f($pdo) { return $pdo->query(<<<\'SQL\'\nSELECT * FROM users WHERE name = \'$q\'\nSQL); }\n',
  // broken code
  P + 'function f($conn, $q) { mysqli_query($conn, "SELECT * FROM users WHERE id = $q",, ); }\n',
  // other libraries with placeholders, casts, or text that is not a statement
  P + 'function f($name) { return R::find("invoice", " client = ? ", [$name]); }\n',
  P + 'function f($id) { return R::getAll("SELECT * FROM invoice WHERE id = " . (int)$id); }\n',
  P + 'function f($db, $name) { return $db->execute("SELECT * FROM invoice WHERE client = ?", [$name]); }\n',
  P + 'function f($stmt, $name) { return $stmt->execute([$name]); }\n',
  P + 'class R { function f($col) { return $this->db->select("client, $col")->get("invoice")->result(); } }\n',
  P + 'function f($runner, $name) { return $runner->execute("select one from the list: $name"); }\n',
  // numbers by conversion, validation or a checked branch
  P + 'function f($pdo) { $n = $_GET["n"]; $n += 0; return $pdo->query("SELECT * FROM stock WHERE qty > $n"); }\n',
  P + 'function f($pdo) { $n = $_GET["n"]; if (settype($n, "integer")) { return $pdo->query("SELECT * FROM stock WHERE qty > $n"); } }\n',
  P + 'function f($pdo) { $n = $_GET["n"]; settype($n, "float"); return $pdo->query("SELECT * FROM stock WHERE price > $n"); }\n',
  P + 'function f($pdo, $v) { if (filter_var($v, FILTER_VALIDATE_INT)) $n = $v; else $n = 0; return $pdo->query("SELECT * FROM stock WHERE qty > $n"); }\n',
  P + 'function f($pdo, $v) { if (is_numeric($v) && $v > 0) { return $pdo->query("SELECT * FROM stock WHERE qty > $v"); } }\n',
  P + 'function f($pdo) { $n = filter_input(INPUT_GET, "n", FILTER_SANITIZE_NUMBER_INT); return $pdo->query("SELECT * FROM stock WHERE qty > \'$n\'"); }\n',
  P + 'function f($pdo, $v) { $n = sprintf("%05.1f", $v); return $pdo->query("SELECT * FROM stock WHERE price > $n"); }\n',
  P + 'function f($pdo, $v) { $c = preg_replace("/[^a-z0-9_]/i", "", $v); return $pdo->query("SELECT * FROM stock WHERE code = \'$c\'"); }\n',
  P + 'function f($pdo, $t) { $ok = ["stock", "orders"]; if (in_array($t, $ok, true)) { $tab = $t; } else { $tab = $ok[0]; } return $pdo->query("SELECT * FROM $tab"); }\n',
  // an earlier check that leaves (or resets the value) when it fails
  P + 'function f($pdo) { $n = $_GET["n"]; if (!is_numeric($n)) { die("bad"); } return $pdo->query("SELECT * FROM stock WHERE qty > $n"); }\n',
  P + 'function f($pdo) { $n = $_GET["n"]; if (filter_var($n, FILTER_VALIDATE_INT) === false) { return null; } return $pdo->query("SELECT * FROM stock WHERE qty > $n"); }\n',
  P + 'function f($pdo) { $n = $_GET["n"]; if ($n === "" || !ctype_digit($n)) throw new InvalidArgumentException("n"); return $pdo->query("SELECT * FROM stock WHERE qty > \'$n\'"); }\n',
  P + 'function f($pdo) { $n = $_GET["n"]; if (!preg_match("/^\\\\d+$/", $n)) { exit; } return $pdo->query("SELECT * FROM stock WHERE qty > $n"); }\n',
  P + 'function f($pdo) { $s = $_GET["s"]; if (!in_array($s, ["qty", "price"], true)) { $s = "qty"; } return $pdo->query("SELECT * FROM stock ORDER BY $s"); }\n',
  P + 'function f($pdo) { $n = $_GET["n"]; $n = is_numeric($n) ? $n : 0; return $pdo->query("SELECT * FROM stock WHERE qty > $n"); }\n',
];

const invalid: InvalidCase[] = [
  {
    name: 'a fragment local that quotes a value, spliced into a prepare with bound values (no fix)',
    code: P + 'function visits($uid, $url) {\n  global $wpdb;\n  $extra = "";\n  if ($url) $extra = " AND url = \'" . trim($url) . "\'";\n  return $wpdb->get_results($wpdb->prepare("SELECT * FROM visits WHERE uid = %s" . $extra, $uid));\n}\n',
    errors: [{ messageId: VALUE, message: 'SQL query built by interpolating `trim($url)`: pass it as a query parameter instead (SQL injection).', line: 6, column: 44, fixes: [] }],
  },
  // --- mysqli, mysql, PDO: reported; fixed only when the receiver is known (see the driver fixes below) ---------
  {
    name: 'mysqli_query with "$var" interpolation: mysqli_execute_query',
    code: P + 'function f($conn, $id) { mysqli_query($conn, "SELECT * FROM users WHERE id = $id"); }\n',
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `$id`: pass it as a query parameter instead (SQL injection).',
      line: 2, column: 46, endLine: 2, endColumn: 82,
      fixes: [{
        title: 'Parameterize query (mysqli_execute_query, PHP 8.2+)', applicability: 'unsafe',
        output: P + 'function f($conn, $id) { mysqli_execute_query($conn, \'SELECT * FROM users WHERE id = ?\', [$id]); }\n',
      }],
    }],
  },
  {
    name: 'mysql_query with a superglobal through a local variable',
    code: P + '$id = $_GET["id"];\n$result = mysql_query("SELECT * FROM users WHERE id = \'$id\'");\n',
    errors: [{ messageId: VALUE, line: 3, column: 23, endColumn: 61, fixes: [] }],
  },
  {
    name: '$mysqli->query with a concatenated variable',
    code: P + '$query = "SELECT * FROM users WHERE id = " . $_GET["id"];\n$result = $mysqli->query($query);\n',
    errors: [{ messageId: VALUE, message: /`\$_GET\["id"\]`/, line: 3, column: 26, endColumn: 32, fixes: [] }],
  },
  {
    name: '->multi_query and ->real_query',
    code: P + 'function f($db, $a, $b) {\n  $db->multi_query("DELETE FROM t WHERE a = \'$a\'");\n  $db->real_query("UPDATE t SET b = \'{$b}\' WHERE id = 1");\n}\n',
    errors: [{ messageId: VALUE, line: 3, column: 20, fixes: [] }, { messageId: VALUE, line: 4, column: 19, fixes: [] }],
  },
  {
    name: 'PDO ->exec and ->prepare with concatenation',
    code: P + 'function f($pdo, $e) {\n  $pdo->exec("DELETE FROM users WHERE email = \'" . $e . "\'");\n  $s = $pdo->prepare("SELECT * FROM users WHERE email = \'" . $e . "\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, column: 14, fixes: [] }, { messageId: VALUE, line: 4, column: 22, fixes: [] }],
  },
  {
    name: '{$obj->prop} interpolation, .= appends followed',
    code: P + 'function f($pdo, $u) {\n  $sql = "SELECT * FROM users";\n  $sql .= " WHERE name = \'{$u->name}\'";\n  return $pdo->query($sql);\n}\n',
    errors: [{ messageId: VALUE, message: /`\$u->name`/, line: 5, column: 22, endColumn: 26, fixes: [] }],
  },
  {
    name: 'heredoc with an interpolated value',
    code: P + 'function f($pdo, $q) {\n  $sql = <<<SQL\nSELECT * FROM users WHERE name = \'$q\'\nSQL;\n  return $pdo->query($sql);\n}\n',
    errors: [{ messageId: VALUE, line: 6, column: 22, fixes: [] }],
  },
  {
    name: 'implode of raw values in IN (...)',
    code: P + 'function f($ids) { return DB::select("SELECT * FROM users WHERE id IN (" . implode(",", $ids) . ")"); }\n',
    errors: [{ messageId: VALUE, message: /`implode\(",", \$ids\)`/, line: 2, column: 38, fixes: [] }],
  },
  {
    name: '$wpdb->get_results with a value next to a developer table prefix',
    code: P + 'function f($q) { global $wpdb; return $wpdb->get_results("SELECT * FROM {$wpdb->prefix}posts WHERE title = \'$q\'"); }\n',
    errors: [{ messageId: VALUE, message: /`\$q`/, line: 2, column: 58, fixes: [] }],
  },
  {
    name: 'sqlsrv_query and odbc_exec',
    code: P + 'function f($c, $q) {\n  sqlsrv_query($c, "SELECT * FROM t WHERE a = \'" . $q . "\'");\n  odbc_exec($c, "SELECT * FROM t WHERE a = \'$q\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, column: 20 }, { messageId: VALUE, line: 4, column: 17 }],
  },
  // --- identifiers ------------------------------------------------------------------------------------------------
  {
    name: 'ORDER BY a request value',
    code: P + 'function f($sort) { return DB::select("SELECT * FROM users ORDER BY $sort"); }\n',
    errors: [{ messageId: IDENT, message: /`\$sort`/, line: 2, column: 39, endColumn: 75, fixes: [] }],
  },
  {
    name: 'orderByRaw with an interpolated column',
    code: P + 'function f($sort) { return User::query()->orderByRaw("$sort DESC")->get(); }\n',
    errors: [{ messageId: IDENT, line: 2, column: 54, endColumn: 66 }],
  },
  {
    name: 'static Db facade (Matomo style) with request input: reported, no rewrite',
    code: P + 'function f() { return Db::fetchAll("SELECT * FROM t WHERE name = \'" . $_GET["n"] . "\'"); }\n',
    errors: [{ messageId: VALUE, line: 2, column: 36, fixes: [] }],
  },
  {
    name: 'table name read from the request',
    code: P + 'function f($pdo) { $t = $_GET["t"]; return $pdo->query("SELECT * FROM $t"); }\n',
    errors: [{ messageId: IDENT, line: 2, column: 56 }],
  },
  {
    name: 'a parameter named for a table but written from the request first',
    code: P + 'function f($pdo, $table) { $table = $_GET["t"]; return $pdo->query("SELECT * FROM $table"); }\n',
    errors: [{ messageId: IDENT, line: 2, column: 68 }],
  },
  {
    name: 'a parameter not named for a table, in the FROM clause',
    code: P + 'function f($pdo, $what) { return $pdo->query("SELECT * FROM $what"); }\n',
    errors: [{ messageId: IDENT, line: 2, column: 46 }],
  },
  // --- pg_query -> pg_query_params ---------------------------------------------------------------------------------
  {
    name: 'pg_query with a connection: pg_query_params with $1',
    code: P + 'function f($conn, $name) { $r = pg_query($conn, "SELECT * FROM users WHERE name = \'$name\'"); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 49, endColumn: 91,
      fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: P + 'function f($conn, $name) { $r = pg_query_params($conn, \'SELECT * FROM users WHERE name = $1\', [$name]); }\n' }],
    }],
  },
  {
    name: 'pg_query without a connection, a cast kept in place',
    code: P + 'function f($id) { $r = pg_query("SELECT * FROM users WHERE name = \'" . $_GET["name"] . "\' AND id = " . intval($id)); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 33,
      fixes: [{ output: P + 'function f($id) { $r = pg_query_params("SELECT * FROM users WHERE name = $1 AND id = " . intval($id), [$_GET["name"]]); }\n' }],
    }],
  },
  {
    name: 'pg_query: two values numbered in order',
    code: P + 'function f($c, $a, $b) { pg_query($c, "UPDATE users SET name = \'$a\' WHERE id = $b"); }\n',
    errors: [{ messageId: VALUE, fixes: [{ output: P + 'function f($c, $a, $b) { pg_query_params($c, \'UPDATE users SET name = $1 WHERE id = $2\', [$a, $b]); }\n' }] }],
  },
  // --- Laravel ------------------------------------------------------------------------------------------------------
  {
    name: 'DB::select with {$var}: bindings array added',
    code: P + 'function f($name) { return DB::select("SELECT * FROM users WHERE name = \'{$name}\'"); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 39, endColumn: 83,
      fixes: [{ output: P + 'function f($name) { return DB::select(\'SELECT * FROM users WHERE name = ?\', [$name]); }\n' }],
    }],
  },
  {
    name: 'DB::select merged into existing bindings in text order, LIKE wildcards move into the value',
    code: P + 'function f($name, $a) { return DB::select("SELECT * FROM users WHERE a = ? AND name LIKE \'%{$name}%\'", [$a]); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 43,
      fixes: [{ output: P + 'function f($name, $a) { return DB::select(\'SELECT * FROM users WHERE a = ? AND name LIKE ?\', [$a, "%{$name}%"]); }\n' }],
    }],
  },
  {
    name: 'DB::update with concatenation',
    code: P + 'function f($r) { DB::update("UPDATE users SET votes = 100 WHERE name = \'" . $r->input("name") . "\'"); }\n',
    errors: [{
      messageId: VALUE, message: /`\$r->input\("name"\)`/, line: 2, column: 29,
      fixes: [{ output: P + 'function f($r) { DB::update(\'UPDATE users SET votes = 100 WHERE name = ?\', [$r->input("name")]); }\n' }],
    }],
  },
  {
    name: 'DB::statement with a table name kept and a value parameterized',
    code: P + 'function f($t, $id) { DB::statement("DELETE FROM $t WHERE id = $id"); }\n',
    errors: [{
      messageId: VALUE, message: /`\$id`/,
      fixes: [{ output: P + 'function f($t, $id) { DB::statement("DELETE FROM {$t} WHERE id = ?", [$id]); }\n' }],
    }],
  },
  {
    name: 'whereRaw on a model: bindings added',
    code: P + 'function f($q) { return User::whereRaw("name = \'$q\'")->get(); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 40, endColumn: 53,
      fixes: [{ output: P + 'function f($q) { return User::whereRaw(\'name = ?\', [$q])->get(); }\n' }],
    }],
  },
  {
    name: 'orWhereRaw and havingRaw on a builder',
    code: P + 'function f($q, $n) {\n  return $query->orWhereRaw("email = \'" . $q . "\'")->havingRaw("count(*) > $n")->get();\n}\n',
    errors: [
      { messageId: VALUE, line: 3, column: 29, fixes: [{ output: P + 'function f($q, $n) {\n  return $query->orWhereRaw(\'email = ?\', [$q])->havingRaw("count(*) > $n")->get();\n}\n' }] },
      { messageId: VALUE, line: 3, column: 64, fixes: [{ output: P + 'function f($q, $n) {\n  return $query->orWhereRaw("email = \'" . $q . "\'")->havingRaw(\'count(*) > ?\', [$n])->get();\n}\n' }] },
    ],
  },
  {
    name: 'a local variable assigned once and read once is rewritten where it is built (sprintf %s and %d)',
    code: P + 'function f($q) {\n  $sql = sprintf("SELECT * FROM users WHERE name = \'%s\' AND id = %d", $q, $q);\n  return DB::select($sql);\n}\n',
    errors: [{
      messageId: VALUE, line: 4, column: 21, endColumn: 25,
      fixes: [{ output: P + 'function f($q) {\n  $sql = "SELECT * FROM users WHERE name = ? AND id = " . (int) $q;\n  return DB::select($sql, [$q]);\n}\n' }],
    }],
  },
  {
    name: 'DB::raw and DB::unprepared take no bindings (no fix)',
    code: P + 'function f($q) {\n  DB::unprepared("DELETE FROM users WHERE name = \'$q\'");\n  return DB::raw("COUNT(*) WHERE name = \'$q\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, column: 18, fixes: [] }, { messageId: VALUE, line: 4, column: 18, fixes: [] }],
  },
  {
    name: 'selectRaw with an alias from input',
    code: P + 'function f($q) { return DB::table("users")->selectRaw("count(*) as {$q}")->get(); }\n',
    errors: [{ messageId: IDENT, line: 2, column: 55 }],
  },
  {
    name: 'DB::connection()->select',
    code: P + 'function f($q) { return DB::connection("pg")->select("SELECT * FROM users WHERE name = \'$q\'"); }\n',
    errors: [{ messageId: VALUE, fixes: [{ output: P + 'function f($q) { return DB::connection("pg")->select(\'SELECT * FROM users WHERE name = ?\', [$q]); }\n' }] }],
  },
  {
    name: 'single-quoted text with a backslash and a quote is re-escaped',
    code: P + 'function f($q) { return DB::select(\'SELECT * FROM t WHERE a = \\\'x\\\\\\\' AND b = \' . $q); }\n',
    errors: [{ messageId: VALUE, fixes: [{ output: P + 'function f($q) { return DB::select(\'SELECT * FROM t WHERE a = \\\'x\\\\\\\' AND b = ?\', [$q]); }\n' }] }],
  },
  {
    name: 'double-quoted escapes are kept in a double-quoted literal',
    code: P + 'function f($q) { return DB::select("SELECT *\\nFROM t\\tWHERE b = \'" . $q . "\'"); }\n',
    errors: [{ messageId: VALUE, fixes: [{ output: P + 'function f($q) { return DB::select("SELECT *\\nFROM t\\tWHERE b = ?", [$q]); }\n' }] }],
  },  // --- Doctrine, query builder conditions, request input passed whole -----------------------------------------
  {
    name: 'Doctrine createQuery with DQL concatenating request input',
    code: P + 'class UserRepository {\n  function byName($em) {\n    return $em->createQuery("SELECT u FROM App\\\\Entity\\\\User u WHERE u.name = \'" . $_GET["name"] . "\'")->getResult();\n  }\n}\n',
    errors: [{ messageId: VALUE, message: /`\$_GET\["name"\]`/, line: 4, fixes: [] }],
  },
  {
    name: 'a query builder condition built with concatenation and sprintf',
    code: P + 'function search($qb, $email, $status) {\n  return $qb->select("u")->from("User", "u")\n    ->where("u.email = \'" . $email . "\'")\n    ->andWhere(sprintf("u.status = \'%s\'", $status));\n}\n',
    errors: [
      { messageId: VALUE, message: /`\$email`/, line: 4, fixes: [] },
      { messageId: VALUE, message: /`\$status`/, line: 5, fixes: [] },
    ],
  },
  {
    name: 'request input passed whole to whereRaw and DB::raw',
    code: P + 'function index(Request $request) {\n  $filter = $request->input("filter");\n  $rows = DB::table("orders")->whereRaw($filter)->get();\n  return DB::table("orders")->orderBy(DB::raw($_GET["sort"]))->get();\n}\n',
    errors: [
      { messageId: IDENT, message: /`\$filter`/, line: 4, fixes: [] },
      { messageId: IDENT, message: /`\$_GET\["sort"\]`/, line: 5, fixes: [] },
    ],
  },
  {
    name: 'request input interpolated as a name next to bound values is still reported',
    code: P + 'function f($wpdb, $id) {\n  $col = $_GET["col"];\n  return $wpdb->get_var($wpdb->prepare("SELECT $col FROM {$wpdb->prefix}orders WHERE id = %d", $id));\n}\n',
    errors: [{ messageId: IDENT, message: /`\$col`/, line: 4, fixes: [] }],
  },
  {
    name: 'checks that do not hold: negated, or-ed, the else branch, a conditional settype, %s and %c, a partial character filter',
    code: P + 'function f($pdo, $v, $g) {\n'
      + '  if (!is_numeric($v)) { $pdo->query("SELECT * FROM stock WHERE code = \'$v\'"); }\n'
      + '  if (is_numeric($v) || $g) { $pdo->query("SELECT * FROM stock WHERE code = \'$v\'"); }\n'
      + '  if (ctype_digit($v)) { } else { $pdo->query("SELECT * FROM stock WHERE code = \'$v\'"); }\n'
      + '  if ($g) settype($v, "int");\n  $pdo->query("SELECT * FROM stock WHERE code = \'$v\'");\n'
      + '  $a = sprintf("%c%d", $v, $v);\n  $pdo->query("SELECT * FROM stock WHERE code = \'$a\'");\n'
      + '  $b = preg_replace("/[^a-z ]/", "", $v);\n  $pdo->query("SELECT * FROM stock WHERE code = $b");\n'
      + '}\n',
    errors: [
      { messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] }, { messageId: VALUE, line: 5, fixes: [] },
      { messageId: VALUE, line: 7, fixes: [] }, { messageId: VALUE, line: 9, fixes: [] }, { messageId: VALUE, line: 11, fixes: [] },
    ],
  },
  {
    name: 'earlier checks that do not hold at the use: no exit, written again after, and-ed, an unanchored pattern, a reset to input',
    code: P + 'function f($pdo, $strict) {\n'
      + '  $n = $_GET["n"];\n  if (!is_numeric($n)) { echo "bad"; }\n  $pdo->query("SELECT * FROM stock WHERE qty > \'$n\'");\n'
      + '  if (!is_numeric($n)) { die(); }\n  $n = $_GET["m"];\n  $pdo->query("SELECT * FROM stock WHERE qty > \'$n\'");\n'
      + '  $m = $_GET["m"];\n  if (!is_numeric($m) && $strict) { die(); }\n  $pdo->query("SELECT * FROM stock WHERE qty > \'$m\'");\n'
      + '  $k = $_GET["k"];\n  if (!preg_match("/\\\\d+/", $k)) { return; }\n  $pdo->query("SELECT * FROM stock WHERE qty > \'$k\'");\n'
      + '  $s = $_GET["s"];\n  if (!in_array($s, ["qty"])) { $s = $_GET["t"]; }\n  $pdo->query("SELECT * FROM stock WHERE code = \'$s\'");\n'
      + '}\n',
    errors: [
      { messageId: VALUE, line: 5, fixes: [] }, { messageId: VALUE, line: 8, fixes: [] }, { messageId: VALUE, line: 11, fixes: [] },
      { messageId: VALUE, line: 14, fixes: [] }, { messageId: VALUE, line: 17, fixes: [] },
    ],
  },
  // --- other libraries: reported, never fixed ---------------------------------------------------------------------
  {
    name: 'Yii createCommand, Joomla setQuery, Drupal 7 db_query',
    code: P + 'function f($db, $c) {\n  $rows = Yii::$app->db->createCommand("SELECT * FROM invoice WHERE client = \'$c\'")->queryAll();\n  $db->setQuery("SELECT * FROM #__invoice WHERE client = \'" . $c . "\'");\n  $r = db_query("SELECT * FROM {invoice} WHERE client = \'$c\'");\n}\n',
    errors: [
      { messageId: VALUE, message: /`\$c`/, line: 3, column: 40, endColumn: 83, fixes: [] },
      { messageId: VALUE, line: 4, column: 17, fixes: [] },
      { messageId: VALUE, line: 5, column: 17, fixes: [] },
    ],
  },
  {
    name: 'ADOdb / CakePHP execute and get* helpers, SQLite3 querySingle, MysqliDb rawQuery, Zend_Db fetchCol/fetchPairs',
    code: P + 'function f($db, $c) {\n  $db->Execute("DELETE FROM invoice WHERE client = \'$c\'");\n  $a = $db->GetAll("SELECT * FROM invoice WHERE client = \'$c\'");\n  $b = $db->querySingle("SELECT id FROM invoice WHERE client = \'$c\'");\n  $d = $db->rawQuery("SELECT * FROM invoice WHERE client = \'$c\'");\n  $e = $db->fetchPairs("SELECT id, total FROM invoice WHERE client = \'$c\'");\n}\n',
    errors: [
      { messageId: VALUE, line: 3, column: 16, fixes: [] },
      { messageId: VALUE, line: 4, column: 20, fixes: [] },
      { messageId: VALUE, line: 5, column: 25, fixes: [] },
      { messageId: VALUE, line: 6, column: 22, fixes: [] },
      { messageId: VALUE, line: 7, column: 24, fixes: [] },
    ],
  },
  {
    name: 'RedBeanPHP: R::getAll / R::exec SQL, and a condition after the bean type in R::find',
    code: P + 'function f($c) {\n  $rows = R::getAll("SELECT * FROM invoice WHERE client = \'$c\'");\n  R::exec("DELETE FROM invoice WHERE client = \'" . $c . "\'");\n  $found = R::find("invoice", " client = \'$c\' ");\n}\n',
    errors: [
      { messageId: VALUE, line: 3, column: 21, fixes: [] },
      { messageId: VALUE, line: 4, column: 11, fixes: [] },
      { messageId: VALUE, line: 5, column: 31, endColumn: 48, fixes: [] },
    ],
  },
];

// --- mysqli and PDO: fixed only when the receiver is known to be that driver ------------------------------------------

const MYSQLI_OO = 'Parameterize query (mysqli::execute_query, PHP 8.2+)';
const MYSQLI_FN = 'Parameterize query (mysqli_execute_query, PHP 8.2+)';
const PDO = 'Parameterize query (PDO prepare + execute)';

const driverFixes: InvalidCase[] = [
  {
    name: 'mysqli: $mysqli = new mysqli(...) in the script, ->query becomes ->execute_query',
    code: P + '$mysqli = new mysqli($host, $user, $pass, "app");\n$name = $_GET["name"];\n$result = $mysqli->query("SELECT * FROM users WHERE name = \'$name\'");\n',
    errors: [{
      messageId: VALUE, line: 4, column: 26, endColumn: 68,
      fixes: [{
        title: MYSQLI_OO, applicability: 'unsafe',
        output: P + '$mysqli = new mysqli($host, $user, $pass, "app");\n$name = $_GET["name"];\n$result = $mysqli->execute_query(\'SELECT * FROM users WHERE name = ?\', [$name]);\n',
      }],
    }],
  },
  {
    name: 'mysqli: a typed parameter, concatenation, the result returned',
    code: P + 'function f(mysqli $db, $id) { return $db->query("SELECT * FROM users WHERE id = " . $id); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 49, endColumn: 88,
      fixes: [{ title: MYSQLI_OO, output: P + 'function f(mysqli $db, $id) { return $db->execute_query(\'SELECT * FROM users WHERE id = ?\', [$id]); }\n' }],
    }],
  },
  {
    name: 'mysqli: a typed property, the result read inline (execute_query returns the same mysqli_result)',
    code: P + 'class Users {\n  private ?\\mysqli $db;\n  function find($email) {\n    return $this->db->query("SELECT id FROM users WHERE email = \'" . $email . "\'")->fetch_assoc();\n  }\n}\n',
    errors: [{
      messageId: VALUE, line: 5, column: 29,
      fixes: [{
        title: MYSQLI_OO,
        output: P + 'class Users {\n  private ?\\mysqli $db;\n  function find($email) {\n    return $this->db->execute_query(\'SELECT id FROM users WHERE email = ?\', [$email])->fetch_assoc();\n  }\n}\n',
      }],
    }],
  },
  {
    name: 'mysqli: mysqli_connect() assigned, SQL built in a local variable first',
    code: P + '$link = mysqli_connect("localhost", $user, $pass, "app");\n$sql = "DELETE FROM sessions WHERE token = \'" . $_COOKIE["token"] . "\'";\n$link->query($sql);\n',
    errors: [{
      messageId: VALUE, line: 4, column: 14, endColumn: 18,
      fixes: [{
        title: MYSQLI_OO,
        output: P + '$link = mysqli_connect("localhost", $user, $pass, "app");\n$sql = \'DELETE FROM sessions WHERE token = ?\';\n$link->execute_query($sql, [$_COOKIE["token"]]);\n',
      }],
    }],
  },
  {
    name: 'mysqli: the typed parameter of an arrow function',
    code: P + '$find = fn(mysqli $m, $id) => $m->query("SELECT * FROM users WHERE id = $id")->fetch_all();\n',
    errors: [{
      messageId: VALUE, line: 2, column: 41, endColumn: 77,
      fixes: [{ title: MYSQLI_OO, output: P + '$find = fn(mysqli $m, $id) => $m->execute_query(\'SELECT * FROM users WHERE id = ?\', [$id])->fetch_all();\n' }],
    }],
  },
  {
    name: 'mysqli procedural: concatenation, the name says the driver',
    code: P + 'function f($conn, $name) { $r = mysqli_query($conn, "SELECT * FROM users WHERE name = \'" . $name . "\'"); }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 53, endColumn: 103,
      fixes: [{ title: MYSQLI_FN, applicability: 'unsafe', output: P + 'function f($conn, $name) { $r = mysqli_execute_query($conn, \'SELECT * FROM users WHERE name = ?\', [$name]); }\n' }],
    }],
  },
  {
    name: 'PDO: an assigned query becomes prepare, with execute on the next line at the same indentation',
    code: P + 'function find($name) {\n  $pdo = new PDO("mysql:host=localhost;dbname=app", $user, $pass);\n  $stmt = $pdo->query("SELECT * FROM users WHERE name = \'$name\'");\n  return $stmt->fetchAll();\n}\n',
    errors: [{
      messageId: VALUE, line: 4, column: 23, endColumn: 65,
      fixes: [{
        title: PDO, applicability: 'unsafe',
        output: P + 'function find($name) {\n  $pdo = new PDO("mysql:host=localhost;dbname=app", $user, $pass);\n  $stmt = $pdo->prepare(\'SELECT * FROM users WHERE name = ?\');\n  $stmt->execute([$name]);\n  return $stmt->fetchAll();\n}\n',
      }],
    }],
  },
  {
    name: 'PDO: exec as a statement of its own becomes prepare()->execute(), concatenation',
    code: P + 'function remove(PDO $pdo, $email) {\n  $pdo->exec("DELETE FROM users WHERE email = \'" . $email . "\'");\n}\n',
    errors: [{
      messageId: VALUE, line: 3, column: 14, endColumn: 64,
      fixes: [{ title: PDO, output: P + 'function remove(PDO $pdo, $email) {\n  $pdo->prepare(\'DELETE FROM users WHERE email = ?\')->execute([$email]);\n}\n' }],
    }],
  },
  {
    name: 'PDO: a LIKE value with its wildcards moves into the bound value',
    code: P + 'function search(PDO $pdo, $q) {\n  $stmt = $pdo->query("SELECT * FROM posts WHERE title LIKE \'%$q%\'");\n  return $stmt->fetchAll(PDO::FETCH_ASSOC);\n}\n',
    errors: [{
      messageId: VALUE, line: 3, column: 23,
      fixes: [{
        title: PDO,
        output: P + 'function search(PDO $pdo, $q) {\n  $stmt = $pdo->prepare(\'SELECT * FROM posts WHERE title LIKE ?\');\n  $stmt->execute(["%{$q}%"]);\n  return $stmt->fetchAll(PDO::FETCH_ASSOC);\n}\n',
      }],
    }],
  },
  {
    name: 'PDO: SQL built in a local variable first, rewritten where it is built',
    code: P + 'function byStatus(PDO $db, $status, $id) {\n  $sql = "UPDATE orders SET status = \'$status\' WHERE id = " . $id;\n  $stmt = $db->query($sql);\n  return $stmt->rowCount();\n}\n',
    errors: [{
      messageId: VALUE, message: /`\$status`/, line: 4, column: 22, endColumn: 26,
      fixes: [{
        title: PDO,
        output: P + 'function byStatus(PDO $db, $status, $id) {\n  $sql = \'UPDATE orders SET status = ? WHERE id = ?\';\n  $stmt = $db->prepare($sql);\n  $stmt->execute([$status, $id]);\n  return $stmt->rowCount();\n}\n',
      }],
    }],
  },
  {
    name: 'PDO: more code after the statement on its line, execute() follows on the same line',
    code: P + 'function f(PDO $p, $a) { $stmt = $p->query("SELECT * FROM t WHERE a = \'$a\'"); return $stmt; }\n',
    errors: [{
      messageId: VALUE, line: 2, column: 44,
      fixes: [{ title: PDO, output: P + 'function f(PDO $p, $a) { $stmt = $p->prepare(\'SELECT * FROM t WHERE a = ?\'); $stmt->execute([$a]); return $stmt; }\n' }],
    }],
  },
  {
    name: 'PDO: a promoted constructor property',
    code: P + 'class Audit {\n  public function __construct(private \\PDO $pdo) {}\n  function log($who) {\n    $this->pdo->exec("INSERT INTO audit (who) VALUES (\'$who\')");\n  }\n}\n',
    errors: [{
      messageId: VALUE, line: 5, column: 22,
      fixes: [{
        title: PDO,
        output: P + 'class Audit {\n  public function __construct(private \\PDO $pdo) {}\n  function log($who) {\n    $this->pdo->prepare(\'INSERT INTO audit (who) VALUES (?)\')->execute([$who]);\n  }\n}\n',
      }],
    }],
  },
  {
    name: 'PDO: an untyped property that the constructor sets to new PDO',
    code: P + 'class Store {\n  private $db;\n  function __construct() { $this->db = new PDO("sqlite:app.db"); }\n  function drop($key) {\n    $this->db->exec("DELETE FROM kv WHERE k = \'$key\'");\n  }\n}\n',
    errors: [{
      messageId: VALUE, line: 6, column: 21, endColumn: 54,
      fixes: [{
        title: PDO,
        output: P + 'class Store {\n  private $db;\n  function __construct() { $this->db = new PDO("sqlite:app.db"); }\n  function drop($key) {\n    $this->db->prepare(\'DELETE FROM kv WHERE k = ?\')->execute([$key]);\n  }\n}\n',
      }],
    }],
  },
  {
    name: 'PDO: `global $db` of a script-level new PDO',
    code: P + '$db = new PDO($dsn);\nfunction seen($name) {\n  global $db;\n  $db->exec("UPDATE users SET seen = 1 WHERE name = \'" . $name . "\'");\n}\n',
    errors: [{
      messageId: VALUE, line: 5, column: 13,
      fixes: [{
        title: PDO,
        output: P + '$db = new PDO($dsn);\nfunction seen($name) {\n  global $db;\n  $db->prepare(\'UPDATE users SET seen = 1 WHERE name = ?\')->execute([$name]);\n}\n',
      }],
    }],
  },
  {
    name: 'PDO: an untyped $pdo parameter in a file that uses PDO (and never mysqli)',
    code: P + 'function open() { return new PDO("sqlite:app.db"); }\nfunction all($pdo, $status) {\n  $rows = $pdo->query("SELECT * FROM orders WHERE status = \'$status\'");\n  return $rows;\n}\n',
    errors: [{
      messageId: VALUE, line: 4, column: 23,
      fixes: [{
        title: PDO,
        output: P + 'function open() { return new PDO("sqlite:app.db"); }\nfunction all($pdo, $status) {\n  $rows = $pdo->prepare(\'SELECT * FROM orders WHERE status = ?\');\n  $rows->execute([$status]);\n  return $rows;\n}\n',
      }],
    }],
  },
  // --- no fix -----------------------------------------------------------------------------------------------------
  {
    name: 'no fix: a receiver of unknown type ($db untyped, the file names no driver)',
    code: P + 'function f($db, $a) {\n  $db->exec("DELETE FROM t WHERE a = \'$a\'");\n  $x = $db->query("SELECT * FROM t WHERE a = \'$a\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] }],
  },
  {
    name: 'no fix: $db by name in a file that uses both PDO and mysqli, and a name assigned both drivers',
    code: P + '$m = new mysqli($h);\n$p = new PDO($dsn);\n$c = new PDO($dsn);\n$c = new mysqli($h);\nfunction f($db, $a) { $db->exec("DELETE FROM t WHERE a = \'$a\'"); }\nfunction g($a) { global $c; $c->query("DELETE FROM t WHERE a = \'$a\'"); }\n',
    errors: [{ messageId: VALUE, line: 6, fixes: [] }, { messageId: VALUE, line: 7, fixes: [] }],
  },
  {
    name: 'no fix: in a PDO file, $pdo assigned from an unknown call, typed as another class, or an untyped property',
    code: P + '$p = new PDO($dsn);\nfunction g($a) { $pdo = connect(); $pdo->exec("DELETE FROM t WHERE a = \'$a\'"); }\nfunction h(Connection $pdo, $a) { $pdo->exec("DELETE FROM t WHERE a = \'$a\'"); }\nclass R { private $db; function __construct($c) { $this->db = $c; } function q($a) { $this->db->exec("DELETE FROM t WHERE a = \'$a\'"); } }\n',
    errors: [{ messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] }, { messageId: VALUE, line: 5, fixes: [] }],
  },
  {
    name: 'no fix: the row count of PDO exec is used',
    code: P + 'function f(PDO $pdo, $a) {\n  $n = $pdo->exec("DELETE FROM t WHERE a = \'$a\'");\n  return $pdo->exec("DELETE FROM u WHERE a = \'$a\'") > 0;\n}\n',
    errors: [{ messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] }],
  },
  {
    name: 'no fix: a PDO query read inline (foreach, return, a chained fetch)',
    code: P + 'function f(PDO $pdo, $a) {\n  foreach ($pdo->query("SELECT * FROM t WHERE a = \'$a\'") as $row) echo $row["b"];\n  $all = $pdo->query("SELECT * FROM u WHERE a = \'$a\'")->fetchAll();\n  return $pdo->query("SELECT * FROM v WHERE a = \'$a\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] }, { messageId: VALUE, line: 5, fixes: [] }],
  },
  {
    name: 'no fix: an assigned PDO query as the body of an if without braces, or assigned to a variable it reads',
    code: P + 'function f(PDO $pdo, $a) {\n  if ($a) $s = $pdo->query("SELECT * FROM t WHERE a = \'$a\'");\n  $a = $pdo->query("SELECT * FROM u WHERE a = \'$a\'");\n}\n',
    errors: [{ messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] }],
  },
  {
    name: 'no fix: mysqli real_query and multi_query, PDO prepare, and a mysqli result mode argument',
    code: P + 'function f(mysqli $m, PDO $p, $a) {\n  $m->real_query("SELECT * FROM t WHERE a = \'$a\'");\n  $m->multi_query("DELETE FROM t WHERE a = \'$a\'");\n  $s = $p->prepare("SELECT * FROM t WHERE a = \'$a\'");\n  $r = $m->query("SELECT * FROM t WHERE a = \'$a\'", MYSQLI_USE_RESULT);\n}\n',
    errors: [
      { messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] },
      { messageId: VALUE, line: 5, fixes: [] }, { messageId: VALUE, line: 6, fixes: [] },
    ],
  },
  {
    name: 'no fix: a LIMIT count (bound as a string it reads LIMIT \'10\'), two statements, a terminating semicolon',
    code: P + 'function f(PDO $p, mysqli $m, $n, $a) {\n  $p->exec("DELETE FROM t WHERE a = 1 LIMIT $n");\n  $r = $m->query("SELECT * FROM t LIMIT 10 OFFSET " . $n);\n  $p->exec("DELETE FROM t WHERE a = \'$a\'; DELETE FROM u");\n  $r = $m->query("SELECT * FROM t WHERE a = \'$a\';");\n}\n',
    errors: [
      { messageId: VALUE, line: 3, fixes: [] }, { messageId: VALUE, line: 4, fixes: [] },
      { messageId: VALUE, line: 5, fixes: [] }, { messageId: VALUE, line: 6, fixes: [] },
    ],
  },
];

const cases = [...invalid, ...driverFixes];
ruleTester(rule, { path: 'app/Repo.php', valid, invalid: cases });

// --- fix outputs parse --------------------------------------------------------------------------------------------

describe('rule sql/string-built-query (PHP) fix outputs', () => {
  itParsesFixOutputs('php', cases);
});

describe('rule sql/string-built-query (PHP) mysqli and PDO fix outputs', () => {
  itParsesFixOutputs('php', driverFixes, { path: 'app/Repo.php', messageId: VALUE });
});
