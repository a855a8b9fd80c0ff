// Secret managers and encryption keys: Doppler, 1Password service accounts and account keys, age identities.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeBase64 } from './checks';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const upnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.upper + ALPHABETS.digits, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);

const DOPPLER_KINDS = ['pt', 'st', 'sa', 'ct', 'scim', 'audit'];

export const dopplerToken: ProviderSpec = tokenSpec({
  id: 'secret/doppler-token',
  label: 'Doppler token',
  description: 'Doppler token (`dp.pt.`, `dp.st.`, `dp.sa.`, `dp.ct.`, `dp.scim.` or `dp.audit.` + 40-44 alphanumerics) hardcoded in source or configuration',
  // Personal, service (optionally with its config: dp.st.prd.), service account, CLI, SCIM and audit tokens.
  prefix: 'dp\\.(?:pt|ct|sa|scim|audit|st(?:\\.[a-z0-9_-]{2,35})?)\\.',
  body: '[A-Za-z0-9]{40,44}',
  keywords: DOPPLER_KINDS.map((k) => `dp.${k}.`),
  make: (seed) => {
    const kind = DOPPLER_KINDS[seed % DOPPLER_KINDS.length];
    return `dp.${kind}.${kind === 'st' ? 'prd.' : ''}${alnum(43, 1600 + seed)}`;
  },
  truncateTo: 30,
  envName: 'DOPPLER_TOKEN',
  before: '(?<![\\w.-])',
  help: 'A Doppler token reads every secret of the configs it can access: it is the key to all the other keys. Pass it from the environment (DOPPLER_TOKEN) and revoke an exposed token in the Doppler dashboard.',
});

const b64 = (s: string): string => btoa(s).replace(/=+$/, '');

/** A service account token: `ops_` and the base64 of its JSON sign-in details, built at run time. */
const opsToken = (seed: number): string =>
  'ops_' +
  b64(
    JSON.stringify({
      signInAddress: `team-${seed}.1password.com`,
      userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: alnum(22, 1610 + seed) },
      email: `${alnum(13, 1611 + seed).toLowerCase()}@1passwordserviceaccounts.com`,
      srpX: hex(64, 1612 + seed),
      muk: { alg: 'A256GCM', ext: true, k: alnum(43, 1613 + seed), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
      deviceUuid: alnum(26, 1614 + seed).toLowerCase(),
    }),
  );

export const onePasswordServiceAccountToken: ProviderSpec = {
  id: 'secret/1password-service-account-token',
  label: '1Password service account token',
  description: '1Password service account token (ops_ and base64 JSON) hardcoded in source or configuration',
  regex: /(?<![\w-])(ops_eyJ[A-Za-z0-9+/]{250,}={0,3})(?![A-Za-z0-9+/=])/,
  keywords: ['ops_eyj'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'OP_SERVICE_ACCOUNT_TOKEN',
  publicPrefix: /^ops_/,
  validate: (secret) => {
    // The token is the base64 of a JSON object: its first kilobyte decodes to JSON text. A few stray bytes are
    // tolerated (published samples are often hand-edited); random base64 decodes to mostly unprintable bytes.
    const body = secret.slice(4).replace(/=+$/, '');
    const head = decodeBase64(body.slice(0, Math.min(1024, body.length - (body.length % 4))));
    if (head === undefined || !head.startsWith('{"')) return false;
    const unprintable = head.replace(/[\x20-\x7e]/g, '').length;
    return unprintable <= head.length / 50 && /"(?:signInAddress|email|userAuth|muk|srpX|secretKey|deviceUuid)"/.test(head);
  },
  samples: {
    tp: () => [`export OP_SERVICE_ACCOUNT_TOKEN=${opsToken(1)}`, `const token = "${opsToken(2)}";`],
    fp: () => [
      `OP_SERVICE_ACCOUNT_TOKEN=${opsToken(3).slice(0, 40)}...`,
      `token = "ops_eyJ${'x'.repeat(300)}"`,
      `token = "ops_eyJ${sampleSecret(ALPHABETS.alnum, 300, 1615)}"`,
      `token = "ops_${b64(JSON.stringify({ note: alnum(300, 1616) }))}"`,
      'OP_SERVICE_ACCOUNT_TOKEN=ops_...',
    ],
  },
  help: 'A service account token reads (and may write) every vault the service account was granted. Keep it in the CI secret store (OP_SERVICE_ACCOUNT_TOKEN) and revoke an exposed one in 1Password.',
};

/** A Secret Key: `A3-` + account part + 26 random characters in dash-separated groups. */
const opSecretKey = (seed: number): string => {
  const r = upnum(33, 1620 + seed);
  return seed % 2
    ? `A3-${r.slice(0, 6)}-${r.slice(6, 12)}-${r.slice(12, 17)}-${r.slice(17, 22)}-${r.slice(22, 27)}-${r.slice(27, 32)}`
    : `A3-${r.slice(0, 6)}-${r.slice(6, 17)}-${r.slice(17, 22)}-${r.slice(22, 27)}-${r.slice(27, 32)}`;
};

export const onePasswordSecretKey: ProviderSpec = {
  id: 'secret/1password-secret-key',
  label: '1Password Secret Key',
  description: '1Password account Secret Key (A3- and six dash-separated groups) hardcoded in source or configuration',
  regex: /(?<![\w-])(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![\w-])/,
  keywords: ['a3-'],
  minEntropy: 3.8,
  severity: 'error',
  cwe: 'CWE-798',
  samples: {
    tp: () => [`secret_key = "${opSecretKey(1)}"`, `OP_SECRET_KEY=${opSecretKey(2)}`],
    fp: () => [
      'secret_key = "A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX"',
      `secret_key = "${opSecretKey(3).toLowerCase()}"`,
      `secret_key = "${opSecretKey(4).slice(0, 30)}"`,
      'paper = "A3-ABCDEF-GHIJKL-MNOPQ-RSTUV-WXYZ2-34567"',
    ],
  },
  help: 'The Secret Key and the account password together unlock the 1Password account from a new device. Never store it next to the password or in code; if it leaked, regenerate it in the account settings.',
};

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const AGE_HRP = 'age-secret-key-';

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i];
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)];
}

/** Whether `AGE-SECRET-KEY-1…` carries a valid Bech32 checksum (age encodes identities in Bech32). */
export function validAgeKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (!lower.startsWith(AGE_HRP + '1')) return false;
  const data = [...lower.slice(AGE_HRP.length + 1)].map((c) => BECH32.indexOf(c));
  return !data.includes(-1) && bech32Polymod([...hrpExpand(AGE_HRP), ...data]) === 1;
}

/** An age identity with a valid checksum, built at run time. */
const ageKey = (seed: number): string => {
  const data = [...sampleSecret(BECH32, 52, 1630 + seed)].map((c) => BECH32.indexOf(c));
  const mod = bech32Polymod([...hrpExpand(AGE_HRP), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return (AGE_HRP + '1' + [...data, ...checksum].map((d) => BECH32[d]).join('')).toUpperCase();
};

export const ageSecretKey: ProviderSpec = {
  id: 'secret/age-secret-key',
  label: 'age secret key',
  description: 'age encryption identity (AGE-SECRET-KEY-1 and 58 Bech32 characters with a valid checksum) committed to the repository',
  regex: /(?<![\w-])(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![\w-])/,
  keywords: ['age-secret-key-1'],
  severity: 'error',
  cwe: 'CWE-321',
  envName: 'SOPS_AGE_KEY',
  publicPrefix: /^AGE-SECRET-KEY-1/,
  validate: (secret) => validAgeKey(secret),
  samples: {
    tp: () => [
      `# created: 2024-01-01T00:00:00Z\n# public key: age1${sampleSecret(BECH32, 58, 1640)}\n${ageKey(1)}\n`,
      `SOPS_AGE_KEY=${ageKey(2)}`,
      `const identity = "${ageKey(3)}";`,
    ],
    fp: () => [
      `key = "${ageKey(4).slice(0, -1)}${ageKey(4).endsWith('Q') ? 'P' : 'Q'}"`,
      `key = "AGE-SECRET-KEY-1${sampleSecret(BECH32.toUpperCase(), 58, 1641)}"`,
      'SOPS_AGE_KEY=AGE-SECRET-KEY-1...',
      `key = "${ageKey(5).slice(0, 50)}"`,
    ],
  },
  help: 'An age identity decrypts every file encrypted to its public key: SOPS secrets, backups, passage stores. Keep it in a key file outside the repository or SOPS_AGE_KEY from a secret store, and re-encrypt to a new key if it leaked.',
};
