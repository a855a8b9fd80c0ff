// Package registry tokens: npm (and literal `_authToken=` values in .npmrc), PyPI, RubyGems, NuGet, Clojars, JFrog Artifactory.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeBase64, PLACEHOLDER_WORDS } from './checks';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const lower = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex + 'ghijklmnopqrstuvwxyz', n, seed);

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

export const rubygemsApiKey: ProviderSpec = tokenSpec({
  id: 'secret/rubygems-api-key',
  label: 'RubyGems API key',
  description: 'RubyGems API key (`rubygems_` + 48 hex) hardcoded in source or configuration',
  prefix: 'rubygems_',
  body: '[a-f0-9]{48}',
  keywords: ['rubygems_'],
  make: (seed) => 'rubygems_' + hex(48, 1030 + seed),
  truncateTo: 40,
  envName: 'GEM_HOST_API_KEY',
  minEntropy: 3.0,
  help: 'A RubyGems API key pushes (and yanks) versions of its owner\'s gems. Use trusted publishing or GEM_HOST_API_KEY from a CI secret, and revoke an exposed key on rubygems.org.',
});

export const nugetApiKey: ProviderSpec = tokenSpec({
  id: 'secret/nuget-api-key',
  label: 'NuGet API key',
  description: 'NuGet API key (`oy2` + 43 lowercase alphanumerics) hardcoded in source or configuration',
  prefix: 'oy2',
  body: '[a-z0-9]{43}',
  keywords: ['oy2'],
  make: (seed) => 'oy2' + lower(43, 1040 + seed),
  truncateTo: 30,
  envName: 'NUGET_API_KEY',
  minEntropy: 3.8,
  // The key is 46 random lowercase characters: an identifier that starts with oy2 has neither digits nor the entropy.
  validate: (secret) => /[0-9]/.test(secret.slice(3)) && /[a-z]/.test(secret.slice(3)),
  help: 'A nuget.org API key pushes packages as its owner. Pass it from a CI secret (`dotnet nuget push --api-key $NUGET_API_KEY`), prefer trusted publishing, and regenerate an exposed key.',
  extraFp: () => ['var x = oy2abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq;'],
});

export const clojarsToken: ProviderSpec = tokenSpec({
  id: 'secret/clojars-token',
  label: 'Clojars deploy token',
  description: 'Clojars deploy token (`CLOJARS_` + 60 lowercase alphanumerics) hardcoded in source or configuration',
  prefix: 'CLOJARS_',
  body: '[a-z0-9]{60}',
  keywords: ['clojars_'],
  make: (seed) => 'CLOJARS_' + lower(60, 1050 + seed),
  truncateTo: 40,
  envName: 'CLOJARS_PASSWORD',
  help: 'A Clojars deploy token publishes the libraries of its user or group. Read it from a CI secret (CLOJARS_PASSWORD) and revoke an exposed token on clojars.org.',
  extraFp: () => ['CLOJARS_USERNAME=deployer', 'lein deploy clojars # CLOJARS_PASSWORD=${CLOJARS_DEPLOY_TOKEN}'],
});

export const artifactoryApiKey: ProviderSpec = tokenSpec({
  id: 'secret/artifactory-api-key',
  label: 'JFrog Artifactory API key',
  description: 'JFrog Artifactory API key (`AKCp` + 69 alphanumerics) hardcoded in source or configuration',
  prefix: 'AKCp',
  body: '[A-Za-z0-9]{69}',
  keywords: ['akcp'],
  make: (seed) => 'AKCp' + alnum(69, 1060 + seed),
  truncateTo: 50,
  envName: 'ARTIFACTORY_API_KEY',
  minEntropy: 4.0,
  help: 'An Artifactory API key reads and deploys artifacts with its user\'s permissions. Use an access token from a CI secret, and revoke an exposed key in the user profile.',
});

/** Reference tokens are the base64 of `reftkn:01:<expiry>:<id>`. */
const refToken = (seed: number): string => {
  for (let s = seed; ; s += 100) {
    const t = btoa(`reftkn:01:${1900000000 + (s % 99999999)}:${alnum(27, 1070 + s)}`);
    if (/^[A-Za-z0-9]{64}$/.test(t)) return t;
  }
};

export const artifactoryReferenceToken: ProviderSpec = {
  id: 'secret/artifactory-reference-token',
  label: 'JFrog reference token',
  description: 'JFrog reference (access) token (`cmVmdGtu` + 56 characters: base64 of `reftkn:`…) hardcoded in source or configuration',
  regex: /(?<![A-Za-z0-9+/])(cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9+/=])/,
  keywords: ['cmvmdgtu'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'JFROG_ACCESS_TOKEN',
  validate: (secret) => /^reftkn:\d{2}:\d+:/.test(decodeBase64(secret) ?? ''),
  samples: {
    tp: () => [`const token = "${refToken(1)}";`, `JFROG_ACCESS_TOKEN=${refToken(2)}`, `jf rt ping --access-token ${refToken(3)}`],
    fp: () => [
      `token = "${refToken(4).slice(0, 40)}"`,
      `token = "cmVmdGtu${'x'.repeat(56)}"`,
      `token = "cmVmdGtu${alnum(56, 1080)}"`,
      `blob = "${alnum(8, 1081)}${refToken(5)}"`,
    ],
  },
  help: 'A JFrog reference token reads and deploys artifacts with its user\'s or service\'s permissions. Read it from a CI secret (JFROG_ACCESS_TOKEN) and revoke an exposed one in the Platform UI.',
};
