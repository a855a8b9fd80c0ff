// AWS credentials as provider data.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';

/** A key id shaped like AWS's, built at run time: `prefix` + 16 base32 characters. */
function keyId(prefix: string, seed: number): string {
  return prefix + sampleSecret(ALPHABETS.base32, 16, seed);
}

export const awsAccessKeyId: ProviderSpec = {
  id: 'secret/aws-access-key-id',
  label: 'AWS access key id',
  description: 'AWS access key id hardcoded in source or configuration',
  // AKIA long-term, ASIA temporary (STS), ABIA/ACCA service-specific, A3T* legacy.
  regex: /(?<![A-Za-z0-9])((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/,
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
  minEntropy: 3.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'AWS_ACCESS_KEY_ID',
  publicPrefix: /^(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)/,
  allowlist: {
    // AWS documentation keys all end in EXAMPLE.
    regexes: [/EXAMPLE$/],
  },
  samples: {
    tp: () => [
      `const key = "${keyId('AKIA', 1)}";`,
      `aws_access_key_id = ${keyId('AKIA', 2)}`,
      `AWS_ACCESS_KEY_ID=${keyId('ASIA', 3)}`,
      `{"accessKeyId": "${keyId('ABIA', 4)}"}`,
      `client = boto3.client("s3", aws_access_key_id='${keyId('ACCA', 5)}')`,
      `id: ${keyId('A3TX', 6)}`,
      `url = "https://s3.amazonaws.com/b?AWSAccessKeyId=${keyId('AKIA', 7)}&Expires=1"`,
    ],
    fp: () => [
      `aws_access_key_id = ${'AKIA' + 'IOSFODNN7' + 'EXAMPLE'}`,
      `key = "${'AKIA' + 'I44QH8DHB' + 'EXAMPLE'}"`,
      `key = "${'AKIA' + 'A'.repeat(16)}"`,
      `key = "${'AKIA' + 'ABCDEFGHIJKLMNOP'}"`,
      `key = "${'AKIA' + 'X'.repeat(8) + 'Y'.repeat(8)}"`,
      `key = "${keyId('AKIA', 8).toLowerCase()}"`,
      `key = "${'X' + keyId('AKIA', 9)}"`,
      `key = "${keyId('AKIA', 10)}Z"`,
      `key = "${keyId('AKIA', 11).slice(0, 19)}"`,
      `key = "${'AKIA' + '0189' + sampleSecret(ALPHABETS.base32, 12, 12)}"`,
      `hash = "${sampleSecret(ALPHABETS.hex, 40, 13)}"`,
    ],
  },
  help: 'An AWS access key id identifies an IAM user or role credential; with its secret access key it grants access to the account. Keep both out of source: use the default credential chain (environment, shared config, instance roles) or a secret manager.',
};
