// Suppression markers of other scanners: each marker, each comment syntax, the line-above forms, and the look-alikes that must not count.
import * as assert from 'node:assert/strict';
import { checkFile, defineRule, LineIndex, MemoryHost, type Rule } from '../../server/src/engine';
import { commentText, foreignMarker, isSuppressed, MARKERS } from '../../server/src/engine/suppression';

const SECRET = 'secret/test-token';
const SQL = 'sql/test-query';

/** Comment syntaxes as [open, close]. */
const SYNTAXES: [string, string][] = [['#', ''], ['//', ''], ['/*', ' */'], ['<!--', ' -->'], ['--', '']];

const CODE = 'token = "FINDING"';

/** Whether `ruleId` is suppressed for the finding on the line that holds FINDING. */
function suppressed(lines: string[], ruleId = SECRET): boolean {
  const index = new LineIndex(lines.join('\n'));
  const line0 = lines.findIndex((l) => l.includes('FINDING'));
  assert.ok(line0 >= 0, 'the case has no FINDING line');
  return isSuppressed(index, line0, ruleId);
}

describe('suppression markers', () => {
  const sameLine = MARKERS.filter((m) => m.place !== 'above');
  const lineAbove = MARKERS.filter((m) => m.place !== 'line');

  for (const m of sameLine) {
    for (const [open, close] of SYNTAXES) {
      it(`${m.name} on the finding's line after ${open}`, () => {
        assert.equal(suppressed([`${CODE}  ${open} ${m.name}${close}`]), true);
      });
    }
  }

  for (const m of lineAbove) {
    for (const [open, close] of SYNTAXES) {
      it(`${m.name} on the line above, in ${open}`, () => {
        assert.equal(suppressed([`    ${open} ${m.name}${close}`, `    ${CODE}`]), true);
      });
    }
  }

  for (const m of MARKERS.filter((x) => x.place === 'line')) {
    it(`${m.name} on the line above does not count (same-line marker)`, () => {
      assert.equal(suppressed([`# ${m.name}`, CODE]), false);
    });
  }

  for (const m of MARKERS.filter((x) => x.place === 'above')) {
    it(`${m.name} on the finding's own line does not count (next-line marker)`, () => {
      assert.equal(suppressed([`${CODE}  # ${m.name}`]), false);
    });
  }

  for (const m of MARKERS) {
    it(`${m.name} two lines above does not count`, () => {
      assert.equal(suppressed([`# ${m.name}`, 'other = 1', CODE]), false);
    });

    it(`${m.name} inside a string literal does not count`, () => {
      const line = m.place === 'above'
        ? ['log.info("' + m.name + '")', CODE]
        : [`${CODE}; log.info('skipping ${m.name} here')`];
      assert.equal(suppressed(line), false);
    });

    it(`${m.name} ${m.scope === 'secret' ? 'applies to secret/* rules only' : 'applies to every rule'}`, () => {
      const lines = m.place === 'above' ? [`// ${m.name}`, CODE] : [`${CODE} // ${m.name}`];
      assert.equal(suppressed(lines, SQL), m.scope === 'all');
      assert.equal(suppressed(lines, 'config/tls-verification-disabled'), m.scope === 'all');
      assert.equal(suppressed(lines, SECRET), true);
    });
  }

  it('accepts the forms users write: ids after nosec and nosemgrep, gosec #nosec, no space, any case', () => {
    assert.equal(suppressed([`${CODE}  # nosec B105`]), true);
    assert.equal(suppressed([`${CODE}  # nosec: B105, B106`]), true);
    assert.equal(suppressed([`${CODE} // #nosec G101 -- test credential`]), true);
    assert.equal(suppressed([`${CODE} #nosec`]), true);
    assert.equal(suppressed([`${CODE} # nosemgrep: python.lang.security.audit.formatted-sql-query`], SQL), true);
    assert.equal(suppressed([`${CODE} //NOSONAR`], SQL), true);
    assert.equal(suppressed([`${CODE} # pragma: allowlist secret`]), true);
    assert.equal(suppressed([`${CODE} # pragma: whitelist secret`]), true);
    assert.equal(suppressed([`${CODE} /* gitleaks:allow */ + suffix`]), true);
    assert.equal(suppressed(['-- secretlint-disable-next-line', `${CODE}`]), true);
    assert.equal(suppressed(['# secretlint-disable-next-line @secretlint/secretlint-rule-preset-recommend', CODE]), true);
  });

  it('reads block-comment continuation lines (JSDoc) as comments', () => {
    assert.equal(suppressed(['/**', ' * nosemgrep', ' */', CODE]), false, 'two lines above');
    assert.equal(suppressed(['/**', ' * pragma: allowlist nextline secret', CODE]), true);
  });

  it('does not mistake look-alikes for markers', () => {
    assert.equal(suppressed([`${CODE}  # nosecurity review`], SQL), false, 'a longer word');
    assert.equal(suppressed([`${CODE}  # see docs/nosec.md`], SQL), true, 'nosec as a word in a comment still counts');
    assert.equal(suppressed([`${CODE}  # gitleaks allow`]), false);
    assert.equal(suppressed([`${CODE}  # secretlint-disable`]), false, 'the block form is not a line marker');
    assert.equal(suppressed([`${CODE}  # pragma: allowlist nextline secret`]), false);
  });

  it('needs a comment opener before the marker', () => {
    assert.equal(suppressed([`${CODE} nosec`], SQL), false);
    assert.equal(suppressed([`msg = "nosec"; ${CODE}`], SQL), false);
    assert.equal(suppressed([`url: https://example.com/nosec FINDING`], SQL), false, 'a URL is not a // comment');
    assert.equal(suppressed([`x = 'https://example.com/#nosec' + FINDING`], SQL), false);
    assert.equal(suppressed([`echo "a # nosec"; ${CODE}`], SQL), false);
    assert.equal(suppressed([`${CODE} --nosec`], SQL), false, 'a flag, not a -- comment');
    assert.equal(suppressed([`SELECT FINDING -- nosec`], SQL), true);
    assert.equal(suppressed([`${CODE} "quoted # nosec" # real comment`], SQL), false);
  });

  it('an apostrophe or lifetime before the comment does not hide it', () => {
    assert.equal(suppressed([`fn f<'a>(x: &'a str) { FINDING } // nosec`], SQL), true);
    assert.equal(suppressed([`it's FINDING # NOSONAR`], SQL), true);
  });

  it('nosemgrep on the line above counts only from a comment-only line', () => {
    assert.equal(suppressed(['  # nosemgrep', CODE], SQL), true);
    assert.equal(suppressed(['x = run()  # nosemgrep', CODE], SQL), false);
    // Next-line markers are explicit about their target, so code before them is fine.
    assert.equal(suppressed(['x = 1  # pragma: allowlist nextline secret', CODE]), true);
  });

  it('foreignMarker names the marker that applied', () => {
    const lines = new LineIndex(`${CODE} # trufflehog:ignore`);
    assert.equal(foreignMarker(lines, 0, SECRET)?.name, 'trufflehog:ignore');
    assert.equal(foreignMarker(lines, 0, SQL), undefined);
  });

  it('commentText keeps only the comment parts of a line', () => {
    assert.deepEqual(commentText('a = "# x" # y'), { text: ' y', start: false });
    assert.deepEqual(commentText('  // only'), { text: ' only', start: true });
    assert.deepEqual(commentText('a /* b */ c <!-- d --> e'), { text: ' b   d ', start: false });
    assert.deepEqual(commentText('no comment here'), { text: '', start: false });
  });
});

describe('suppression markers through the engine', () => {
  const secretRule: Rule = defineRule({
    meta: { id: SECRET, category: 'secret', description: 'x', severity: 'error', cwe: 'CWE-798', fix: 'none', messages: { found: 'found' } },
    appliesTo: () => true,
    check(ctx) {
      for (const m of ctx.text.matchAll(/FINDING/g)) ctx.report({ start: m.index, end: m.index + 7, messageId: 'found' });
    },
  });
  const sqlRule: Rule = defineRule({ ...secretRule, meta: { ...secretRule.meta, id: SQL, category: 'sql' } });

  it('drops suppressed findings per rule category and keeps warden-ignore working', async () => {
    const text = [
      'a = "FINDING"  # gitleaks:allow',
      'b = "FINDING"  # nosec',
      '# pragma: allowlist nextline secret',
      'c = "FINDING"',
      '# warden-ignore: sql/test-query -- reviewed',
      'd = "FINDING"',
      'e = "FINDING"',
    ].join('\n');
    const r = await checkFile({ path: 'app.py', text }, new MemoryHost(), { ruleSet: [secretRule, sqlRule] });
    const got = r.findings.map((f) => `${f.line}:${f.ruleId}`);
    assert.deepEqual(got, ['1:sql/test-query', '4:sql/test-query', '6:secret/test-token', '7:secret/test-token', '7:sql/test-query']);
  });

  it('works in HTML and SQL files with their own comments', async () => {
    const html = await checkFile({ path: 'a.html', text: '<!-- ggignore -->\n<b data-k="FINDING"></b> <!-- ggignore -->' }, new MemoryHost(), { ruleSet: [secretRule] });
    assert.deepEqual(html.findings.map((f) => f.line), []);
    const sql = await checkFile({ path: 'q.sql', text: "SELECT 'FINDING'; -- NOSONAR\nSELECT 'FINDING';" }, new MemoryHost(), { ruleSet: [sqlRule] });
    assert.deepEqual(sql.findings.map((f) => f.line), [2]);
  });
});
