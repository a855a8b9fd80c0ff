// Document URI -> root and relative path: innermost workspace folder wins; outside files use their directory.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Folders, resolveUri, uriOf } from '../../server/src/folders';

const base = path.resolve('/tmp/warden-folders');
const f = (...p: string[]) => path.join(base, ...p);

describe('folders', () => {
  const folders = new Folders();
  folders.set([{ uri: uriOf(f('repo')) }, { uri: uriOf(f('repo', 'packages', 'api')) }]);

  it('maps a file to the innermost folder with a posix relative path', () => {
    assert.deepEqual(folders.locate(uriOf(f('repo', 'packages', 'api', 'src', 'a b.ts'))), {
      root: f('repo', 'packages', 'api'), folderUri: uriOf(f('repo', 'packages', 'api')), path: 'src/a b.ts',
    });
    assert.equal(folders.locate(uriOf(f('repo', 'packages', 'web', 'x.js'))).path, 'packages/web/x.js');
  });

  it('does not treat a sibling with a common prefix as inside', () => {
    const loc = folders.locate(uriOf(f('repo2', '.env')));
    assert.deepEqual(loc, { root: f('repo2'), folderUri: undefined, path: '.env' });
  });

  it('gives untitled documents no root', () => {
    assert.deepEqual(folders.locate('untitled:Untitled-1'), { root: undefined, folderUri: undefined, path: 'Untitled-1' });
  });

  it('resolves relative paths back to URIs', () => {
    assert.equal(resolveUri(f('repo'), 'config/.env'), uriOf(f('repo', 'config', '.env')));
  });

  it('tracks added and removed folders', () => {
    const fs = new Folders();
    fs.add([{ uri: uriOf(f('a')) }]);
    fs.add([{ uri: uriOf(f('b')) }]);
    fs.remove([{ uri: uriOf(f('a')) }]);
    assert.deepEqual(fs.all().map((x) => x.fsPath), [f('b')]);
  });
});
