// GitHub tokens as provider data: classic PATs, OAuth, app and refresh tokens (`gh?_` + 36), fine-grained PATs.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
/** A `gh?_` token: the type marker, then 36 alphanumerics (30 random + a 6-character CRC32 in base62). */
const gh = (kind: string, seed: number): string => 'gh' + kind + '_' + alnum(36, seed);

const ghHelp = (what: string): string =>
  `${what} act as the user or app that created them. Read the token from the environment (GITHUB_TOKEN in Actions) and revoke an exposed one in Settings > Developer settings.`;

/** fp traps every gh?_ kind shares: docs placeholders, truncation, wrong length, prefix inside a word, filler. */
function ghTraps(kind: string, seed: number): string[] {
  const p = 'gh' + kind + '_';
  return [
    `token = "${p}${'x'.repeat(36)}"`,
    `token = "${p}${alnum(20, seed)}"`,
    `token = "${p}${alnum(37, seed + 1)}"`,
    `name = "my${p}${alnum(36, seed + 2)}"`,
    `token = "${p}${'aB3'.repeat(12)}"`,
    `export GITHUB_TOKEN=${p}<your-token>`,
  ];
}

function ghSpec(kinds: string[], id: string, label: string, what: string, seed: number): ProviderSpec {
  const alt = kinds.length === 1 ? kinds[0] : `[${kinds.join('')}]`;
  const k = (i: number): string => kinds[i % kinds.length];
  return {
    id,
    label,
    description: `${label} hardcoded in source or configuration`,
    regex: new RegExp(`(?<![\\w-])(gh${alt}_[A-Za-z0-9]{36})(?![\\w-])`),
    keywords: kinds.map((c) => `gh${c}_`),
    minEntropy: 3.5,
    severity: 'error',
    cwe: 'CWE-798',
    envName: 'GITHUB_TOKEN',
    publicPrefix: new RegExp(`^gh${alt}_`),
    samples: {
      tp: () => [
        `const token = "${gh(k(0), seed)}";`,
        `GITHUB_TOKEN=${gh(k(1), seed + 1)}`,
        `git clone https://x-access-token:${gh(k(2), seed + 2)}@github.com/o/r.git`,
      ],
      fp: () => ghTraps(k(0), seed + 10),
    },
    help: ghHelp(what),
  };
}

export const githubPat = ghSpec(['p'], 'secret/github-pat', 'GitHub personal access token', 'Personal access tokens', 100);
export const githubOauthToken = ghSpec(['o'], 'secret/github-oauth-token', 'GitHub OAuth access token', 'OAuth access tokens', 110);
export const githubAppToken = ghSpec(['u', 's'], 'secret/github-app-token', 'GitHub App token', 'GitHub App user-to-server (ghu_) and installation (ghs_) tokens', 120);
export const githubRefreshToken = ghSpec(['r'], 'secret/github-refresh-token', 'GitHub refresh token', 'Refresh tokens mint new user tokens; they', 130);

const fineGrained = (seed: number): string => 'github_pat_' + alnum(22, seed) + '_' + alnum(59, seed + 1);

export const githubFineGrainedPat: ProviderSpec = {
  id: 'secret/github-fine-grained-pat',
  label: 'GitHub fine-grained personal access token',
  description: 'GitHub fine-grained personal access token hardcoded in source or configuration',
  regex: /(?<![\w-])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![\w-])/,
  keywords: ['github_pat_'],
  minEntropy: 3.5,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'GITHUB_TOKEN',
  publicPrefix: /^github_pat_/,
  samples: {
    tp: () => [`const token = '${fineGrained(140)}';`, `GH_TOKEN=${fineGrained(142)}`, `"token": "${fineGrained(144)}"`],
    fp: () => [
      `token = "github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}"`,
      `token = "${fineGrained(146).slice(0, 60)}"`,
      `token = "github_pat_${alnum(22, 148)}_${alnum(40, 149)}"`,
      `GITHUB_TOKEN=github_pat_...`,
      `token = "my${fineGrained(150)}"`,
    ],
  },
  help: ghHelp('Fine-grained personal access tokens'),
};
