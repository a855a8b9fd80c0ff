// Values that popular projects publish in their docs, samples and shipped templates, and keys meant for the front end:
// no secret rule reports them. Each value is assembled at run time so no secret-shaped literal sits in the repo.
import * as assert from 'node:assert/strict';
import { checkFile, MemoryHost } from '../../../server/src/engine';
import { token } from '../../helpers/secrets';

const join = (...parts: string[]): string => parts.join('');

async function secretFindings(path: string, text: string): Promise<string[]> {
  const r = await checkFile({ path, text }, new MemoryHost());
  return r.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
}

describe('published examples and front-end keys', () => {
  const clean: [string, string, string][] = [
    ["Stripe's API reference test key", 'server/billing.js', `const stripe = require('stripe')('${join('sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc')}');\n`],
    ["Stripe's older guide test key", 'app/payments.py', `stripe.api_key = "${join('sk_', 'test_', 'BQokikJOvBiI2HlWgH4olfQ2')}"\n`],
    ["Google's Maps JavaScript samples key", 'public/index.html', `<script src="https://maps.googleapis.com/maps/api/js?key=${join('AIza', 'SyB41DRUbKWJHPxaFjMAwdrzWzbVKartNGg')}&callback=initMap"></script>\n`],
    ["Grafana's default secret_key in a copied grafana.ini", 'grafana/grafana.ini', `[security]\nsecret_key = ${join('SW2YcwTIb9', 'zpOOhoPsMm')}\n`],
    ["Cloudflare's API reference example key, in a generated SDK test", 'internal/zones_test.go', `client := cf.NewClient(option.WithAPIKey("${join('144c9defac04969c7', 'bfad8efaa8ea194')}"))\n`],
    ["Cloudflare's API reference example key, in a curl line", 'scripts/purge.sh', `curl -H "X-Auth-Key: ${join('144c9defac04969c7', 'bfad8efaa8ea194')}" https://api.cloudflare.com/client/v4/zones\n`],
    ['an Algolia search-only key in the front end', 'src/search.js', `const client = algoliasearch("APPID", "${token(31)}");\nconst options = { searchApiKey: "${token(31)}" };\n`],
    ['a search-only key in a template', '.env.example', `NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=${token(32)}\nTYPESENSE_SEARCH_ONLY_API_KEY=${token(33)}\n`],
  ];
  for (const [name, path, text] of clean) {
    it(`${name}: not reported`, async () => {
      assert.deepEqual(await secretFindings(path, text), []);
    });
  }

  it('an Algolia admin key and another service\'s search key are still reported', async () => {
    const text = `ALGOLIA_ADMIN_KEY=${token(34)}\nBING_SEARCH_API_KEY=${token(35)}\n`;
    assert.deepEqual(await secretFindings('.env.example', text), ['1:19 secret/generic-secret', '2:21 secret/generic-secret']);
  });

  it('another Stripe test key is still reported', async () => {
    assert.deepEqual(await secretFindings('server/billing.js', `const stripe = require('stripe')('${join('sk_', 'test_', token(36, 24))}');\n`), ['1:35 secret/stripe-test-key']);
  });
});
