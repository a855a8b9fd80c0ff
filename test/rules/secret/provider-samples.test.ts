// Every provider spec is checked against its own run-time samples: true positives flagged, false positives not.
import * as assert from 'node:assert/strict';
import { checkFile, findRule, MemoryHost } from '../../../server/src/engine';
import { findProviderSecrets, matchesAnyProvider, providerRule, substringPrefilter } from '../../../server/src/engine/rules/secret/provider';
import { providerSpecs } from '../../../server/src/engine/rules/secret/providers';

describe('provider specs', () => {
  it('have unique, sorted ids and lowercase keywords', () => {
    const ids = providerSpecs.map((s) => s.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    for (const s of providerSpecs) {
      assert.match(s.id, /^secret\/[a-z0-9-]+$/);
      assert.ok(s.keywords.length > 0, `${s.id}: keywords`);
      for (const k of s.keywords) assert.equal(k, k.toLowerCase(), `${s.id}: keyword ${k} must be lowercase`);
      assert.ok(s.samples.tp().length >= 2, `${s.id}: at least 2 true-positive samples`);
      assert.ok(s.samples.fp().length >= 2, `${s.id}: at least 2 false-positive samples`);
    }
  });

  for (const spec of providerSpecs) {
    describe(spec.id, () => {
      const rule = providerRule(spec);

      it('is registered as a provider rule', () => {
        assert.ok(findRule(spec.id), `${spec.id} is missing from registry.ts`);
        assert.equal(findRule(spec.id)?.meta.provider, true);
      });

      spec.samples.tp().forEach((text, i) => {
        it(`flags true-positive sample ${i + 1}`, async () => {
          const r = await checkFile({ path: 'sample.txt', text }, new MemoryHost(), { ruleSet: [rule] });
          assert.equal(r.findings.length, 1, `sample: ${text}`);
          const secret = text.slice(r.findings[0].start, r.findings[0].end);
          assert.ok(!r.findings[0].message.includes(secret), 'message must not contain the secret');
          // Specs that report part of a match (a URL's password, a header's token) are recognised by their whole text.
          assert.ok(matchesAnyProvider(secret) || matchesAnyProvider(text), 'the generic rule must defer to this provider');
        });
      });

      spec.samples.fp().forEach((text, i) => {
        it(`ignores false-positive sample ${i + 1}`, () => {
          assert.deepEqual(findProviderSecrets(spec, text, substringPrefilter(text)).map((m) => m.secret.length), [], `sample: ${text}`);
        });
      });

      it('runs no regex when no keyword occurs (prefilter)', () => {
        const text = spec.samples.tp()[0];
        const never = { has: () => false };
        assert.deepEqual(findProviderSecrets(spec, text, never), []);
      });
    });
  }
});
