// Run-time builders for secret-shaped test strings, so no literal fake key, token or password sits in the repo.
import { ALPHABETS, sampleSecret } from '../../server/src/engine/rules/secret/samples';

export { ALPHABETS, sampleSecret };

/** An AWS-shaped access key id: `prefix` + 16 base32 characters. */
export function awsKeyId(seed = 1, prefix = 'AKIA'): string {
  return prefix + sampleSecret(ALPHABETS.base32, 16, seed);
}

/** A random-looking alphanumeric API token. */
export function token(seed = 1, length = 32): string {
  return sampleSecret(ALPHABETS.alnum, length, seed);
}

/** A lowercase hex token (API keys, webhook secrets). */
export function hexToken(seed = 1, length = 40): string {
  return sampleSecret(ALPHABETS.hex, length, seed);
}

/** A person-chosen-looking strong password: mixed case, digits and a symbol. */
export function password(seed = 1, symbol = '!'): string {
  return 'Q' + sampleSecret(ALPHABETS.alnum, 9, seed) + '7' + symbol;
}
