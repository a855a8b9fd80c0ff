// Stripe secret and restricted keys: live keys are errors, test-mode keys only informational.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { fnv1a } from './cloud';
import { tokenSpec } from './kit';

/** Test keys printed in Stripe's API reference and guides (by FNV-1a hash): every reader has them, they are nobody's. */
const DOCUMENTATION_TEST_KEYS: ReadonlySet<number> = new Set([3916622244, 487915063]);

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);

export const stripeLiveKey: ProviderSpec = tokenSpec({
  id: 'secret/stripe-live-key',
  label: 'Stripe live secret key',
  prefix: '[rs]k_live_',
  body: '[A-Za-z0-9]{24,247}',
  keywords: ['sk_live_', 'rk_live_'],
  make: (seed) => `${seed % 2 ? 's' : 'r'}k_live_${alnum(24 + (seed % 3) * 37, 500 + seed)}`,
  truncateTo: 20,
  envName: 'STRIPE_SECRET_KEY',
  help: 'A live secret (sk_live_) or restricted (rk_live_) key moves real money: charges, refunds, payouts, customer data. Read it from the environment and roll it in the Stripe dashboard if it was exposed.',
  extraFp: (make) => [`const pk = "${make(7).replace(/^[rs]k_/, 'pk_')}";`, 'STRIPE_SECRET_KEY=sk_live_...'],
});

export const stripeTestKey: ProviderSpec = tokenSpec({
  id: 'secret/stripe-test-key',
  label: 'Stripe test key (test mode, no real money)',
  description: 'Stripe test-mode secret key hardcoded in source; harmless for payments but still an account credential',
  prefix: '[rs]k_test_',
  body: '[A-Za-z0-9]{24,247}',
  keywords: ['sk_test_', 'rk_test_'],
  make: (seed) => `${seed % 2 ? 's' : 'r'}k_test_${alnum(24 + (seed % 3) * 37, 520 + seed)}`,
  truncateTo: 20,
  envName: 'STRIPE_SECRET_KEY',
  severity: 'info',
  validate: (key) => !DOCUMENTATION_TEST_KEYS.has(fnv1a(key)),
  help: 'A test-mode key cannot move real money, but it reads and changes the account\'s test data and webhooks. Prefer the environment so the live key can replace it without a code change.',
  extraFp: (make) => [`const pk = "${make(7).replace(/^[rs]k_/, 'pk_')}";`, 'STRIPE_SECRET_KEY=sk_test_...'],
});
