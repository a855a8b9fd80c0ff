// Settings validation: bad values fall back to defaults with one message each, never throw.
import * as assert from 'node:assert/strict';
import { defaultSettings, parseSettings, SettingsCache } from '../../server/src/settings';

const known = new Set(['secret/generic-secret', 'config/tls-verification-disabled']);

describe('settings', () => {
  it('reads valid settings', () => {
    const { settings, problems } = parseSettings({
      enable: false, run: 'onSave', rules: { 'secret/generic-secret': 'off' }, exclude: ['**/fixtures/**'], maxFileSize: 5000,
    }, known);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { ...defaultSettings, enable: false, run: 'onSave', rules: { 'secret/generic-secret': 'off' }, exclude: ['**/fixtures/**'], maxFileSize: 5000 });
  });

  it('ignores wrong types, unknown rule ids and levels, one problem each', () => {
    const { settings, problems } = parseSettings({
      enable: 'yes', run: 'always', rules: { 'secret/nope': 'error', 'config/tls-verification-disabled': 'loud', 'secret/generic-secret': 'error' },
      exclude: ['ok/**', 3], maxFileSize: -1,
    }, known);
    assert.equal(problems.length, 6);
    assert.deepEqual(settings, { ...defaultSettings, rules: { 'secret/generic-secret': 'error' }, exclude: ['ok/**'] });
    assert.deepEqual(parseSettings('nonsense', known).settings, defaultSettings);
    assert.deepEqual(parseSettings(undefined, known).problems, []);
  });

  it('caches a promise per URI, logs each problem once, and refetches after clear()', async () => {
    let fetches = 0;
    const logs: string[] = [];
    const cache = new SettingsCache(async () => (fetches++, { run: 'sometimes' }), known, (m) => logs.push(m));
    const [a, b] = await Promise.all([cache.get('file:///a'), cache.get('file:///a')]);
    assert.equal(a, b);
    await cache.get('file:///b');
    assert.equal(fetches, 2);
    assert.equal(logs.length, 1);
    cache.clear();
    await cache.get('file:///a');
    assert.equal(fetches, 3);
  });

  it('survives a failing fetch', async () => {
    const logs: string[] = [];
    const cache = new SettingsCache(async () => { throw new Error('boom'); }, known, (m) => logs.push(m));
    assert.deepEqual(await cache.get('file:///a'), defaultSettings);
    assert.match(logs[0], /boom/);
  });
});
