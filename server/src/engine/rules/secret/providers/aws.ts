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

/** A 40-character secret access key built at run time (base64 alphabet without padding). */
function secretKey(seed: number): string {
  return sampleSecret(ALPHABETS.base64, 40, seed);
}

/** Names of a secret access key at the end of the text before the value: `aws_secret_access_key = "`, `"SecretAccessKey": "`. */
const SECRET_KEY_NAME = /(?:secret_?access_?key|secret-access-key|aws_?secret(?:_?key)?)["'`\]]?\s*(?:(?::=|=>|=|:|,)\s*)?\(?["'`]?$/i;
const KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/;

export const awsSecretAccessKey: ProviderSpec = {
  id: 'secret/aws-secret-access-key',
  label: 'AWS secret access key',
  description: 'AWS secret access key (40 characters) assigned to a secret-access-key name or next to an access key id',
  // The shape alone (40 base64 characters) is everywhere: the value must follow a delimiter, and `validate` asks for context.
  regex: /(?<=[\s"'`=:,(>])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
  keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret', 'awssecret', 'akia', 'asia'],
  minEntropy: 4.2,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'AWS_SECRET_ACCESS_KEY',
  allowlist: {
    stopwords: ['example', 'xxxx'],
    // The AWS documentation key ends in EXAMPLEKEY; copies of it relabelled as a sample, test or fake key are examples too.
    regexes: [/(?:EXAMPLE|SAMPLE|TEST|FAKE|DUMMY)KEY$/i],
  },
  validate: (secret, at) => {
    if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret)) return false;
    const lineStart = Math.max(at.text.lastIndexOf('\n', at.start - 1), at.text.lastIndexOf('\r', at.start - 1)) + 1;
    if (SECRET_KEY_NAME.test(at.text.slice(lineStart, at.start))) return true;
    return KEY_ID.test(at.text.slice(Math.max(0, at.start - 300), Math.min(at.text.length, at.end + 300)));
  },
  samples: {
    tp: () => [
      `[default]\naws_access_key_id = ${keyId('AKIA', 20)}\naws_secret_access_key = ${secretKey(21)}\n`,
      `AWS_SECRET_ACCESS_KEY=${secretKey(22)}`,
      `s3 = boto3.client("s3", aws_secret_access_key="${secretKey(23)}")`,
      `{"Credentials": {"SecretAccessKey": "${secretKey(24)}"}}`,
      `provider "aws" {\n  access_key = "${keyId('AKIA', 25)}"\n  secret_key = "${secretKey(26)}"\n}`,
      `const credentials = { secretAccessKey: '${secretKey(27)}' };`,
    ],
    fp: () => [
      `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY'}`,
      `aws_secret_access_key = ${'x'.repeat(40)}`,
      ...['SAMPLE', 'TEST', 'FAKE'].map((w) => `aws_secret_access_key:${secretKey(34).slice(0, 37 - w.length)}${w}KEY`),
      `commit = "${sampleSecret(ALPHABETS.hex, 40, 28)}" # aws_secret_access_key`,
      `digest = "${secretKey(29)}" # unrelated value in a file that mentions aws_secret_access_key elsewhere\n\n`,
      `AWS_SECRET_ACCESS_KEY=${secretKey(30).slice(0, 30)}`,
      `AWS_SECRET_ACCESS_KEY=${secretKey(31)}${secretKey(32)}`,
      `AWS_SECRET_ACCESS_KEY=\${AWS_SECRET_ACCESS_KEY}`,
      `AWS_SECRET_ACCESS_KEY=${sampleSecret(ALPHABETS.letters, 40, 33)}`,
    ],
  },
  help: 'A secret access key signs requests as its IAM user or role: together with the access key id it is the account credential. Use the default credential chain (environment, shared config, SSO, instance or task roles), and deactivate an exposed key in IAM.',
};
