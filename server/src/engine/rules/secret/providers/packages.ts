// Package registry tokens: npm (and literal `_authToken=` values in .npmrc), PyPI.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { PLACEHOLDER_WORDS } from './checks';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);

export const npmToken: ProviderSpec = tokenSpec({
  id: 'secret/npm-token',
  label: 'npm access token',
  prefix: 'npm_',
  body: '[A-Za-z0-9]{36}',
  keywords: ['npm_'],
  make: (seed) => 'npm_' + alnum(36, 1000 + seed),
  truncateTo: 30,
  envName: 'NPM_TOKEN',
  minEntropy: 3.8,
  help: 'An npm token publishes packages as its user: a supply-chain attack on everyone who installs them. Reference it as ${NPM_TOKEN} in .npmrc, prefer trusted publishing from CI, and revoke an exposed one.',
  extraFp: () => ['const x = npm_config_registry_fallbackToDefaultValue1;'],
});

export const npmrcAuthToken: ProviderSpec = {
  id: 'secret/npmrc-auth-token',
  label: 'npm registry auth token',
  description: 'Literal registry token in an .npmrc `_authToken=` line (not a ${VAR} reference)',
  regex: /_authToken\s*=\s*["']?([A-Za-z0-9._~+/=:-]{16,})(?![^\s"'])/,
  keywords: ['_authtoken'],
  minEntropy: 3.3,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'NPM_TOKEN',
  allowlist: { stopwords: PLACEHOLDER_WORDS },
  deferToProviders: true,
  samples: {
    tp: () => [
      `//registry.npmjs.org/:_authToken=${url(40, 1010)}`,
      `//npm.pkg.github.com/:_authToken="${alnum(40, 1011)}"`,
      `@corp:registry=https://npm.corp.io/\n//npm.corp.io/:_authToken=${url(64, 1012)}\n`,
    ],
    fp: () => [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//registry.npmjs.org/:_authToken=$NPM_TOKEN',
      '//registry.npmjs.org/:_authToken=<your-token>',
      '//registry.npmjs.org/:_authToken=YOUR_NPM_TOKEN_GOES_HERE',
      `//registry.npmjs.org/:_authToken=npm_${alnum(36, 1013)}`,
      '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000',
    ],
  },
  help: 'A registry token in .npmrc publishes (or installs private) packages as its user. Write `_authToken=${NPM_TOKEN}` and keep the token in the environment or CI secrets.',
};

/** PyPI tokens are macaroons whose serialisation starts with the base64 of their location, pypi.org. */
const PYPI_MARK = 'AgEIcHlwaS5v' + 'cmc';

export const pypiToken: ProviderSpec = tokenSpec({
  id: 'secret/pypi-token',
  label: 'PyPI API token',
  prefix: `pypi-${PYPI_MARK}`,
  body: '[\\w-]{50,}',
  keywords: [`pypi-${PYPI_MARK}`.toLowerCase()],
  make: (seed) => `pypi-${PYPI_MARK}` + url(160, 1020 + seed),
  truncateTo: 40,
  envName: 'TWINE_PASSWORD',
  help: 'A PyPI token uploads releases of the projects in its scope. Use trusted publishing or TWINE_PASSWORD from a CI secret, and revoke an exposed token (PyPI also revokes tokens found on GitHub).',
});
