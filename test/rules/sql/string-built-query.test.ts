// Tests for sql/string-built-query: sinks per driver, variable flow, positions, and the parameterizing fix.
import * as assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/types';
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { mayReceiveBuiltText } from '../../../server/src/engine/rules/sql/javascript';
import { parseJs, resolveVariable, walk, type JsAst } from '../../../server/src/engine/languages/javascript';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { checkFile, MemoryHost } from '../../../server/src/engine';
import { loadBundledWasm } from '../../../server/src/host-node';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const PG = "import { Pool } from 'pg';\nconst pool = new Pool();\n";
const MYSQL = "const mysql = require('mysql2');\n";
const MSSQL = "import sql from 'mssql';\n";
const TYPEORM = "import { Repository } from 'typeorm';\n";
const PGP = "import pgPromise from 'pg-promise';\nconst db = pgPromise()(process.env.DATABASE_URL);\n";
const SPANNER = "import { Spanner } from '@google-cloud/spanner';\nconst database = new Spanner().instance('main').database('app');\n";
const BIGQUERY = "import { BigQuery } from '@google-cloud/bigquery';\nconst bigquery = new BigQuery();\n";
const SNOWFLAKE = "const snowflake = require('snowflake-sdk');\n";

const invalid: InvalidCase[] = [
  {
    name: 'a qualifier from a parameter is reported as a name, not a value',
    code: PG + "export function find(alias, q) {\n  return pool.query(`SELECT * FROM notes n WHERE lower(${alias}.title) = lower($1)`, [q]);\n}\n",
    errors: [{ messageId: IDENT, line: 4, column: 21, fixes: [] }],
  },
  {
    name: 'for-of over an array holding a non-constant element is not a constant loop variable',
    code: "export async function purge(prisma, extra) {\n  for (const t of ['sessions', extra]) await prisma.$executeRawUnsafe(`DELETE FROM \"${t}\" WHERE expired`);\n}\n",
    errors: [{ messageId: IDENT, line: 2, column: 71 }],
  },
  // --- pg ---------------------------------------------------------------------------------------------------
  {
    name: 'pg: quoted value in a template',
    code: PG + 'export const byName = (name: string) => pool.query(`SELECT * FROM users WHERE name = \'${name}\'`);\n',
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `name`: pass it as a query parameter instead (SQL injection).',
      line: 3, column: 52, endLine: 3, endColumn: 96,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: PG + 'export const byName = (name: string) => pool.query(`SELECT * FROM users WHERE name = $1`, [name]);\n',
      }],
    }],
  },
  {
    name: 'pg: several values, a number and a constant kept',
    code: PG + 'const T = "users";\nasync function f(id: number, q: string) {\n  await client.query(`SELECT * FROM ${T} WHERE id = ${id} AND bio ILIKE \'%${q}%\' LIMIT ${10}`);\n}\n',
    errors: [{
      messageId: VALUE, line: 5, column: 22, endColumn: 94,
      fixes: [{ output: PG + 'const T = "users";\nasync function f(id: number, q: string) {\n  await client.query(`SELECT * FROM ${T} WHERE id = $1 AND bio ILIKE $2 LIMIT ${10}`, [id, `%${q}%`]);\n}\n' }],
    }],
  },
  {
    name: 'pg: { text, values } object merges after the existing $1',
    code: PG + 'function f(org, name) {\n  return pool.query({ text: `SELECT id FROM users WHERE org = $1 AND name = \'${name}\'`, values: [org] });\n}\n',
    errors: [{
      messageId: VALUE, line: 4, column: 29, endColumn: 87,
      fixes: [{ output: PG + 'function f(org, name) {\n  return pool.query({ text: `SELECT id FROM users WHERE org = $1 AND name = $2`, values: [org, name] });\n}\n' }],
    }],
  },
  {
    name: 'pg: { text } object without values',
    code: PG + 'function f(id) {\n  return pool.query({ name: "q", text: "DELETE FROM sessions WHERE user_id = " + id });\n}\n',
    errors: [{
      messageId: VALUE, line: 4, column: 40, endColumn: 84,
      fixes: [{ output: PG + 'function f(id) {\n  return pool.query({ name: "q", text: `DELETE FROM sessions WHERE user_id = $1`, values: [id] });\n}\n' }],
    }],
  },
  {
    name: 'receiver named pg without imports: assumed $1',
    code: 'export function f(id) {\n  return pg.query(`UPDATE accounts SET active = false WHERE id = ${id}`);\n}\n',
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 2, column: 19, endColumn: 72,
      fixes: [{ title: 'Parameterize query (assumed $1 placeholders)', output: 'export function f(id) {\n  return pg.query(`UPDATE accounts SET active = false WHERE id = $1`, [id]);\n}\n' }],
    }],
  },
  // --- mysql / mysql2 ---------------------------------------------------------------------------------------
  {
    name: 'mysql2: concatenation with LIKE wildcards merges into existing ? values before the callback',
    code: MYSQL + 'function f(q, id, cb) {\n  conn.query("SELECT * FROM t WHERE a LIKE \'%" + q + "%\' AND id = ?", [id], cb);\n}\n',
    errors: [{
      messageId: VALUE, line: 3, column: 14, endColumn: 69,
      fixes: [{ title: 'Parameterize query', output: MYSQL + 'function f(q, id, cb) {\n  conn.query(`SELECT * FROM t WHERE a LIKE ? AND id = ?`, [`%${q}%`, id], cb);\n}\n' }],
    }],
  },
  {
    name: 'mysql2: existing ? after the new value keeps the order',
    code: MYSQL + "async function f(name, id) {\n  await db.execute(`UPDATE users SET name = '${name}' WHERE id = ?`, [id]);\n}\n",
    errors: [{
      messageId: VALUE, line: 3, column: 20,
      fixes: [{ output: MYSQL + 'async function f(name, id) {\n  await db.execute(`UPDATE users SET name = ? WHERE id = ?`, [name, id]);\n}\n' }],
    }],
  },
  {
    name: 'mysql: callback as second argument gets the values inserted before it',
    code: "import mysql from 'mysql';\nconnection.query('SELECT * FROM orders WHERE customer = ' + req.params.id, (err, rows) => {});\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 2, column: 18, endColumn: 74,
      fixes: [{ output: "import mysql from 'mysql';\nconnection.query(`SELECT * FROM orders WHERE customer = ?`, [req.params.id], (err, rows) => {});\n" }],
    }],
  },
  // --- sqlite3 / better-sqlite3 -----------------------------------------------------------------------------
  {
    name: 'sqlite3: db.all with a callback',
    code: "const sqlite3 = require('sqlite3');\ndb.all(`SELECT * FROM notes WHERE owner = '${user}'`, (err, rows) => done(rows));\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 2, column: 8, endColumn: 53,
      fixes: [{ output: "const sqlite3 = require('sqlite3');\ndb.all(`SELECT * FROM notes WHERE owner = ?`, [user], (err, rows) => done(rows));\n" }],
    }],
  },
  {
    name: 'sqlite3: exec cannot take parameters: no fix',
    code: "const sqlite3 = require('sqlite3');\ndb.exec(`DELETE FROM notes WHERE id = ${id}`);\n",
    path: 'src/db.js',
    errors: [{ messageId: VALUE, line: 2, column: 9, fixes: [] }],
  },
  {
    name: 'better-sqlite3: prepare(...).get() chain receives the values',
    code: "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\nexport const get = (id: string) => db.prepare(`SELECT * FROM users WHERE id = '${id}'`).get();\n",
    errors: [{
      messageId: VALUE, line: 3, column: 47, endColumn: 87,
      fixes: [{ output: "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\nexport const get = (id: string) => db.prepare(`SELECT * FROM users WHERE id = ?`).get(id);\n" }],
    }],
  },
  {
    name: 'better-sqlite3: prepare(...).run(a) merges positional arguments',
    code: "import Database from 'better-sqlite3';\nexport const set = (id, v) => db.prepare(`UPDATE kv SET v = ? WHERE k = '${id}'`).run(v);\n",
    errors: [{
      messageId: VALUE, line: 2, column: 42,
      fixes: [{ output: "import Database from 'better-sqlite3';\nexport const set = (id, v) => db.prepare(`UPDATE kv SET v = ? WHERE k = ?`).run(v, id);\n" }],
    }],
  },
  {
    name: 'better-sqlite3: a statement kept in a variable only gets a display-only fix',
    code: "import Database from 'better-sqlite3';\nconst stmt = db.prepare(`SELECT * FROM users WHERE email = '${email}'`);\n",
    errors: [{
      messageId: VALUE, line: 2, column: 25,
      fixes: [{
        title: "Parameterize query (then pass the value to the statement's .run/.get/.all)", applicability: 'displayOnly',
        output: "import Database from 'better-sqlite3';\nconst stmt = db.prepare(`SELECT * FROM users WHERE email = ?`);\n",
      }],
    }],
  },
  // --- Sequelize --------------------------------------------------------------------------------------------
  {
    name: 'sequelize.query: replacements added to the options object',
    code: "import { Sequelize, QueryTypes } from 'sequelize';\nconst rows = await sequelize.query(`SELECT * FROM projects WHERE status = '${status}'`, { type: QueryTypes.SELECT });\n",
    errors: [{
      messageId: VALUE, line: 2, column: 36, endColumn: 87,
      fixes: [{ output: "import { Sequelize, QueryTypes } from 'sequelize';\nconst rows = await sequelize.query(`SELECT * FROM projects WHERE status = ?`, { replacements: [status], type: QueryTypes.SELECT });\n" }],
    }],
  },
  {
    name: 'sequelize.query: no options object',
    code: "import { Sequelize } from 'sequelize';\nawait sequelize.query('DELETE FROM carts WHERE id = ' + cartId);\n",
    errors: [{
      messageId: VALUE, line: 2, column: 23, endColumn: 63,
      fixes: [{ output: "import { Sequelize } from 'sequelize';\nawait sequelize.query(`DELETE FROM carts WHERE id = ?`, { replacements: [cartId] });\n" }],
    }],
  },
  {
    name: 'sequelize.literal with an interpolated value: no fix',
    code: 'const order = [[sequelize.literal(`(SELECT COUNT(*) FROM likes WHERE likes.postId = ${postId})`), "DESC"]];\n',
    errors: [{ messageId: VALUE, line: 1, column: 35, fixes: [] }],
  },
  // --- Knex ------------------------------------------------------------------------------------------------
  {
    name: 'knex.raw statement',
    code: "import knexFactory from 'knex';\nconst r = await knex.raw(`SELECT * FROM users WHERE id = ${id}`);\n",
    errors: [{
      messageId: VALUE, line: 2, column: 26, endColumn: 64,
      fixes: [{ output: "import knexFactory from 'knex';\nconst r = await knex.raw(`SELECT * FROM users WHERE id = ?`, [id]);\n" }],
    }],
  },
  {
    name: 'knex whereRaw fragment',
    code: "knex('users').whereRaw(`age > ${minAge} and name = '${name}'`).select('*');\n",
    errors: [{
      messageId: VALUE, line: 1, column: 24, endColumn: 62,
      fixes: [{ title: 'Parameterize query', output: "knex('users').whereRaw(`age > ? and name = ?`, [minAge, name]).select('*');\n" }],
    }],
  },
  {
    name: 'knex orderByRaw with a column: identifier message, no fix',
    code: "knex('users').orderByRaw(`${req.query.sort} DESC`);\n",
    errors: [{
      messageId: IDENT,
      message: 'SQL structure (table or column name, sort order, fragment) built from `req.query.sort`: a placeholder cannot stand for it; check it against an allow-list.',
      line: 1, column: 26, endColumn: 50, fixes: [],
    }],
  },
  // --- identifiers ------------------------------------------------------------------------------------------
  {
    name: 'ORDER BY column and direction',
    code: 'function list(sort: string, dir: string) {\n  return db.query(`SELECT * FROM t ORDER BY ${sort} ${dir}`);\n}\n',
    errors: [{ messageId: IDENT, line: 2, column: 19, endColumn: 60, fixes: [] }],
  },
  {
    name: 'table name after FROM',
    code: 'export const count = (req) => db.query("SELECT COUNT(*) FROM " + req.query.table);\n',
    path: 'src/db.js',
    errors: [{ messageId: IDENT, line: 1, column: 40, endColumn: 81 }],
  },
  {
    name: 'ids mapped to @ + id are values, not numbered placeholders',
    code: "function byIds(ids) {\n  return pool.query(`SELECT * FROM t WHERE id IN (${ids.map((id) => '@' + id).join(',')})`);\n}\n",
    errors: [{ messageId: VALUE, line: 2, column: 21 }],
  },
  {
    name: 'a list check of one value guarding the use of another',
    code: "function list(req) {\n  const sort = ['name'].includes(req.query.sort) ? req.query.other : 'name';\n  return pool.query(`SELECT * FROM t ORDER BY ${sort}`);\n}\n",
    errors: [{ messageId: IDENT, line: 3, column: 21 }],
  },
  {
    name: 'a file named like a migration outside a migrations folder is still checked',
    code: 'function migrateUser(req) {\n  return db.query("SELECT * FROM users WHERE id = " + req.query.id);\n}\n',
    path: 'src/migrate-user.js',
    errors: [{ messageId: VALUE, line: 2, column: 19 }],
  },
  {
    name: 'PRAGMA argument from the request: a name, never rewritten to a placeholder',
    code: 'function cols(req, knex) {\n  return knex.raw(`PRAGMA table_info(\'${req.params.t}\')`);\n}\n',
    path: 'src/db.js',
    errors: [{ messageId: IDENT, line: 2, column: 19, fixes: [] }],
  },
  {
    name: 'a parameter named for a table but reassigned from the request',
    code: 'function count(tableName, req) {\n  tableName = req.query.t;\n  return db.query("SELECT COUNT(*) FROM " + tableName);\n}\n',
    path: 'src/db.js',
    errors: [{ messageId: IDENT, line: 3, column: 19 }],
  },
  {
    name: 'a value next to a table name: values are parameterized, the name stays',
    code: PG + 'function f(table, id) {\n  return pool.query(`DELETE FROM ${table} WHERE id = ${id}`);\n}\n',
    errors: [{
      messageId: VALUE, line: 4, column: 21,
      fixes: [{ output: PG + 'function f(table, id) {\n  return pool.query(`DELETE FROM ${table} WHERE id = $1`, [id]);\n}\n' }],
    }],
  },
  // --- variable flow ----------------------------------------------------------------------------------------
  {
    name: 'const built first and used once: initializer rewritten, values at the call',
    code: PG + 'async function remove(id: string) {\n  const sql = `DELETE FROM posts WHERE id = ${id}`;\n  await pool.query(sql);\n}\n',
    errors: [{
      messageId: VALUE, line: 5, column: 20, endColumn: 23,
      fixes: [{ output: PG + 'async function remove(id: string) {\n  const sql = `DELETE FROM posts WHERE id = $1`;\n  await pool.query(sql, [id]);\n}\n' }],
    }],
  },
  {
    name: 'const used twice: finding, no fix',
    code: 'function f(id) {\n  const sql = "SELECT * FROM t WHERE id = " + id;\n  log(sql);\n  return db.query(sql);\n}\n',
    errors: [{ messageId: VALUE, line: 4, column: 19, endColumn: 22, fixes: [] }],
  },
  {
    name: 'let with += appends',
    code: 'async function search(name?: string) {\n  let sql = "SELECT * FROM users WHERE 1 = 1";\n  if (name) sql += ` AND name = \'${name}\'`;\n  return db.query(sql);\n}\n',
    errors: [{ messageId: VALUE, message: /`name`/, line: 4, column: 19, endColumn: 22, fixes: [] }],
  },
  {
    name: 'a plain reassignment restarts the text',
    code: 'function f(id) {\n  let q = "SELECT 1";\n  q = "SELECT * FROM t WHERE id = " + id;\n  return db.query(q);\n}\n',
    errors: [{ messageId: VALUE, line: 4, column: 19, fixes: [] }],
  },
  // --- files ------------------------------------------------------------------------------------------------
  {
    name: 'TSX component file',
    code: "import { sql } from './db';\nexport function Row({ id }: { id: string }) {\n  void db.query(`SELECT * FROM items WHERE id = ${id}`);\n  return <div>{id}</div>;\n}\n",
    path: 'src/Row.tsx',
    errors: [{ messageId: VALUE, line: 3, column: 17, endColumn: 55 }],
  },
  {
    name: 'TypeScript generics and casts on the call',
    code: PG + 'export const f = (id: string) => pool.query<Row>(`SELECT * FROM items WHERE id = ${id as string}` as string);\n',
    errors: [{
      messageId: VALUE, line: 3, column: 50,
      fixes: [{ output: PG + 'export const f = (id: string) => pool.query<Row>(`SELECT * FROM items WHERE id = $1` as string, [id as string]);\n' }],
    }],
  },
  {
    name: 'bare query() helper',
    code: 'const { rows } = await query(`SELECT * FROM users WHERE email = \'${email}\'`);\n',
    path: 'src/db.mjs',
    errors: [{ messageId: VALUE, line: 1, column: 30, fixes: [{ title: 'Parameterize query (assumed ? placeholders)' }] }],
  },
  {
    name: 'INSERT VALUES list',
    code: PG + 'pool.query(`INSERT INTO events (kind, payload) VALUES (${kind}, \'${JSON.stringify(p)}\')`);\n',
    errors: [{
      messageId: VALUE, line: 3, column: 12,
      fixes: [{ output: PG + 'pool.query(`INSERT INTO events (kind, payload) VALUES ($1, $2)`, [kind, JSON.stringify(p)]);\n' }],
    }],
  },
  {
    name: 'IN list from a joined array: finding, no fix (one placeholder cannot hold a list)',
    code: PG + 'pool.query(`SELECT * FROM t WHERE id IN (${ids.join(",")})`);\n',
    errors: [{ messageId: VALUE, line: 3, column: 12, fixes: [] }],
  },
  // --- String.prototype.concat and util.format build text like `+` ------------------------------------------------
  {
    name: 'pg: a literal .concat(value) passed directly, fixed like a concatenation',
    code: PG + "export const byId = (id) => pool.query('SELECT * FROM users WHERE id = '.concat(id)).then((r) => r.rows[0]);\n",
    errors: [{
      messageId: VALUE, line: 3, column: 40,
      fixes: [{ output: PG + 'export const byId = (id) => pool.query(`SELECT * FROM users WHERE id = $1`, [id]).then((r) => r.rows[0]);\n' }],
    }],
  },
  {
    name: 'sql = sql.concat(value) appends before the call: finding, no fix',
    code: "async function find(name) {\n  let sql = \"SELECT * FROM users WHERE name = '\";\n  sql = sql.concat(name);\n  sql = sql.concat(\"'\");\n  return db.query(sql);\n}\n",
    errors: [{ messageId: VALUE, message: /`name`/, line: 5, fixes: [] }],
  },
  {
    name: "util.format with a quoted '%s': finding on the value, no fix",
    code: "const util = require('util');\nasync function find(req) {\n  const q = util.format(\"SELECT * FROM users WHERE email = '%s' LIMIT %d\", req.query.email, req.query.n);\n  return sequelize.query(q);\n}\n",
    errors: [{ messageId: VALUE, message: /`req\.query\.email`/, line: 4, fixes: [] }],
  },
  {
    name: 'util.format with a %s table name: identifier message',
    code: "const util = require('util');\nfunction wipe(kind) {\n  return db.query(util.format('DELETE FROM %s WHERE expired = true', kind));\n}\n",
    errors: [{ messageId: IDENT, line: 3, column: 19 }],
  },
  // --- sloppy scripts: implicit globals and `var` declared again -----------------------------------------------
  {
    name: 'an undeclared variable assigned in the same function (implicit global): finding, no fix',
    code: 'function byAge(req, client) {\n  query = "SELECT name FROM users WHERE age=" + req.query.age;\n  return client.query(query);\n}\n',
    path: 'src/legacy.js',
    errors: [{ messageId: VALUE, message: /`req\.query\.age`/, line: 3, column: 23, fixes: [] }],
  },
  {
    name: 'an implicit global built with = then +=',
    code: 'function byAge(age) {\n  sql = "SELECT name FROM users WHERE age = ";\n  sql += age;\n  return pool.query(sql, (err, res) => done(res));\n}\n',
    path: 'src/legacy.js',
    errors: [{ messageId: VALUE, message: /`age`/, line: 4 }],
  },
  {
    name: 'var declared again: each call reads the latest initializer',
    code: 'var q = `INSERT INTO audit (who) VALUES (\'${user}\')`;\ndb.sequelize.query(q);\nvar q = "DELETE FROM sessions WHERE token = \'" + token + "\'";\ndb.sequelize.query(q);\n',
    path: 'src/legacy.js',
    errors: [{ messageId: VALUE, message: /`user`/, line: 2, fixes: [] }, { messageId: VALUE, message: /`token`/, line: 4, fixes: [] }],
  },
  // --- Prisma: `$queryRawUnsafe(…)` and `$queryRaw(…)` called with a string, fixed to the tagged `$queryRaw`…`` ---
  {
    name: 'Prisma $queryRawUnsafe: fixed to the tagged $queryRaw, SQL quotes around the value dropped',
    code: 'await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = \'${email}\'`);\n',
    errors: [{
      messageId: VALUE, line: 1, column: 30,
      fixes: [{ title: 'Use the tagged template $queryRaw`…`', applicability: 'unsafe', output: 'await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;\n' }],
    }],
  },
  {
    name: 'Prisma $queryRaw called with a plain template (sent as raw text): finding and fix',
    code: 'export async function user(id: string) {\n  return prisma.$queryRaw(`SELECT * FROM users WHERE id = ${id} AND deleted_at IS NULL`);\n}\n',
    errors: [{
      messageId: VALUE, line: 2, column: 27,
      fixes: [{ output: 'export async function user(id: string) {\n  return prisma.$queryRaw`SELECT * FROM users WHERE id = ${id} AND deleted_at IS NULL`;\n}\n' }],
    }],
  },
  {
    name: 'Prisma $executeRawUnsafe with a concatenation, in a transaction client',
    code: "await tx.$executeRawUnsafe('UPDATE users SET name = \\'' + name + '\\' WHERE id = ' + id);\n",
    errors: [{
      messageId: VALUE, line: 1, column: 28,
      fixes: [{ title: 'Use the tagged template $executeRaw`…`', output: 'await tx.$executeRaw`UPDATE users SET name = ${name} WHERE id = ${id}`;\n' }],
    }],
  },
  {
    name: 'Prisma $executeRaw with a LIKE pattern: the whole quoted string becomes one value',
    code: "await prisma.$executeRaw(`DELETE FROM posts WHERE title LIKE '%${q}%'`);\n",
    errors: [{ messageId: VALUE, fixes: [{ output: 'await prisma.$executeRaw`DELETE FROM posts WHERE title LIKE ${`%${q}%`}`;\n' }] }],
  },
  {
    name: 'Prisma $queryRawUnsafe with type arguments: kept on the tag',
    code: 'const rows = await prisma.$queryRawUnsafe<User[]>(`SELECT id FROM users WHERE org = ${orgId} LIMIT ${Number(n)}`);\n',
    errors: [{ messageId: VALUE, fixes: [{ output: 'const rows = await prisma.$queryRaw<User[]>`SELECT id FROM users WHERE org = ${orgId} LIMIT ${Number(n)}`;\n' }] }],
  },
  {
    name: 'Prisma $queryRaw with a table name: identifier message, no fix (needs Prisma.raw)',
    code: 'await prisma.$queryRaw(`SELECT * FROM ${table} WHERE id = 1`);\n',
    errors: [{ messageId: IDENT, line: 1, column: 24, fixes: [] }],
  },
  {
    name: 'Prisma $queryRawUnsafe with a value and a constant table: no fix (the tag would bind the table)',
    code: "const T = 'users';\nawait prisma.$queryRawUnsafe(`SELECT * FROM ${T} WHERE id = ${id}`);\n",
    errors: [{ messageId: VALUE, line: 2, fixes: [] }],
  },
  {
    name: 'Prisma $queryRawUnsafe with its own $1 parameter: no fix',
    code: "await prisma.$queryRawUnsafe(`SELECT * FROM t WHERE a = $1 AND b = '${b}'`, a);\n",
    errors: [{ messageId: VALUE, fixes: [] }],
  },
  {
    name: 'Prisma $queryRawUnsafe after an optional chain: no fix (a tagged template cannot follow ?.)',
    code: 'await ctx.prisma?.$queryRawUnsafe(`SELECT * FROM users WHERE id = ${id}`);\n',
    errors: [{ messageId: VALUE, line: 1, column: 35, fixes: [] }],
  },
  {
    name: 'Prisma $queryRawUnsafe with the SQL in a variable: finding, no fix',
    code: 'async function f(id) {\n  const q = `SELECT * FROM users WHERE id = ${id}`;\n  return prisma.$queryRawUnsafe(q);\n}\n',
    errors: [{ messageId: VALUE, line: 3, fixes: [] }],
  },
  // --- node-mssql: `@name` parameters, bound with `.input(name, value)` on a Request ----------------------------
  {
    name: 'mssql (import): a Request gets .input() before .query() and an @name placeholder',
    code: MSSQL + "export async function byName(req) {\n  const request = new sql.Request();\n  return request.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);\n}\n",
    errors: [{
      messageId: VALUE, message: /`req\.query\.name`/, line: 4, column: 24, endColumn: 78,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: MSSQL + "export async function byName(req) {\n  const request = new sql.Request();\n  return request.input('name', req.query.name).query(`SELECT * FROM users WHERE name = @name`);\n}\n",
      }],
    }],
  },
  {
    name: 'mssql (require): pool.request().query with a concatenated member value',
    code: "const sql = require('mssql');\nasync function orders(pool, user) {\n  const r = await pool.request().query('SELECT * FROM orders WHERE user_id = ' + user.id);\n  return r.recordset;\n}\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 3, column: 40, endColumn: 89,
      fixes: [{ output: "const sql = require('mssql');\nasync function orders(pool, user) {\n  const r = await pool.request().input('id', user.id).query(`SELECT * FROM orders WHERE user_id = @id`);\n  return r.recordset;\n}\n" }],
    }],
  },
  {
    name: "mssql: a LIKE pattern in an N'…' string becomes one value, the N goes with the quotes",
    code: MSSQL + "export const search = (pool, q: string) => pool.request().query(`SELECT id FROM posts WHERE title LIKE N'%${q}%'`);\n",
    errors: [{
      messageId: VALUE, line: 2, column: 65, endColumn: 114,
      fixes: [{ output: MSSQL + "export const search = (pool, q: string) => pool.request().input('q', `%${q}%`).query(`SELECT id FROM posts WHERE title LIKE @q`);\n" }],
    }],
  },
  {
    name: 'mssql: two values, two inputs in placeholder order',
    code: MSSQL + "export async function update(pool, body, params) {\n  await pool.request().query(`UPDATE users SET email = '${body.email}' WHERE id = ${params.id}`);\n}\n",
    errors: [{
      messageId: VALUE, line: 3, column: 30,
      fixes: [{ output: MSSQL + "export async function update(pool, body, params) {\n  await pool.request().input('email', body.email).input('id', params.id).query(`UPDATE users SET email = @email WHERE id = @id`);\n}\n" }],
    }],
  },
  {
    name: 'mssql: a repeated value binds once; another value of the same name gets a suffix',
    code: MSSQL + "export function docs(request, user, org) {\n  return request.query(`SELECT * FROM docs WHERE owner = '${user.id}' OR editor = '${user.id}' OR org = ${org.id}`);\n}\n",
    errors: [{
      messageId: VALUE, line: 3, column: 24,
      fixes: [{ output: MSSQL + "export function docs(request, user, org) {\n  return request.input('id', user.id).input('id2', org.id).query(`SELECT * FROM docs WHERE owner = @id OR editor = @id OR org = @id2`);\n}\n" }],
    }],
  },
  {
    name: 'mssql: names already bound on the request or used in the SQL are not reused',
    code: MSSQL + "export async function f(pool, name, org) {\n  const request = pool.request();\n  request.input('org', org);\n  const q = `SELECT * FROM users WHERE org = @org AND (name = '${name}' OR alias = @name) AND team = '${org}'`;\n  return request.query(q);\n}\n",
    errors: [{
      messageId: VALUE, line: 6, column: 24, endColumn: 25,
      fixes: [{ output: MSSQL + "export async function f(pool, name, org) {\n  const request = pool.request();\n  request.input('org', org);\n  const q = `SELECT * FROM users WHERE org = @org AND (name = @name2 OR alias = @name) AND team = @org2`;\n  return request.input('name2', name).input('org2', org).query(q);\n}\n" }],
    }],
  },
  {
    name: 'mssql: new sql.Request(pool).query with a callback; a call value gets p1',
    code: MSSQL + "new sql.Request(pool).query(`DELETE FROM carts WHERE id = ${String(cartId)}`, (err, result) => done(err));\n",
    errors: [{
      messageId: VALUE, line: 2, column: 29,
      fixes: [{ output: MSSQL + "new sql.Request(pool).input('p1', String(cartId)).query(`DELETE FROM carts WHERE id = @p1`, (err, result) => done(err));\n" }],
    }],
  },
  {
    name: "mssql: the module's sql.query becomes the tagged sql.query`…`",
    code: "import * as sql from 'mssql';\nexport const byEmail = (email) => sql.query(`SELECT * FROM users WHERE email = N'${email}' AND active = 1`);\n",
    errors: [{
      messageId: VALUE, line: 2, column: 45,
      fixes: [{ title: 'Use the tagged template query`…`', applicability: 'unsafe', output: "import * as sql from 'mssql';\nexport const byEmail = (email) => sql.query`SELECT * FROM users WHERE email = ${email} AND active = 1`;\n" }],
    }],
  },
  {
    name: 'mssql: a connected pool\'s query becomes the tagged pool.query`…`',
    code: MSSQL + "export async function byId(config, id) {\n  const pool = await sql.connect(config);\n  return pool.query('SELECT * FROM users WHERE id = ' + id);\n}\n",
    errors: [{
      messageId: VALUE, line: 4, column: 21,
      fixes: [{ title: 'Use the tagged template query`…`', output: MSSQL + "export async function byId(config, id) {\n  const pool = await sql.connect(config);\n  return pool.query`SELECT * FROM users WHERE id = ${id}`;\n}\n" }],
    }],
  },
  {
    name: 'mssql: sql.query with a table name: no fix (the tag would bind the name)',
    code: MSSQL + 'export const wipe = (table, id) => sql.query(`DELETE FROM ${table} WHERE id = ${id}`);\n',
    errors: [{ messageId: VALUE, line: 2, column: 46, fixes: [] }],
  },
  {
    name: 'mssql: an unknown receiver gets no fix (not an assumed ?)',
    code: MSSQL + 'export const byId = (db, id) => db.query(`SELECT * FROM users WHERE id = ${id}`);\n',
    errors: [{ messageId: VALUE, line: 2, column: 42, fixes: [] }],
  },
  {
    name: 'mssql: a prepared statement gets no ? fix',
    code: MSSQL + "export const prep = (ps, name) => ps.prepare(`SELECT * FROM users WHERE name = '${name}'`);\n",
    errors: [{ messageId: VALUE, line: 2, column: 46, fixes: [] }],
  },
  {
    name: 'mssql: an optional call chain gets no fix',
    code: MSSQL + "export const f = (request, name) => request?.query(`SELECT * FROM users WHERE name = '${name}'`);\n",
    errors: [{ messageId: VALUE, line: 2, column: 52, fixes: [] }],
  },
  {
    name: 'mssql: a request reused by a loop, by a second query or kept on this: no fix (a second input of a name throws)',
    code: MSSQL + 'export async function f(pool, request, ids, a) {\n  const r = pool.request();\n  for (const id of ids) await r.query(`DELETE FROM t WHERE id = ${id}`);\n' +
      '  await request.query(`DELETE FROM t WHERE id = ${a}`);\n  await request.query(`DELETE FROM u WHERE id = ${a}`);\n  return this.request.query(`SELECT * FROM t WHERE id = ${a}`);\n}\n',
    errors: [
      { messageId: VALUE, line: 4, column: 39, fixes: [] },
      { messageId: VALUE, line: 5, column: 23, fixes: [] },
      { messageId: VALUE, line: 6, column: 23, fixes: [] },
      { messageId: VALUE, line: 7, column: 29, fixes: [] },
    ],
  },
  {
    name: 'mssql: a fresh request in a loop is fine',
    code: MSSQL + 'export async function f(pool, ids) {\n  for (const id of ids) await pool.request().query(`DELETE FROM t WHERE id = ${id}`);\n}\n',
    errors: [{
      messageId: VALUE, line: 3, column: 52,
      fixes: [{ output: MSSQL + "export async function f(pool, ids) {\n  for (const id of ids) await pool.request().input('id', id).query(`DELETE FROM t WHERE id = @id`);\n}\n" }],
    }],
  },
  {
    name: 'mssql: a request\'s batch: finding, no fix',
    code: MSSQL + "export async function f(pool, name) {\n  return pool.request().batch(`SELECT * FROM users WHERE name = '${name}'`);\n}\n",
    errors: [{ messageId: VALUE, line: 3, column: 31, endColumn: 75, fixes: [] }],
  },
  {
    name: 'mssql and pg imported together: no fix',
    code: MSSQL + PG + "export const f = (request, name) => request.query(`SELECT * FROM users WHERE name = '${name}'`);\n",
    errors: [{ messageId: VALUE, line: 4, column: 51, fixes: [] }],
  },
  // --- TypeORM QueryBuilder: `:name` parameters in the parameters object ---------------------------------------
  {
    name: 'TypeORM where: :name placeholder, shorthand parameters object',
    code: TYPEORM + "export function byName(repo: Repository<User>, name: string) {\n  return repo.createQueryBuilder('user').where(`user.name = '${name}'`).getOne();\n}\n",
    errors: [{
      messageId: VALUE, message: /`name`/, line: 3, column: 48, endColumn: 71,
      fixes: [{
        title: 'Parameterize query', applicability: 'unsafe',
        output: TYPEORM + "export function byName(repo: Repository<User>, name: string) {\n  return repo.createQueryBuilder('user').where(`user.name = :name`, { name }).getOne();\n}\n",
      }],
    }],
  },
  {
    name: 'TypeORM andWhere: merged into the existing parameters object, a taken key suffixed',
    code: TYPEORM + "export function f(repo, req, role, name) {\n  return repo.createQueryBuilder('user').where('user.active').andWhere(`user.role = :role AND user.name = :name AND user.email = '${req.body.email}' AND user.nick = '${req.body.name}'`, { role, name }).getMany();\n}\n",
    errors: [{
      messageId: VALUE, message: /`req\.body\.email`/, line: 3, column: 72,
      fixes: [{ output: TYPEORM + "export function f(repo, req, role, name) {\n  return repo.createQueryBuilder('user').where('user.active').andWhere(`user.role = :role AND user.name = :name AND user.email = :email AND user.nick = :name2`, { role, name, email: req.body.email, name2: req.body.name }).getMany();\n}\n" }],
    }],
  },
  {
    name: 'TypeORM having after groupBy; the chain starts at createQueryBuilder (no import)',
    code: "function top(dataSource, min) {\n  return dataSource.createQueryBuilder(Post, 'p').select('p.authorId').groupBy('p.authorId').having('COUNT(*) > ' + min).getRawMany();\n}\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 2, column: 101, endColumn: 120,
      fixes: [{ output: "function top(dataSource, min) {\n  return dataSource.createQueryBuilder(Post, 'p').select('p.authorId').groupBy('p.authorId').having(`COUNT(*) > :min`, { min }).getRawMany();\n}\n" }],
    }],
  },
  {
    name: 'TypeORM: a builder variable from createQueryBuilder (no import)',
    code: "function byId(repo, id) {\n  const qb = repo.createQueryBuilder('u');\n  qb.where('u.id = ' + id);\n  return qb.getOne();\n}\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 3, column: 12, endColumn: 26,
      fixes: [{ output: "function byId(repo, id) {\n  const qb = repo.createQueryBuilder('u');\n  qb.where(`u.id = :id`, { id });\n  return qb.getOne();\n}\n" }],
    }],
  },
  {
    name: 'TypeORM: a name bound by another call of the query is not reused; an empty object is filled',
    code: TYPEORM + "export function f(repo, a, b) {\n  const qb = repo.createQueryBuilder('a');\n  qb.where('a.name = :name', { name: a.name });\n  qb.orWhere(`b.name = '${b.name}'`, {});\n}\n",
    errors: [{
      messageId: VALUE, line: 5, column: 14,
      fixes: [{ output: TYPEORM + "export function f(repo, a, b) {\n  const qb = repo.createQueryBuilder('a');\n  qb.where('a.name = :name', { name: a.name });\n  qb.orWhere(`b.name = :name2`, { name2: b.name });\n}\n" }],
    }],
  },
  {
    name: 'TypeORM: a LIKE condition in a const keeps a kept alias interpolated',
    code: TYPEORM + "export function search(repo, alias, q) {\n  const qb = repo.createQueryBuilder(alias);\n  const cond = `${alias}.title LIKE '%${q}%'`;\n  return qb.where(cond).getMany();\n}\n",
    errors: [{
      messageId: VALUE, line: 5, column: 19, endColumn: 23,
      fixes: [{ output: TYPEORM + "export function search(repo, alias, q) {\n  const qb = repo.createQueryBuilder(alias);\n  const cond = `${alias}.title LIKE :q`;\n  return qb.where(cond, { q: `%${q}%` }).getMany();\n}\n" }],
    }],
  },
  {
    name: 'TypeORM: a builder passed in, kept on this or extended in a loop: no fix (a second :name would overwrite the first)',
    code: TYPEORM + 'export function f(qb, filters) {\n  qb.andWhere(`user.name = \'${filters.name}\'`);\n  this.qb.andWhere(`user.org = ${filters.org}`);\n' +
      "  const local = this.repo.createQueryBuilder('user');\n  for (const t of filters.tags) local.orWhere(`user.tag = '${t}'`);\n  filters.ids.forEach((id) => local.orWhere(`user.id = ${id}`));\n  return local;\n}\n",
    errors: [
      { messageId: VALUE, line: 3, column: 15, fixes: [] },
      { messageId: VALUE, line: 4, column: 20, fixes: [] },
      { messageId: VALUE, line: 6, column: 47, fixes: [] },
      { messageId: VALUE, line: 7, column: 45, fixes: [] },
    ],
  },
  {
    name: 'TypeORM: parameters passed in a variable: finding, no fix',
    code: TYPEORM + 'export const f = (qb, id, params) => qb.where(`user.id = ${id}`, params);\n',
    errors: [{ messageId: VALUE, line: 2, column: 47, fixes: [] }],
  },
  {
    name: 'TypeORM: an IN list from a joined array: finding, no fix',
    code: TYPEORM + "export const f = (qb, ids) => qb.where(`user.id IN (${ids.join(',')})`);\n",
    errors: [{ messageId: VALUE, line: 2, column: 40, fixes: [] }],
  },
  {
    name: 'TypeORM orderBy with a column: identifier message, no fix',
    code: TYPEORM + "export const f = (qb, req) => qb.orderBy(`user.${req.query.sort}`, 'DESC').getMany();\n",
    errors: [{ messageId: IDENT, message: /`req\.query\.sort`/, line: 2, column: 42, endColumn: 66, fixes: [] }],
  },
  {
    name: 'TypeORM orderBy: an alias qualifier is passed over, the column from the request is reported',
    code: TYPEORM + "export const f = (qb, alias, sort) => qb.orderBy(`${alias}.${sort}`, 'DESC');\n",
    errors: [{ messageId: IDENT, message: /`sort`/, line: 2, fixes: [] }],
  },
  {
    name: 'TypeORM where with a whole condition from the request: identifier message',
    code: TYPEORM + 'export const f = (qb, req) => qb.where(`${req.query.filter}`);\n',
    errors: [{ messageId: IDENT, line: 2, column: 40, fixes: [] }],
  },
  // --- pg-promise: its query methods, `$1` placeholders --------------------------------------------------------
  {
    name: 'pg-promise: db.one with a template',
    code: PGP + 'export const byId = (id: string) => db.one(`SELECT * FROM users WHERE id = ${id}`);\n',
    errors: [{
      messageId: VALUE, line: 3, column: 44, endColumn: 82,
      fixes: [{ title: 'Parameterize query', output: PGP + 'export const byId = (id: string) => db.one(`SELECT * FROM users WHERE id = $1`, [id]);\n' }],
    }],
  },
  {
    name: 'pg-promise: a const read once by a task\'s manyOrNone',
    code: PGP + "export function search(name) {\n  return db.task(async (t) => {\n    const sql = \"SELECT id FROM users WHERE name = '\" + name + \"'\";\n    return t.manyOrNone(sql);\n  });\n}\n",
    errors: [{
      messageId: VALUE, line: 6, column: 25, endColumn: 28,
      fixes: [{ output: PGP + 'export function search(name) {\n  return db.task(async (t) => {\n    const sql = `SELECT id FROM users WHERE name = $1`;\n    return t.manyOrNone(sql, [name]);\n  });\n}\n' }],
    }],
  },
  {
    name: 'pg-promise: a prepared statement object gets its values',
    code: PGP + "export const del = (id) => db.none({ name: 'del', text: 'DELETE FROM sessions WHERE user_id = ' + id });\n",
    errors: [{
      messageId: VALUE, line: 3, column: 57, endColumn: 101,
      fixes: [{ output: PGP + "export const del = (id) => db.none({ name: 'del', text: `DELETE FROM sessions WHERE user_id = $1`, values: [id] });\n" }],
    }],
  },
  // --- Cloud Spanner: `@name` parameters in `params` ------------------------------------------------------------
  {
    name: 'Spanner: database.run with a string becomes { sql, params }',
    code: SPANNER + "export const byName = (name) => database.run(`SELECT id FROM Singers WHERE name = '${name}'`);\n",
    errors: [{
      messageId: VALUE, line: 3, column: 46, endColumn: 93,
      fixes: [{ title: 'Parameterize query', output: SPANNER + 'export const byName = (name) => database.run({ sql: `SELECT id FROM Singers WHERE name = @name`, params: { name } });\n' }],
    }],
  },
  {
    name: 'Spanner: runUpdate merges into the existing params',
    code: SPANNER + "export function rename(tx, req, a) {\n  return tx.runUpdate({ sql: `UPDATE Singers SET name = @a WHERE id = '${req.params.id}'`, params: { a } });\n}\n",
    errors: [{
      messageId: VALUE, line: 4, column: 30, endColumn: 90,
      fixes: [{ output: SPANNER + 'export function rename(tx, req, a) {\n  return tx.runUpdate({ sql: `UPDATE Singers SET name = @a WHERE id = @id`, params: { a, id: req.params.id } });\n}\n' }],
    }],
  },
  {
    name: 'Spanner: a value outside SQL quotes gets no fix (a string parameter is not coerced to INT64)',
    code: SPANNER + 'export const del = (tx, req) => tx.runUpdate(`DELETE FROM Singers WHERE id = ${req.params.id}`);\n',
    errors: [{ messageId: VALUE, line: 3, column: 46, endColumn: 95, fixes: [] }],
  },
  {
    name: 'Spanner: runStream fills an empty params object',
    code: SPANNER + "export const f = (tx, name) => tx.runStream({ sql: `SELECT * FROM Singers WHERE name = '${name}'`, params: {} });\n",
    errors: [{
      messageId: VALUE, line: 3, column: 52, endColumn: 98,
      fixes: [{ output: SPANNER + 'export const f = (tx, name) => tx.runStream({ sql: `SELECT * FROM Singers WHERE name = @name`, params: { name } });\n' }],
    }],
  },
  {
    name: 'Spanner: a const query and a callback',
    code: SPANNER + "export function f(x, cb) {\n  const q = \"SELECT * FROM Albums WHERE title = '\" + x.title + \"'\";\n  database.run(q, cb);\n}\n",
    errors: [{
      messageId: VALUE, line: 5, column: 16, endColumn: 17,
      fixes: [{ output: SPANNER + 'export function f(x, cb) {\n  const q = `SELECT * FROM Albums WHERE title = @title`;\n  database.run({ sql: q, params: { title: x.title } }, cb);\n}\n' }],
    }],
  },
  {
    name: 'Spanner: the v1 client\'s executeSql: finding, no fix (typed protobuf params)',
    code: SPANNER + "export const f = (client, session, id) => client.executeSql({ session, sql: 'SELECT * FROM Singers WHERE id = ' + id });\n",
    errors: [{ messageId: VALUE, line: 3, column: 77, endColumn: 117, fixes: [] }],
  },
  {
    name: 'Spanner and sqlite3 imported together: run gets no fix',
    code: SPANNER + "import sqlite3 from 'sqlite3';\nexport const f = (db, id) => db.run('DELETE FROM Singers WHERE id = ' + id);\n",
    errors: [{ messageId: VALUE, line: 4, column: 37, endColumn: 75, fixes: [] }],
  },
  // --- BigQuery (`?` and a params array, or `@name` and an object) and Snowflake (`?` and binds) ---------------
  {
    name: 'BigQuery: query with a string becomes { query, params }',
    code: BIGQUERY + "export const byName = (name) => bigquery.query(`SELECT * FROM ds.users WHERE name = '${name}'`);\n",
    errors: [{
      messageId: VALUE, line: 3, column: 48, endColumn: 95,
      fixes: [{ output: BIGQUERY + 'export const byName = (name) => bigquery.query({ query: `SELECT * FROM ds.users WHERE name = ?`, params: [name] });\n' }],
    }],
  },
  {
    name: 'BigQuery: merged into a positional params array, in placeholder order',
    code: BIGQUERY + "export const f = (name, age) => bigquery.query({ query: `SELECT * FROM ds.users WHERE age > ? AND name = '${name}'`, params: [age], location: 'US' });\n",
    errors: [{
      messageId: VALUE, line: 3, column: 57, endColumn: 116,
      fixes: [{ output: BIGQUERY + "export const f = (name, age) => bigquery.query({ query: `SELECT * FROM ds.users WHERE age > ? AND name = ?`, params: [age, name], location: 'US' });\n" }],
    }],
  },
  {
    name: 'BigQuery: createQueryJob with named params gets another name',
    code: BIGQUERY + "export const f = (name, age) => bigquery.createQueryJob({ query: `SELECT * FROM ds.users WHERE age > @age AND name = '${name}'`, params: { age } });\n",
    errors: [{
      messageId: VALUE, line: 3, column: 66, endColumn: 128,
      fixes: [{ output: BIGQUERY + 'export const f = (name, age) => bigquery.createQueryJob({ query: `SELECT * FROM ds.users WHERE age > @age AND name = @name`, params: { age, name } });\n' }],
    }],
  },
  {
    name: 'BigQuery: an unquoted value gets no fix (a STRING parameter against an INT64 column fails)',
    code: BIGQUERY + 'export const f = (id) => bigquery.query(`SELECT * FROM ds.users WHERE id = ${id}`);\n',
    errors: [{ messageId: VALUE, line: 3, column: 41, endColumn: 82, fixes: [] }],
  },
  {
    name: 'Snowflake: execute({ sqlText }) gets binds before the callback',
    code: SNOWFLAKE + "export function f(connection, name) {\n  connection.execute({ sqlText: \"SELECT * FROM users WHERE name = '\" + name + \"'\", complete: (err, stmt, rows) => {} });\n}\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 3, column: 33, endColumn: 82,
      fixes: [{ output: SNOWFLAKE + 'export function f(connection, name) {\n  connection.execute({ sqlText: `SELECT * FROM users WHERE name = ?`, binds: [name], complete: (err, stmt, rows) => {} });\n}\n' }],
    }],
  },
  {
    name: 'Snowflake: merged into existing binds',
    code: SNOWFLAKE + "export function f(connection, name, org) {\n  connection.execute({ sqlText: `SELECT * FROM users WHERE org = ? AND name = '${name}'`, binds: [org] });\n}\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 3, column: 33, endColumn: 89,
      fixes: [{ output: SNOWFLAKE + 'export function f(connection, name, org) {\n  connection.execute({ sqlText: `SELECT * FROM users WHERE org = ? AND name = ?`, binds: [org, name] });\n}\n' }],
    }],
  },
  {
    name: 'Snowflake: a string statement gets no fix (execute takes an options object)',
    code: SNOWFLAKE + "export const f = (connection, name) => connection.execute(`SELECT * FROM users WHERE name = '${name}'`);\n",
    path: 'src/db.js',
    errors: [{ messageId: VALUE, line: 2, column: 59, endColumn: 103, fixes: [] }],
  },
  {
    name: 'Sequelize: a { query } object gets its values (replacements)',
    code: "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize();\nfunction f(id) {\n  return sequelize.query({ query: 'SELECT * FROM users WHERE id = ' + id });\n}\n",
    path: 'src/db.js',
    errors: [{
      messageId: VALUE, line: 4, column: 35, endColumn: 73,
      fixes: [{ output: "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize();\nfunction f(id) {\n  return sequelize.query({ query: `SELECT * FROM users WHERE id = ?`, values: [id] });\n}\n" }],
    }],
  },
  // --- AWS SDK: the statement property of a call's or command's input; no fix ---------------------------------
  {
    name: 'AWS DynamoDB PartiQL: a v3 ExecuteStatementCommand Statement',
    code: "import { DynamoDBClient, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';\nexport const f = (client: DynamoDBClient, id: string) => client.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM Orders WHERE id = '${id}'` }));\n",
    errors: [{ messageId: VALUE, message: /`id`/, line: 2, column: 111, endColumn: 152, fixes: [] }],
  },
  {
    name: 'AWS RDS Data API: the v2 executeStatement input in a variable',
    code: "const AWS = require('aws-sdk');\nasync function f(rds, name) {\n  const params = { resourceArn: ARN, sql: \"SELECT * FROM users WHERE name = '\" + name + \"'\" };\n  return rds.executeStatement(params).promise();\n}\n",
    path: 'src/db.js',
    errors: [{ messageId: VALUE, line: 3, column: 43, endColumn: 92, fixes: [] }],
  },
  {
    name: 'AWS Athena: a StartQueryExecutionCommand made from an input variable',
    code: "import { AthenaClient, StartQueryExecutionCommand } from '@aws-sdk/client-athena';\nexport async function f(client, day) {\n  const input = { QueryString: `SELECT * FROM logs WHERE day = '${day}'`, WorkGroup: 'primary' };\n  const command = new StartQueryExecutionCommand(input);\n  return client.send(command);\n}\n",
    errors: [{ messageId: VALUE, line: 3, column: 32, endColumn: 73, fixes: [] }],
  },
  {
    name: 'AWS S3 Select: the v2 selectObjectContent Expression',
    code: "import AWS from 'aws-sdk';\nconst s3 = new AWS.S3();\nexport const f = (city) => s3.selectObjectContent({ Bucket: 'b', Key: 'k', ExpressionType: 'SQL', Expression: 'SELECT * FROM S3Object s WHERE s.city = ' + city }).promise();\n",
    errors: [{ messageId: VALUE, line: 3, column: 111, endColumn: 160, fixes: [] }],
  },
  {
    name: 'AWS Athena: a prepared statement\'s QueryStatement',
    code: "import { AthenaClient, CreatePreparedStatementCommand } from '@aws-sdk/client-athena';\nexport const f = (client, app) => client.send(new CreatePreparedStatementCommand({ StatementName: 's', WorkGroup: 'w', QueryStatement: `SELECT * FROM logs WHERE app = '${app}' AND day = ?` }));\n",
    path: 'src/db.js',
    errors: [{ messageId: VALUE, line: 2, column: 136, endColumn: 189, fixes: [] }],
  },
  {
    name: 'pg-cursor: the text of a Cursor passed to query',
    code: "import Cursor from 'pg-cursor';\nexport const f = (client, name) => client.query(new Cursor(`SELECT * FROM users WHERE name = '${name}'`));\n",
    path: 'src/db.js',
    errors: [{ messageId: VALUE, line: 2, column: 60, endColumn: 104, fixes: [] }],
  },
  {
    name: 'a null options argument is no values: a joined list of conditions is reported',
    code: "const { Sequelize } = require('sequelize');\nfunction f(sequelize, filters) {\n  return sequelize.query(`SELECT * FROM t WHERE ${filters.join(' AND ')}`, null);\n}\n",
    path: 'src/db.js',
    errors: [{ messageId: IDENT, message: /`filters\.join\(' AND '\)`/, line: 3, column: 26, endColumn: 74, fixes: [] }],
  },
  // --- Drizzle and Kysely: sql.raw inserts its text as is; no fix ------------------------------------------
  {
    name: 'Drizzle: sql.raw with a quoted value in a condition',
    code: "import { sql } from 'drizzle-orm';\nexport const byStatus = (db, status: string) => db.select().from(orders).where(sql.raw(`status = '${status}'`));\n",
    errors: [{ messageId: VALUE, message: /`status`/, line: 2, column: 88, endColumn: 110, fixes: [] }],
  },
  {
    name: 'Drizzle: a whole statement in sql.raw: no ? fix',
    code: "import { sql } from 'drizzle-orm';\nexport const f = (db, id) => db.execute(sql.raw(`SELECT * FROM users WHERE id = ${id}`));\n",
    errors: [{ messageId: VALUE, line: 2, column: 49, endColumn: 87, fixes: [] }],
  },
  {
    name: 'Kysely: sql.raw with a column from the caller',
    code: "import { sql } from 'kysely';\nexport const sorted = (db, col) => db.selectFrom('users').selectAll().orderBy(sql.raw(col + ' desc')).execute();\n",
    errors: [{ messageId: IDENT, message: /`col`/, line: 2, column: 87, endColumn: 100, fixes: [] }],
  },
  // --- const arrays of conditions: pushed elements count ----------------------------------------------------
  {
    name: 'a const array of conditions grown with an interpolated value',
    code: "export function list(db, version) {\n  const conds = ['1 = 1'];\n  if (version) conds.push(`version = '${version}'`);\n  return db.query(`SELECT * FROM releases WHERE ${conds.join(' AND ')}`);\n}\n",
    path: 'src/db.js',
    errors: [{ messageId: IDENT, message: /`conds\.join\(' AND '\)`/, line: 4, column: 19, endColumn: 72, fixes: [] }],
  },
  {
    name: 'a const array of conditions passed to another function is not a constant',
    code: "export function list(db, req) {\n  const conds = ['1 = 1'];\n  addFilters(conds, req.query);\n  return db.query(`SELECT * FROM releases WHERE ${conds.join(' AND ')}`);\n}\n",
    path: 'src/db.js',
    errors: [{ messageId: IDENT, line: 4, column: 19, endColumn: 72, fixes: [] }],
  },
  {
    name: 'postgres.js sql.unsafe',
    code: "import postgres from 'postgres';\nconst sql = postgres();\nawait sql.unsafe('SELECT * FROM users WHERE id = ' + id);\n",
    errors: [{
      messageId: VALUE, line: 3, column: 18,
      fixes: [{ output: "import postgres from 'postgres';\nconst sql = postgres();\nawait sql.unsafe(`SELECT * FROM users WHERE id = $1`, [id]);\n" }],
    }],
  },
];

ruleTester(rule, {
  path: 'src/db.ts',
  valid: [
    // schema migrations run from deploy scripts, never with a request's input
    { name: 'a knex migration building DDL from names', path: 'db/migrations/20240101_add_notes.js', code: 'exports.up = async (knex) => {\n  for (const t of await knex.raw("SELECT name FROM tables")) await knex.raw(`ALTER TABLE ${t.name} ADD COLUMN note TEXT`);\n};\n' },
    { name: 'a migration helpers module', path: 'lib/app/database/migration_helpers.rb', code: 'module MigrationHelpers\n  def index_exists?(table, name)\n    connection.select_value("SELECT 1 FROM pg_class WHERE relname = \'#{name}\'")\n  end\nend\n' },
    { name: 'a Rails migration', path: 'db/migrate/20240101000000_backfill.rb', code: 'class Backfill < ActiveRecord::Migration[7.0]\n  def up\n    rows.each { |r| connection.execute("UPDATE users SET role = \'#{r.role}\' WHERE id = #{r.id}") }\n  end\nend\n' },
    // a hole followed by `.name` qualifies a column: a table or alias name, even inside lower(…)
    { name: 'a developer qualifier inside a function call', code: PG + "export class Repo {\n  table = 'notes';\n  find(q) {\n    return pool.query(`SELECT * FROM notes WHERE lower(${this.table}.title) LIKE lower($1)`, [q]);\n  }\n}\n" },
    // loop variables over constant arrays: the code's own tables and columns, destructured or not
    { name: 'for-of over a const array of constant tuples', code: "const COLUMNS = [['orders', 'note'], ['users', 'bio']];\nexport async function addColumns(prisma) {\n  for (const [table, column] of COLUMNS) await prisma.$executeRawUnsafe(`ALTER TABLE \"${table}\" ADD COLUMN \"${column}\" TEXT`);\n}\n" },
    { name: 'for-of over an inline array of names', code: "export async function purge(prisma) {\n  for (const t of ['sessions', 'tokens']) await prisma.$executeRawUnsafe(`DELETE FROM \"${t}\" WHERE expired`);\n}\n" },
    // placeholders numbered with '$' + (i + 1); a sort column checked against a constant list before use
    "function byIds(ids) {\n  return pool.query(`SELECT * FROM t WHERE id IN (${ids.map((_, i) => '$' + (i + 1)).join(', ')})`, ids);\n}\n",
    "const SORTS = ['name', 'created_at'];\nfunction list(req) {\n  const sort = SORTS.includes(req.query.sort) ? req.query.sort : 'name';\n  return pool.query(`SELECT * FROM t ORDER BY ${sort}`);\n}\n",
    "function list(req) {\n  const dir = new Set(['asc', 'desc']).has(req.query.dir) ? req.query.dir : 'asc';\n  return pool.query(`SELECT * FROM t ORDER BY id ${dir}`);\n}\n",
    // a parameter named for a table, never written: the callers pass the code's own tables
    'export async function renameIn(tableName, knex) {\n  return knex.raw(`ALTER TABLE \\`${tableName}\\` ADD COLUMN note TEXT`);\n}\n',
    // PRAGMA takes no placeholders; its quoted argument names a table
    'async function fks(fromTable, knex) {\n  return knex.raw(`PRAGMA foreign_key_list(\'${fromTable}\')`);\n}\n',
    // a condition in a group nested in another one, next to bound values
    'function find(cond, id) {\n  return pool.query(`SELECT * FROM t WHERE id = $1 AND ((${cond}) OR flag)`, [id]);\n}\n',
    // constant queries
    "pool.query('SELECT * FROM users WHERE id = $1', [id]);",
    'pool.query(`SELECT * FROM users`);',
    "db.query('SELECT * ' + 'FROM t');",
    'const T = "users";\nconst C = `id, ${"name"}`;\ndb.query(`SELECT ${C} FROM ${T} WHERE id = ?`, [id]);',
    "const COLS = ['id', 'name'].join(', ');\ndb.query(`SELECT ${COLS} FROM t`);",
    'enum Table { Users = "users" }\ndb.query(`SELECT * FROM ${Table.Users}`);',
    'const TABLES = { users: "users" } as const;\ndb.query(`SELECT * FROM ${TABLES.users} WHERE id = $1`, [id]);',
    // parameterized
    'db.execute("UPDATE users SET name = ? WHERE id = ?", [name, id]);',
    "knex('users').whereRaw('id = ?', [id]);",
    // safe interpolations
    'db.query(`SELECT * FROM t WHERE id IN (${ids.map(() => "?").join(",")})`, ids);',
    'pool.query(`SELECT * FROM t WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(", ")})`, ids);',
    'db.query(`SELECT * FROM t LIMIT ${Number(limit)} OFFSET ${parseInt(offset, 10)}`);',
    'db.query(`SELECT * FROM t WHERE name = ${mysql.escape(name)} ORDER BY id ${asc ? "ASC" : "DESC"}`);',
    'db.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);',
    "const SORTABLE = { name: 'name', created: 'created_at' } as const;\nfunction f(sort) {\n  return db.query(`SELECT * FROM users ORDER BY ${SORTABLE[sort] ?? 'name'}`);\n}",
    "const DIRS = ['ASC', 'DESC'];\nconst f = (d) => db.query(`SELECT * FROM users ORDER BY id ${DIRS[d]}`);",
    "import { USERS_TABLE } from './schema';\ndb.query(`SELECT * FROM ${USERS_TABLE} WHERE id = $1`, [id]);",
    'db.query(`SELECT * FROM t WHERE a = $1 ${where}`, params);',
    'db.query(`SELECT * FROM t WHERE a = $${params.length + 1}`, params);',
    // tagged templates are parameterized by the tag
    'db.query(sql`SELECT * FROM users WHERE id = ${id}`);',
    'await prisma.$queryRaw(Prisma.sql`SELECT * FROM users WHERE id = ${id}`);',
    'await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;',
    // constant concat, numeric format specifiers, arrays are not strings
    "db.query('SELECT * FROM users WHERE role = '.concat(\"'admin'\"));",
    "db.query(util.format('SELECT * FROM users LIMIT %d OFFSET %i', limit, offset));",
    'db.query(util.format("SELECT * FROM users WHERE note = \'100%%\' AND id = %d", id));',
    'db.query(parts.concat(more));',
    // implicit globals: constant text, a start not seen in this function, writes in another function
    { code: 'function f(client) {\n  query = "SELECT name FROM users WHERE age=" + "3";\n  return client.query(query);\n}\n', path: 'src/legacy.js' },
    { code: 'function f(age) {\n  sql += " AND age = " + age;\n  return db.query(sql);\n}\n', path: 'src/legacy.js' },
    { code: "function setQ(x) {\n  query = 'SELECT * FROM t WHERE a = ' + x;\n}\nfunction run() {\n  return db.query(query);\n}\n", path: 'src/legacy.js' },
    'await tx.$executeRaw`UPDATE users SET name = ${name} WHERE id = ${id}`;',
    "await prisma.$queryRaw('SELECT * FROM users WHERE active = true');",
    'await sql`SELECT * FROM users WHERE name = ${name}`;',
    // node-mssql's tagged templates bind each `${}`
    "import sql from 'mssql';\nawait sql.query`SELECT * FROM users WHERE id = ${id}`;",
    "import sql from 'mssql';\nawait pool.request().query`SELECT * FROM users WHERE name = ${name}`;",
    "const sql = require('mssql');\nconst r = await request.query`UPDATE t SET a = ${a} WHERE id = ${id}`;",
    // TypeORM: parameters, constants; `.where` is no sink in a file that does not mention TypeORM
    "import { Repository } from 'typeorm';\nrepo.createQueryBuilder('user').where('user.id = :id', { id }).andWhere(`user.org = :org`, { org }).getOne();",
    "import { Repository } from 'typeorm';\nconst SORT = 'user.name';\nqb.orderBy(`${SORT}`, 'ASC').where(`user.active = ${true}`);",
    { name: 'TypeORM: the query alias passed in and used as a qualifier', code: "import { SelectQueryBuilder } from 'typeorm';\nexport function notDeleted(qb: SelectQueryBuilder<User>, alias: string) {\n  return qb.andWhere(`${alias}.deletedAt IS NULL`).addOrderBy(`${alias}.createdAt`, 'DESC');\n}\n" },
    'knex("users").where(`name = ${name}`).first();',
    // pg-promise and Spanner: parameters; their method names count only in a file importing the library
    "import pgPromise from 'pg-promise';\nconst db = pgPromise()(cn);\ndb.one('SELECT * FROM users WHERE id = $1', [id]);\ndb.any(`SELECT * FROM users WHERE id = $1`, id);",
    'rows.one(`SELECT * FROM users WHERE id = ${id}`);\ndb.manyOrNone(`SELECT * FROM users WHERE id = ${id}`);',
    "import Cursor from 'pg-cursor';\nclient.query(new Cursor('SELECT * FROM users WHERE name = $1', [name]));",
    // Drizzle: the sql`` tag binds; sql.raw of constants; sql.raw is a fragment only in a file importing Drizzle or Kysely
    "import { sql } from 'drizzle-orm';\nexport const f = (db, id) => db.execute(sql`SELECT * FROM users WHERE id = ${id}`);\nconst dir = sql.raw(desc ? 'DESC' : 'ASC');",
    "const cond = sql.raw(`status = '${status}'`);",
    // const arrays of conditions that only grow by constants, or by placeholders next to their values
    { code: "export function list(db, active) {\n  const conds = ['deleted_at IS NULL'];\n  if (active) conds.push('active = true');\n  return db.query(`SELECT * FROM t WHERE ${conds.join(' AND ')}`);\n}\n", path: 'src/db.js' },
    { code: "export function list(db, name) {\n  const conds = [];\n  const params = [];\n  if (name) {\n    conds.push('name = ?');\n    params.push(name);\n  }\n  return db.query(`SELECT * FROM t WHERE ${conds.join(' AND ')}`, params);\n}\n", path: 'src/db.js' },
    // BigQuery and Snowflake: parameters
    "import { BigQuery } from '@google-cloud/bigquery';\nbigquery.query({ query: 'SELECT * FROM ds.users WHERE name = @name', params: { name } });",
    "const snowflake = require('snowflake-sdk');\nconnection.execute({ sqlText: 'SELECT * FROM users WHERE name = ?', binds: [name] });",
    // `batch` is a sink only in a file importing node-mssql
    "queue.batch(`SELECT * FROM users WHERE name = '${name}'`);",
    "import sql from 'mssql';\nawait new sql.Request().batch('CREATE TABLE t (id int)');",
    'client.query(new Cursor(`SELECT * FROM users WHERE name = \'${name}\'`));',
    // AWS SDK: parameters; no SDK import; an input variable assigned again
    "import { ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';\nclient.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM Orders WHERE id = ?', Parameters: [{ S: id }] }));",
    "client.executeStatement({ sql: 'SELECT * FROM users WHERE id = ' + id });",
    "const AWS = require('aws-sdk');\nfunction f(rds, name) {\n  let params = { sql: 'SELECT * FROM t WHERE a = ' + name };\n  params = other;\n  return rds.executeStatement(params);\n}",
    "import { Spanner } from '@google-cloud/spanner';\ndatabase.run({ sql: 'SELECT * FROM Singers WHERE id = @id', params: { id } });\ntx.runUpdate({ sql: `UPDATE Singers SET a = @a WHERE id = ${ID_LITERAL}`, params: { a } });",
    // prose and non-sinks
    'console.log(`Select a file from ${dir}`);',
    'logger.info(`SELECT * FROM users WHERE id = ${id}`);',
    'throw new Error(`Failed to DELETE FROM ${table} where id = ${id}`);',
    'command.execute(`deploy ${service} --from ${branch}`);',
    'job.run(`Select the files from ${folder} and upload them`);',
    'queue.run(`Delete from cache ${key}`);',
    'wizard.execute(`Please select one from the menu: ${options}`);',
    'task.run(`Update the set of ${items}`);',
    'app.get(`/users/${id}`, handler);',
    'cache.get(`user:${id}`);',
    'regex.exec(`${input}`);',
    'cp.exec(`psql -c "DELETE FROM t WHERE id = ${id}"`);',
    // unknown values passed as is are not "built"
    'db.query(sqlText, params);',
    'db.query(buildQuery(filters));',
    // a buffer mid-edit does not parse: silent
    'db.query(`SELECT * FROM t WHERE id = ${id}`',
    { code: 'db.query(`SELECT * FROM t WHERE id = ${id}`);', path: 'src/schema.sql' },
  ],
  invalid,
});

// ---------------------------------------------------------------------------------------------------------------
// Every fix output must still parse, and each rewritten query must have as many values as placeholders.

/** Placeholders in a query text (outside SQL strings): `?` count, or the highest `$n`. */
function placeholders(sql: string): number {
  let q = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") inString = !inString;
    else if (!inString && c === '?') q++;
    else if (!inString && c === '$' && /\d/.test(sql[i + 1] ?? '')) max = Math.max(max, parseInt(sql.slice(i + 1), 10));
  }
  return q + max;
}

function queryText(js: JsAst, code: string, n: TSESTree.Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'TSAsExpression') return queryText(js, code, n.expression);
  if (n.type === 'TemplateLiteral') return n.quasis.map((q) => q.value.cooked).join('${}');
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'Identifier') {
    const def = resolveVariable(js, n)?.defs[0];
    return def?.node.type === 'VariableDeclarator' ? queryText(js, code, def.node.init ?? undefined) : undefined;
  }
  if (n.type === 'ObjectExpression') {
    const p = n.properties.find((x) => x.type === 'Property' && x.key.type === 'Identifier' && /^(?:text|sql|query|sqlText)$/.test(x.key.name));
    return p?.type === 'Property' ? queryText(js, code, p.value) : undefined;
  }
  return undefined;
}

function valueCount(call: TSESTree.CallExpression): number | undefined {
  const [a0, a1] = call.arguments;
  const arr = (n: TSESTree.Node | undefined) => (n?.type === 'ArrayExpression' ? n.elements.length : undefined);
  const prop = (o: TSESTree.Node | undefined, name: string) =>
    o?.type === 'ObjectExpression' ? o.properties.find((x) => x.type === 'Property' && x.key.type === 'Identifier' && x.key.name === name) : undefined;
  const v = prop(a0, 'values') ?? prop(a1, 'replacements');
  if (v?.type === 'Property') return arr(v.value);
  if (arr(a1) !== undefined) return arr(a1);
  // db.prepare(sql).get(a, b)
  const m = call.parent;
  if (m?.type === 'MemberExpression' && m.parent?.type === 'CallExpression') return m.parent.arguments.length;
  return 0;
}

/** Named parameters (`@x`, `:x`) in a query text, outside SQL strings (`@@x` and `::x` are not parameters). */
function namedParams(sql: string, prefix: '@' | ':'): string[] {
  const out: string[] = [];
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") inString = !inString;
    else if (!inString && c === prefix && sql[i - 1] !== prefix && sql[i + 1] !== prefix) {
      const m = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1));
      if (m) out.push(m[0]);
    }
  }
  return out;
}

/** node-mssql: the names of the `.input('name', …)` calls chained onto a request, in order. */
function inputNames(n: TSESTree.Node): string[] {
  const out: string[] = [];
  while (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && n.callee.property.name === 'input') {
    const a = n.arguments[0];
    if (a?.type === 'Literal' && typeof a.value === 'string') out.unshift(a.value);
    n = n.callee.object;
  }
  return out;
}

const TYPEORM_CONDITION = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving']);

describe('rule sql/string-built-query fix outputs', () => {
  for (const c of invalid) {
    for (const fix of c.errors.flatMap((e) => e.fixes ?? [])) {
      if (fix.output === undefined || fix.applicability === 'displayOnly') continue;
      const output = fix.output;
      it(`${c.name}: output parses, placeholders match values, no value is reported`, async () => {
        const path = c.path ?? 'src/db.ts';
        const js = parseJs(output, path);
        assert.ok(js, 'fix output does not parse');
        let checked = 0;
        walk(js.ast, (n) => {
          // Tagged `$queryRaw`…`` (Prisma), `query`…`` (node-mssql): each `${}` is a parameter, so none may sit inside SQL quotes.
          if (n.type === 'TaggedTemplateExpression' && ((n.tag.type === 'MemberExpression' && n.tag.property.type === 'Identifier' && /^(?:\$(?:query|execute)Raw|query)$/.test(n.tag.property.name)) ||
              (n.tag.type === 'Identifier' && n.tag.name === 'query'))) {
            const q = n.quasi.quasis.map((x) => x.value.cooked ?? '');
            for (let i = 0; i + 1 < q.length; i++) assert.ok(!(q[i].endsWith("'") && q[i + 1].startsWith("'")), `quoted parameter in ${q.join('${}')}`);
            checked++;
            return;
          }
          if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier') return;
          const method = n.callee.property.name;
          // node-mssql: each `.input('x', …)` before `.query(` binds an `@x` of the text, once; any other `@x` was bound before.
          const inputs = method === 'query' ? inputNames(n.callee.object) : [];
          if (inputs.length) {
            const text = queryText(js, output, n.arguments[0]);
            assert.ok(text !== undefined, 'query text not found');
            const used = namedParams(text, '@');
            assert.equal(new Set(inputs.map((x) => x.toLowerCase())).size, inputs.length, `an input declared twice: ${inputs.join(', ')}`);
            for (const x of inputs) assert.ok(used.includes(x), `input ${x} not used in ${text}`);
            for (const x of used) if (!inputs.includes(x)) assert.ok(c.code.includes('@' + x), `@${x} is bound nowhere`);
            checked++;
            return;
          }
          // TypeORM: every `:x` of the condition is a key of the parameters object, and every key is used.
          if (TYPEORM_CONDITION.has(method)) {
            const text = queryText(js, output, n.arguments[0]);
            const used = text === undefined ? [] : namedParams(text, ':');
            if (!used.length) return;
            const params = n.arguments[1];
            assert.ok(params?.type === 'ObjectExpression', 'no parameters object');
            const keys = params.properties.map((p) => (p.type === 'Property' && p.key.type === 'Identifier' ? p.key.name : '?'));
            assert.deepEqual([...new Set(used)].sort(), [...keys].sort(), `parameters of ${text}`);
            checked++;
            return;
          }
          // Spanner, BigQuery, Snowflake: every `@x` of `{ sql, params }` is a key of `params` and every key is used; or
          // as many `?` as `params`/`binds` elements.
          const a0 = n.arguments[0];
          const inObject = a0?.type === 'ObjectExpression' ? a0.properties.find((p) => p.type === 'Property' && p.key.type === 'Identifier' && /^(?:params|binds)$/.test(p.key.name)) : undefined;
          if (inObject?.type === 'Property') {
            const text = queryText(js, output, a0);
            assert.ok(text !== undefined, 'query text not found');
            const v = inObject.value;
            if (v.type === 'ArrayExpression') assert.equal(v.elements.length, placeholders(text), `placeholders vs values in ${text}`);
            else {
              assert.ok(v.type === 'ObjectExpression', 'params is neither an object nor an array');
              const keys = v.properties.map((p) => (p.type === 'Property' && p.key.type === 'Identifier' ? p.key.name : '?'));
              assert.deepEqual([...new Set(namedParams(text, '@'))].sort(), [...keys].sort(), `params of ${text}`);
            }
            checked++;
            return;
          }
          const text = queryText(js, output, n.arguments[0]);
          if (text === undefined || !/[?$]/.test(text)) return;
          assert.equal(valueCount(n), placeholders(text), `placeholders vs values in ${text}`);
          checked++;
        });
        assert.ok(checked > 0, 'no parameterized query found in the output');
        const r = await checkFile({ path, text: output }, new MemoryHost(new Map(), undefined, loadBundledWasm), { ruleSet: [rule] });
        assert.deepEqual(r.findings.filter((f) => f.messageId === VALUE).map((f) => `${f.line}:${f.column}`), [], 'a value is still reported');
      });
    }
  }

  it('parses JSX only where the extension allows it, and not broken code', () => {
    assert.ok(parseJs('const a = <div/>;', 'a.tsx'));
    assert.equal(parseJs('const a = <div/>;', 'a.ts'), undefined);
    assert.equal(parseJs('let x = (;', 'a.js'), undefined);
    assert.ok(parseJs('var await = 1; with (o) { x = 1; }', 'legacy.js'), 'sloppy-mode code parses');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Large files: only the functions that can report are parsed; what the other functions could change is checked.

/** Twenty handlers with parameterized queries: bodies the detector blanks before parsing. */
const HANDLERS = Array.from({ length: 20 }, (_, i) =>
  `export async function h${i}(req, res) {\n  const rows = await pool.query('SELECT * FROM t WHERE id = $1', [req.params.id]);\n` +
  `  return res.json(rows.map((r) => ({ ...r, n: 'item ' + r.id })));\n}\n`).join('');
const AFTER = 81;

ruleTester(rule, {
  path: 'src/db.js',
  valid: [
    { name: 'large file, parameterized queries only', code: HANDLERS },
    { name: 'large file, appends inside a callback are not followed', code: HANDLERS + "export function find(filters) {\n  let sql = 'SELECT * FROM t WHERE 1=1';\n  filters.forEach((f) => { sql += ` AND ${f.col} = '${f.val}'`; });\n  return db.query(sql);\n}\n" },
  ],
  invalid: [
    {
      name: 'large file: a callback that reads the query keeps it from being rewritten in place',
      code: HANDLERS + 'export function byId(id) {\n  const sql = `SELECT * FROM t WHERE id = ${id}`;\n  log(() => { return sql; });\n  return db.query(sql);\n}\n',
      errors: [{ messageId: VALUE, line: AFTER + 3, column: 19, endColumn: 22, fixes: [] }],
    },
    {
      name: 'large file: a module variable reassigned in another function is not a constant',
      code: HANDLERS + "let table = 'users';\nexport const byId = (id) => db.query(`SELECT * FROM t WHERE a = '${table}' AND id = ${id}`);\nexport function use(t) {\n  table = t;\n}\n",
      errors: [{
        messageId: VALUE, line: AFTER + 1, column: 38, endColumn: 91,
        fixes: [{ output: HANDLERS + "let table = 'users';\nexport const byId = (id) => db.query(`SELECT * FROM t WHERE a = ? AND id = ?`, [table, id]);\nexport function use(t) {\n  table = t;\n}\n" }],
      }],
    },
    {
      name: 'large file: require() inside a function still sets the placeholder style',
      code: HANDLERS + "export function connect() {\n  const { Pool } = require('pg');\n  return new Pool();\n}\nexport const byId = (id) => db.query(`SELECT * FROM t WHERE id = ${id}`);\n",
      errors: [{
        messageId: VALUE, line: AFTER + 4, column: 38, endColumn: 72,
        fixes: [{ title: 'Parameterize query', output: HANDLERS + "export function connect() {\n  const { Pool } = require('pg');\n  return new Pool();\n}\nexport const byId = (id) => db.query(`SELECT * FROM t WHERE id = $1`, [id]);\n" }],
      }],
    },
    {
      name: 'large file: a TypeORM where in a file importing TypeORM',
      code: TYPEORM + HANDLERS + "export const byName = (repo, name) => repo.createQueryBuilder('user').where(`user.name = '${name}'`).getOne();\n",
      errors: [{
        messageId: VALUE, line: AFTER + 1, column: 77, endColumn: 100,
        fixes: [{ output: TYPEORM + HANDLERS + 'export const byName = (repo, name) => repo.createQueryBuilder(\'user\').where(`user.name = :name`, { name }).getOne();\n' }],
      }],
    },
    {
      name: 'large file: an AWS input variable keeps its function parsed',
      code: "const AWS = require('aws-sdk');\n" + HANDLERS + "export async function find(rds, name) {\n  const params = { sql: `SELECT * FROM users WHERE name = '${name}'` };\n  return rds.executeStatement(params).promise();\n}\n",
      errors: [{ messageId: VALUE, line: AFTER + 2, column: 25, endColumn: 69, fixes: [] }],
    },
    {
      name: 'large file: a sink named by a computed key',
      code: HANDLERS + "export const byId = (id) => db['query'](`SELECT * FROM t WHERE id = ${id}`);\n",
      errors: [{ messageId: VALUE, line: AFTER, column: 41, endColumn: 75 }],
    },
  ],
});

describe('sql/string-built-query JS pre-scan', () => {
  it('skips files whose query-shaped calls all take a string literal', () => {
    for (const code of [
      "pool.query('SELECT * FROM t WHERE id = $1', [id]);",
      'db.query(`SELECT * FROM users`);',
      "db.query<Row>('SELECT 1');",
      'db.query?.("SELECT 1", []);',
      "app.get('/users', handler); router.all(\"*\", h); db.run();",
      'const m = { query: 1, get x() { return 1; } }; x.get.bind(x); const s = "get all run";',
      'await prisma.$queryRaw`SELECT * FROM t WHERE id = ${id}`;',
      // TypeORM's names count only in a file that mentions TypeORM, and only with something but a literal
      'qb.where(`user.id = ${id}`).orderBy(sort);',
      "import { Repository } from 'typeorm';\nqb.where('user.id = :id', { id }).orderBy('user.name');",
      // pg-promise's and Spanner's names likewise
      'db.one(sql); tx.runUpdate(q);',
      "import pgPromise from 'pg-promise';\ndb.one('SELECT 1'); t.manyOrNone('SELECT 2', [a]);",
    ]) assert.equal(mayReceiveBuiltText(code), false, code);
  });

  it('parses when a sink-shaped call may take anything else', () => {
    for (const code of [
      'db.query(sql);',
      'db.query(`SELECT * FROM t WHERE id = ${id}`);',
      "db.query('SELECT * FROM t WHERE id = ' + id);",
      "db['query'](q);",
      '(db.query)(q);',
      'db.query /* c */ (q);',
      'db.query?.(q);',
      'db.query<Row>(q);',
      "db.query<() => void>('SELECT 1');",
      "db.query('SELECT 1' as string);",
      'map.get(key);',
      'await prisma.$queryRaw(`SELECT * FROM t WHERE id = ${id}`);',
      'await prisma.$executeRaw<number>(q);',
      "import { Repository } from 'typeorm';\nqb.andWhere(`user.id = ${id}`);",
      "repo.createQueryBuilder('u')\n  .orderBy(sort);",
      "import pgPromise from 'pg-promise';\ndb.oneOrNone(sql, [id]);",
      "const { Spanner } = require('@google-cloud/spanner');\ntx.runUpdate({ sql });",
      "import { ExecuteStatementCommand } from '@aws-sdk/lib-dynamodb';\nawait doc.send(new ExecuteStatementCommand(input));",
    ]) assert.equal(mayReceiveBuiltText(code), true, code);
  });
});
