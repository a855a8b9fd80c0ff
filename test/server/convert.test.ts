// Finding/Fix -> LSP conversions: diagnostics, Diagnostic.data round trip, code actions, workspace edits, fix-all.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CreateFile, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import {
  changesToWorkspaceEdit,
  codeActionsForDiagnostics,
  findingToDiagnostic,
  fixAllAction,
  fixToCodeAction,
  groupFindings,
  readDiagnosticData,
  selectFixAll,
  type DocumentContext,
} from '../../server/src/convert';
import { docsUrl, LineIndex, type Finding, type Fix } from '../../server/src/engine';

const text = 'const a = 1;\nconst opts = { rejectUnauthorized: false };\n';
const lines = new LineIndex(text);
const propStart = text.indexOf('rejectUnauthorized');
const propEnd = propStart + 'rejectUnauthorized: false'.length;

const ctx: DocumentContext = {
  uri: 'file:///w/src/app.js',
  version: 7,
  path: 'src/app.js',
  resolve: (p) => `file:///w/${p}`,
};

function fix(partial: Partial<Fix> & Pick<Fix, 'title'>): Fix {
  return { applicability: 'safe', changes: [], ...partial };
}

const deleteProp = fix({ title: 'Remove rejectUnauthorized', changes: [{ path: 'src/app.js', edits: [lines.edit(propStart, propEnd, '')] }] });
const suppress = fix({
  title: 'Suppress config/tls-verification-disabled on this line (with a reason)',
  applicability: 'unsafe',
  kind: 'suppress',
  changes: [{ path: 'src/app.js', edits: [lines.edit(13, 13, '// warden-ignore: config/tls-verification-disabled -- <reason>\n')] }],
});

function finding(partial: Partial<Finding> = {}): Finding {
  const start = lines.positionAt(propStart);
  const end = lines.positionAt(propEnd);
  return {
    ruleId: 'config/tls-verification-disabled',
    messageId: 'found',
    message: 'TLS certificate verification is disabled',
    severity: 'warning',
    path: 'src/app.js',
    start: propStart,
    end: propEnd,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    fingerprint: 'abc123',
    fixes: [deleteProp, suppress],
    ...partial,
  };
}

function apply(edit: TextDocumentEdit, original: string): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'javascript', 1, original), edit.edits.map((e) => ({ range: e.range, newText: 'newText' in e ? e.newText : e.snippet.value })));
}

describe('convert', () => {
  describe('findingToDiagnostic', () => {
    it('maps position to 0-based, severity, code, docs link and source', () => {
      const d = findingToDiagnostic(finding());
      assert.deepEqual(d.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 40 } });
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(d.code, 'config/tls-verification-disabled');
      assert.equal(d.codeDescription?.href, docsUrl('config/tls-verification-disabled'));
      assert.equal(d.source, 'Warden');
      assert.equal(d.message, 'TLS certificate verification is disabled');
      assert.equal(d.tags, undefined);
    });

    it('maps every severity', () => {
      const sev = (s: Finding['severity']) => findingToDiagnostic(finding({ severity: s })).severity;
      assert.deepEqual([sev('error'), sev('warning'), sev('info'), sev('hint')],
        [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]);
    });

    it('carries fixes as plain JSON that survives a round trip', () => {
      const withUndefined = fix({ title: 'x', kind: undefined, changes: [{ path: 'src/app.js', create: undefined, edits: [lines.edit(0, 5, 'let')] }] });
      const d = findingToDiagnostic(finding({ fixes: [withUndefined] }));
      const back = JSON.parse(JSON.stringify(d));
      assert.deepEqual(back, d);
      const data = readDiagnosticData(back);
      assert.equal(data?.ruleId, 'config/tls-verification-disabled');
      assert.equal(data?.fingerprint, 'abc123');
      assert.equal(data?.fixes.length, 1);
      assert.equal('kind' in (data?.fixes[0] ?? {}), false);
    });
  });

  describe('readDiagnosticData', () => {
    it('ignores diagnostics of other sources and malformed data', () => {
      const d = findingToDiagnostic(finding());
      assert.equal(readDiagnosticData({ ...d, source: 'eslint' }), undefined);
      assert.equal(readDiagnosticData({ ...d, data: 'nope' }), undefined);
      assert.equal(readDiagnosticData({ ...d, data: { ruleId: 1 } }), undefined);
      const data = readDiagnosticData({ ...d, data: { ruleId: 'r/x', fingerprint: 'f', fixes: [{ title: 'bad' }, deleteProp] } });
      assert.deepEqual(data?.fixes.map((f) => f.title), ['Remove rejectUnauthorized']);
    });
  });

  describe('changesToWorkspaceEdit', () => {
    it('creates new files first, versions the current document, null for other files, and merges same-file edits', () => {
      const env = new LineIndex('');
      const ignore = new LineIndex('node_modules\n');
      const edit = changesToWorkspaceEdit([
        { path: 'src/app.js', edits: [lines.edit(0, 5, 'let')] },
        { path: '.env', create: true, edits: [env.edit(0, 0, 'KEY=\n')] },
        { path: '.gitignore', edits: [ignore.edit(13, 13, '.env\n')] },
        { path: 'src/app.js', edits: [lines.edit(propStart, propEnd, '')] },
      ], ctx);
      const changes = edit?.documentChanges ?? [];
      assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///w/.env', options: { ignoreIfExists: true } } satisfies CreateFile);
      const edits = changes.slice(1) as TextDocumentEdit[];
      assert.deepEqual(edits.map((e) => [e.textDocument.uri, e.textDocument.version, e.edits.length]), [
        ['file:///w/src/app.js', 7, 2],
        ['file:///w/.env', null, 1],
        ['file:///w/.gitignore', null, 1],
      ]);
      assert.equal(apply(edits[0], text), 'let a = 1;\nconst opts = {  };\n');
      assert.equal(apply(edits[2], 'node_modules\n'), 'node_modules\n.env\n');
    });

    it('gives up when a path cannot be placed (untitled documents)', () => {
      const untitled: DocumentContext = { uri: 'untitled:Untitled-1', version: 1, path: 'Untitled-1', resolve: () => undefined };
      assert.equal(changesToWorkspaceEdit([{ path: '.env', create: true, edits: [] }], untitled), undefined);
      assert.ok(changesToWorkspaceEdit([{ path: 'Untitled-1', edits: [lines.edit(0, 0, 'x')] }], untitled));
    });
  });

  describe('code actions', () => {
    it('one quick fix per fix; only safe fixes are preferred; suppressions last; no duplicates', () => {
      const d1 = findingToDiagnostic(finding());
      const d2 = findingToDiagnostic(finding({ fixes: [suppress] }));
      const foreign = { ...d1, source: 'eslint' };
      const actions = codeActionsForDiagnostics([d1, d2, foreign], ctx);
      assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
        ['Remove rejectUnauthorized', 'quickfix', true],
        [suppress.title, 'quickfix', undefined],
      ]);
      assert.deepEqual(actions[0].diagnostics, [d1]);
      const edit = actions[0].edit?.documentChanges?.[0] as TextDocumentEdit;
      assert.equal(apply(edit, text), 'const a = 1;\nconst opts = {  };\n');
    });

    it('maps a command fix to a Command with [uri, confirm]', () => {
      const unstage = fix({
        title: 'Unstage .env (keep it on disk)',
        applicability: 'unsafe',
        command: { id: 'warden.unstageFile', title: 'Unstage .env', args: ['.env'], confirm: 'Remove .env from the index?' },
      });
      const action = fixToCodeAction(unstage, [], ctx);
      assert.equal(action?.edit, undefined);
      assert.deepEqual(action?.command, { title: 'Unstage .env', command: 'warden.unstageFile', arguments: ['file:///w/.env', 'Remove .env from the index?'] });
      assert.equal(action?.isPreferred, undefined);
    });

    it('shows displayOnly fixes disabled, or not at all when the client cannot', () => {
      const shown = fix({ ...deleteProp, applicability: 'displayOnly' });
      assert.equal(fixToCodeAction(shown, [], ctx), undefined);
      const action = fixToCodeAction(shown, [], ctx, { disabledSupport: true });
      assert.ok(action?.disabled);
      assert.equal(action?.edit, undefined);
    });
  });

  describe('fix all', () => {
    it('keeps safe, non-overlapping, edit-only fixes', () => {
      const a = fix({ title: 'a', changes: [{ path: 'f', edits: [lines.edit(0, 5, 'let')] }] });
      const overlapping = fix({ title: 'b', changes: [{ path: 'f', edits: [lines.edit(3, 8, 'x')] }] });
      const sameInsert = fix({ title: 'c', changes: [{ path: 'g', edits: [lines.edit(0, 0, 'x')] }] });
      const sameInsert2 = fix({ title: 'd', changes: [{ path: 'g', edits: [lines.edit(0, 0, 'y')] }] });
      const adjacent = fix({ title: 'e', changes: [{ path: 'f', edits: [lines.edit(5, 6, 'z')] }] });
      const unsafe = fix({ title: 'f', applicability: 'unsafe', changes: [{ path: 'h', edits: [lines.edit(0, 1, '')] }] });
      const command = fix({ title: 'g', command: { id: 'x', title: 'x', args: [] } });
      const chosen = selectFixAll([a, overlapping, sameInsert, sameInsert2, adjacent, unsafe, suppress, command]);
      assert.deepEqual(chosen.map((f) => f.title), ['a', 'c', 'e']);
    });

    it('builds one source.fixAll.warden edit for the document', () => {
      const first = fix({ title: 'a', changes: [{ path: 'src/app.js', edits: [lines.edit(0, 5, 'let')] }] });
      const action = fixAllAction([first, deleteProp, suppress], ctx);
      assert.equal(action?.kind, 'source.fixAll.warden');
      const edits = action?.edit?.documentChanges as TextDocumentEdit[];
      assert.equal(edits.length, 1);
      assert.equal(apply(edits[0], text), 'let a = 1;\nconst opts = {  };\n');
      assert.equal(fixAllAction([suppress], ctx), undefined);
    });
  });

  it('groups audit findings per document URI', () => {
    const groups = groupFindings([finding(), finding({ path: 'b.js' }), finding({ fixes: [] })], (p) => `file:///w/${p}`);
    assert.deepEqual(groups.map((g) => [g.uri, g.diagnostics.length]), [['file:///w/src/app.js', 2], ['file:///w/b.js', 1]]);
  });
});
