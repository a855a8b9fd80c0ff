// Developer tools and SaaS APIs: Adobe, Atlassian, Bitbucket, Linear, Notion, Figma, Postman, SonarQube, ReadMe, Typeform,
// Prefect, Contentful, Snyk, Mapbox, Pulumi, Infracost.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeJsonSegment } from './checks';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const lower = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex + 'ghijklmnopqrstuvwxyz', n, seed);
const digits = (n: number, seed: number): string => String(1 + (seed % 9)) + sampleSecret(ALPHABETS.digits, n - 1, seed);
const b64url = (s: string): string => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

export const atlassianApiToken: ProviderSpec = tokenSpec({
  id: 'secret/atlassian-api-token',
  label: 'Atlassian API token',
  description: 'Atlassian API token (`ATATT3` + 186 characters) hardcoded in source or configuration',
  prefix: 'ATATT3',
  body: '[A-Za-z0-9_=-]{186}',
  keywords: ['atatt3'],
  make: (seed) => 'ATATT3' + url(177, 1700 + seed) + '=' + hex(8, 1705 + seed).toUpperCase(),
  truncateTo: 100,
  envName: 'ATLASSIAN_API_TOKEN',
  minEntropy: 4.0,
  help: 'An Atlassian API token acts as its user on Jira, Confluence and Bitbucket Cloud: issues, pages, repositories. Read it from the environment and revoke an exposed token at id.atlassian.com/manage-profile/security/api-tokens.',
});

export const bitbucketAppPassword: ProviderSpec = tokenSpec({
  id: 'secret/bitbucket-app-password',
  label: 'Bitbucket app password',
  description: 'Bitbucket app password (`ATBB` + 32 alphanumerics) hardcoded in source or configuration',
  prefix: 'ATBB',
  body: '[A-Za-z0-9]{32}',
  keywords: ['atbb'],
  make: (seed) => 'ATBB' + alnum(24, 1710 + seed) + hex(8, 1715 + seed).toUpperCase(),
  truncateTo: 24,
  envName: 'BITBUCKET_APP_PASSWORD',
  help: 'A Bitbucket app password clones, pushes and administers repositories with the scopes it was given. Read it from a CI secret and revoke an exposed one in Personal settings > App passwords.',
  extraTp: (make) => [`git clone https://deploy:${make(5)}@bitbucket.org/team/repo.git`],
});

export const linearApiKey: ProviderSpec = tokenSpec({
  id: 'secret/linear-api-key',
  label: 'Linear API key',
  description: 'Linear API key (`lin_api_` + 40 alphanumerics) hardcoded in source or configuration',
  prefix: 'lin_api_',
  body: '[A-Za-z0-9]{40}',
  keywords: ['lin_api_'],
  make: (seed) => 'lin_api_' + alnum(40, 1720 + seed),
  truncateTo: 30,
  envName: 'LINEAR_API_KEY',
  help: 'A Linear API key reads and changes the issues, projects and comments its user can see. Read it from LINEAR_API_KEY and revoke an exposed key in Settings > API.',
});

/** Current Notion tokens: `ntn_` + 11 digits + 35 alphanumerics; older ones: `secret_` + 43 alphanumerics. */
const notionSample = (seed: number): string =>
  seed % 2 ? `ntn_${digits(11, 1730 + seed)}${alnum(35, 1735 + seed)}` : `secret_${alnum(43, 1735 + seed)}`;

export const notionToken: ProviderSpec = {
  id: 'secret/notion-token',
  label: 'Notion integration token',
  description: 'Notion integration token (ntn_…, or a legacy secret_… token near a mention of Notion) hardcoded in source or configuration',
  regex: /((?<![\w-])ntn_[0-9]{11}[A-Za-z0-9]{35}|(?<=[\s"'`=:,(])secret_[A-Za-z0-9]{43})(?![\w-])/,
  keywords: ['ntn_', 'notion'],
  minEntropy: 3.8,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'NOTION_TOKEN',
  publicPrefix: /^(?:ntn_|secret_)/,
  // `secret_` is a common word: the legacy shape counts only near Notion's name.
  validate: (secret, at) =>
    secret.startsWith('ntn_') || at.text.slice(Math.max(0, at.start - 300), at.end + 300).toLowerCase().includes('notion'),
  samples: {
    tp: () => [`const notion = new Client({ auth: "${notionSample(1)}" });`, `NOTION_TOKEN=${notionSample(2)}`, `# notion\ntoken: '${notionSample(3)}'`],
    fp: () => [
      `token = "secret_${alnum(43, 1740)}"`,
      `NOTION_TOKEN=ntn_${'x'.repeat(46)}`,
      `NOTION_TOKEN=${notionSample(5).slice(0, 30)}`,
      `NOTION_TOKEN=secret_...`,
      `# notion\nname = "my_secret_${alnum(43, 1741)}"`,
    ],
  },
  help: 'A Notion integration token reads and edits every page and database shared with the integration. Read it from NOTION_TOKEN and refresh an exposed secret in the integration settings.',
};

export const adobeClientSecret: ProviderSpec = tokenSpec({
  id: 'secret/adobe-client-secret',
  label: 'Adobe client secret',
  description: 'Adobe Developer Console (Adobe I/O) OAuth client secret (`p8e-` + 32 alphanumerics) hardcoded in source or configuration',
  prefix: 'p8e-',
  body: '[A-Za-z0-9]{32}',
  keywords: ['p8e-'],
  make: (seed) => 'p8e-' + alnum(32, 1990 + seed),
  truncateTo: 24,
  envName: 'ADOBE_CLIENT_SECRET',
  minEntropy: 3.5,
  help: 'An Adobe client secret, with its client id, obtains access tokens for every API of the project (Photoshop, PDF Services, Analytics…). Read it from the environment and rotate an exposed secret in the Developer Console.',
  extraFp: () => [`const ref = "p8e-${'0123456789abcdef'.repeat(2)}";`],
});

export const figmaToken: ProviderSpec = tokenSpec({
  id: 'secret/figma-token',
  label: 'Figma personal access token',
  description: 'Figma personal access token (`figd_` + about 40 characters) hardcoded in source or configuration',
  prefix: 'figd_',
  body: '[\\w-]{38,42}',
  keywords: ['figd_'],
  make: (seed) => 'figd_' + url(40, 1750 + seed),
  truncateTo: 30,
  envName: 'FIGMA_TOKEN',
  help: 'A Figma personal access token reads (and with write scopes changes) every file its user can open. Read it from the environment and revoke an exposed token in the account settings.',
});

export const postmanApiKey: ProviderSpec = tokenSpec({
  id: 'secret/postman-api-key',
  label: 'Postman API key',
  description: 'Postman API key (`PMAK-` + 24 hex + `-` + 34 hex) hardcoded in source or configuration',
  prefix: 'PMAK-',
  body: '[a-fA-F0-9]{24}-[a-fA-F0-9]{34}',
  keywords: ['pmak-'],
  make: (seed) => `PMAK-${hex(24, 1760 + seed)}-${hex(34, 1765 + seed)}`,
  truncateTo: 40,
  envName: 'POSTMAN_API_KEY',
  minEntropy: 3.0,
  help: 'A Postman API key reads the workspaces, collections and environments (with their saved secrets) of its user. Read it from POSTMAN_API_KEY and revoke an exposed key in the API keys settings.',
});

export const sonarqubeToken: ProviderSpec = tokenSpec({
  id: 'secret/sonarqube-token',
  label: 'SonarQube token',
  description: 'SonarQube token (`sqp_`, `squ_` or `sqa_` + 40 hex) hardcoded in source or configuration',
  prefix: 'sq[pua]_',
  body: '[a-f0-9]{40}',
  keywords: ['sqp_', 'squ_', 'sqa_'],
  make: (seed) => `sq${'pua'[seed % 3]}_${hex(40, 1770 + seed)}`,
  truncateTo: 30,
  envName: 'SONAR_TOKEN',
  minEntropy: 3.0,
  help: 'A SonarQube project (sqp_), user (squ_) or global analysis (sqa_) token submits analyses and, for user tokens, reads the source code and issues of the projects. Pass it as SONAR_TOKEN from a CI secret and revoke an exposed token in My Account > Security.',
});

export const readmeApiKey: ProviderSpec = tokenSpec({
  id: 'secret/readme-api-key',
  label: 'ReadMe API key',
  description: 'ReadMe API key (`rdme_` + 70 lowercase alphanumerics) hardcoded in source or configuration',
  prefix: 'rdme_',
  body: '[a-z0-9]{70}',
  keywords: ['rdme_'],
  make: (seed) => 'rdme_' + lower(70, 1780 + seed),
  truncateTo: 40,
  envName: 'README_API_KEY',
  help: 'A ReadMe API key publishes and changes the project\'s documentation and reads its API metrics. Read it from README_API_KEY and regenerate an exposed key in the project dashboard.',
});

export const typeformToken: ProviderSpec = tokenSpec({
  id: 'secret/typeform-token',
  label: 'Typeform personal access token',
  description: 'Typeform personal access token (`tfp_` + 59 characters) near a mention of Typeform',
  prefix: 'tfp_',
  body: '[\\w.=-]{59}',
  keywords: ['tfp_'],
  near: { words: ['typeform'], window: 300 },
  make: (seed) => 'tfp_' + url(44, 1790 + seed) + '_' + alnum(14, 1795 + seed),
  truncateTo: 40,
  envName: 'TYPEFORM_TOKEN',
  minEntropy: 4.0,
  help: 'A Typeform token reads forms and their responses (often personal data) and changes the forms. Read it from the environment and revoke an exposed token in the account settings.',
});

export const prefectApiKey: ProviderSpec = tokenSpec({
  id: 'secret/prefect-api-key',
  label: 'Prefect Cloud API key',
  description: 'Prefect Cloud API key (`pnu_` + 36 alphanumerics) hardcoded in source or configuration',
  prefix: 'pnu_',
  body: '[A-Za-z0-9]{36}',
  keywords: ['pnu_'],
  make: (seed) => 'pnu_' + alnum(36, 1800 + seed),
  truncateTo: 24,
  envName: 'PREFECT_API_KEY',
  help: 'A Prefect Cloud API key runs and changes the flows and deployments of its workspaces, with their blocks (stored credentials). Read it from PREFECT_API_KEY and delete an exposed key in the profile settings.',
});

export const contentfulPat: ProviderSpec = tokenSpec({
  id: 'secret/contentful-pat',
  label: 'Contentful personal access token',
  description: 'Contentful personal access token (`CFPAT-` + 43 characters) hardcoded in source or configuration',
  prefix: 'CFPAT-',
  body: '[\\w-]{43}',
  keywords: ['cfpat-'],
  make: (seed) => 'CFPAT-' + url(43, 1810 + seed),
  truncateTo: 30,
  envName: 'CONTENTFUL_MANAGEMENT_TOKEN',
  help: 'A Contentful management token creates, changes and deletes the content and content model of every space of its user. Read it from CONTENTFUL_MANAGEMENT_TOKEN and revoke an exposed token in the CMA tokens settings.',
});

const uuid = (seed: number): string => {
  const h = hex(32, 1820 + seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};

export const snykToken: ProviderSpec = {
  id: 'secret/snyk-token',
  label: 'Snyk API token',
  description: 'Snyk API token (a UUID assigned to a Snyk token/key name or passed to `snyk auth`) hardcoded in source or configuration',
  regex: /(?:snyk[\w.-]{0,20}?(?:token|key)["'`]?\s*(?::=|=>|=|:)\s*["'`]?|snyk\s+auth\s+["'`]?)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/i,
  keywords: ['snyk'],
  minEntropy: 3.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'SNYK_TOKEN',
  samples: {
    tp: () => [`SNYK_TOKEN=${uuid(1)}`, `const snykApiKey = "${uuid(2)}";`, `run: snyk auth ${uuid(3)}`],
    fp: () => [
      'SNYK_TOKEN=00000000-0000-0000-0000-000000000000',
      `snyk_org_id = "${uuid(4)}"`,
      'run: snyk auth $SNYK_TOKEN',
      `project = "${uuid(5)}" # snyk token`,
    ],
  },
  help: 'A Snyk token acts as its user or service account: it reads the vulnerability reports (a map of what to attack) and changes projects. Pass it as SNYK_TOKEN from a CI secret and revoke an exposed one in the account settings.',
};

/** A Mapbox secret token: `sk.` + base64url JSON naming the user + `.` + 22 characters. */
const mapboxToken = (seed: number, payload: object = { u: `user${seed}`, a: lower(25, 1830 + seed) }): string =>
  `sk.${b64url(JSON.stringify(payload))}.${url(22, 1835 + seed)}`;

export const mapboxSecretToken: ProviderSpec = {
  id: 'secret/mapbox-secret-token',
  label: 'Mapbox secret access token',
  description: 'Mapbox secret access token (sk. and a base64 JSON naming the account) hardcoded in source or configuration',
  regex: /(?<![\w.-])(sk\.eyJ[\w-]{10,300}\.[\w-]{20,30})(?![\w.-])/,
  keywords: ['sk.eyj'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'MAPBOX_SECRET_TOKEN',
  publicPrefix: /^sk\.eyJ[\w-]*\./,
  validate: (secret) => {
    const payload = decodeJsonSegment(secret.split('.')[1]);
    return payload !== undefined && typeof payload.u === 'string';
  },
  samples: {
    tp: () => [`MAPBOX_DOWNLOADS_TOKEN=${mapboxToken(1)}`, `const token = "${mapboxToken(2)}";`],
    fp: () => [
      `mapboxgl.accessToken = "${mapboxToken(3).replace(/^sk\./, 'pk.')}";`,
      `token = "sk.eyJ${alnum(40, 1840)}.${url(22, 1841)}"`,
      `token = "${mapboxToken(4, { some: 'payload' })}"`,
      `token = "${mapboxToken(5).slice(0, 40)}"`,
    ],
  },
  help: 'A Mapbox secret token (sk.) manages the account\'s styles, tilesets, tokens and downloads; public pk. tokens are meant for browsers, secret ones are not. Read it from the environment and rotate an exposed token at account.mapbox.com.',
};

export const pulumiAccessToken: ProviderSpec = tokenSpec({
  id: 'secret/pulumi-access-token',
  label: 'Pulumi access token',
  description: 'Pulumi access token (`pul-` + 40 hex) hardcoded in source or configuration',
  prefix: 'pul-',
  body: '[a-f0-9]{40}',
  keywords: ['pul-'],
  make: (seed) => 'pul-' + hex(40, 1850 + seed),
  truncateTo: 30,
  envName: 'PULUMI_ACCESS_TOKEN',
  minEntropy: 3.0,
  help: 'A Pulumi access token reads stack state (with its decrypted secrets when the service manages them) and runs updates. Pass it as PULUMI_ACCESS_TOKEN from a CI secret and revoke an exposed token in the Pulumi Cloud console.',
});

export const infracostApiKey: ProviderSpec = tokenSpec({
  id: 'secret/infracost-api-key',
  label: 'Infracost API key',
  description: 'Infracost API key (`ico-` + 32 alphanumerics) hardcoded in source or configuration',
  prefix: 'ico-',
  body: '[A-Za-z0-9]{32}',
  keywords: ['ico-'],
  make: (seed) => 'ico-' + alnum(32, 1860 + seed),
  truncateTo: 24,
  envName: 'INFRACOST_API_KEY',
  help: 'An Infracost API key queries the pricing API on the organisation\'s quota and uploads cost estimates to Infracost Cloud. Read it from INFRACOST_API_KEY and rotate an exposed key in the organisation settings.',
});
