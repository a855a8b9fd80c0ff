// Tests for sql/string-built-query in Ruby: ActiveRecord, connection, pg, mysql2, sqlite3 and Sequel sinks, precision, fixes.
import rule from '../../../server/src/engine/rules/sql/string-built-query';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { itParsesFixOutputs } from '../../helpers/sql-fixes';

const VALUE = 'interpolatedValue';
const IDENT = 'interpolatedIdentifier';
const D = 'def find(x, y)\n';
const E = 'end\n';

const valid: (string | { name: string; code: string })[] = [
  // a ternary that checks the very value it uses against constants
  { name: 'CONST.include?(params[:sort]) ? params[:sort] : default', code: 'SORTS = %w[name created_at].freeze\ndef list(params)\n  sort = SORTS.include?(params[:sort]) ? params[:sort] : "name"\n  User.order("#{sort} DESC")\nend\n' },
  { name: '%w[...].include?(dir) ? dir : default', code: 'def list(dir)\n  User.order("name #{%w[asc desc].include?(dir) ? dir : "asc"}")\nend\n' },
  // a parameter named for a table, never reassigned: the callers pass the code's own tables
  { name: 'table from a parameter named for a table', code: 'def purge(conn, table_name)\n  conn.exec("DELETE FROM #{table_name} WHERE done")\nend\n' },
  // a bare execute whose text does not read as SQL (a service object's own method)
  { name: 'bare execute with non-SQL text', code: D + '  execute("notify #{x}")\n  execute(x)\n' + E },
  // the element of a literal word list; the model's class name read at class level
  { name: '%w[...].each block parameter', code: 'def search(rel, params)\n  %w[title body].each do |field|\n    rel = rel.where("LOWER(#{field}) LIKE ?", "%#{params[field]}%")\n  end\n  rel\nend\n' },
  { name: 'name in a scope lambda is the class name', code: 'class Post < ApplicationRecord\n  scope :tagged, -> { joins("JOIN taggings ON taggings.taggable_type = \'#{name}\' AND taggings.taggable_id = #{table_name}.id") }\nend\n' },
  // placeholders, hash conditions, constants
  D + '  User.where("name = ?", x)\n' + E,
  D + '  User.where("name = :name", name: x)\n' + E,
  D + '  User.where(name: x).order(:created_at)\n' + E,
  D + '  User.where(["name = ? AND id = ?", x, y])\n' + E,
  D + '  User.find_by_sql(["SELECT * FROM users WHERE name = ?", x])\n' + E,
  D + '  conn.exec_params("SELECT * FROM users WHERE name = $1", [x])\n' + E,
  D + '  db.execute("SELECT * FROM users WHERE name = ?", x)\n' + E,
  D + '  t = "users"\n  conn.exec("SELECT * FROM #{t} WHERE id = 1")\n' + E,
  // a subquery from the ORM's own SQL
  D + '  ids = Order.select(:user_id).where("total > :min").to_sql\n  User.where("id IN (#{ids})", min: x)\n' + E,
  // format with constant or numeric values
  D + '  conn.exec("SELECT * FROM users WHERE state = \'%{state}\'" % { state: "active" })\n' + E,
  D + '  conn.exec("SELECT * FROM users LIMIT %d" % params[:limit])\n' + E,
  // Rails 2 finder options with placeholders, hashes or constant text
  D + '  Post.find(:all, :conditions => ["author_id = ?", params[:author]], :order => "created_at DESC")\n' + E,
  D + '  Post.find(:first, :conditions => { :slug => params[:slug] }, :joins => [:author])\n' + E,
  // a request value passed whole where a value is expected (hash conditions, ids)
  D + '  User.where(params[:filter]).find(params[:id])\n' + E,
  D + '  [1, 2].sum(params[:start].to_i)\n' + E,
  'TABLE = "users"\n' + D + '  conn.exec("SELECT * FROM #{TABLE} WHERE id = 1")\n' + E,
  // numbers, quoting and sanitizing
  D + '  User.where("id = #{x.to_i}")\n' + E,
  D + '  User.where("id = #{Integer(x)}")\n' + E,
  D + '  User.where("name = #{ActiveRecord::Base.connection.quote(x)}")\n' + E,
  D + '  User.where("name = #{User.sanitize_sql(x)}")\n' + E,
  D + '  User.where("created_at > \'#{Time.now}\'")\n' + E,
  D + '  User.where("id IN (#{x.map(&:to_i).join(\',\')})")\n' + E,
  D + '  User.where("id IN (#{([\'?\'] * x.size).join(\',\')})", *x)\n' + E,
  // choices between constants, allow-lists, developer names
  D + '  User.order("name #{y == \'asc\' ? \'ASC\' : \'DESC\'}")\n' + E,
  'SORTS = { "name" => "name" }.freeze\n' + D + '  User.order("#{SORTS[x]} DESC")\n' + E,
  D + '  User.where("#{table_name}.id = ?", x)\n' + E,
  D + '  User.joins("JOIN #{Post.table_name} ON posts.user_id = users.id")\n' + E,
  D + '  dir = y == "asc" ? "ASC" : "DESC"\n  User.order("name #{dir}")\n' + E,
  // fragments next to binds: dynamic filters built with placeholders
  D + '  conds = ["a = ?"]\n  User.where(conds.join(" AND "), x)\n' + E,
  D + '  User.where("#{x} = ?", y)\n' + E,
  // text that never reaches a query call
  D + '  Rails.logger.info("SELECT * FROM users WHERE name = \'#{x}\'")\n' + E,
  D + '  raise ArgumentError, "DELETE FROM users failed for #{x}"\n' + E,
  D + '  sql = "SELECT * FROM users WHERE name = \'#{x}\'"\n  sql\n' + E,
  D + '  puts "Select a user from the list: #{x}"\n' + E,
  // not a database
  D + '  system("rm #{x}")\n  Kernel.exec("ls #{x}")\n' + E,
  D + '  Open3.popen3("select #{x} from")\n' + E,
  D + '  HTTParty.get("https://example.com/select?q=#{x}")\n' + E,
  // broken code
  D + '  User.where("name = \'#{x}\'",, )\n' + E,
  // a value checked against constants, or set to one just before the query
  D + '  if y == "ASC"\n    User.order("name #{y}")\n  end\n' + E,
  D + '  if %w[name email].include?(y)\n    User.order("#{y} DESC")\n  end\n' + E,
  D + '  User.order("created_at #{y}") if x && y == SORT_DIR\n' + E,
  D + '  if x\n    User.order("name ASC")\n  else\n    y = "DESC"\n    User.order("name #{y}")\n  end\n' + E,
  // pg prepare with placeholders
  D + '  conn.prepare("by_name", "SELECT * FROM users WHERE name = $1")\n  conn.exec_prepared("by_name", [x])\n' + E,
  D + '  y = "DESC" unless y == "ASC"\n  User.order("name #{y}")\n' + E,
  D + '  user.reload(lock: true)\n' + E,
  D + '  y = "id" if !%w[id email].include?(y)\n  User.order("#{y} ASC")\n' + E,
  // Sequel: a constant statement; `<<` on a string is not a connection
  'require "sequel"\n' + D + '  conn = Sequel.connect(ENV["DATABASE_URL"])\n  conn << "VACUUM"\n  msg = "SELECT failed: "\n  msg << x\n' + E,
];

const invalid: InvalidCase[] = [
  {
    name: 'a ternary that checks one value and uses another',
    code: 'SORTS = %w[name created_at].freeze\ndef list(params)\n  sort = SORTS.include?(params[:sort]) ? params[:other] : "name"\n  User.order("#{sort} DESC")\nend\n',
    errors: [{ messageId: IDENT, line: 4, column: 14 }],
  },
  // --- ActiveRecord: where("a = #{x}") -> where("a = ?", x) ---------------------------------------------------------
  {
    name: 'where with a request param (Brakeman)',
    code: 'class UsersController < ApplicationController\n  def index\n    @users = User.where("name = \'#{params[:name]}\'")\n  end\nend\n',
    errors: [{
      messageId: VALUE, message: 'SQL query built by interpolating `params[:name]`: pass it as a query parameter instead (SQL injection).',
      line: 3, column: 25, endLine: 3, endColumn: 52,
      fixes: [{ title: 'Parameterize query', applicability: 'unsafe', output: 'class UsersController < ApplicationController\n  def index\n    @users = User.where("name = ?", params[:name])\n  end\nend\n' }],
    }],
  },
  {
    name: 'where: a safe value stays interpolated, existing binds merged in text order',
    code: D + '  User.where("name = ? AND a = \'#{y}\' AND id = #{x.to_i}", x)\n' + E,
    errors: [{
      messageId: VALUE, message: /`y`/, line: 2, column: 14, endColumn: 58,
      fixes: [{ output: D + '  User.where("name = ? AND a = ? AND id = #{x.to_i}", x, y)\n' + E }],
    }],
  },
  {
    name: 'where without parentheses',
    code: D + '  User.where "name = \'#{y}\'"\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 14, endColumn: 29, fixes: [{ output: D + '  User.where "name = ?", y\n' + E }] }],
  },
  {
    name: 'where with single-quoted concatenation keeps single quotes',
    code: D + '  User.where(\'name = \\\'x\\\' AND b = \' + x)\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 14, fixes: [{ output: D + '  User.where(\'name = \\\'x\\\' AND b = ?\', x)\n' + E }] }],
  },
  {
    name: 'where with LIKE: wildcards move into the value',
    code: D + '  User.where("name LIKE \'%#{x}%\'")\n' + E,
    errors: [{ messageId: VALUE, fixes: [{ output: D + '  User.where("name LIKE ?", "%#{x}%")\n' + E }] }],
  },
  {
    name: 'where.not and having',
    code: D + '  User.where.not("name = \'#{x}\'").group(:a).having("count(*) > #{y}")\n' + E,
    errors: [
      { messageId: VALUE, line: 2, column: 18, fixes: [{ output: D + '  User.where.not("name = ?", x).group(:a).having("count(*) > #{y}")\n' + E }] },
      { messageId: VALUE, line: 2, column: 52, fixes: [{ output: D + '  User.where.not("name = \'#{x}\'").group(:a).having("count(*) > ?", y)\n' + E }] },
    ],
  },
  {
    name: 'array-form where with interpolation (no fix)',
    code: D + '  User.where(["name = \'#{y}\'"])\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 15, fixes: [] }],
  },
  {
    name: 'exists? and update_all: the SQL and its binds as one array (a LIKE value moved into it)',
    code: D + '  User.exists?("name = \'#{x}\'")\n  User.update_all("note = \'#{x}\' WHERE name LIKE \'%#{y}%\'")\n' + E,
    errors: [
      { messageId: VALUE, line: 2, fixes: [{ title: 'Parameterize query', output: D + '  User.exists?(["name = ?", x])\n  User.update_all("note = \'#{x}\' WHERE name LIKE \'%#{y}%\'")\n' + E }] },
      { messageId: VALUE, line: 3, fixes: [{ output: D + '  User.exists?("name = \'#{x}\'")\n  User.update_all(["note = ? WHERE name LIKE ?", x, "%#{y}%"])\n' + E }] },
    ],
  },
  {
    name: 'find_by and find_by_sql: array form',
    code: D + '  User.find_by("email = \'#{y}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 2, fixes: [{ output: D + '  User.find_by(["email = ?", y])\n' + E }] }],
  },
  {
    name: 'find_by_sql: array form, kept table name',
    code: D + '  User.find_by_sql("SELECT * FROM #{User.table_name} WHERE name = \'#{x}\' AND id = #{y}")\n' + E,
    errors: [{ messageId: VALUE, line: 2, fixes: [{ output: D + '  User.find_by_sql(["SELECT * FROM #{User.table_name} WHERE name = ? AND id = ?", x, y])\n' + E }] }],
  },
  {
    name: 'find_by_sql without parentheses: no fix',
    code: D + '  User.find_by_sql "SELECT * FROM users WHERE name = \'#{x}\'"\n' + E,
    errors: [{ messageId: VALUE, line: 2, fixes: [] }],
  },
  {
    name: 'find_by_sql with << appends followed (no fix)',
    code: D + '  sql = "SELECT * FROM users"\n  sql << " WHERE name = \'#{x}\'"\n  User.find_by_sql(sql)\n' + E,
    errors: [{ messageId: VALUE, line: 4, column: 20, endColumn: 23, fixes: [] }],
  },
  // --- identifiers ---------------------------------------------------------------------------------------------------
  {
    name: 'order with interpolated column and direction',
    code: D + '  User.order("#{params[:sort]} #{params[:dir]}")\n' + E,
    errors: [{ messageId: IDENT, message: /`params\[:sort\]`/, line: 2, column: 14, endColumn: 48, fixes: [] }],
  },
  {
    name: 'pluck, group and joins with interpolated names',
    code: D + '  User.pluck("#{x}")\n  User.group("#{y}")\n  User.joins("LEFT JOIN #{x} ON a = b")\n' + E,
    errors: [{ messageId: IDENT, line: 2 }, { messageId: IDENT, line: 3 }, { messageId: IDENT, line: 4 }],
  },
  // --- connection and drivers --------------------------------------------------------------------------------------
  {
    name: 'connection.execute (no fix)',
    code: D + '  ActiveRecord::Base.connection.execute("DELETE FROM users WHERE id = #{x}")\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 41, endColumn: 76, fixes: [] }],
  },
  {
    name: 'name in an instance method is an attribute; a block over a non-literal list is not constant',
    code: 'class Post < ApplicationRecord\n  def siblings\n    Post.where("title = \'#{name}\'")\n  end\n  def self.search(fields)\n    fields.each { |f| where("#{f} IS NOT NULL") }\n  end\nend\n',
    errors: [{ messageId: VALUE, line: 3, column: 16, fixes: [{ title: 'Parameterize query', output: 'class Post < ApplicationRecord\n  def siblings\n    Post.where("title = ?", name)\n  end\n  def self.search(fields)\n    fields.each { |f| where("#{f} IS NOT NULL") }\n  end\nend\n' }] }, { messageId: IDENT, line: 6, column: 29 }],
  },
  {
    name: 'bare execute and select_value (a class reaching its connection) outside migrations: no fix',
    code: 'class Purger\n  delegate :execute, :select_value, to: :connection\n' + D + '  execute("DELETE FROM jobs WHERE owner = \'#{x}\'")\n  select_value "SELECT count(*) FROM jobs WHERE id = #{y}"\n' + E + E,
    errors: [{ messageId: VALUE, line: 4, column: 11, fixes: [] }, { messageId: VALUE, line: 5, column: 16, fixes: [] }],
  },
  {
    name: 'connection.select_all with a heredoc (no fix)',
    code: D + '  q = <<~SQL\n    SELECT * FROM users WHERE name = \'#{x}\'\n  SQL\n  ActiveRecord::Base.connection.select_all(q)\n' + E,
    errors: [{ messageId: VALUE, line: 5, column: 44, endColumn: 45, fixes: [] }],
  },
  {
    name: 'pg exec -> exec_params with $1',
    code: 'def find(conn, x)\n  conn.exec("SELECT * FROM users WHERE name = \'#{x}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 13, endColumn: 54, fixes: [{ output: 'def find(conn, x)\n  conn.exec_params("SELECT * FROM users WHERE name = $1", [x])\n' + E }] }],
  },
  {
    name: 'pg exec through a local variable: rewritten where it is built',
    code: 'def find(conn, x)\n  sql = "UPDATE users SET a = \'#{x}\' WHERE id = #{x}"\n  conn.exec(sql)\n' + E,
    errors: [{ messageId: VALUE, line: 3, column: 13, endColumn: 16, fixes: [{ output: 'def find(conn, x)\n  sql = "UPDATE users SET a = $1 WHERE id = $2"\n  conn.exec_params(sql, [x, x])\n' + E }] }],
  },
  {
    name: 'sqlite3: execute with bind values',
    code: "require 'sqlite3'\n\n" + D + '  db.execute("DELETE FROM users WHERE name = \'#{y}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 4, fixes: [{ title: 'Parameterize query', output: "require 'sqlite3'\n\n" + D + '  db.execute("DELETE FROM users WHERE name = ?", [y])\n' + E }] }],
  },
  {
    name: 'mysql2: query becomes prepare(...).execute(...)',
    code: "require 'mysql2'\n\n" + D + '  client = Mysql2::Client.new(host: "db")\n  client.query("SELECT * FROM users WHERE name = \'" + x + "\'").each { |r| p r }\n' + E,
    errors: [{ messageId: VALUE, line: 5, fixes: [{ output: "require 'mysql2'\n\n" + D + '  client = Mysql2::Client.new(host: "db")\n  client.prepare("SELECT * FROM users WHERE name = ?").execute(x).each { |r| p r }\n' + E }] }],
  },
  {
    name: 'mysql2 query with options, and a file loading two drivers: no fix',
    code: "require 'mysql2'\nrequire 'pg'\n\n" + D + '  client.query("SELECT * FROM users WHERE name = \'#{x}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 5, fixes: [] }],
  },
  {
    name: 'mysql2 client.query and sqlite3 db.execute (no fix)',
    code: D + '  client.query("SELECT * FROM users WHERE name = \'" + x + "\'")\n  db.execute("DELETE FROM users WHERE id = #{y}")\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 16, fixes: [] }, { messageId: VALUE, line: 3, column: 14, fixes: [] }],
  },
  {
    name: 'Sequel: DB[...] and DB.fetch take ? placeholders and their values',
    code: "require 'sequel'\nDB = Sequel.connect(ENV.fetch('DATABASE_URL'))\n" + D + '  DB["SELECT * FROM users WHERE name = \'#{x}\'"].all\n  DB.fetch("SELECT * FROM users WHERE id = \'" + y + "\'").first\n' + E,
    errors: [
      { messageId: VALUE, line: 4, fixes: [{ output: "require 'sequel'\nDB = Sequel.connect(ENV.fetch('DATABASE_URL'))\n" + D + '  DB["SELECT * FROM users WHERE name = ?", x].all\n  DB.fetch("SELECT * FROM users WHERE id = \'" + y + "\'").first\n' + E }] },
      { messageId: VALUE, line: 5, fixes: [{ output: "require 'sequel'\nDB = Sequel.connect(ENV.fetch('DATABASE_URL'))\n" + D + '  DB["SELECT * FROM users WHERE name = \'#{x}\'"].all\n  DB.fetch("SELECT * FROM users WHERE id = ?", y).first\n' + E }] },
    ],
  },
  {
    name: 'Sequel: DB[...], Sequel.lit and db.run',
    code: D + '  DB["SELECT * FROM users WHERE name = \'#{x}\'"].all\n  DB[:users].where(Sequel.lit("name = \'#{x}\'"))\n  db.run("DELETE FROM users WHERE id = " + x)\n' + E,
    errors: [
      { messageId: VALUE, line: 2, column: 6, endColumn: 47, fixes: [{ output: D + '  DB["SELECT * FROM users WHERE name = ?", x].all\n  DB[:users].where(Sequel.lit("name = \'#{x}\'"))\n  db.run("DELETE FROM users WHERE id = " + x)\n' + E }] },
      { messageId: VALUE, line: 3, column: 31, fixes: [] },
      { messageId: VALUE, line: 4, column: 10, fixes: [] },
    ],
  },
  {
    name: 'Arel.sql with a value',
    code: D + '  User.order(Arel.sql("CASE WHEN name = \'#{x}\' THEN 0 ELSE 1 END"))\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 23 }],
  },  // --- format strings, string appends, Rails 2 finder options, request values passed whole -----------------------
  {
    name: 'find_by_sql with a %{name} format filled from the request (no fix)',
    code: 'def show\n  sql = "SELECT * FROM orders WHERE customer_id = \'%{id}\'" % { id: params[:customer_id] }\n  Order.find_by_sql(sql)\nend\n',
    errors: [{ messageId: VALUE, message: /`params\[:customer_id\]`/, line: 3, fixes: [] }],
  },
  {
    name: 'exec_params with a %s format and a << append (no fix)',
    code: D + '  conn.exec_params("SELECT * FROM users WHERE name = \'%s\'" % [x])\n  conn.exec_params("SELECT * FROM users WHERE age = " << cookies[:age])\n' + E,
    errors: [{ messageId: VALUE, message: /`x`/, line: 2, fixes: [] }, { messageId: VALUE, message: /`cookies\[:age\]`/, line: 3, fixes: [] }],
  },
  {
    name: 'concat on a SQL string, inline and as a statement (no fix)',
    code: D + '  sql = "SELECT * FROM users WHERE email = "\n  sql.concat(params[:email])\n  conn.exec(sql)\n  conn.exec("DELETE FROM users WHERE id = ".concat(y))\n' + E,
    errors: [{ messageId: VALUE, message: /`params\[:email\]`/, line: 4, fixes: [] }, { messageId: VALUE, message: /`y`/, line: 5, fixes: [] }],
  },
  {
    name: 'Rails 2 finder options built from the request',
    code: 'class PostsController < ApplicationController\n  def index\n    @posts = Post.find(:all, :conditions => "title LIKE \'%#{params[:q]}%\'", :order => "#{params[:sort]} DESC")\n    @count = Post.count(:conditions => ["author_id = ? AND state = \'#{params[:state]}\'", params[:author]])\n  end\nend\n',
    errors: [
      { messageId: VALUE, message: /`params\[:q\]`/, line: 3, fixes: [] },
      { messageId: IDENT, message: /`params\[:sort\]`/, line: 3, fixes: [] },
      { messageId: VALUE, message: /`params\[:state\]`/, line: 4, fixes: [] },
    ],
  },
  {
    name: 'a request value passed whole as a sort column, selection or calculation',
    code: 'class ReportsController < ApplicationController\n  def index\n    @rows = Sale.order(params[:sort]).select(params[:columns])\n    @total = Sale.sum(params[:column])\n    @top = Sale.find(:all, :group => params[:group])\n  end\nend\n',
    errors: [
      { messageId: IDENT, message: /`params\[:sort\]`/, line: 3, fixes: [] },
      { messageId: IDENT, message: /`params\[:columns\]`/, line: 3, fixes: [] },
      { messageId: IDENT, message: /`params\[:column\]`/, line: 4, fixes: [] },
      { messageId: IDENT, message: /`params\[:group\]`/, line: 5, fixes: [] },
    ],
  },
  // --- more ActiveRecord, Arel and pg sinks ----------------------------------------------------------------------
  {
    name: 'delete_by and destroy_by pass their condition to where',
    code: D + '  User.delete_by("token = \'#{x}\'")\n  User.destroy_by(["owner = \'#{y}\'"])\n' + E,
    errors: [
      { messageId: VALUE, line: 2, column: 18, fixes: [{ output: D + '  User.delete_by("token = ?", x)\n  User.destroy_by(["owner = \'#{y}\'"])\n' + E }] },
      { messageId: VALUE, line: 3, column: 20, fixes: [] },
    ],
  },
  {
    name: 'array form of find_by_sql with interpolation: reported, not wrapped again',
    code: D + '  User.find_by_sql(["SELECT * FROM users WHERE name = \'#{x}\'"])\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 21, fixes: [] }],
  },
  {
    name: 'find_or_create_by! with an SQL string',
    code: D + '  Tag.find_or_create_by!("name = \'#{x}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 26, fixes: [] }],
  },
  {
    name: 'reselect and calculate with a request column',
    code: D + '  User.reselect(params[:cols])\n  Order.calculate(:sum, params[:col])\n' + E,
    errors: [{ messageId: IDENT, line: 2, column: 17, fixes: [] }, { messageId: IDENT, line: 3, column: 25, fixes: [] }],
  },
  {
    name: 'Arel::Nodes::SqlLiteral.new',
    code: D + '  Arel::Nodes::SqlLiteral.new("total * #{x}")\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 31, fixes: [] }],
  },
  {
    name: 'pg: async_exec becomes async_exec_params, exec_params gets its values',
    code: D + '  conn.async_exec("SELECT * FROM users WHERE name = \'#{x}\'")\n  conn.exec_params("DELETE FROM users WHERE id = \'#{y}\'")\n' + E,
    errors: [
      { messageId: VALUE, line: 2, column: 19, fixes: [{ output: D + '  conn.async_exec_params("SELECT * FROM users WHERE name = $1", [x])\n  conn.exec_params("DELETE FROM users WHERE id = \'#{y}\'")\n' + E }] },
      { messageId: VALUE, line: 3, column: 20, fixes: [{ output: D + '  conn.async_exec("SELECT * FROM users WHERE name = \'#{x}\'")\n  conn.exec_params("DELETE FROM users WHERE id = $1", [y])\n' + E }] },
    ],
  },
  {
    name: 'pg: prepare takes the SQL second',
    code: D + '  conn.prepare("by_name", "SELECT * FROM users WHERE name = \'#{x}\'")\n' + E,
    errors: [{ messageId: VALUE, line: 2, column: 27, fixes: [] }],
  },
  {
    name: 'guards that do not hold at the query: reassigned after the check, a != check, a later write in a block',
    code: D + '  if y == "ASC"\n    y = params[:dir]\n    User.order("name #{y}")\n  end\n  User.order("name #{x}") if x != "ASC"\n  d = "ASC"\n  rows.each do |r|\n    User.order("name #{d}")\n    d = r.dir\n  end\n' + E,
    errors: [
      { messageId: IDENT, line: 4, fixes: [] },
      { messageId: IDENT, line: 6, fixes: [] },
      { messageId: IDENT, line: 9, fixes: [] },
    ],
  },
  {
    name: 'reload with a lock clause from the request',
    code: D + '  user.reload(lock: params[:lock])\n' + E,
    errors: [{ messageId: IDENT, line: 2, column: 21, fixes: [] }],
  },
  {
    name: 'x = CONST unless the check covers another value or an alternative',
    code: D + '  y = "DESC" unless y == "ASC" || x\n  User.order("name #{y}")\n' + E,
    errors: [{ messageId: IDENT, line: 3, fixes: [] }],
  },
  {
    name: 'Sequel: a connection from Sequel.connect, indexed, appended to and its execute_* and with_sql_* methods',
    code: 'require "sequel"\n' + D + '  conn = Sequel.connect(ENV["DATABASE_URL"])\n  conn["SELECT * FROM users WHERE name = \'#{x}\'"]\n  conn << "DELETE FROM users WHERE name = \'#{x}\'"\n  conn.execute_dui "UPDATE users SET name = \'#{y}\'"\n  conn.dataset.with_sql_first("SELECT * FROM users WHERE id = #{y}")\n' + E,
    errors: [
      { messageId: VALUE, line: 4, column: 8, fixes: [{ output: 'require "sequel"\n' + D + '  conn = Sequel.connect(ENV["DATABASE_URL"])\n  conn["SELECT * FROM users WHERE name = ?", x]\n  conn << "DELETE FROM users WHERE name = \'#{x}\'"\n  conn.execute_dui "UPDATE users SET name = \'#{y}\'"\n  conn.dataset.with_sql_first("SELECT * FROM users WHERE id = #{y}")\n' + E }] },
      { messageId: VALUE, line: 5, column: 11, fixes: [] },
      { messageId: VALUE, line: 6, column: 20, fixes: [] },
      { messageId: VALUE, line: 7, column: 31, fixes: [] },
    ],
  },
];

ruleTester(rule, { path: 'app/models/user.rb', valid, invalid });

// --- fix outputs parse --------------------------------------------------------------------------------------------

describe('rule sql/string-built-query (Ruby) fix outputs', () => {
  itParsesFixOutputs('ruby', invalid);
});
