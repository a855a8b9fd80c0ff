// Cloud, hosting and database platforms: Azure AD (Entra ID), Alibaba Cloud, Cloudflare, Fly.io, PlanetScale, Supabase,
// Vercel, Netlify, Scalingo, Okta, OpenShift.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const b64 = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);

/** Entra ID client secrets: 3 characters, a digit, `Q~`, then 31-34 characters (40 in all for current secrets). */
const azureSecret = (seed: number): string =>
  sampleSecret(ALPHABETS.alnum + '_~.', 3, 2100 + seed) + String(seed % 10) + 'Q~' + sampleSecret(ALPHABETS.alnum + '_~.-', 34, 2105 + seed);

export const azureAdClientSecret: ProviderSpec = {
  id: 'secret/azure-ad-client-secret',
  label: 'Azure AD (Entra ID) client secret',
  description: 'Microsoft Entra ID (Azure AD) application client secret (the `Q~` shape) hardcoded in source or configuration',
  regex: /(?<![\w~.-])([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/,
  keywords: ['q~'],
  minEntropy: 3.8,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'AZURE_CLIENT_SECRET',
  samples: {
    tp: () => [`AZURE_CLIENT_SECRET=${azureSecret(1)}`, `app = ConfidentialClientApplication(client_id, client_credential="${azureSecret(2)}")`, `"clientSecret": "${azureSecret(3)}"`],
    fp: () => [
      `secret = "${azureSecret(4).slice(0, 25)}"`,
      `secret = "abc8Q~${'x'.repeat(34)}"`,
      `path = "~/${azureSecret(5)}x"`,
      'AZURE_CLIENT_SECRET=<client-secret>',
    ],
  },
  help: 'A client secret signs in as the application (service principal) with every API permission and role it holds. Prefer managed identities or certificates; otherwise read AZURE_CLIENT_SECRET from the environment or Key Vault, and delete an exposed secret in the app registration.',
};

export const alibabaAccessKeyId: ProviderSpec = tokenSpec({
  id: 'secret/alibaba-access-key-id',
  label: 'Alibaba Cloud AccessKey ID',
  description: 'Alibaba Cloud AccessKey ID (`LTAI` + 20 alphanumerics) hardcoded in source or configuration',
  prefix: 'LTAI',
  body: '[A-Za-z0-9]{20}',
  keywords: ['ltai'],
  make: (seed) => 'LTAI' + alnum(20, 2110 + seed),
  truncateTo: 16,
  envName: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  help: 'An Alibaba Cloud AccessKey ID is half of a RAM credential; its AccessKey secret is usually next to it. Use the default credential chain (environment, RAM roles) and disable an exposed pair in the RAM console.',
});

export const cloudflareOriginCaKey: ProviderSpec = tokenSpec({
  id: 'secret/cloudflare-origin-ca-key',
  label: 'Cloudflare Origin CA key',
  description: 'Cloudflare Origin CA key (`v1.0-` + 24 hex + `-` + 146 hex) hardcoded in source or configuration',
  prefix: 'v1\\.0-',
  body: '[a-f0-9]{24}-[a-f0-9]{146}',
  keywords: ['v1.0-'],
  make: (seed) => `v1.0-${hex(24, 2120 + seed)}-${hex(146, 2125 + seed)}`,
  truncateTo: 100,
  envName: 'CLOUDFLARE_API_USER_SERVICE_KEY',
  minEntropy: 3.0,
  before: '(?<![\\w.-])',
  help: 'An Origin CA key issues and revokes origin certificates for the account\'s zones. Read it from the environment and regenerate an exposed key in the profile\'s API tokens page.',
});

/** Fly.io tokens: `fo1_` + 43 characters, or macaroons (`fm1a_`, `fm1r_`, `fm2_`) + long base64, often after `FlyV1 `. */
const flyToken = (seed: number): string => (seed % 2 ? 'fo1_' + url(43, 2130 + seed) : `fm2_lJPE${b64(180, 2135 + seed)}==`);

export const flyioToken: ProviderSpec = {
  id: 'secret/flyio-token',
  label: 'Fly.io access token',
  description: 'Fly.io access token (fo1_ or a fm1/fm2 macaroon) hardcoded in source or configuration',
  regex: /(?<![\w-])(fo1_[\w-]{43}(?![\w-])|fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3}(?![A-Za-z0-9+/=]))/,
  keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'FLY_API_TOKEN',
  publicPrefix: /^f[om][12][ar]?_/,
  samples: {
    tp: () => [`FLY_API_TOKEN="FlyV1 ${flyToken(2)}"`, `const token = "${flyToken(1)}";`, `fly:\n  token: ${flyToken(3)}\n`],
    fp: () => [
      `api_key = "fo1_${'x'.repeat(43)}"`,
      `const MINIDUMP_SYSMEMINFO1_PERF_CCTOTALDIRTYPAGES: u32 = 4;`,
      `value = "7SWa-Fo1_${url(60, 2140)}"`,
      `FLY_API_TOKEN="FlyV1 fm2_${b64(40, 2141)}"`,
    ],
  },
  help: 'A Fly.io token deploys and manages the organisation\'s apps, machines and their secrets. Use a scoped deploy token from a CI secret (FLY_API_TOKEN) and revoke an exposed one with `fly tokens revoke`.',
};

export const planetscaleToken: ProviderSpec = tokenSpec({
  id: 'secret/planetscale-token',
  label: 'PlanetScale service or OAuth token',
  description: 'PlanetScale service or OAuth token (`pscale_tkn_` or `pscale_oauth_` + 32-64 characters) hardcoded in source or configuration',
  prefix: 'pscale_(?:tkn|oauth)_',
  body: '[\\w-]{32,64}',
  keywords: ['pscale_tkn_', 'pscale_oauth_'],
  make: (seed) => `pscale_${seed % 2 ? 'tkn' : 'oauth'}_${url(43, 2150 + seed)}`,
  truncateTo: 35,
  envName: 'PLANETSCALE_SERVICE_TOKEN',
  help: 'A PlanetScale service or OAuth token manages the organisation\'s databases, branches and passwords. Read it from the environment (PLANETSCALE_SERVICE_TOKEN) and delete an exposed token in the organisation settings.',
});

export const planetscalePassword: ProviderSpec = tokenSpec({
  id: 'secret/planetscale-password',
  label: 'PlanetScale database password',
  description: 'PlanetScale database password (`pscale_pw_` + 32-64 characters) hardcoded in source or configuration',
  prefix: 'pscale_pw_',
  body: '[\\w-]{32,64}',
  keywords: ['pscale_pw_'],
  make: (seed) => 'pscale_pw_' + url(43, 2160 + seed),
  truncateTo: 35,
  envName: 'DATABASE_PASSWORD',
  help: 'A PlanetScale password connects to the database branch with its role (often read-write). Keep the connection string in the environment (DATABASE_URL) and delete an exposed password in the branch\'s settings.',
  extraTp: (make) => [`DATABASE_URL=mysql://app:${make(5)}@aws.connect.psdb.cloud/app?sslaccept=strict`],
});

export const supabaseAccessToken: ProviderSpec = tokenSpec({
  id: 'secret/supabase-access-token',
  label: 'Supabase access token',
  description: 'Supabase access token (`sbp_` + 40 hex) hardcoded in source or configuration',
  prefix: 'sbp_',
  body: '[a-f0-9]{40}',
  keywords: ['sbp_'],
  make: (seed) => 'sbp_' + hex(40, 2170 + seed),
  truncateTo: 30,
  envName: 'SUPABASE_ACCESS_TOKEN',
  minEntropy: 3.0,
  help: 'A Supabase access token calls the Management API as its user: every project of the organisations, their settings, keys and database. Read it from SUPABASE_ACCESS_TOKEN and revoke an exposed token in the account settings.',
});

export const supabaseSecretKey: ProviderSpec = tokenSpec({
  id: 'secret/supabase-secret-key',
  label: 'Supabase secret API key',
  description: 'Supabase secret API key (`sb_secret_` + 31-36 characters) hardcoded in source or configuration',
  prefix: 'sb_secret_',
  body: '[\\w-]{31,36}',
  keywords: ['sb_secret_'],
  make: (seed) => `sb_secret_${alnum(22, 2180 + seed)}_${alnum(8, 2185 + seed)}`,
  truncateTo: 30,
  envName: 'SUPABASE_SECRET_KEY',
  help: 'A Supabase secret key (the successor of the service_role key) bypasses Row Level Security: full read and write access to the project\'s data. Keep it on the server, read it from the environment, and roll an exposed key in the project\'s API settings.',
  extraFp: () => [`const key = "sb_publishable_${alnum(31, 2188)}";`],
});

const VERCEL_KINDS = 'piarck';

export const vercelToken: ProviderSpec = tokenSpec({
  id: 'secret/vercel-token',
  label: 'Vercel token',
  description: 'Vercel token (`vcp_`, `vci_`, `vca_`, `vcr_` or `vck_` + 56 characters) hardcoded in source or configuration',
  // Personal (vcp_), integration (vci_), app access (vca_) and refresh (vcr_) tokens, AI Gateway keys (vck_).
  prefix: 'vc[piarck]_',
  body: '[A-Za-z0-9_-]{50}[A-Za-z0-9]{6}',
  keywords: [...VERCEL_KINDS].map((k) => `vc${k}_`),
  make: (seed) => `vc${VERCEL_KINDS[seed % VERCEL_KINDS.length]}_${url(50, 2190 + seed)}${alnum(6, 2195 + seed)}`,
  truncateTo: 40,
  envName: 'VERCEL_TOKEN',
  help: 'A Vercel token deploys and configures the team\'s projects, including their environment variables (secrets). Read it from VERCEL_TOKEN and revoke an exposed token in Account Settings > Tokens.',
});

export const netlifyToken: ProviderSpec = tokenSpec({
  id: 'secret/netlify-token',
  label: 'Netlify personal access token',
  description: 'Netlify personal access token (`nfp_` + 36-48 alphanumerics) hardcoded in source or configuration',
  prefix: 'nfp_',
  body: '[A-Za-z0-9]{36,48}',
  keywords: ['nfp_'],
  make: (seed) => 'nfp_' + alnum(40, 2200 + seed),
  truncateTo: 30,
  envName: 'NETLIFY_AUTH_TOKEN',
  help: 'A Netlify personal access token deploys and configures every site of its user, including their environment variables. Read it from NETLIFY_AUTH_TOKEN and revoke an exposed token in User settings > Applications.',
});

export const scalingoApiToken: ProviderSpec = tokenSpec({
  id: 'secret/scalingo-api-token',
  label: 'Scalingo API token',
  description: 'Scalingo API token (`tk-us-` + 48 characters) hardcoded in source or configuration',
  prefix: 'tk-us-',
  body: '[\\w-]{48}',
  keywords: ['tk-us-'],
  make: (seed) => 'tk-us-' + url(48, 2210 + seed),
  truncateTo: 40,
  envName: 'SCALINGO_API_TOKEN',
  help: 'A Scalingo API token deploys and manages its user\'s apps, their add-ons and environment variables. Read it from SCALINGO_API_TOKEN and revoke an exposed token in the dashboard.',
});

export const oktaApiToken: ProviderSpec = {
  id: 'secret/okta-api-token',
  label: 'Okta API token',
  description: 'Okta API (SSWS) token (00 and 40 characters) hardcoded near a mention of Okta',
  regex: /(?<=[\s"'`=:,(])(00[A-Za-z0-9_-]{40})(?![\w-])/,
  keywords: ['okta'],
  near: { words: ['okta'], window: 200 },
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'OKTA_CLIENT_TOKEN',
  validate: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
  samples: {
    tp: () => [
      `OKTA_CLIENT_TOKEN=00${url(40, 2220)}`,
      `okta:\n  client:\n    orgUrl: https://acme.okta.com\n    token: 00${url(40, 2221)}\n`,
      `curl -H "Authorization: SSWS 00${url(40, 2222)}" https://acme.okta.com/api/v1/users`,
    ],
    fp: () => [
      `okta_user_id = "00${hex(40, 2223)}"`,
      `OKTA_CLIENT_TOKEN=00${url(30, 2224)}`,
      `hash = "00${url(40, 2225)}"`,
      `OKTA_CLIENT_TOKEN=00${'x'.repeat(40)}`,
    ],
  },
  help: 'An Okta API token acts as the admin who created it: users, groups, applications and policies of the org. Read it from OKTA_CLIENT_TOKEN (prefer OAuth service apps), and revoke an exposed token in Security > API > Tokens.',
};

export const openshiftUserToken: ProviderSpec = tokenSpec({
  id: 'secret/openshift-user-token',
  label: 'OpenShift user token',
  description: 'OpenShift OAuth user token (`sha256~` + 43 characters) hardcoded in source or configuration',
  prefix: 'sha256~',
  body: '[\\w-]{43}',
  keywords: ['sha256~'],
  make: (seed) => 'sha256~' + url(43, 2230 + seed),
  truncateTo: 30,
  envName: 'OPENSHIFT_TOKEN',
  help: 'An OpenShift OAuth token acts as its user on the cluster API (`oc login --token`) until it expires. Do not commit it; use a service account token from a CI secret, and delete an exposed token (`oc delete oauthaccesstoken`).',
});
