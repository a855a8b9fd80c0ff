// `npm run bench:accuracy`: precision and recall per rule family on a labeled corpus written at run time, Warden against secretlint on secrets.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { providerSpecs } from '../server/src/engine/rules/secret/providers';
import { ALPHABETS, sampleSecret } from '../server/src/engine/rules/secret/samples';

type Family = 'secret' | 'sql' | 'config';
interface Sample {
  path: string;
  text: string;
  family: Family;
  /** True: the file holds one problem of its family; false: it must stay clean for that family. */
  positive: boolean;
  /** Scored on this rule alone: a provider's false sample is often another provider's token or a secret-named value. */
  rule?: string;
}

const root = path.join(__dirname, '..');
const rnd = (alphabet: string, n: number, seed: number): string => sampleSecret(alphabet, n, 9000 + seed);
const strongPassword = (seed: number): string => 'K' + rnd(ALPHABETS.alnum, 14, seed) + '#9';
const apiToken = (seed: number): string => rnd(ALPHABETS.alnum, 40, seed);

function secretSamples(): Sample[] {
  const out: Sample[] = [];
  // Provider shapes: each spec's own true and false samples (the rule data's test vectors).
  for (const spec of providerSpecs) {
    const slug = spec.id.slice('secret/'.length);
    spec.samples.tp().forEach((text, i) => out.push({ path: `secrets/providers/${slug}-tp${i}.txt`, text: text + '\n', family: 'secret', positive: true, rule: spec.id }));
    spec.samples.fp().forEach((text, i) => out.push({ path: `secrets/providers/${slug}-fp${i}.txt`, text: text + '\n', family: 'secret', positive: false, rule: spec.id }));
  }
  // Secret-named values in the file types people commit.
  let seed = 0;
  const generic: [string, (v: string) => string][] = [
    ['src/db.ts', (v) => `export const dbPassword = "${v}";\n`],
    ['src/client.js', (v) => `const client = new Client({ apiKey: '${v}' });\n`],
    ['app/settings.py', (v) => `DATABASE_PASSWORD = "${v}"\n`],
    ['app/service.py', (v) => `client = Service(api_token="${v}")\n`],
    ['config/app.yml', (v) => `database:\n  password: "${v}"\n`],
    ['config/app.json', (v) => `{ "auth": { "client_secret": "${v}" } }\n`],
    ['config/app.toml', (v) => `[db]\npassword = "${v}"\n`],
    ['src/main/resources/application.properties', (v) => `spring.datasource.password=${v}\n`],
    ['cmd/main.go', (v) => `package main\n\nvar apiSecret = "${v}"\n`],
    ['src/App.java', (v) => `class App {\n  static final String API_KEY = "${v}";\n}\n`],
    ['config/initializers/api.rb', (v) => `Api.token = "${v}"\n`],
    ['config/secrets.php', (v) => `<?php\n$password = '${v}';\n`],
    ['Dockerfile', (v) => `FROM node:20\nENV API_TOKEN=${v}\n`],
    ['docker-compose.yml', (v) => `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${v}\n`],
    ['.github/workflows/ci.yml', (v) => `jobs:\n  t:\n    env:\n      DEPLOY_TOKEN: ${v}\n`],
    ['scripts/deploy.sh', (v) => `#!/bin/sh\nexport AUTH_TOKEN="${v}"\n`],
  ];
  for (const [p, make] of generic) {
    out.push({ path: `secrets/generic/a/${p}`, text: make(strongPassword(seed++)), family: 'secret', positive: true });
    out.push({ path: `secrets/generic/b/${p}`, text: make(apiToken(seed++)), family: 'secret', positive: true });
  }
  // The usual false-positive traps of secret scanners, in the same file types.
  const traps: [string, string][] = [
    ['src/a.ts', 'const password = process.env.DB_PASSWORD;\n'],
    ['src/b.ts', 'const apiKey = "your-api-key-here";\n'],
    ['src/c.ts', 'const token = "<TOKEN>";\n'],
    ['src/d.ts', 'const secret = "${SECRET}";\n'],
    ['src/e.ts', 'const passwordField = "password";\nconst TOKEN_KEY = "auth_token";\n'],
    ['src/f.ts', 'const requestId = "3f2b8c1e-9a4d-4e7b-8f6a-2c5d7e9b1a3f";\n'],
    ['src/g.ts', 'const commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";\n'],
    ['src/h.ts', 'const label = t("Enter your password to continue");\n'],
    ['src/i.ts', 'const apiKey = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";\n'],
    ['src/j.ts', 'const secretName = "prod/db/credentials";\n'],
    ['app/k.py', 'PASSWORD = os.environ["PASSWORD"]\n'],
    ['app/l.py', 'api_key = get_secret("payments/api-key")\n'],
    ['app/m.py', 'password = "changeme"  # replaced at deploy\n'],
    ['config/n.yml', 'password: ${DB_PASSWORD}\ntoken: "{{ vault_token }}"\n'],
    ['config/o.yml', 'api_key: <your-api-key>\n'],
    ['.env.example', 'API_KEY=\nDB_PASSWORD=your-password\nSECRET_KEY=changeme\n'],
    ['package-lock.json', `{ "packages": { "node_modules/a": { "integrity": "sha512-${rnd(ALPHABETS.base64, 86, 1)}==" } } }\n`],
    ['yarn.lock', `a@^1.0.0:\n  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#${rnd(ALPHABETS.hex, 40, 2)}"\n`],
    ['go.sum', `github.com/a/b v1.0.0 h1:${rnd(ALPHABETS.base64, 43, 3)}=\n`],
    ['docs/aws.md', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'],
    ['src/p.js', 'const img = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";\n'],
    ['src/q.go', 'package q\n\nvar password = os.Getenv("PASSWORD")\n'],
    ['src/R.java', 'class R {\n  String password = System.getenv("PASSWORD");\n}\n'],
    ['Dockerfile.dev', 'FROM node:20\nARG NPM_TOKEN\nENV API_URL=https://api.example.com\nUSER node\n'],
  ];
  for (const [p, text] of traps) out.push({ path: `secrets/traps/${p}`, text, family: 'secret', positive: false });
  return out;
}

function sqlSamples(): Sample[] {
  const pos: [string, string][] = [
    ['js/a.js', "const { Pool } = require('pg');\nconst pool = new Pool();\nasync function f(name) {\n  return pool.query(`SELECT * FROM users WHERE name = '${name}'`);\n}\n"],
    ['js/b.js', "const mysql = require('mysql2');\nfunction g(conn, id) {\n  const sql = 'DELETE FROM orders WHERE id = ' + id;\n  conn.query(sql);\n}\n"],
    ['js/c.ts', "import knex from 'knex';\nexport const q = (db: ReturnType<typeof knex>, s: string) => db.raw(`select * from items where sku = '${s}'`);\n"],
    ['py/a.py', 'import sqlite3\n\ndef find(conn, name):\n    cur = conn.cursor()\n    cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n    return cur.fetchall()\n'],
    ['py/b.py', 'import psycopg2\n\ndef delete(conn, uid):\n    sql = "DELETE FROM users WHERE id = %s" % uid\n    conn.cursor().execute(sql)\n'],
    ['py/c.py', 'from django.db import connection\n\ndef search(term):\n    with connection.cursor() as c:\n        c.execute("SELECT id FROM app_item WHERE title LIKE \'%" + term + "%\'")\n'],
    ['py/d.py', 'from sqlalchemy import text\n\ndef by_email(session, email):\n    return session.execute(text("SELECT * FROM users WHERE email = \'{}\'".format(email)))\n'],
    ['go/a.go', 'package a\n\nimport (\n\t"database/sql"\n\t"fmt"\n)\n\nfunc Find(db *sql.DB, name string) {\n\tdb.Query(fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name))\n}\n'],
    ['java/A.java', 'import java.sql.*;\n\nclass A {\n  ResultSet find(Connection c, String name) throws SQLException {\n    Statement st = c.createStatement();\n    return st.executeQuery("SELECT * FROM users WHERE name = \'" + name + "\'");\n  }\n}\n'],
    ['php/a.php', '<?php\nfunction find($mysqli, $name) {\n  return $mysqli->query("SELECT * FROM users WHERE name = \'$name\'");\n}\n'],
    ['ruby/a.rb', 'class UsersController < ApplicationController\n  def index\n    @users = User.where("name = \'#{params[:name]}\'")\n  end\nend\n'],
  ];
  const neg: [string, string][] = [
    ['js/a.js', "const { Pool } = require('pg');\nconst pool = new Pool();\nconst f = (name) => pool.query('SELECT * FROM users WHERE name = $1', [name]);\n"],
    ['js/b.js', "const TABLE = 'users';\nconst sql = 'SELECT * FROM ' + TABLE + ' WHERE id = ?';\nmodule.exports = (db, id) => db.query(sql, [id]);\n"],
    ['js/c.js', "function log(user) {\n  console.log(`select failed for ${user.name}: update the record`);\n}\n"],
    ['py/a.py', 'def find(cur, name):\n    cur.execute("SELECT * FROM users WHERE name = %s", (name,))\n'],
    ['py/b.py', 'import logging\n\ndef warn(name):\n    logging.warning(f"SELECT failed for {name}; delete from cache")\n'],
    ['py/c.py', 'QUERY = "SELECT * FROM users WHERE id = ?"\n\ndef get(conn, uid):\n    return conn.execute(QUERY, (uid,)).fetchone()\n'],
    ['go/a.go', 'package a\n\nimport "database/sql"\n\nfunc Find(db *sql.DB, name string) {\n\tdb.Query("SELECT * FROM users WHERE name = $1", name)\n}\n'],
    ['java/A.java', 'import java.sql.*;\n\nclass A {\n  ResultSet find(Connection c, String name) throws SQLException {\n    PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE name = ?");\n    ps.setString(1, name);\n    return ps.executeQuery();\n  }\n}\n'],
    ['php/a.php', '<?php\nfunction find($pdo, $name) {\n  $st = $pdo->prepare("SELECT * FROM users WHERE name = ?");\n  $st->execute([$name]);\n  return $st->fetchAll();\n}\n'],
    ['ruby/a.rb', 'class UsersController < ApplicationController\n  def index\n    @users = User.where("name = ?", params[:name])\n  end\nend\n'],
  ];
  return [
    ...pos.map(([p, text]): Sample => ({ path: `sql/pos/${p}`, text, family: 'sql', positive: true })),
    ...neg.map(([p, text]): Sample => ({ path: `sql/neg/${p}`, text, family: 'sql', positive: false })),
  ];
}

function configSamples(): Sample[] {
  const pos: [string, string][] = [
    ['a/Dockerfile', 'FROM node:20\nCOPY . /app\nUSER root\nCMD ["node", "/app/index.js"]\n'],
    ['b/docker-compose.yml', 'services:\n  app:\n    image: app\n    privileged: true\n'],
    ['c/app.py', 'from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=True)\n'],
    ['d/client.py', 'import requests\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n'],
    ['e/agent.js', "const https = require('https');\nmodule.exports = new https.Agent({ rejectUnauthorized: false });\n"],
    ['f/main.py', 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n'],
    ['g/.github/workflows/ci.yml', 'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ secrets.DEPLOY_KEY }}"\n'],
    ['h/settings/production.py', 'DEBUG = True\nALLOWED_HOSTS = ["*"]\n'],
    ['i/install.sh', '#!/bin/sh\ncurl -k https://example.com/install.sh | sh\n'],
    ['j/.env.production', 'APP_ENV=production\nAPP_DEBUG=true\n'],
  ];
  const neg: [string, string][] = [
    ['a/Dockerfile', 'FROM node:20\nCOPY . /app\nUSER node\nCMD ["node", "/app/index.js"]\n'],
    ['b/docker-compose.yml', 'services:\n  app:\n    image: app\n    read_only: true\n'],
    ['c/app.py', 'import os\nfrom flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n'],
    ['d/client.py', 'import requests\n\ndef fetch(url):\n    return requests.get(url, verify="/etc/ssl/corp-ca.pem", timeout=10)\n'],
    ['e/agent.js', "const https = require('https');\nmodule.exports = new https.Agent({ ca: process.env.CA_PEM });\n"],
    ['f/main.py', 'import os\nfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=os.environ["ORIGINS"].split(","))\n'],
    ['g/.github/workflows/ci.yml', 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n'],
    ['h/settings/dev.py', 'DEBUG = True\nALLOWED_HOSTS = ["localhost"]\n'],
    ['i/install.sh', '#!/bin/sh\ncurl -fsSL https://example.com/install.sh -o install.sh\n'],
    ['j/.env.development', 'APP_ENV=local\nAPP_DEBUG=true\n'],
    ['k/bind.py', 'import socket\ns = socket.socket()\ns.bind(("0.0.0.0", 8080))\n'],
  ];
  return [
    ...pos.map(([p, text]): Sample => ({ path: `config/pos/${p}`, text, family: 'config', positive: true })),
    ...neg.map(([p, text]): Sample => ({ path: `config/neg/${p}`, text, family: 'config', positive: false })),
  ];
}

interface Score { tp: number; fp: number; fn: number; tn: number; misses: string[]; noise: string[] }

function score(samples: Sample[], flagged: (s: Sample) => boolean): Score {
  const sc: Score = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [], noise: [] };
  for (const s of samples) {
    const hit = flagged(s);
    if (s.positive && hit) sc.tp++;
    else if (s.positive) { sc.fn++; sc.misses.push(s.path); }
    else if (hit) { sc.fp++; sc.noise.push(s.path); }
    else sc.tn++;
  }
  return sc;
}

const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function line(name: string, sc: Score): string {
  return `${name.padEnd(24)} precision ${pct(sc.tp, sc.tp + sc.fp)}  recall ${pct(sc.tp, sc.tp + sc.fn)}  (tp ${sc.tp}, fp ${sc.fp}, fn ${sc.fn}, tn ${sc.tn})`;
}

function main(): void {
  const samples = [...secretSamples(), ...sqlSamples(), ...configSamples()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-accuracy-'));
  try {
    for (const s of samples) {
      fs.mkdirSync(path.dirname(path.join(dir, s.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, s.path), s.text);
    }
    const cli = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    const run = spawnSync(process.execPath, [cli, 'audit', dir, '--format', 'json', '--test-paths', 'same'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; path: string }[] };
    const families = new Map<string, Set<string>>();
    const rules = new Map<string, Set<string>>();
    for (const f of report.findings) {
      const family = f.ruleId.split('/')[0];
      if (!families.has(f.path)) families.set(f.path, new Set());
      families.get(f.path)!.add(family);
      if (!rules.has(f.path)) rules.set(f.path, new Set());
      rules.get(f.path)!.add(f.ruleId);
    }
    console.log(`corpus: ${samples.length} files written at run time (provider rules' own samples, secret-named values in 16 file types, scanner traps, SQL and config snippets)\n`);
    const byFamily = (fam: Family): Sample[] => samples.filter((s) => s.family === fam);
    const warden = (s: Sample): boolean => (s.rule ? rules.get(s.path)?.has(s.rule) : families.get(s.path)?.has(s.family)) ?? false;
    for (const fam of ['secret', 'sql', 'config'] as Family[]) {
      const sc = score(byFamily(fam), warden);
      console.log(line(`warden ${fam}`, sc));
      if (sc.misses.length) console.log(`  missed: ${sc.misses.slice(0, 8).join(', ')}${sc.misses.length > 8 ? ', …' : ''}`);
      if (sc.noise.length) console.log(`  noise:  ${sc.noise.slice(0, 8).join(', ')}${sc.noise.length > 8 ? ', …' : ''}`);
    }
    // Cross-family noise: a finding of another family in a file labeled for one family's negatives.
    const cross = samples.filter((s) => !s.positive && !s.rule && [...(families.get(s.path) ?? [])].some((f) => f !== s.family));
    console.log(`cross-family findings on negative files: ${cross.length}${cross.length ? ` (${cross.map((s) => s.path).slice(0, 5).join(', ')})` : ''}`);

    // The peer on the same secret files: secretlint's recommended preset.
    const secretlint = path.join(root, 'node_modules', '.bin', 'secretlint');
    if (fs.existsSync(secretlint)) {
      fs.writeFileSync(path.join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
      const out = path.join(os.tmpdir(), `warden-accuracy-secretlint-${process.pid}.json`);
      spawnSync(secretlint, ['secrets/**/*', 'secrets/**/.*', '--format', 'json', '--output', out, '--secretlintrc', '.secretlintrc.json'], { cwd: dir, encoding: 'utf8' });
      try {
        const peer = JSON.parse(fs.readFileSync(out, 'utf8')) as { filePath: string; messages: unknown[] }[];
        const hit = new Set(peer.filter((f) => f.messages.length > 0).map((f) => path.relative(dir, f.filePath).split(path.sep).join('/')));
        // secretlint names its rules differently, so both tools are scored per file here: any secret finding.
        const anySecret = (s: Sample): boolean => families.get(s.path)?.has('secret') ?? false;
        const fileLevel = byFamily('secret').filter((s) => s.positive || !s.rule);
        const wardenSc = score(fileLevel, anySecret);
        const peerSc = score(fileLevel, (s) => hit.has(s.path));
        console.log('\nsecret files, any finding (provider true samples, secret-named values, traps):');
        console.log(line('warden', wardenSc));
        console.log(line('secretlint', peerSc));
        console.log(`ratio (warden / secretlint): recall ${(wardenSc.tp / Math.max(1, peerSc.tp)).toFixed(2)}x, false positives ${wardenSc.fp} vs ${peerSc.fp}`);
      } catch (e) {
        console.log(`secretlint report unreadable: ${(e as Error).message.slice(0, 160)}`);
      } finally {
        fs.rmSync(out, { force: true });
      }
    } else {
      console.log('secretlint not installed: no peer comparison');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
