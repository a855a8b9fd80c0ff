// The env-var fix in every language it writes: the rewritten source, the .env/.gitignore/.env.example edits, and that the result still parses.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJs } from '@typescript-eslint/typescript-estree';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { applyFix, checkFile, MemoryHost, type Finding } from '../../../server/src/engine';
import rule from '../../../server/src/engine/rules/secret/generic-secret';
import { goImportOsEdit } from '../../../server/src/engine/fixes/env-var';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';
import { password, token } from '../../helpers/secrets';

const tok = token(11);
const pw = password(12);
const WASM = join(__dirname, '../../../node_modules/@vscode/tree-sitter-wasm/wasm');

type Grammar = 'go' | 'java' | 'c-sharp' | 'ruby' | 'php' | 'python' | 'rust' | 'bash' | 'yaml';
const languages = new Map<string, Language>();
let ready: Promise<void> | undefined;

/** Syntax errors tree-sitter finds in `src`, as the text of the first bad node (undefined when it parses). */
async function syntaxError(grammar: Grammar, src: string): Promise<string | undefined> {
  if (grammar === 'yaml') return undefined;
  ready ??= Parser.init({ locateFile: (f: string) => join(WASM, f) });
  await ready;
  let lang = languages.get(grammar);
  if (!lang) {
    lang = await Language.load(readFileSync(join(WASM, `tree-sitter-${grammar}.wasm`)));
    languages.set(grammar, lang);
  }
  const parser = new Parser();
  parser.setLanguage(lang);
  const tree = parser.parse(src);
  try {
    if (!tree || !tree.rootNode.hasError) return undefined;
    let bad = tree.rootNode;
    for (;;) {
      const next = bad.children.find((c) => c && (c.hasError || c.isMissing || c.type === 'ERROR'));
      if (!next) break;
      bad = next;
    }
    return bad.text || '(missing node)';
  } finally {
    tree?.delete();
    parser.delete();
  }
}

interface Case {
  name: string;
  path: string;
  code: string;
  grammar: Grammar | 'ts';
  /** The source after the fix; undefined: no fix is offered. */
  output?: string;
  files?: Record<string, string>;
  expectFiles?: Record<string, string | null>;
}

const cases: Case[] = [
  {
    name: 'Go: os.Getenv, "os" added to the import block', path: 'main.go', grammar: 'go',
    code: `package main\n\nimport (\n\t"fmt"\n)\n\nfunc main() {\n\tpassword := "${pw}"\n\tfmt.Println(len(password))\n}\n`,
    output: `package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nfunc main() {\n\tpassword := os.Getenv("PASSWORD")\n\tfmt.Println(len(password))\n}\n`,
    expectFiles: { '.env': `PASSWORD=${pw}\n`, '.gitignore': '.env\n' },
  },
  {
    name: 'Go: a file with no imports gets one', path: 'cfg/cfg.go', grammar: 'go',
    code: `package cfg\n\nvar apiToken = "${tok}"\n`,
    output: `package cfg\n\nimport "os"\n\nvar apiToken = os.Getenv("API_TOKEN")\n`,
  },
  {
    name: 'Go: "os" already imported', path: 'x.go', grammar: 'go',
    code: `package x\n\nimport "os"\n\nvar Secret = "${tok}"\n\nvar _ = os.Args\n`,
    output: `package x\n\nimport "os"\n\nvar Secret = os.Getenv("SECRET")\n\nvar _ = os.Args\n`,
  },
  { name: 'Go: const cannot hold a call', path: 'c.go', grammar: 'go', code: `package c\n\nconst (\n\tapiToken = "${tok}"\n)\n` },
  {
    name: 'Java: System.getenv', path: 'src/App.java', grammar: 'java',
    code: `class App {\n  private static final String API_KEY = "${tok}";\n}\n`,
    output: `class App {\n  private static final String API_KEY = System.getenv("API_KEY");\n}\n`,
  },
  { name: 'Java: annotations need constants', path: 'src/Svc.java', grammar: 'java', code: `class Svc {\n  @Value(password = "${pw}")\n  String p;\n}\n` },
  {
    name: 'C#: System.Environment, fully qualified', path: 'App.cs', grammar: 'c-sharp',
    code: `class App {\n  static string Password = "${pw}";\n}\n`,
    output: `class App {\n  static string Password = System.Environment.GetEnvironmentVariable("PASSWORD");\n}\n`,
  },
  { name: 'C#: const cannot hold a call', path: 'K.cs', grammar: 'c-sharp', code: `class K {\n  const string ApiKey = "${tok}";\n}\n` },
  {
    name: 'Ruby: ENV.fetch', path: 'config/initializers/api.rb', grammar: 'ruby',
    code: `Client.configure do |c|\n  c.api_key = "${tok}"\nend\n`,
    output: `Client.configure do |c|\n  c.api_key = ENV.fetch("API_KEY")\nend\n`,
  },
  {
    name: 'PHP: getenv', path: 'src/db.php', grammar: 'php',
    code: `<?php\n$db_pass = '${pw}';\n`,
    output: `<?php\n$db_pass = getenv('DB_PASS');\n`,
  },
  {
    name: 'PHP: env() in a Laravel config file', path: 'config/services.php', grammar: 'php',
    code: `<?php\nreturn [\n  'mailgun' => ['domain' => env('MAILGUN_DOMAIN'), 'secret' => '${tok}'],\n];\n`,
    output: `<?php\nreturn [\n  'mailgun' => ['domain' => env('MAILGUN_DOMAIN'), 'secret' => env('SECRET')],\n];\n`,
  },
  { name: 'PHP: property defaults must be constant', path: 'src/Client.php', grammar: 'php', code: `<?php\nclass Client {\n  private $apiKey = '${tok}';\n}\n` },
  {
    name: 'Python: os.environ and import os', path: 'app/settings.py', grammar: 'python',
    code: `"""Settings."""\nDB_PASSWORD = "${pw}"\n`,
    output: `"""Settings."""\nimport os\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n`,
  },
  {
    name: 'Rust: std::env::var, borrowed where a &str was', path: 'src/main.rs', grammar: 'rust',
    code: `fn main() {\n    let api_token = "${tok}";\n    println!("{}", api_token.len());\n}\n`,
    output: `fn main() {\n    let api_token = &std::env::var("API_TOKEN").expect("API_TOKEN must be set");\n    println!("{}", api_token.len());\n}\n`,
  },
  {
    name: 'Rust: owned where the code made a String', path: 'src/lib.rs', grammar: 'rust',
    code: `fn cfg() -> String {\n    let password = "${pw}".to_string();\n    password\n}\n`,
    output: `fn cfg() -> String {\n    let password = std::env::var("PASSWORD").expect("PASSWORD must be set").to_string();\n    password\n}\n`,
  },
  { name: 'Rust: const cannot hold a call', path: 'src/k.rs', grammar: 'rust', code: `pub const API_TOKEN: Token = "${tok}";\n` },
  {
    name: 'shell: fails clearly when unset', path: 'deploy.sh', grammar: 'bash',
    code: `#!/bin/sh\nexport API_TOKEN="${tok}"\ncurl -H "X-Token: $API_TOKEN" https://api.example.com\n`,
    output: `#!/bin/sh\nexport API_TOKEN="\${API_TOKEN:?API_TOKEN is not set}"\ncurl -H "X-Token: $API_TOKEN" https://api.example.com\n`,
  },
  {
    name: 'compose: ${NAME} and the .env next to the compose file', path: 'deploy/docker-compose.yml', grammar: 'yaml',
    code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "${pw}"\n`,
    output: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}\n`,
    files: { '.gitignore': 'node_modules/\n', 'deploy/.env.example': 'POSTGRES_USER=\n' },
    expectFiles: {
      'deploy/.env': `POSTGRES_PASSWORD=${pw}\n`,
      '.gitignore': 'node_modules/\n/deploy/.env\n',
      'deploy/.env.example': 'POSTGRES_USER=\nPOSTGRES_PASSWORD=\n',
      '.env': null,
    },
  },
  {
    name: 'workflow: a repository secret, no .env', path: '.github/workflows/ci.yml', grammar: 'yaml',
    code: `jobs:\n  test:\n    env:\n      API_TOKEN: ${tok}\n`,
    output: 'jobs:\n  test:\n    env:\n      API_TOKEN: ${{ secrets.API_TOKEN }}\n',
    expectFiles: { '.env': null, '.gitignore': null },
  },
  { name: 'plain YAML: no reference syntax to write', path: 'config/app.yml', grammar: 'yaml', code: `db:\n  password: "${pw}"\n` },
  {
    name: 'TypeScript: process.env, a new name when .env holds another value', path: 'src/a.ts', grammar: 'ts',
    code: `export const clientSecret = '${tok}';\n`,
    output: 'export const clientSecret = process.env.CLIENT_SECRET_2;\n',
    files: { '.env': 'CLIENT_SECRET=other\n', '.gitignore': '.env*\n' },
    expectFiles: { '.env': `CLIENT_SECRET=other\nCLIENT_SECRET_2=${tok}\n`, '.gitignore': null },
  },
];

async function findings(c: Case): Promise<{ host: MemoryHost; found: Finding[] }> {
  const host = new MemoryHost(new Map(Object.entries({ ...c.files, [c.path]: c.code })));
  const { findings: found } = await checkFile({ path: c.path, text: c.code }, host, { ruleSet: [rule] });
  return { host, found };
}

describe('env-var fix in each language', function () {
  this.timeout(30_000);

  for (const c of cases) {
    it(c.name, async () => {
      const { host, found } = await findings(c);
      assert.equal(found.length, 1, `findings: ${found.map((f) => f.message).join('; ')}`);
      const fixes = found[0].fixes.filter((f) => f.kind !== 'suppress' && f.applicability !== 'displayOnly');
      if (c.output === undefined) {
        assert.deepEqual(fixes.map((f) => f.title), [], 'no fix is offered here');
        return;
      }
      assert.equal(fixes.length, 1);
      const files = applyFix(fixes[0], (p) => host.files.get(p));
      assert.equal(files.get(c.path), c.output);
      for (const [p, want] of Object.entries(c.expectFiles ?? {})) {
        assert.equal(files.has(p) ? files.get(p) : null, want, p);
      }
      if (!c.expectFiles) assert.match(files.get('.env') ?? '', /^[A-Z_]+=/, '.env written');
      assert.ok(!fixes[0].title.includes(tok) && !fixes[0].title.includes(pw), 'the title holds no secret');
      if (c.grammar === 'ts') parseJs(c.output);
      else assert.equal(await syntaxError(c.grammar, c.output), undefined, 'the fixed source parses');
      // The input parsed too: a parse error after the fix is the fix's fault, not the sample's.
      if (c.grammar !== 'ts') assert.equal(await syntaxError(c.grammar, c.code), undefined, 'the sample parses');
    });
  }

  it('a Dockerfile ENV gets a display-only hint (build secrets), never an edit', async () => {
    const c: Case = { name: '', path: 'Dockerfile', grammar: 'yaml', code: `FROM node:20\nENV API_TOKEN=${tok}\n` };
    const { found } = await findings(c);
    assert.equal(found.length, 1);
    const hint = found[0].fixes.filter((f) => f.kind !== 'suppress');
    assert.deepEqual(hint.map((f) => f.applicability), ['displayOnly']);
    assert.match(hint[0].title, /--mount=type=secret,id=API_TOKEN/);
    assert.deepEqual(hint[0].changes, []);
  });

  it('goImportOsEdit: adds "os" once, after a single import or the package clause', () => {
    const add = (src: string): string => {
      const e = goImportOsEdit(new LineIndex(src));
      return e ? applyEdits(src, [e]) : src;
    };
    assert.equal(add('package a\n\nimport "fmt"\n'), 'package a\n\nimport "fmt"\nimport "os"\n');
    assert.equal(add('package a\n\nimport (\n\t"fmt"\n\t"os"\n)\n'), 'package a\n\nimport (\n\t"fmt"\n\t"os"\n)\n');
    assert.equal(add('package a\r\n'), 'package a\r\n\r\nimport "os"\r\n');
  });
});
