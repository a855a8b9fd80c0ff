// Run-time contents of secret files for the git rule tests: keys, certificates, credentials (no literal key sits in the repo).
import { ALPHABETS, sampleSecret } from '../../../server/src/engine/rules/secret/samples';
import { token } from '../../helpers/secrets';

const DASHES = '-'.repeat(5);

/** A PEM block of `label` (`PRIVATE KEY`, `RSA PRIVATE KEY`, `CERTIFICATE`) with a random base64 body. */
export function pem(label: string, seed = 1, headers: string[] = []): string {
  const body = sampleSecret(ALPHABETS.base64, 256, seed).match(/.{1,64}/g)!.join('\n');
  const head = headers.length ? headers.join('\n') + '\n\n' : '';
  return `${DASHES}BEGIN ${label}${DASHES}\n${head}${body}\n${DASHES}END ${label}${DASHES}\n`;
}

export const privateKey = (seed = 1): string => pem('PRIVATE' + ' KEY', seed);
export const certificate = (seed = 2): string => pem('CERTIFICATE', seed);

/** A GCP service-account key file. */
export function serviceAccount(seed = 3): string {
  return JSON.stringify({
    type: 'service_account',
    project_id: 'demo',
    private_key_id: sampleSecret(ALPHABETS.hex, 40, seed),
    private_key: privateKey(seed),
    client_email: 'svc@demo.iam.gserviceaccount.com',
  }, null, 2) + '\n';
}

/** Bytes that start like an SQLite database. */
export function sqlite(): Buffer {
  const b = Buffer.alloc(512);
  b.write('SQLite format 3\u0000', 0, 'latin1');
  b.writeUInt16BE(4096, 16);
  return b;
}

/** The same, as the latin1 text a host returns for a binary file. */
export const sqliteText = (): string => sqlite().toString('latin1');

export { token };
