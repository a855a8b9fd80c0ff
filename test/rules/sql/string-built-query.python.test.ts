// Tests for sql/string-built-query in Python: sinks per driver, variable flow, precision, and each driver's fix.
import * as assert from 'node:assert/strict';
import { applyFix, checkFile, MemoryHost, type Rule } from '../../../server/src/engine';
import { parse, resetTreeSitter, walkTree, type SyntaxNode } from '../../../server/src/engine/languages/tree-sitter';
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { loadBundledWasm } from '../../../server/src/host-node';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { fixOutputs, withTree } from '../../helpers/sql-fixes';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const SQLITE = 'import sqlite3\n\n';
const PG = 'import psycopg2\n\n';
const DEF = 'def find(cur, name, uid):\n';

const valid: (string | { name: string; code: string })[] = [
  // Frappe: conditions built from placeholders, values bound; a frappe.db.sql outside a Frappe app is not this sink
  'import frappe\n\ndef report(filters):\n    cond = "docstatus = 1"\n    if filters.get("route"):\n        cond += " AND route = %(route)s"\n    return frappe.db.sql(f"SELECT name FROM `tabTrip` WHERE {cond}", filters, as_dict=True)\n',
  // sort columns checked against constants: a conditional choice, or a guard that leaves or resets
  { name: 'x if x in ALLOWED else default', code: PG + 'SORTS = {"name", "created"}\ndef list_(cur, request):\n    s = request.GET.get("sort")\n    sort = s if s in SORTS else "name"\n    cur.execute(f"SELECT * FROM t ORDER BY {sort}")\n' },
  { name: 'if x not in ALLOWED: x = default', code: PG + 'def list_(cur, request):\n    s = request.GET.get("sort")\n    if s not in ("name", "created"):\n        s = "name"\n    cur.execute(f"SELECT * FROM t ORDER BY {s}")\n' },
  { name: 'if x not in ALLOWED: raise', code: PG + 'DIRS = ["asc", "desc"]\ndef list_(cur, request):\n    d = request.GET.get("dir")\n    if d not in DIRS:\n        raise ValueError(d)\n    cur.execute(f"SELECT * FROM t ORDER BY id {d}")\n' },
  // a parameter named for a table: the callers pass the code's own tables
  { name: 'table from a parameter named for a table', code: PG + 'def purge(cur, table):\n    cur.execute(f"DELETE FROM {table}")\n' },
  { name: 'LIMIT from a parameter whose default is a number', code: PG + 'def recent(cur, batch_size=1000):\n    cur.execute("SELECT id FROM jobs ORDER BY id LIMIT {}".format(batch_size))\n' },
  { name: '%(name)s filled from a dict bound once with quoted names', code: PG + 'def drop(cur, conn, name):\n    params = {"db": conn.ops.quote_name(name)}\n    cur.execute("DROP DATABASE %(db)s" % params)\n' },
  // constants and parameters
  SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name = ?", (name,))\n',
  PG + DEF + '    cur.execute("SELECT * FROM users WHERE name = %s AND id = %s", (name, uid))\n',
  PG + DEF + '    cur.execute("SELECT * FROM users WHERE name = %(name)s", {"name": name})\n',
  { name: 'Bandit B608 good: % placeholders with the values as the second argument', code: PG + DEF + '    cur.execute("SELECT * FROM foo WHERE id = \'%s\'", uid)\n' },
  PG + 'TABLE = "users"\n' + DEF + '    cur.execute(f"SELECT * FROM {TABLE} WHERE id = %s", (uid,))\n',
  PG + 'COLUMNS = ["id", "name"]\n' + DEF + '    cur.execute("SELECT %s FROM users" % ", ".join(COLUMNS))\n',
  PG + DEF + '    table = "users"\n    cur.execute("DELETE FROM " + table + " WHERE id = %s", (uid,))\n',
  PG + DEF + '    cur.execute("SELECT * FROM users WHERE id = %d" % uid)\n',
  PG + DEF + '    cur.execute(f"SELECT * FROM users LIMIT {int(uid)} OFFSET {uid * 20}")\n',
  PG + DEF + '    cur.execute(f"SELECT * FROM users WHERE id = {uid:d}")\n',
  PG + DEF + '    cur.execute("SELECT * FROM t WHERE id = {}".format(len(name)))\n',
  // allow-lists and choices between constants
  PG + 'SORTS = {"name": "name", "created": "created_at"}\n' + DEF + '    cur.execute(f"SELECT * FROM users ORDER BY {SORTS[name]}")\n',
  PG + 'SORTS = {"name": "name", "created": "created_at"}\n' + DEF + '    cur.execute(f"SELECT * FROM users ORDER BY {SORTS.get(name, \'name\')}")\n',
  PG + DEF + '    direction = "DESC" if uid else "ASC"\n    cur.execute(f"SELECT * FROM users ORDER BY id {direction}")\n',
  PG + DEF + '    for table in ("sessions", "tokens"):\n        cur.execute(f"DELETE FROM {table} WHERE user_id = %s", (uid,))\n',
  // placeholder lists
  PG + 'def find(cur, ids):\n    cur.execute("SELECT * FROM users WHERE id IN (%s)" % ",".join(["%s"] * len(ids)), ids)\n',
  SQLITE + 'def find(cur, ids):\n    marks = ", ".join("?" for _ in ids)\n    cur.execute(f"SELECT * FROM users WHERE id IN ({marks})", ids)\n',
  SQLITE + 'def find(cur, ids):\n    cur.execute("SELECT * FROM users WHERE id IN (" + ",".join("?" * len(ids)) + ")", ids)\n',
  // fragments with parameters, developer-controlled names
  PG + 'def find(cur, where, params):\n    cur.execute("SELECT * FROM users WHERE " + " AND ".join(where), params)\n',
  PG + 'class Repo:\n    def find(self, cur, uid):\n        cur.execute(f"SELECT * FROM {self.table} WHERE id = %s", (uid,))\n',
  'from django.db import connection\n\ndef find(uid):\n    with connection.cursor() as c:\n        c.execute("SELECT * FROM %s WHERE id = %%s" % User._meta.db_table, [uid])\n',
  // variables built from constants only, `+=` appends of placeholders
  PG + DEF + '    sql = "SELECT * FROM users WHERE 1 = 1"\n    params = []\n    if name:\n        sql += " AND name = %s"\n        params.append(name)\n    cur.execute(sql, params)\n',
  PG + DEF + '    sql = "SELECT * FROM users WHERE id = %s"\n    cur.execute(sql, (uid,))\n',
  // text that never reaches a query call
  PG + DEF + '    logger.info(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
  PG + DEF + '    raise ValueError(f"DELETE FROM users failed for {name}")\n',
  PG + DEF + '    print("Select from the menu " + name)\n',
  PG + DEF + '    query = f"SELECT * FROM users WHERE name = \'{name}\'"\n    return query\n',
  // prose, and query-named calls that are not databases
  PG + DEF + '    cur.execute("please select one from " + name)\n',
  PG + DEF + '    subprocess.execute(f"select {name} from x")\n',
  PG + DEF + '    self.fetch(f"https://api.example.com/users/{name}")\n',
  // psycopg2.sql composition is how identifiers are built safely
  'from psycopg2 import sql\n\n' + DEF + '    cur.execute(sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(name)), (uid,))\n',
  // SQLAlchemy text() with bind parameters, and a `text` that is not SQLAlchemy's
  'from sqlalchemy import text\n\n' + DEF + '    cur.execute(text("SELECT * FROM users WHERE id = :id"), {"id": uid})\n',
  DEF + '    cur.execute(text(f"SELECT * FROM users WHERE id = {uid}"))\n',
  // numbers and escaped values
  PG + DEF + '    cur.execute(f"SELECT * FROM users WHERE created > \'{datetime.now().isoformat()}\'")\n',
  'import pymysql\n\n' + DEF + '    cur.execute("SELECT * FROM users WHERE name = \'%s\'" % pymysql.converters.escape_string(name))\n',
  // typed parameters, primary keys, escapers (and local aliases of them), more placeholder lists
  PG + 'def find(cur, uid: int, user):\n    cur.execute(f"SELECT * FROM users WHERE id = {uid} OR id = {user.pk}")\n',
  'from django.db import connection\n\ndef cols(cursor, table, cols):\n    qn = connection.ops.quote_name\n    cursor.execute("SELECT %s FROM %s" % (", ".join(qn(c) for c in cols), qn(table)))\n',
  SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name = \'%s\'" % name.replace("\'", "\'\'"))\n',
  PG + 'def find(cur, ids):\n    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join(map(lambda _: "%s", ids)), ids)\n',
  PG + 'def find(cur, ids):\n    marks = ("%s," * len(ids))[:-1]\n    cur.execute(f"SELECT * FROM t WHERE id IN ({marks})", ids)\n',
  // a value in a comment
  PG + DEF + '    cur.execute(f"SELECT * FROM users -- for {name}\\nWHERE id = %s", (uid,))\n',
  // broken code: the call has a syntax error
  PG + DEF + '    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'",, )\n',
  // Query clauses: expressions, bound text, Django field names
  'from sqlalchemy import text\n\ndef find(session, User, name):\n    return session.query(User).filter(User.name == name).order_by(User.created.desc()).all()\n',
  'from sqlalchemy import text\n\ndef find(session, User, name):\n    return session.query(User).filter(text("name = :n").bindparams(n=name)).all()\n',
  { name: 'Django order_by takes field names', code: 'def listing(request, Article):\n    field = request.GET.get("sort", "created")\n    query = Article.objects.filter(published=True)\n    return query.order_by(f"-{field}")\n' },
  'def listing(request, Article):\n    field = request.GET.get("sort", "created")\n    return Article.objects.order_by("-%s" % field).distinct()\n',
  'def adults(df, age):\n    return df.filter(f"age > {age}")\n',  // scalar, text and literal_column that are not SQLAlchemy's, or carry no SQL
  'import sqlalchemy\n\ndef count(session, User, name):\n    return session.scalar(sqlalchemy.select(sqlalchemy.func.count()).where(User.name == name))\n',
  'def record(metrics, name):\n    metrics.scalar(f"requests_{name}")\n',
  'def label(page, name):\n    return page.text(f"Hello {name}, select an option")\n',
  'def greet(db, name):\n    return db.text(f"Hello {name}")\n',
  'def tag(literal_column, name):\n    return literal_column(f"\'{name}\'")\n',
  'from sqlalchemy import literal_column\n\ndef tag():\n    return literal_column("\'fixed\'")\n',
  'from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\ndef by_city(city):\n    return db.text("city = :city").bindparams(city=city)\n',
  'import aiosqlite\n\nasync def tags(db, tag):\n    return await db.execute_fetchall("SELECT * FROM tags WHERE tag = ?", (tag,))\n',  // query/sql that are not DuckDB or Spark, and Spark's own parameters
  'import duckdb\nimport pandas as pd\n\ndef adults(df, age):\n    return df.query(f"age > {age}")\n',
  'def find(api, name):\n    return api.query(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
  'def find(builder, name):\n    return builder.sql(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
  'from pyspark.sql import SparkSession\n\ndef sales(spark, region):\n    return spark.sql("SELECT * FROM sales WHERE region = :region", args={"region": region})\n',
];

const invalid: InvalidCase[] = [
  {
    name: 'Frappe: frappe.db.sql with an f-string gets %s and a values tuple before its keywords',
    code: 'import frappe\n\ndef report(company, since):\n    return frappe.db.sql(f"SELECT name FROM `tabInvoice` WHERE company = \'{company}\' AND posted > \'{since}\'", as_dict=1)\n',
    errors: [{ messageId: VALUE, line: 4, column: 26, fixes: [{ title: 'Parameterize query', output: 'import frappe\n\ndef report(company, since):\n    return frappe.db.sql("SELECT name FROM `tabInvoice` WHERE company = %s AND posted > %s", (company, since), as_dict=1)\n' }] }],
  },
  {
    name: 'Frappe: frappe.db.sql_list with named values already bound: no fix',
    code: 'import frappe\n\ndef names(filters, owner):\n    return frappe.db.sql_list(f"SELECT name FROM `tabTask` WHERE status = %(status)s AND owner = \'{owner}\'", filters)\n',
    errors: [{ messageId: VALUE, line: 4, column: 31, fixes: [] }],
  },
  // --- sqlite3: ? ---------------------------------------------------------------------------------------------
  {
    name: 'sqlite3: f-string with a quoted value',
    code: SQLITE + DEF + '    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `name`: pass it as a query parameter instead (SQL injection).',
      line: 4, column: 17, endLine: 4, endColumn: 61,
      fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name = ?", (name,))\n' }],
    }],
  },
  {
    name: 'sqlite3: % formatting with a tuple, merged in text order with an existing ?',
    code: SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name = \'%s\' AND id = ?" % (name,), (uid,))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17, endColumn: 77,
      fixes: [{ output: SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))\n' }],
    }],
  },
  {
    name: 'sqlite3: LIKE wildcards move into the value',
    code: SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name LIKE \'%" + name + "%\'")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name LIKE ?", (f"%{name}%",))\n' }],
    }],
  },
  {
    name: 'sqlite3: .format() with positional and keyword fields',
    code: SQLITE + DEF + '    cur.execute("UPDATE users SET name = \'{}\' WHERE id = {id}".format(name, id=uid))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17, endColumn: 84,
      fixes: [{ output: SQLITE + DEF + '    cur.execute("UPDATE users SET name = ? WHERE id = ?", (name, uid))\n' }],
    }],
  },
  {
    name: 'sqlite3: a local variable assigned once and read once is rewritten where it is built',
    code: SQLITE + DEF + '    sql = "DELETE FROM users WHERE id = %s" % uid\n    cur.execute(sql)\n',
    errors: [{
      messageId: VALUE, line: 5, column: 17, endColumn: 20,
      fixes: [{ output: SQLITE + DEF + '    sql = "DELETE FROM users WHERE id = ?"\n    cur.execute(sql, (uid,))\n' }],
    }],
  },
  {
    name: 'sqlite3: += appends are followed (no fix)',
    code: SQLITE + DEF + '    sql = "SELECT * FROM users"\n    if name:\n        sql += " WHERE name = \'" + name + "\'"\n    cur.execute(sql)\n',
    errors: [{ messageId: VALUE, line: 7, column: 17, endColumn: 20, fixes: [] }],
  },
  {
    name: 'sqlite3: sql = sql + ... appends are followed (no fix)',
    code: SQLITE + DEF + '    sql = "SELECT * FROM users WHERE 1 = 1"\n    sql = sql + " AND id = " + str(uid)\n    conn.execute(sql)\n',
    errors: [{ messageId: VALUE, line: 6, column: 18, message: /`str\(uid\)`/, fixes: [] }],
  },
  {
    name: 'sqlite3: "...[VALUE]...".replace("[VALUE]", x) (Bandit B608)',
    code: SQLITE + DEF + '    cur.execute("SELECT * FROM foo WHERE id = \'[VALUE]\'".replace("[VALUE]", name))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: SQLITE + DEF + '    cur.execute("SELECT * FROM foo WHERE id = ?", (name,))\n' }],
    }],
  },
  {
    name: 'asyncpg: a cursor over built SQL (no fix)',
    code: 'import asyncpg\n\nasync def rows(conn, name):\n    async with conn.transaction():\n        return await conn.cursor(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
    errors: [{ messageId: VALUE, line: 5, column: 34, fixes: [] }],
  },
  {
    name: 'sqlite3: executescript takes no parameters, so one statement becomes execute()',
    code: SQLITE + DEF + '    cur.executescript(f"DELETE FROM users WHERE name = \'{name}\';")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 23,
      fixes: [{ title: 'Parameterize query (executescript → execute with ? placeholders)', output: SQLITE + DEF + '    cur.execute("DELETE FROM users WHERE name = ?;", (name,))\n' }],
    }],
  },
  {
    name: 'sqlite3: an executescript of several statements keeps no fix',
    code: SQLITE + DEF + '    cur.executescript(f"DELETE FROM a WHERE n = \'{name}\'; DELETE FROM b WHERE n = \'{name}\';")\n',
    errors: [{ messageId: VALUE, line: 4, column: 23, fixes: [] }],
  },
  {
    name: 'sqlite3: raw string stays raw',
    code: SQLITE + DEF + '    cur.execute(r"SELECT * FROM t WHERE a GLOB \'[0-9]\\d\' AND b = " + name)\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: SQLITE + DEF + '    cur.execute(r"SELECT * FROM t WHERE a GLOB \'[0-9]\\d\' AND b = ?", (name,))\n' }],
    }],
  },
  // --- psycopg2 / PyMySQL / mysql-connector: %s ---------------------------------------------------------------
  {
    name: 'psycopg2: literal % is doubled when parameters are added',
    code: PG + DEF + '    cur.execute(f"SELECT * FROM users WHERE email LIKE \'%@example.com\' AND id = {uid}")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17, endColumn: 87,
      fixes: [{ output: PG + DEF + '    cur.execute("SELECT * FROM users WHERE email LIKE \'%%@example.com\' AND id = %s", (uid,))\n' }],
    }],
  },
  {
    name: 'psycopg2: merged into an existing list after the existing %s, %% kept',
    code: PG + DEF + '    cur.execute("SELECT * FROM users WHERE id = %s AND tag LIKE \'x%%\' AND name = \'" + name + "\'", [uid])\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: PG + DEF + '    cur.execute("SELECT * FROM users WHERE id = %s AND tag LIKE \'x%%\' AND name = %s", [uid, name])\n' }],
    }],
  },
  {
    name: 'psycopg2: %(name)s with a dict literal',
    code: PG + DEF + '    cur.execute("SELECT * FROM users WHERE name = \'%(n)s\' AND active = %(a)s" % {"n": name, "a": "true"})\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: PG + DEF + '    cur.execute("SELECT * FROM users WHERE name = %s AND active = true", (name,))\n' }],
    }],
  },
  {
    name: 'psycopg2: a developer-controlled table stays an f-string field',
    code: PG + 'class Repo:\n    def find(self, cur, uid):\n        cur.execute(f"SELECT * FROM {self.table} WHERE id = {uid}")\n',
    errors: [{
      messageId: VALUE, line: 5, column: 21,
      fixes: [{ output: PG + 'class Repo:\n    def find(self, cur, uid):\n        cur.execute(f"SELECT * FROM {self.table} WHERE id = %s", (uid,))\n' }],
    }],
  },
  {
    name: 'psycopg2: triple-quoted multi-line query',
    code: PG + DEF + '    cur.execute("""\n        SELECT *\n        FROM users\n        WHERE name = \'%s\'\n    """ % name)\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17, endLine: 8, endColumn: 15,
      fixes: [{ output: PG + DEF + '    cur.execute("""\n        SELECT *\n        FROM users\n        WHERE name = %s\n    """, (name,))\n' }],
    }],
  },
  {
    name: 'psycopg2: mogrify',
    code: PG + DEF + '    return cur.mogrify(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 24, fixes: [{ output: PG + DEF + '    return cur.mogrify("SELECT * FROM users WHERE name = %s", (name,))\n' }] }],
  },
  {
    name: 'psycopg2: the values of a non-literal params argument cannot be merged (no fix)',
    code: PG + DEF + '    cur.execute(f"SELECT * FROM users WHERE id = %s AND name = \'{name}\'", params)\n',
    errors: [{ messageId: VALUE, line: 4, column: 17, fixes: [] }],
  },
  {
    name: 'PyMySQL: concatenation reaching cursor.execute',
    code: 'import pymysql\n\n' + DEF + '    cur.execute("SELECT * FROM users WHERE name = \'" + name + "\' AND id = " + str(uid))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: 'import pymysql\n\n' + DEF + '    cur.execute("SELECT * FROM users WHERE name = %s AND id = %s", (name, str(uid)))\n' }],
    }],
  },
  {
    name: 'mysql-connector: cursor from cnx.cursor(), a literal % stays single (it only substitutes %s)',
    code: 'import mysql.connector\n\ndef find(cnx, name):\n    cnx.cursor().execute(f"DELETE FROM users WHERE name = \'{name}\' AND note LIKE \'x%\'")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 26,
      fixes: [{ output: 'import mysql.connector\n\ndef find(cnx, name):\n    cnx.cursor().execute("DELETE FROM users WHERE name = %s AND note LIKE \'x%\'", (name,))\n' }],
    }],
  },
  // --- Django ----------------------------------------------------------------------------------------------------
  {
    name: 'Django: connection.cursor() in a with block',
    code: 'from django.db import connection\n\ndef rename(uid, name):\n    with connection.cursor() as cursor:\n        cursor.execute(f"UPDATE app_user SET name = \'{name}\' WHERE id = {uid}")\n',
    errors: [{
      messageId: VALUE, line: 5, column: 24,
      fixes: [{ output: 'from django.db import connection\n\ndef rename(uid, name):\n    with connection.cursor() as cursor:\n        cursor.execute("UPDATE app_user SET name = %s WHERE id = %s", (name, uid))\n' }],
    }],
  },
  {
    name: 'Django: Model.objects.raw() gets a params list',
    code: 'from django.db import models\n\ndef find(request):\n    return Person.objects.raw("SELECT * FROM app_person WHERE last_name = \'%s\'" % request.GET["name"])\n',
    errors: [{
      messageId: VALUE, line: 4, column: 31, message: /`request\.GET\["name"\]`/,
      fixes: [{ output: 'from django.db import models\n\ndef find(request):\n    return Person.objects.raw("SELECT * FROM app_person WHERE last_name = %s", [request.GET["name"]])\n' }],
    }],
  },
  {
    name: 'Django: RawSQL merges into its params',
    code: 'from django.db.models.expressions import RawSQL\n\ndef find(q):\n    return Entry.objects.annotate(v=RawSQL("SELECT col FROM t WHERE other = \'%s\'" % q, []))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 44,
      fixes: [{ output: 'from django.db.models.expressions import RawSQL\n\ndef find(q):\n    return Entry.objects.annotate(v=RawSQL("SELECT col FROM t WHERE other = %s", [q]))\n' }],
    }],
  },
  {
    name: 'Django: .extra(where=[...]) (no fix)',
    code: 'from django.db import models\n\ndef find(request):\n    return Entry.objects.extra(where=["headline = \'%s\'" % request.GET["q"]])\n',
    errors: [{ messageId: VALUE, line: 4, column: 39, fixes: [] }],
  },
  // --- SQLAlchemy ----------------------------------------------------------------------------------------------
  {
    name: 'SQLAlchemy: text() passed to execute gets a dict of bind parameters',
    code: 'from sqlalchemy import text\n\ndef find(session, name):\n    return session.execute(text(f"SELECT * FROM users WHERE name = \'{name}\'"))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 33,
      fixes: [{ output: 'from sqlalchemy import text\n\ndef find(session, name):\n    return session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: merged into an existing dict, avoiding a bind name in use',
    code: 'import sqlalchemy as sa\n\ndef find(conn, user, uid):\n    conn.execute(sa.text("SELECT * FROM t WHERE id = :name AND owner = \'" + user.name + "\'"), {"name": uid})\n',
    errors: [{
      messageId: VALUE, line: 4, column: 26,
      fixes: [{ output: 'import sqlalchemy as sa\n\ndef find(conn, user, uid):\n    conn.execute(sa.text("SELECT * FROM t WHERE id = :name AND owner = :name_2"), {"name": uid, "name_2": user.name})\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: text() elsewhere gets .bindparams()',
    code: 'from sqlalchemy import select, text\n\ndef find(q):\n    return select(User).where(text("name = \'" + q + "\'"))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 36,
      fixes: [{ output: 'from sqlalchemy import select, text\n\ndef find(q):\n    return select(User).where(text("name = :q").bindparams(q=q))\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: a plain string to session.execute is wrapped in text()',
    code: 'from sqlalchemy import text\n\ndef find(session, uid):\n    session.execute("DELETE FROM users WHERE id = %s" % uid)\n',
    errors: [{
      messageId: VALUE, line: 4, column: 21,
      fixes: [{ output: 'from sqlalchemy import text\n\ndef find(session, uid):\n    session.execute(text("DELETE FROM users WHERE id = :uid"), {"uid": uid})\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: engine.execute with a string, text() through the module (Bandit B608)',
    code: 'import sqlalchemy\n\ndef find(engine, identifier):\n    engine.execute("SELECT * FROM foo WHERE id = \'%s\'" % identifier)\n',
    errors: [{
      messageId: VALUE, line: 4, column: 20,
      fixes: [{ output: 'import sqlalchemy\n\ndef find(engine, identifier):\n    engine.execute(sqlalchemy.text("SELECT * FROM foo WHERE id = :identifier"), {"identifier": identifier})\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: exec_driver_sql with an unknown driver (no fix)',
    code: 'from sqlalchemy import create_engine\n\ndef find(conn, name):\n    conn.exec_driver_sql(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 26, fixes: [] }],
  },
  // --- asyncpg ---------------------------------------------------------------------------------------------------
  {
    name: 'asyncpg: fetch with $1',
    code: 'import asyncpg\n\nasync def find(conn, uid):\n    return await conn.fetch(f"SELECT * FROM users WHERE id = {uid}")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 29,
      fixes: [{ output: 'import asyncpg\n\nasync def find(conn, uid):\n    return await conn.fetch("SELECT * FROM users WHERE id = $1", uid)\n' }],
    }],
  },
  {
    name: 'asyncpg: numbered after the existing $1, before keyword arguments',
    code: 'import asyncpg\n\nasync def find(pool, uid, name):\n    return await pool.fetchval(f"SELECT count(*) FROM t WHERE a = $1 AND b = \'{name}\'", uid, timeout=5)\n',
    errors: [{
      messageId: VALUE, line: 4, column: 32,
      fixes: [{ output: 'import asyncpg\n\nasync def find(pool, uid, name):\n    return await pool.fetchval("SELECT count(*) FROM t WHERE a = $1 AND b = $2", uid, name, timeout=5)\n' }],
    }],
  },
  // --- pandas ----------------------------------------------------------------------------------------------------
  {
    name: 'pandas: read_sql over sqlite3 gets params=',
    code: 'import sqlite3\nimport pandas as pd\n\ndef load(con, name):\n    return pd.read_sql(f"SELECT * FROM users WHERE name = \'{name}\'", con)\n',
    errors: [{
      messageId: VALUE, line: 5, column: 24,
      fixes: [{ output: 'import sqlite3\nimport pandas as pd\n\ndef load(con, name):\n    return pd.read_sql("SELECT * FROM users WHERE name = ?", con, params=(name,))\n' }],
    }],
  },
  {
    name: 'pandas: read_sql_query over psycopg2 merges into params=',
    code: 'import psycopg2\nimport pandas as pd\n\ndef load(con, name, uid):\n    return pd.read_sql_query("SELECT * FROM t WHERE id = %s AND name = \'" + name + "\'", con, params=[uid])\n',
    errors: [{
      messageId: VALUE, line: 5, column: 30,
      fixes: [{ output: 'import psycopg2\nimport pandas as pd\n\ndef load(con, name, uid):\n    return pd.read_sql_query("SELECT * FROM t WHERE id = %s AND name = %s", con, params=[uid, name])\n' }],
    }],
  },
  {
    name: 'pandas: unknown driver (no fix)',
    code: 'import pandas as pd\n\ndef load(engine, name):\n    return pd.read_sql(f"SELECT * FROM users WHERE name = \'{name}\'", engine)\n',
    errors: [{ messageId: VALUE, line: 4, column: 24, fixes: [] }],
  },
  // --- unknown driver, identifiers, lists ------------------------------------------------------------------------
  {
    name: 'no driver import, a cursor handed in: %s assumed, and the title says so',
    code: DEF + '    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\' AND note LIKE \'5%\'")\n',
    errors: [{
      messageId: VALUE, line: 2, column: 17,
      fixes: [{
        title: 'Parameterize query (assumed %s placeholders: no driver import says which)',
        output: DEF + '    cur.execute("SELECT * FROM users WHERE name = %s AND note LIKE \'5%%\'", (name,))\n',
      }],
    }],
  },
  {
    name: 'no driver import and not a cursor: no fix',
    code: DEF + '    db.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
    errors: [{ messageId: VALUE, line: 2, column: 16, fixes: [] }],
  },
  {
    name: 'a file importing two drivers with different styles: no fix',
    code: 'import sqlite3\nimport psycopg2\n\n' + DEF + '    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
    errors: [{ messageId: VALUE, line: 5, column: 17, fixes: [] }],
  },
  {
    name: 'a membership check that does not leave or reset the value',
    code: PG + 'def list_(cur, request):\n    s = request.GET.get("sort")\n    if s not in ("name", "created"):\n        print("unexpected sort")\n    cur.execute(f"SELECT * FROM t ORDER BY {s}")\n',
    errors: [{ messageId: IDENT, line: 7, column: 17 }],
  },
  {
    name: 'a value written again after its membership check',
    code: PG + 'def list_(cur, request):\n    s = request.GET.get("sort")\n    if s not in ("name", "created"):\n        return None\n    s = request.GET.get("other")\n    cur.execute(f"SELECT * FROM t ORDER BY {s}")\n',
    errors: [{ messageId: IDENT, line: 8, column: 17 }],
  },
  {
    name: '%(name)s filled from a dict written after it was bound',
    code: PG + 'def drop(cur, conn, name):\n    params = {"db": conn.ops.quote_name(name)}\n    params["db"] = name\n    cur.execute("DROP DATABASE %(db)s" % params)\n',
    errors: [{ messageId: IDENT, line: 6, column: 17 }],
  },
  {
    name: 'a number default does not cover an annotated str parameter',
    code: PG + 'def recent(cur, size: str = "10"):\n    cur.execute("SELECT id FROM jobs LIMIT " + size)\n',
    errors: [{ messageId: VALUE, line: 4, column: 17 }],
  },
  {
    name: 'interpolated table name read from the request',
    code: PG + 'def purge(cur, request):\n    table = request.args["t"]\n    cur.execute(f"DELETE FROM {table}")\n',
    errors: [{
      messageId: IDENT, line: 5, column: 17, endColumn: 39,
      message: 'SQL structure (table or column name, sort order, fragment) built from `table`: a placeholder cannot stand for it; check it against an allow-list.',
      fixes: [],
    }],
  },
  {
    name: 'interpolated ORDER BY column, even with parameters',
    code: PG + 'def find(cur, sort, uid):\n    cur.execute("SELECT * FROM users WHERE id = %s ORDER BY " + sort, (uid,))\n',
    errors: [{ messageId: IDENT, line: 4, column: 17, fixes: [] }],
  },
  {
    name: 'a fragment without parameters',
    code: PG + 'def find(cur, where):\n    cur.execute("SELECT * FROM users WHERE " + where)\n',
    errors: [{ messageId: IDENT, line: 4, column: 17 }],
  },
  {
    name: 'a joined list in IN (...) cannot be one placeholder (no fix)',
    code: PG + 'def find(cur, ids):\n    cur.execute(f"SELECT * FROM users WHERE id IN ({\',\'.join(ids)})")\n',
    errors: [{ messageId: VALUE, line: 4, column: 17, fixes: [] }],
  },
  {
    name: 'executemany with a built statement (no fix)',
    code: PG + 'def save(cur, table, rows, tag):\n    cur.executemany(f"INSERT INTO log (tag, v) VALUES (\'{tag}\', %s)", rows)\n',
    errors: [{ messageId: VALUE, line: 4, column: 21, fixes: [] }],
  },
  {
    name: 'legacy SQLAlchemy: a string clause passed to Query.filter is raw SQL',
    code: 'def search(session, User, request):\n    term = request.args.get("q")\n    return session.query(User).filter("name LIKE \'%{}%\'".format(term)).all()\n',
    errors: [{ messageId: VALUE, message: /`term`/, line: 3, column: 39, fixes: [] }],
  },
  {
    name: 'Flask-SQLAlchemy: Model.query.order_by and group_by with formatted text',
    code: 'def report(User, sort, col):\n    rows = User.query.order_by(f"{sort} DESC").all()\n    return User.query.group_by("{}".format(col)).all()\n',
    errors: [{ messageId: IDENT, line: 2, column: 32, fixes: [] }, { messageId: IDENT, line: 3, column: 32, fixes: [] }],
  },
  {
    name: 'module-level script code',
    code: SQLITE + 'import sys\nconn = sqlite3.connect("app.db")\nconn.execute("DELETE FROM users WHERE name = \'%s\'" % sys.argv[1])\n',
    errors: [{
      messageId: VALUE, line: 5, column: 14,
      fixes: [{ output: SQLITE + 'import sys\nconn = sqlite3.connect("app.db")\nconn.execute("DELETE FROM users WHERE name = ?", (sys.argv[1],))\n' }],
    }],
  },
  // --- more sinks: SQLAlchemy scalar/TextClause/literal_column, Flask-SQLAlchemy db.text, Cassandra, ClickHouse, aiosqlite --
  {
    name: 'SQLAlchemy: Session.scalar takes a statement like execute',
    code: 'from sqlalchemy import text\n\ndef count_orders(session, region):\n    return session.scalar(f"SELECT count(*) FROM orders WHERE region = \'{region}\'")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 27,
      fixes: [{ output: 'from sqlalchemy import text\n\ndef count_orders(session, region):\n    return session.scalar(text("SELECT count(*) FROM orders WHERE region = :region"), {"region": region})\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: scalar(statement=...) is reported without a fix',
    code: 'import sqlalchemy\n\ndef newest(conn, kind):\n    return conn.scalar(statement="SELECT max(id) FROM events WHERE kind = \'" + kind + "\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 34, fixes: [] }],
  },
  {
    name: 'SQLAlchemy: TextClause built in place gets bindparams',
    code: 'from sqlalchemy.sql.expression import TextClause\n\ndef by_city(city):\n    return TextClause("city = \'%s\'" % city)\n',
    errors: [{
      messageId: VALUE, line: 4, column: 23,
      fixes: [{ output: 'from sqlalchemy.sql.expression import TextClause\n\ndef by_city(city):\n    return TextClause("city = :city").bindparams(city=city)\n' }],
    }],
  },
  {
    name: 'SQLAlchemy: text(text=...) as a keyword (no fix)',
    code: 'import sqlalchemy\n\ndef by_city(city):\n    return sqlalchemy.text(text=f"city = \'{city}\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 33, fixes: [] }],
  },
  {
    name: 'SQLAlchemy: literal_column text is raw SQL (no fix)',
    code: 'from sqlalchemy import literal_column, select\n\ndef labelled(label):\n    return select(literal_column(f"\'{label}\'").label("tag"))\n',
    errors: [{ messageId: VALUE, line: 4, column: 34, fixes: [] }],
  },
  {
    name: 'Flask-SQLAlchemy: db.text on the instance created in this file is a text() fragment',
    code: 'from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\ndef by_city(city):\n    return db.text(f"city = \'{city}\'")\n',
    errors: [{
      messageId: VALUE, line: 6, column: 20,
      fixes: [{ output: 'from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\ndef by_city(city):\n    return db.text("city = :city").bindparams(city=city)\n' }],
    }],
  },
  {
    name: 'Flask-SQLAlchemy: db imported from the app, a statement in db.text passed to execute',
    code: 'from app import db\n\ndef purge(tag):\n    db.session.execute(db.text("DELETE FROM notes WHERE tag = \'" + tag + "\'"))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 32,
      fixes: [{ output: 'from app import db\n\ndef purge(tag):\n    db.session.execute(db.text("DELETE FROM notes WHERE tag = :tag"), {"tag": tag})\n' }],
    }],
  },
  {
    name: 'Cassandra: session.execute takes %s and a tuple',
    code: 'from cassandra.cluster import Cluster\n\ndef visits(session, page):\n    return session.execute(f"SELECT * FROM visits WHERE page = \'{page}\' AND pct > 5%")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 28,
      fixes: [{ output: 'from cassandra.cluster import Cluster\n\ndef visits(session, page):\n    return session.execute("SELECT * FROM visits WHERE page = %s AND pct > 5%%", (page,))\n' }],
    }],
  },
  {
    name: 'Cassandra: execute_async (no fix)',
    code: 'from cassandra.cluster import Cluster\n\ndef visits(session, page):\n    return session.execute_async(f"SELECT * FROM visits WHERE page = \'{page}\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 34, fixes: [] }],
  },
  {
    name: 'ClickHouse: execute_iter and execute_with_progress (no fix)',
    code: 'import clickhouse_driver\n\ndef hits(client, host):\n    rows = client.execute_iter(f"SELECT * FROM hits WHERE host = \'{host}\'")\n    return client.execute_with_progress("SELECT count() FROM hits WHERE host = \'%s\'" % host)\n',
    errors: [{ messageId: VALUE, line: 4, column: 32, fixes: [] }, { messageId: VALUE, line: 5, column: 41, fixes: [] }],
  },
  {
    name: 'ClickHouse: a cursor in a clickhouse_driver file does not get an assumed %s fix',
    code: 'from clickhouse_driver import connect\n\ndef hits(cur, host):\n    cur.execute(f"SELECT * FROM hits WHERE host = \'{host}\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 17, fixes: [] }],
  },
  {
    name: 'Oracle: a cursor in an oracledb file does not get an assumed %s fix',
    code: 'import oracledb\n\ndef staff(cur, dept):\n    cur.execute("SELECT * FROM staff WHERE dept = \'" + dept + "\'")\n',
    errors: [{ messageId: VALUE, line: 4, column: 17, fixes: [] }],
  },
  {
    name: 'SAP HANA (hdbcli): ? placeholders',
    code: 'from hdbcli import dbapi\n\ndef staff(cur, dept):\n    sql = "SELECT * FROM staff WHERE dept = \'" + dept + "\'"\n    cur.execute(sql)\n',
    errors: [{
      messageId: VALUE, line: 5, column: 17,
      fixes: [{ output: 'from hdbcli import dbapi\n\ndef staff(cur, dept):\n    sql = "SELECT * FROM staff WHERE dept = ?"\n    cur.execute(sql, (dept,))\n' }],
    }],
  },
  {
    name: 'MariaDB connector: ? placeholders',
    code: 'import mariadb\n\ndef staff(cur, dept):\n    cur.execute("SELECT * FROM staff WHERE dept = \'{}\'".format(dept))\n',
    errors: [{
      messageId: VALUE, line: 4, column: 17,
      fixes: [{ output: 'import mariadb\n\ndef staff(cur, dept):\n    cur.execute("SELECT * FROM staff WHERE dept = ?", (dept,))\n' }],
    }],
  },
  {
    name: 'aiosqlite: execute_fetchall and execute_insert take ? and a parameters tuple',
    code: 'import aiosqlite\n\nasync def tags(db, tag, uid):\n    await db.execute_insert(f"INSERT INTO tags (uid, tag) VALUES (?, \'{tag}\')", (uid,))\n    return await db.execute_fetchall(f"SELECT * FROM tags WHERE tag = \'{tag}\'")\n',
    errors: [{
      messageId: VALUE, line: 4, column: 29,
      fixes: [{ output: 'import aiosqlite\n\nasync def tags(db, tag, uid):\n    await db.execute_insert("INSERT INTO tags (uid, tag) VALUES (?, ?)", (uid, tag))\n    return await db.execute_fetchall(f"SELECT * FROM tags WHERE tag = \'{tag}\'")\n' }],
    }, {
      messageId: VALUE, line: 5, column: 38,
      fixes: [{ output: 'import aiosqlite\n\nasync def tags(db, tag, uid):\n    await db.execute_insert(f"INSERT INTO tags (uid, tag) VALUES (?, \'{tag}\')", (uid,))\n    return await db.execute_fetchall("SELECT * FROM tags WHERE tag = ?", (tag,))\n' }],
    }],
  },
  {
    name: 'aiosqlite: executescript(sql_script=...) (no fix)',
    code: 'import aiosqlite\n\nasync def drop(db, tag):\n    await db.executescript(sql_script=f"DELETE FROM tags WHERE tag = \'{tag}\';")\n',
    errors: [{ messageId: VALUE, line: 4, column: 39, fixes: [] }],
  },
  {
    name: 'DuckDB: duckdb.sql, con.sql and con.query run a statement (no fix); con.execute takes ?',
    code: 'import duckdb\n\ndef sales(con, region):\n    duckdb.sql(f"SELECT * FROM sales WHERE region = \'{region}\'")\n    con.query(query="SELECT sum(total) FROM sales WHERE region = \'%s\'" % region)\n    return con.execute(f"SELECT * FROM sales WHERE region = \'{region}\'")\n',
    errors: [
      { messageId: VALUE, line: 4, column: 16, fixes: [] },
      { messageId: VALUE, line: 5, column: 21, fixes: [] },
      {
        messageId: VALUE, line: 6, column: 24,
        fixes: [{ output: 'import duckdb\n\ndef sales(con, region):\n    duckdb.sql(f"SELECT * FROM sales WHERE region = \'{region}\'")\n    con.query(query="SELECT sum(total) FROM sales WHERE region = \'%s\'" % region)\n    return con.execute("SELECT * FROM sales WHERE region = ?", (region,))\n' }],
      },
    ],
  },
  {
    name: 'PySpark: spark.sql with an interpolated value (no fix), also in a notebook without the import',
    code: 'def sales(spark, region):\n    return spark.sql(f"SELECT * FROM sales WHERE region = \'{region}\'")\n',
    errors: [{ messageId: VALUE, line: 2, column: 22, fixes: [] }],
  },
];

ruleTester(rule, { path: 'app/db.py', valid, invalid });

// --- fix outputs parse and pass as many values as they have placeholders ----------------------------------------------

/** Placeholders of each style in a Python string literal's text. */
function placeholders(sql: string): number {
  const q = sql.match(/\?/g)?.length ?? 0;
  const s = sql.replace(/%%/g, '').match(/%s/g)?.length ?? 0;
  const d = new Set(sql.match(/\$\d+/g) ?? []).size;
  const n = new Set(sql.match(/(?<![:\w]):\w+/g) ?? []).size;
  return q + s + d + n;
}

describe('rule sql/string-built-query (Python) fix outputs', () => {
  /** The string literal a call's SQL argument is, through `text(...)` and a local `name = "..."`. */
  const sqlOf = (root: SyntaxNode, arg: SyntaxNode | undefined): SyntaxNode | undefined => {
    if (!arg) return undefined;
    if (arg.type === 'string') return arg;
    if (arg.type === 'call') return sqlOf(root, arg.childForFieldName('arguments')?.namedChildren[0] ?? undefined);
    if (arg.type !== 'identifier') return undefined;
    let found: SyntaxNode | undefined;
    walkTree(root, (n) => {
      if (n.type === 'assignment' && n.childForFieldName('left')?.text === arg.text && n.childForFieldName('right')?.type === 'string') found = n.childForFieldName('right')!;
    });
    return found;
  };
  const count = (n: SyntaxNode) => n.namedChildren.filter((x) => x !== null && x.type !== 'comment').length;

  for (const { c, output } of fixOutputs(invalid)) {
    it(`${c.name}: output parses and placeholders match values`, async () => {
      const checked = await withTree('python', output, (root) => {
        assert.equal(root.hasError, false, 'fix output does not parse');
        let n = 0;
        walkTree(root, (node) => {
          if (node.type !== 'call') return;
          const fn = node.childForFieldName('function');
          const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((x): x is SyntaxNode => x !== null && x.type !== 'comment');
          let sql: SyntaxNode | undefined;
          let values: number;
          if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'bindparams') {
            // text("...").bindparams(a=a)
            sql = sqlOf(root, fn.childForFieldName('object') ?? undefined);
            values = args.length;
          } else {
            sql = sqlOf(root, args[0]);
            const params = args.find((x) => x.type === 'keyword_argument' && x.childForFieldName('name')?.text === 'params')?.childForFieldName('value');
            const rest = args.slice(1).filter((x) => x.type !== 'keyword_argument');
            const v = params ?? rest[0];
            if (!v) values = 0;
            else if (v.type === 'tuple' || v.type === 'list' || v.type === 'dictionary') values = count(v);
            else values = rest.length; // asyncpg: one argument per value
          }
          if (!sql || !/[?$%:]/.test(sql.text)) return;
          // Placeholders outside SQL string literals.
          assert.equal(values, placeholders(sql.text.replace(/'[^']*'/g, "''")), `placeholders vs values in ${node.text}`);
          n++;
          return false;
        });
        return n;
      });
      assert.ok((checked ?? 0) > 0, 'no parameterized query found in the output');
    });
  }
});

// --- the tree-sitter loader ------------------------------------------------------------------------------------------

describe('tree-sitter grammars through the host', () => {
  const code = SQLITE + DEF + '    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n';

  it('loads the Python grammar through MemoryHost and parses once per file', async () => {
    const asked: string[] = [];
    const host = new MemoryHost(new Map(), undefined, async (f) => (asked.push(f), loadBundledWasm(f)));
    let same = false;
    const probe: Rule = {
      meta: { ...rule.meta, id: 'sql/probe' },
      appliesTo: () => true,
      async check(ctx) {
        const a = await parse(ctx, 'python');
        const b = await parse(ctx, 'python');
        same = a !== undefined && a === b && a.rootNode.type === 'module';
      },
    };
    resetTreeSitter();
    const r = await checkFile({ path: 'app/db.py', text: code }, host, { ruleSet: [probe, rule] });
    assert.ok(same, 'one tree per file');
    assert.deepEqual(asked, ['tree-sitter.wasm', 'tree-sitter-python.wasm']);
    assert.equal(r.findings.filter((f) => f.ruleId === rule.meta.id).length, 1);
    // Loaded once per process: a second file asks for nothing.
    await checkFile({ path: 'app/other.py', text: code }, host, { ruleSet: [rule] });
    assert.equal(asked.length, 2);
  });

  it('is silent when the host has no grammar, and does not crash', async () => {
    resetTreeSitter();
    try {
      for (const host of [new MemoryHost(), new MemoryHost(new Map(), undefined, async () => undefined), new MemoryHost(new Map(), undefined, async () => new Uint8Array([0, 1, 2]))]) {
        const r = await checkFile({ path: 'app/db.py', text: code }, host, { ruleSet: [rule] });
        assert.deepEqual(r.errors, []);
        assert.deepEqual(r.findings, []);
      }
    } finally {
      resetTreeSitter();
    }
  });

  it('does not parse files without SQL text or query calls', async () => {
    const asked: string[] = [];
    const host = new MemoryHost(new Map(), undefined, async (f) => (asked.push(f), loadBundledWasm(f)));
    resetTreeSitter();
    await checkFile({ path: 'app/util.py', text: 'def add(a, b):\n    return a + b\n' }, host, { ruleSet: [rule] });
    await checkFile({ path: 'app/log.py', text: 'log.info(f"select {x} from the menu")\n' }, host, { ruleSet: [rule] });
    assert.deepEqual(asked, []);
  });

  it('applies the fix text as a whole', async () => {
    const r = await checkFile({ path: 'app/db.py', text: code }, new MemoryHost(new Map(), undefined, loadBundledWasm), { ruleSet: [rule] });
    const fix = r.findings[0].fixes.find((f) => f.kind !== 'suppress')!;
    const after = applyFix(fix, () => code).get('app/db.py');
    assert.equal(after, SQLITE + DEF + '    cur.execute("SELECT * FROM users WHERE name = ?", (name,))\n');
  });
});
