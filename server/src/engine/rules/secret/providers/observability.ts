// Monitoring and observability: Sentry, New Relic, Grafana, Dynatrace.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeJsonSegment } from './checks';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const b64 = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const upnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.upper + ALPHABETS.digits, n, seed);

/** A Sentry organization token: `sntrys_` + base64 JSON (issue time, URLs, org) + `_` + 43 base64 characters. */
const sentryToken = (seed: number, claims: object = { iat: 1700000000.5 + seed, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: `org-${seed}` }): string =>
  `sntrys_${btoa(JSON.stringify(claims))}_${b64(43, 1900 + seed)}`;

export const sentryOrgToken: ProviderSpec = {
  id: 'secret/sentry-org-token',
  label: 'Sentry organization token',
  description: 'Sentry organization auth token (sntrys_ and a base64 JSON with the organization) hardcoded in source or configuration',
  regex: /(?<![\w-])(sntrys_eyJ[A-Za-z0-9+/]{20,600}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=])/,
  keywords: ['sntrys_'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'SENTRY_AUTH_TOKEN',
  publicPrefix: /^sntrys_/,
  validate: (secret) => {
    const claims = decodeJsonSegment(secret.slice('sntrys_'.length, secret.lastIndexOf('_')));
    return claims !== undefined && 'iat' in claims && ('org' in claims || 'url' in claims);
  },
  samples: {
    tp: () => [`SENTRY_AUTH_TOKEN=${sentryToken(1)}`, `sentryVitePlugin({ org: "acme", authToken: "${sentryToken(2)}" })`],
    fp: () => [
      'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
      `authToken: "sntrys_eyJ${alnum(60, 1905)}_${b64(43, 1906)}"`,
      `authToken: "${sentryToken(3, { some: 'payload' })}"`,
      `authToken: "${sentryToken(4).slice(0, 60)}"`,
    ],
  },
  help: 'An organization token uploads source maps and releases for every project of the organization. Pass it as SENTRY_AUTH_TOKEN from a CI secret and revoke an exposed token in Settings > Auth Tokens.',
};

export const sentryUserToken: ProviderSpec = tokenSpec({
  id: 'secret/sentry-user-token',
  label: 'Sentry user auth token',
  description: 'Sentry user auth token (`sntryu_` + 64 hex) hardcoded in source or configuration',
  prefix: 'sntryu_',
  body: '[a-f0-9]{64}',
  keywords: ['sntryu_'],
  make: (seed) => 'sntryu_' + hex(64, 1910 + seed),
  truncateTo: 40,
  envName: 'SENTRY_AUTH_TOKEN',
  minEntropy: 3.0,
  help: 'A user auth token acts as its user on the Sentry API with the scopes it was given: events (with their request data), projects, members. Read it from SENTRY_AUTH_TOKEN and revoke an exposed token in User settings > Personal Tokens.',
});

export const newRelicUserKey: ProviderSpec = tokenSpec({
  id: 'secret/new-relic-user-key',
  label: 'New Relic user API key',
  description: 'New Relic user API key (`NRAK-` + 27 characters) hardcoded in source or configuration',
  prefix: 'NRAK-',
  body: '[A-Z0-9]{27}',
  keywords: ['nrak-'],
  make: (seed) => 'NRAK-' + upnum(27, 1920 + seed),
  truncateTo: 20,
  envName: 'NEW_RELIC_API_KEY',
  help: 'A New Relic user key queries all the account\'s telemetry (NerdGraph) and changes its configuration as the user. Read it from the environment and delete an exposed key in the API keys UI.',
});

export const newRelicInsertKey: ProviderSpec = tokenSpec({
  id: 'secret/new-relic-insert-key',
  label: 'New Relic Insights insert key',
  description: 'New Relic Insights insert key (`NRII-` + 32 characters) hardcoded in source or configuration',
  prefix: 'NRII-',
  body: '[\\w-]{32}',
  keywords: ['nrii-'],
  make: (seed) => 'NRII-' + url(32, 1930 + seed),
  truncateTo: 24,
  envName: 'NEW_RELIC_INSERT_KEY',
  severity: 'warning',
  help: 'An insert key writes events into the account: forged data in dashboards and alerts, and ingest billed to the account. Read it from the environment and delete an exposed key in the API keys UI.',
});

const licenseKey = (seed: number): string => `${seed % 2 ? 'eu01xx' : hex(6, 1940 + seed)}${hex(30, 1945 + seed)}NRAL`;

export const newRelicLicenseKey: ProviderSpec = {
  id: 'secret/new-relic-license-key',
  label: 'New Relic license key',
  description: 'New Relic ingest license key (40 characters ending in NRAL) hardcoded in source or configuration',
  regex: /(?<![\w-])([a-z0-9]{6}[a-f0-9]{30}NRAL)(?![\w-])/,
  keywords: ['nral'],
  minEntropy: 3.0,
  severity: 'warning',
  cwe: 'CWE-798',
  envName: 'NEW_RELIC_LICENSE_KEY',
  samples: {
    tp: () => [`NEW_RELIC_LICENSE_KEY=${licenseKey(1)}`, `newrelic:\n  license_key: '${licenseKey(2)}'\n`],
    fp: () => [
      `license_key: ${'a'.repeat(36)}NRAL`,
      `license_key: ${hex(30, 1950)}NRAL`,
      `license_key: ${licenseKey(3).toUpperCase()}`,
      `license_key: x${licenseKey(4)}`,
    ],
  },
  help: 'A license key reports data into the account: agents anywhere can send (and bill) telemetry under its name. Read it from NEW_RELIC_LICENSE_KEY and rotate an exposed key in the API keys UI.',
};

const glc = (seed: number, payload: object = { o: String(100000 + seed), n: `stack-${seed}-token`, k: alnum(24, 1960 + seed), m: { r: 'prod-us-east-0' } }): string =>
  'glc_' + btoa(JSON.stringify(payload));

export const grafanaCloudToken: ProviderSpec = {
  id: 'secret/grafana-cloud-token',
  label: 'Grafana Cloud access policy token',
  description: 'Grafana Cloud access policy token (glc_ and a base64 JSON) hardcoded in source or configuration',
  regex: /(?<![\w-])(glc_eyJ[A-Za-z0-9+/_-]{28,600}={0,2})(?![A-Za-z0-9+/=_-])/,
  keywords: ['glc_'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'GRAFANA_CLOUD_ACCESS_POLICY_TOKEN',
  publicPrefix: /^glc_/,
  validate: (secret) => {
    const payload = decodeJsonSegment(secret.slice(4));
    return payload !== undefined && typeof payload.k === 'string';
  },
  samples: {
    tp: () => [`GRAFANA_CLOUD_ACCESS_POLICY_TOKEN=${glc(1)}`, `basic_auth:\n  password: "${glc(2)}"\n`],
    fp: () => [`token = "glc_eyJ${alnum(60, 1965)}"`, `token = "${glc(3, { some: 'payload' })}"`, `token = "${glc(4).slice(0, 40)}"`, 'GRAFANA_TOKEN=glc_...'],
  },
  help: 'A Grafana Cloud token reads or writes the stack\'s metrics, logs and traces, or manages the stack, depending on its access policy. Read it from the environment and delete an exposed token in the Cloud portal.',
};

export const grafanaServiceAccountToken: ProviderSpec = tokenSpec({
  id: 'secret/grafana-service-account-token',
  label: 'Grafana service account token',
  description: 'Grafana service account token (`glsa_` + 32 alphanumerics + `_` + 8 hex) hardcoded in source or configuration',
  prefix: 'glsa_',
  body: '[A-Za-z0-9]{32}_[a-fA-F0-9]{8}',
  keywords: ['glsa_'],
  make: (seed) => `glsa_${alnum(32, 1970 + seed)}_${hex(8, 1975 + seed)}`,
  truncateTo: 30,
  envName: 'GRAFANA_SERVICE_ACCOUNT_TOKEN',
  help: 'A service account token acts on the Grafana API with the account\'s role: dashboards, data sources (with their credentials), users. Read it from the environment and delete an exposed token in Administration > Service accounts.',
});

const grafanaKey = (seed: number, payload: object = { k: alnum(32, 1980 + seed), n: `deploy-${seed}`, id: seed }): string => btoa(JSON.stringify(payload));

export const grafanaApiKey: ProviderSpec = {
  id: 'secret/grafana-api-key',
  label: 'Grafana API key',
  description: 'Legacy Grafana API key (base64 JSON with a key and a name) hardcoded in source or configuration',
  regex: /(?<![A-Za-z0-9+/_-])(eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=_.-])/,
  keywords: ['eyjrijoi'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'GRAFANA_API_KEY',
  validate: (secret) => {
    const payload = decodeJsonSegment(secret);
    return payload !== undefined && typeof payload.k === 'string' && typeof payload.n === 'string';
  },
  samples: {
    tp: () => [`GRAFANA_API_KEY=${grafanaKey(1)}`, `headers = {"Authorization": "Bearer ${grafanaKey(2)}"}`],
    fp: () => [`key = "eyJrIjoi${alnum(60, 1985)}"`, `key = "${grafanaKey(3).slice(0, 30)}"`, `key = "${grafanaKey(4, { k: 'x', other: 1 })}"`],
  },
  help: 'A Grafana API key acts on the Grafana API with its role: dashboards, data sources (with their credentials), users. API keys are deprecated: migrate to a service account token from the environment, and delete the exposed key.',
};

export const dynatraceToken: ProviderSpec = tokenSpec({
  id: 'secret/dynatrace-token',
  label: 'Dynatrace API token',
  description: 'Dynatrace API token (`dt0c01.` + 24-character id + `.` + 64-character secret) hardcoded in source or configuration',
  prefix: 'dt0c01\\.[A-Za-z0-9]{24}\\.',
  body: '[A-Za-z0-9]{64}',
  keywords: ['dt0c01.'],
  make: (seed) => `dt0c01.${upnum(24, 1990 + seed)}.${upnum(64, 1995 + seed)}`,
  truncateTo: 50,
  envName: 'DT_API_TOKEN',
  before: '(?<![\\w.-])',
  help: 'A Dynatrace token reads the environment\'s monitoring data or configures it, depending on its scopes (some scopes install agents or run code). Read it from the environment and revoke an exposed token in Access tokens.',
});
