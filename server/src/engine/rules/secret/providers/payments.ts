// Payments, shipping and banking APIs: Square, Braintree, EasyPost, Shippo, Plaid, Duffel, Flutterwave.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const lower = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex + 'ghijklmnopqrstuvwxyz', n, seed);

export const squareAccessToken: ProviderSpec = tokenSpec({
  id: 'secret/square-access-token',
  label: 'Square access token',
  description: 'Square access token (`EAAA` + 60 characters, or `sq0atp-` + 22) hardcoded in source or configuration',
  // Current tokens are EAAA + 60 characters; older personal tokens are sq0atp- + 22.
  prefix: '(?:EAAA|sq0atp-)',
  body: '(?:(?<=EAAA)[\\w-]{60}|(?<=sq0atp-)[\\w-]{22})',
  keywords: ['eaaa', 'sq0atp-'],
  make: (seed) => (seed % 3 ? 'EAAA' + url(60, 2000 + seed) : 'sq0atp-' + url(22, 2000 + seed)),
  truncateTo: 25,
  envName: 'SQUARE_ACCESS_TOKEN',
  help: 'A Square access token takes payments, issues refunds and reads the seller\'s customers and orders. Read it from SQUARE_ACCESS_TOKEN and revoke an exposed token in the Developer Console.',
});

export const squareOauthSecret: ProviderSpec = tokenSpec({
  id: 'secret/square-oauth-secret',
  label: 'Square application secret',
  description: 'Square application secret (`sq0csp-` + 43 characters) hardcoded in source or configuration',
  prefix: 'sq0csp-',
  body: '[\\w-]{43}',
  keywords: ['sq0csp-'],
  make: (seed) => 'sq0csp-' + url(43, 2010 + seed),
  truncateTo: 30,
  envName: 'SQUARE_APPLICATION_SECRET',
  help: 'A Square application secret exchanges OAuth codes for access tokens to the sellers who authorised the app. Read it from the environment and replace an exposed secret in the Developer Console.',
  extraFp: () => [`application_id = "sq0idp-${url(22, 2015)}"`],
});

export const braintreeAccessToken: ProviderSpec = tokenSpec({
  id: 'secret/braintree-access-token',
  label: 'Braintree production access token',
  description: 'Braintree production access token (`access_token$production$` + merchant id + `$` + 32 hex) hardcoded in source or configuration',
  prefix: 'access_token\\$production\\$',
  body: '[a-z0-9]{16}\\$[a-f0-9]{32}',
  keywords: ['access_token$production$'],
  make: (seed) => `access_token$production$${lower(16, 2020 + seed)}$${hex(32, 2025 + seed)}`,
  truncateTo: 45,
  envName: 'BRAINTREE_ACCESS_TOKEN',
  before: '(?<![\\w$-])',
  minEntropy: 3.0,
  help: 'A Braintree (PayPal) production access token charges, refunds and reads the merchant\'s transactions. Read it from the environment and revoke an exposed token in the PayPal developer dashboard.',
  extraFp: () => [`token = "access_token$sandbox$${lower(16, 2028)}$${hex(32, 2029)}"`],
});

export const easypostApiKey: ProviderSpec = tokenSpec({
  id: 'secret/easypost-api-key',
  label: 'EasyPost production API key',
  description: 'EasyPost production API key (`EZAK` + 54 alphanumerics) hardcoded in source or configuration',
  prefix: 'EZAK',
  body: '[A-Za-z0-9]{54}',
  keywords: ['ezak'],
  make: (seed) => 'EZAK' + alnum(54, 2030 + seed),
  truncateTo: 40,
  envName: 'EASYPOST_API_KEY',
  help: 'An EasyPost production key buys postage on the account\'s payment method and reads shipment addresses. Read it from EASYPOST_API_KEY and disable an exposed key in the API keys settings.',
});

export const easypostTestApiKey: ProviderSpec = tokenSpec({
  id: 'secret/easypost-test-api-key',
  label: 'EasyPost test API key (test mode)',
  description: 'EasyPost test-mode API key (`EZTK` + 54 alphanumerics) hardcoded in source; buys no postage but still an account credential',
  prefix: 'EZTK',
  body: '[A-Za-z0-9]{54}',
  keywords: ['eztk'],
  make: (seed) => 'EZTK' + alnum(54, 2040 + seed),
  truncateTo: 40,
  envName: 'EASYPOST_API_KEY',
  severity: 'info',
  help: 'A test-mode key buys no postage, but it reads and changes the account\'s test data. Prefer the environment so the production key can replace it without a code change.',
});

export const shippoApiToken: ProviderSpec = tokenSpec({
  id: 'secret/shippo-api-token',
  label: 'Shippo live API token',
  description: 'Shippo live API token (`shippo_live_` + 40 hex) hardcoded in source or configuration',
  prefix: 'shippo_live_',
  body: '[a-fA-F0-9]{40}',
  keywords: ['shippo_live_'],
  make: (seed) => 'shippo_live_' + hex(40, 2050 + seed),
  truncateTo: 40,
  envName: 'SHIPPO_API_TOKEN',
  minEntropy: 3.0,
  help: 'A live Shippo token buys labels billed to the account and reads its shipments and addresses. Read it from SHIPPO_API_TOKEN and regenerate an exposed token in the API settings.',
  extraFp: () => [`token = "shippo_test_${hex(40, 2055)}"`],
});

const plaidToken = (env: string, seed: number): string => {
  const h = hex(32, 2060 + seed);
  return `access-${env}-${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

export const plaidAccessToken: ProviderSpec = tokenSpec({
  id: 'secret/plaid-access-token',
  label: 'Plaid access token',
  description: 'Plaid production or development access token (`access-production-` or `access-development-` + a UUID) hardcoded in source or configuration',
  prefix: 'access-(?:production|development)-',
  body: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  keywords: ['access-production-', 'access-development-'],
  make: (seed) => plaidToken(seed % 2 ? 'production' : 'development', seed),
  truncateTo: 40,
  envName: 'PLAID_ACCESS_TOKEN',
  minEntropy: 3.0,
  help: 'A Plaid access token, with the app\'s client id and secret, reads a user\'s bank accounts, balances and transactions. Store access tokens in a database or secret store, not in code, and remove an exposed Item with /item/remove.',
  extraFp: () => [`token = "${plaidToken('sandbox', 2065)}"`],
});

export const duffelApiToken: ProviderSpec = tokenSpec({
  id: 'secret/duffel-api-token',
  label: 'Duffel API token',
  prefix: 'duffel_(?:test|live)_',
  body: '[\\w=-]{43}',
  keywords: ['duffel_test_', 'duffel_live_'],
  make: (seed) => `duffel_${seed % 2 ? 'live' : 'test'}_${url(43, 2100 + seed)}`,
  truncateTo: 30,
  envName: 'DUFFEL_ACCESS_TOKEN',
  help: 'A Duffel access token books and cancels flights and stays on the account\'s balance and reads passenger data. Read it from the environment and revoke an exposed token in the Duffel dashboard.',
});

export const flutterwaveSecretKey: ProviderSpec = tokenSpec({
  id: 'secret/flutterwave-secret-key',
  label: 'Flutterwave secret key',
  // `FLWSECK-` (live) or `FLWSECK_TEST-` + 32 hex + `-X`; the public `FLWPUBK` keys are meant for browsers.
  prefix: 'FLWSECK(?:_TEST)?-',
  body: '[a-fA-F0-9]{32}-X',
  keywords: ['flwseck'],
  make: (seed) => `FLWSECK${seed % 2 ? '' : '_TEST'}-${hex(32, 2110 + seed)}-X`,
  truncateTo: 30,
  envName: 'FLW_SECRET_KEY',
  minEntropy: 3.0,
  help: 'A Flutterwave secret key moves money on the merchant account: charges, transfers and refunds. Read it from FLW_SECRET_KEY and regenerate an exposed key in the dashboard settings.',
  extraFp: (make) => [`key = "FLWPUBK_TEST-${hex(32, 2118)}-X"`, `key = "${make(5).slice(0, -2)}"`],
});
