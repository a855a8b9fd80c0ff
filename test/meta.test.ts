// Meta-tests: every rule has its test, doc page and complete meta; the manifest covers what the code uses.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, docsUrl } from '../server/src/engine';
import { PROVIDERS_PAGE } from '../server/src/engine/rule';
import { GRAMMARS } from '../server/src/engine/languages/tree-sitter';
import { Commands } from '../server/src/protocol';
import { defaultSettings, parseSettings } from '../server/src/settings';

const root = join(__dirname, '..');
const read = (rel: string): string => readFileSync(join(root, rel), 'utf8');
const readJson = (rel: string): any => JSON.parse(read(rel));

/** Sections every rule page has, in this order (ruff's layout). */
const DOC_SECTIONS = ['What it does', 'Why it is bad', 'Example', 'Use instead', 'Fix safety', 'References'];

/** `warden.*` strings in the code that are neither commands nor settings. */
const OTHER_IDS = new Set(['warden.status']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (rel.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** `'warden.x'` / `"warden.x"` literals; backtick spans are skipped since comments quote ids that way. */
function wardenIds(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of files) {
    for (const m of read(f).matchAll(/(['"])(warden\.[A-Za-z][\w.]*)\1/g)) if (!found.has(m[2])) found.set(m[2], f);
  }
  return found;
}

const pkg = readJson('package.json');
const commands: { command: string; title: string; category?: string }[] = pkg.contributes?.commands ?? [];
const properties: Record<string, any> = pkg.contributes?.configuration?.properties ?? {};

describe('meta: rules', () => {
  it('the registry has rules', () => {
    assert.ok(allRules.length > 0);
  });

  const providerRules = allRules.filter((r) => r.meta.provider);

  for (const rule of allRules) {
    const { id, category } = rule.meta;
    const name = id.slice(category.length + 1);
    // Provider rules are data: one sample test and one documentation page cover them all.
    const testFile = rule.meta.provider ? 'test/rules/secret/provider-samples.test.ts' : `test/rules/${category}/${name}.test.ts`;
    const docFile = rule.meta.provider ? `docs/rules/${PROVIDERS_PAGE}` : `docs/rules/${category}-${name}.md`;

    describe(id, () => {
      it('has complete meta', () => {
        const m = rule.meta;
        assert.match(id, /^(secret|sql|config|git)\/[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(m.description.trim().length > 10, 'description is missing or too short');
        assert.match(m.cwe, /^CWE-\d+$/);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity), `severity ${m.severity}`);
        assert.ok(['safe', 'unsafe', 'displayOnly', 'none'].includes(m.fix), `fix ${m.fix}`);
        const messages = Object.entries(m.messages);
        assert.ok(messages.length > 0, 'no messages');
        for (const [messageId, text] of messages) {
          assert.match(messageId, /^[a-zA-Z][\w-]*$/, `messageId ${messageId}`);
          assert.ok(typeof text === 'string' && text.trim() !== '', `message ${messageId} is empty`);
        }
      });

      it(`has a test file at ${testFile}`, () => {
        assert.ok(existsSync(join(root, testFile)), 'test file is missing');
      });

      it(`has a doc page at ${docFile} with the standard sections`, () => {
        const rel = docFile;
        assert.ok(existsSync(join(root, rel)), `${rel} is missing`);
        const doc = read(rel);
        if (rule.meta.provider) {
          const slug = id.replace('/', '-');
          assert.ok(doc.includes(`<a id="${slug}"></a>\`${id}\``), `${rel} has no table row with anchor ${slug}`);
          assert.ok(docsUrl(id).endsWith(`/${PROVIDERS_PAGE}#${slug}`), `docsUrl(${id}) must point at its row`);
        } else {
          assert.match(doc, new RegExp(`^# ${id.replace('/', '\\/')}\\s*$`, 'm'), 'the title must be the rule id');
        }
        const headings = [...doc.matchAll(/^## (.+?)\s*$/gm)].map((h) => h[1]);
        const present = DOC_SECTIONS.filter((s) => headings.includes(s));
        assert.deepEqual(present, DOC_SECTIONS, `sections found: ${headings.join(', ')}`);
        assert.deepEqual(headings.filter((h) => DOC_SECTIONS.includes(h)), DOC_SECTIONS, 'sections out of order');
        const cweNumber = rule.meta.cwe.slice('CWE-'.length);
        const refs = doc.slice(doc.indexOf('## References'));
        assert.ok(refs.includes(`cwe.mitre.org/data/definitions/${cweNumber}.html`), `References must link ${rule.meta.cwe}`);
      });

      it('is listed in the README rule table', () => {
        if (!existsSync(join(root, 'README.md'))) return;
        const listed = rule.meta.provider ? `(${providerRules.length} provider rules)](docs/rules/${PROVIDERS_PAGE})` : `\`${id}\``;
        assert.ok(read('README.md').includes(listed), `README.md does not mention ${listed}`);
      });
    });
  }

  it('every doc page belongs to a registered rule', () => {
    const expected = new Set(allRules.map((r) => (r.meta.provider ? PROVIDERS_PAGE : `${r.meta.category}-${r.meta.id.slice(r.meta.category.length + 1)}.md`)));
    const orphans = readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md') && !expected.has(f));
    assert.deepEqual(orphans, []);
  });
});

describe('meta: package.json', () => {
  it('contributes every command of the protocol, in the Warden category', () => {
    const contributed = new Map(commands.map((c) => [c.command, c]));
    for (const id of Object.values(Commands)) {
      const c = contributed.get(id);
      assert.ok(c, `${id} is not in contributes.commands`);
      assert.equal(c.category, 'Warden', `${id} category`);
      assert.ok(c.title.trim() !== '', `${id} title`);
    }
    assert.deepEqual(commands.map((c) => c.command).sort(), Object.values(Commands).sort(), 'contributed commands must all be registered');
  });

  it('the client registers every command', () => {
    const client = sourceFiles('client/src').map(read).join('\n');
    for (const key of Object.keys(Commands)) assert.ok(client.includes(`Commands.${key}`), `client/src never uses Commands.${key}`);
  });

  it('every warden.* id in the code is a contributed command or setting', () => {
    const known = new Set([...commands.map((c) => c.command), ...Object.keys(properties), ...OTHER_IDS]);
    const files = [...sourceFiles('client/src'), ...sourceFiles('server/src')];
    const unknown = [...wardenIds(files)].filter(([id]) => !known.has(id)).map(([id, f]) => `${id} (${f})`);
    assert.deepEqual(unknown, []);
  });

  it('contributes every setting the server reads, with matching defaults and resource scope', () => {
    for (const [key, value] of Object.entries(defaultSettings)) {
      const p = properties[`warden.${key}`];
      assert.ok(p, `warden.${key} is not in contributes.configuration`);
      assert.deepEqual(p.default, value, `warden.${key} default`);
      assert.equal(p.scope, 'resource', `warden.${key} scope`);
      assert.ok(p.description || p.markdownDescription, `warden.${key} has no description`);
    }
    const trace = properties['warden.trace.server'];
    assert.ok(trace, 'warden.trace.server is missing');
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.scope, 'window');
    const extra = Object.keys(properties).filter((k) => k !== 'warden.trace.server' && !(k.slice('warden.'.length) in defaultSettings));
    assert.deepEqual(extra, [], 'settings the server does not read');
  });

  it('every rule level the manifest offers is accepted by the server', () => {
    const levels: string[] = properties['warden.rules']?.additionalProperties?.enum ?? [];
    assert.ok(levels.includes('off'));
    const id = allRules[0].meta.id;
    for (const level of levels) assert.deepEqual(parseSettings({ rules: { [id]: level } }, new Set([id])).problems, [], level);
    assert.deepEqual(parseSettings({ run: properties['warden.run'].default }, new Set()).problems, []);
    assert.deepEqual(properties['warden.run'].enum, ['onType', 'onSave']);
  });

  it('declares the dotenv language with a grammar and a language configuration', () => {
    const lang = pkg.contributes.languages.find((l: any) => l.id === 'dotenv');
    assert.ok(lang, 'no dotenv language');
    assert.ok(lang.filenames.includes('.env'));
    const config = readJson(lang.configuration);
    assert.equal(config.comments.lineComment, '#');
    const grammar = pkg.contributes.grammars.find((g: any) => g.language === 'dotenv');
    assert.ok(grammar, 'no dotenv grammar');
    assert.equal(grammar.path, './syntaxes/dotenv.tmLanguage.json');
    const tm = readJson(grammar.path);
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.equal(tm.scopeName, 'source.dotenv');
    for (const p of tm.patterns) if (p.include?.startsWith('#')) assert.ok(tm.repository[p.include.slice(1)], `missing ${p.include}`);
  });

  it('points at files that exist', () => {
    assert.equal(pkg.main, './dist/client.js');
    assert.ok(pkg.activationEvents.includes('onStartupFinished'));
    const icon = readFileSync(join(root, pkg.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'icon size');
  });
});

describe('meta: .vscodeignore', () => {
  const lines = read('.vscodeignore').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));

  it('is an allowlist: it starts with ** and only re-includes', () => {
    assert.equal(lines[0], '**');
    for (const l of lines.slice(1)) assert.ok(l.startsWith('!'), `${l} is not an include`);
  });

  it('ships the client, server and manifest files but no sourcemaps or CLI', () => {
    const allowed = lines.slice(1).map((l) => l.slice(1));
    for (const f of ['dist/client.js', 'dist/server.js', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', pkg.icon]) {
      assert.ok(allowed.includes(f), `${f} is not allowlisted`);
    }
    // Only the two bundles and the tree-sitter wasm files from dist/: no sourcemaps, no CLI.
    assert.deepEqual(allowed.filter((f) => f.startsWith('dist/') && !f.endsWith('.wasm')).sort(), ['dist/client.js', 'dist/server.js']);
    const wasm = ['tree-sitter.wasm', ...GRAMMARS.map((g) => `tree-sitter-${g}.wasm`)].map((f) => `dist/${f}`);
    assert.deepEqual(allowed.filter((f) => f.endsWith('.wasm')).sort(), wasm.sort(), 'the wasm files the engine loads (languages/tree-sitter.ts)');
    for (const f of wasm) assert.ok(read('scripts/build.mjs').includes(f.slice('dist/tree-sitter-'.length, -'.wasm'.length)), `scripts/build.mjs does not copy ${f}`);
    for (const f of allowed.filter((a) => !a.startsWith('dist/') && !a.includes('*'))) {
      assert.ok(existsSync(join(root, f)), `${f} is allowlisted but does not exist`);
    }
  });
});
