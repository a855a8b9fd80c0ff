// Cloud and infrastructure credentials: Google, Azure storage, DigitalOcean, Heroku, Databricks, HashiCorp, Docker Hub.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeBase64 } from './checks';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const b64 = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64, n, seed);

/** FNV-1a (32-bit) of a string: lets a list of published keys be matched without writing the keys here. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Keys published as test fixtures in firebase-android-sdk (the set gitleaks allowlists) and in Google's Maps samples, by
 * FNV-1a hash: they turn up in every vendored copy of those tests and samples and are not anyone's credential.
 */
const PUBLISHED_EXAMPLE_KEYS: ReadonlySet<number> = new Set([
  1939725703, 4036301428, 184011421, 1309888971, 3094883374, 2522600970, 407217191, 14266472, 2945428224, 1915680976, 3366260969, 391233900,
  4111208050, 1782708497, 2397165639, 2978509329,
  // The key of Google's own Maps JavaScript API samples, pasted into countless demo pages.
  3523642937,
]);

export const googleApiKey: ProviderSpec = tokenSpec({
  id: 'secret/google-api-key',
  label: 'Google API key',
  prefix: 'AIza',
  body: '[\\w-]{35}',
  keywords: ['aiza'],
  make: (seed) => 'AIza' + url(35, 800 + seed),
  truncateTo: 30,
  envName: 'GOOGLE_API_KEY',
  // Browser keys (Maps, Firebase) are public by design when restricted; server keys are not.
  severity: 'warning',
  // A key is never followed by `=`: that is base64 padding, so the match is a slice of encoded data.
  validate: (key, at) => at.text[at.end] !== '=' && !PUBLISHED_EXAMPLE_KEYS.has(fnv1a(key)),
  extraFp: (make) => [`integrity = "${make(7)}=="`, `blob: ${make(8)}=`],
  help: 'A Google API key bills the project for every API it is allowed to call. Restrict it by API and referrer/IP, keep server keys in the environment, and rotate an exposed one in the Cloud console.',
});

/** A PEM body: `lines` lines of 64 base64 characters, joined with `sep` (a newline, or `\n` escaped inside JSON). */
export function pemBody(seed: number, lines: number, sep: string): string {
  return Array.from({ length: lines }, (_, i) => b64(64, seed * 100 + i)).join(sep);
}

/** Base64 of plausible length and randomness once headers, escapes and whitespace are removed. */
export function realKeyBody(body: string): boolean {
  const lines = body.replace(/\\[nr]/g, '\n').split(/\r?\n/).map((l) => l.trim().replace(/^["'`]|["'`,+]+$/g, '').trim());
  const data = lines.filter((l) => l !== '' && !/^[\w-]+:\s/.test(l) && !/^=[A-Za-z0-9+/]{4}$/.test(l)).join('');
  if (data.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return false;
  if (decodeBase64(data) === undefined) return false;
  return new Set(data).size >= 40;
}

const saJson = (seed: number, sep = '\\n'): string =>
  `{\n  "type": "service_account",\n  "project_id": "demo-${seed}",\n  "private_key_id": "${hex(40, 830 + seed)}",\n  ` +
  `"private_key": "-----BEGIN PRIVATE KEY-----${sep}${pemBody(840 + seed, 10, sep)}${sep}-----END PRIVATE KEY-----${sep}",\n  "client_email": "x@demo.iam.gserviceaccount.com"\n}`;

export const gcpServiceAccountKey: ProviderSpec = {
  id: 'secret/gcp-service-account-key',
  label: 'Google Cloud service account private key',
  description: 'Google Cloud service account key file (JSON with "type": "service_account" and a private_key) committed to the repository',
  regex: /"private_key"\s*:\s*"(-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n|\s)[A-Za-z0-9+/=\\\s]{100,}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"/,
  keywords: ['service_account'],
  severity: 'error',
  cwe: 'CWE-321',
  envName: 'GOOGLE_APPLICATION_CREDENTIALS',
  publicPrefix: /^-----BEGIN (?:RSA )?PRIVATE KEY-----/,
  near: { words: ['service_account'], window: 4000 },
  validate: (secret) => realKeyBody(secret.replace(/^-----BEGIN[^-]*-----|-----END[^-]*-----(?:\\n)?$/g, '')),
  samples: {
    tp: () => [saJson(1), saJson(2).replace(/\n\s*/g, ' ')],
    fp: () => [
      saJson(3).replace(/(PRIVATE KEY-----\\n)[^-]+/, '$1...\\n'),
      saJson(4).replace(/(PRIVATE KEY-----\\n)[^-]+/, '$1<your-private-key>\\n'),
      saJson(5).replace(/(PRIVATE KEY-----\\n)[^-]+/, `$1${'A'.repeat(64)}\\n${'A'.repeat(64)}\\n`),
      saJson(6).replace('service_account', 'authorized_user'),
    ],
  },
  help: 'A service account key signs in as the service account with all its IAM roles, and never expires by itself. Use workload identity or GOOGLE_APPLICATION_CREDENTIALS pointing outside the repository, and delete the exposed key in IAM.',
};

const connection = (seed: number): string =>
  `DefaultEndpointsProtocol=https;AccountName=acct${seed};AccountKey=${b64(86, 850 + seed)}==;EndpointSuffix=core.windows.net`;

export const azureStorageAccountKey: ProviderSpec = {
  id: 'secret/azure-storage-account-key',
  label: 'Azure storage account key',
  description: 'Azure storage account key (AccountKey= in a connection string) hardcoded in source or configuration',
  regex: /AccountKey=([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/,
  keywords: ['accountkey='],
  minEntropy: 4.5,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'AZURE_STORAGE_CONNECTION_STRING',
  // The Azurite/storage-emulator account key is published by Microsoft and only works locally.
  validate: (_s, at) => !at.text.slice(Math.max(0, at.start - 300), at.end + 300).toLowerCase().includes('devstoreaccount1'),
  samples: {
    tp: () => [`const conn = "${connection(1)}";`, `AZURE_STORAGE_CONNECTION_STRING=${connection(2)}`],
    fp: () => [
      `conn = "${connection(3).replace('acct3', 'devstoreaccount1')}"`,
      `conn = "${connection(4).replace(/AccountKey=[^;]+/, 'AccountKey=<key>')}"`,
      `conn = "${connection(5).replace(/AccountKey=[^;]+/, 'AccountKey=' + b64(40, 5) + '==')}"`,
      `conn = "AccountKey=${'A'.repeat(86)}=="`,
    ],
  },
  help: 'A storage account key gives full control of every blob, queue, table and file share of the account. Use Entra ID (managed identity) or SAS tokens, keep connection strings in the environment or Key Vault, and rotate the key.',
};

export const digitaloceanToken: ProviderSpec = tokenSpec({
  id: 'secret/digitalocean-token',
  label: 'DigitalOcean token',
  prefix: 'do[opr]_v1_',
  body: '[a-f0-9]{64}',
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  make: (seed) => `do${'opr'[seed % 3]}_v1_` + hex(64, 860 + seed),
  truncateTo: 40,
  envName: 'DIGITALOCEAN_TOKEN',
  minEntropy: 3.0,
  help: 'A DigitalOcean personal (dop_), OAuth (doo_) or refresh (dor_) token manages droplets, databases and DNS of the team. Read it from DIGITALOCEAN_TOKEN and revoke an exposed one.',
});

export const herokuApiKey: ProviderSpec = tokenSpec({
  id: 'secret/heroku-api-key',
  label: 'Heroku API key',
  prefix: 'HRKU-AA',
  body: '[\\w-]{58}',
  keywords: ['hrku-'],
  make: (seed) => 'HRKU-AA' + url(58, 870 + seed),
  truncateTo: 40,
  envName: 'HEROKU_API_KEY',
  help: 'A Heroku API key manages every app of its user: config vars (with their secrets), releases, add-ons. Read it from HEROKU_API_KEY and regenerate an exposed one.',
});

const uuid = (seed: number): string => {
  const h = hex(32, 880 + seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

export const herokuLegacyApiKey: ProviderSpec = {
  id: 'secret/heroku-legacy-api-key',
  label: 'Heroku API key',
  description: 'Legacy Heroku API key (a UUID assigned to a Heroku key/token name) hardcoded in source or configuration',
  regex: /heroku[\w.-]{0,30}?(?:key|token|secret|password|auth)[\w-]{0,10}["'`]?\s*(?::=|=>|=|:)\s*["'`]?([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})(?![\w-])/i,
  keywords: ['heroku'],
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'HEROKU_API_KEY',
  samples: {
    tp: () => [`HEROKU_API_KEY=${uuid(1)}`, `const herokuToken = "${uuid(2)}";`, `heroku:\n  api_key: ${uuid(3)}`.replace(':\n  ', '_')],
    fp: () => [
      `const appId = "${uuid(4)}"; // heroku app`,
      'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
      `heroku_app_id = "${uuid(5)}"`,
    ],
  },
  help: 'A Heroku API key manages every app of its user: config vars (with their secrets), releases, add-ons. Read it from HEROKU_API_KEY and regenerate an exposed one.',
};

export const databricksToken: ProviderSpec = tokenSpec({
  id: 'secret/databricks-token',
  label: 'Databricks personal access token',
  prefix: 'dapi',
  body: '[a-f0-9]{32}(?:-[0-9])?',
  keywords: ['dapi'],
  make: (seed) => 'dapi' + hex(32, 890 + seed),
  truncateTo: 24,
  envName: 'DATABRICKS_TOKEN',
  minEntropy: 3.0,
  help: 'A Databricks token runs jobs and reads every table its user can. Read it from DATABRICKS_TOKEN (the SDK and CLI do) and revoke an exposed one.',
});

export const vaultToken: ProviderSpec = tokenSpec({
  id: 'secret/vault-token',
  label: 'HashiCorp Vault token',
  prefix: 'hv[sb]\\.',
  body: '[\\w-]{90,300}',
  keywords: ['hvs.', 'hvb.'],
  make: (seed) => (seed % 2 ? 'hvs.' + url(95, 900 + seed) : 'hvb.' + url(150, 900 + seed)),
  truncateTo: 60,
  envName: 'VAULT_TOKEN',
  before: '(?<![\\w.-])',
  help: 'A Vault service (hvs.) or batch (hvb.) token reads every secret its policies allow. Use an auth method (AppRole, Kubernetes, cloud IAM) and VAULT_TOKEN, and revoke an exposed token.',
});

export const terraformCloudToken: ProviderSpec = {
  id: 'secret/terraform-cloud-token',
  label: 'Terraform Cloud API token',
  description: 'Terraform Cloud / HCP Terraform API token hardcoded in source or configuration',
  regex: /(?<![\w.-])([A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70})(?![\w.=-])/,
  keywords: ['atlasv1'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'TF_TOKEN_app_terraform_io',
  samples: {
    tp: () => [`token = "${alnum(14, 910)}.atlasv1.${url(67, 911)}"`, `TF_API_TOKEN=${alnum(14, 912)}.atlasv1.${url(64, 913)}`],
    fp: () => [`token = "xxxxxxxxxxxxxx.atlasv1.${'x'.repeat(67)}"`, `token = "${alnum(14, 914)}.atlasv1.${url(30, 915)}"`, 'token = "<token>.atlasv1.<rest>"'],
  },
  help: 'A Terraform Cloud token plans and applies infrastructure and reads state (with its secrets). Keep it in the CLI credentials file or TF_TOKEN_app_terraform_io, and revoke an exposed one.',
};

export const dockerHubPat: ProviderSpec = tokenSpec({
  id: 'secret/docker-hub-pat',
  label: 'Docker Hub access token',
  prefix: 'dckr_(?:pat|oat)_',
  body: '[\\w-]{27,}',
  keywords: ['dckr_pat_', 'dckr_oat_'],
  make: (seed) => `dckr_${seed % 2 ? 'pat' : 'oat'}_` + url(27, 920 + seed),
  truncateTo: 25,
  envName: 'DOCKERHUB_TOKEN',
  help: 'A Docker Hub personal (dckr_pat_) or organisation (dckr_oat_) access token pushes and pulls the account\'s images. Use it from a CI secret (DOCKERHUB_TOKEN) and revoke an exposed one.',
});
