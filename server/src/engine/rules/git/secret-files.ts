// Which files hold secrets by nature (keys, keystores, databases, credentials, state), decided by name and then content, plus the shared git fixes.
import { basename, dirname } from '../../languages/detect';
import { isTestLikePath } from '../secret/heuristics';
import { LineIndex } from '../../text';
import type { Fix } from '../../types';
import { gitignorePattern, isSecretEnvFile } from './env-file-staged';

export type SecretFileKind =
  | 'dotenv' | 'private-key' | 'keystore' | 'password-database' | 'database' | 'dump' | 'credentials'
  | 'service-account' | 'npmrc' | 'pypirc' | 'docker-config' | 'terraform-state' | 'htpasswd' | 'netrc' | 'git-credentials';

const LABEL: Record<SecretFileKind, string> = {
  dotenv: 'dotenv file',
  'private-key': 'private key',
  keystore: 'keystore',
  'password-database': 'password database',
  database: 'database',
  dump: 'database dump',
  credentials: 'credentials file',
  'service-account': 'service-account key',
  npmrc: 'npm credentials',
  pypirc: 'PyPI credentials',
  'docker-config': 'registry credentials',
  'terraform-state': 'Terraform state',
  htpasswd: 'password file',
  netrc: 'netrc credentials',
  'git-credentials': 'git credentials',
};

/** What the name alone says; `content` decides the rest once the text (or its absence) is known. */
interface Candidate {
  kind: SecretFileKind;
  /** The name had a backup suffix (`.bak`, `~`...). */
  backup: boolean;
  /** `text` is undefined when the file is unreadable or too large; binary text keeps its NUL bytes. */
  content(text: string | undefined): boolean;
}

export interface SecretFile {
  kind: SecretFileKind;
  /** `private key`, `database backup`... */
  label: string;
  /** Under a test, fixture, example or docs folder (the engine marks findings there as in a test file). */
  testPath: boolean;
}

/** `.bak`, `.old`, `.orig`, `.backup`, `.backup-2024`, `.backup1`, `~`: stripped, repeatedly, before the name is judged. */
const BACKUP_SUFFIX = /(?:\.(?:bak|old|orig|backup(?:[-_.][^/]*|\d*))|~)$/i;

const SSH_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk', 'id_xmss']);

/** A PEM/OpenSSH/PGP private-key block with a body, or a PuTTY key: not a doc snippet with `...` in it. */
const PRIVATE_KEY_BLOCK = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?:[A-Za-z-]+:[^\n]*\n\s*)*[A-Za-z0-9+/=\s]{64,}/;
const PUTTY_KEY = /^PuTTY-User-Key-File-\d+:[\s\S]*^Private-Lines:\s*\d+/m;

function isBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

function hasPrivateKey(text: string | undefined): boolean {
  return text !== undefined && !isBinary(text) && (PRIVATE_KEY_BLOCK.test(text) || PUTTY_KEY.test(text));
}

/** A `.key` file: a text private key, or DER (an ASN.1 SEQUENCE, 0x30); a zip (Keynote) or any other text is not. */
function keyFileContent(text: string | undefined): boolean {
  if (text === undefined) return false;
  if (!isBinary(text)) return hasPrivateKey(text);
  return text.charCodeAt(0) === 0x30 && !text.startsWith('PK');
}

const nonEmpty = (text: string | undefined): boolean => text === undefined || text.trim() !== '';

/** SQLite and other binary databases; a text `.db` (zone files, word lists) is not one, nor an empty file. */
function databaseContent(text: string | undefined): boolean {
  if (text === undefined) return true;
  return text.startsWith('SQLite format 3') || (text.length > 0 && isBinary(text));
}

/** A value that is clearly not a secret: empty, a reference to somewhere else, or a placeholder. */
const NOT_A_VALUE = /^$|^\$\{|^\$[A-Za-z_]|\{\{|^<.*>$|^%[A-Za-z_]|example|sample|dummy|placeholder|changeme|change[-_]?me|your[-_]|xxx|redacted|fake|\.\.\.|\*{3}/i;

function realValue(v: string | undefined): boolean {
  const value = (v ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
  return value.length >= 4 && !NOT_A_VALUE.test(value);
}

function anyMatch(text: string | undefined, re: RegExp, group = 1): boolean {
  if (text === undefined || isBinary(text)) return false;
  for (const m of text.matchAll(re)) if (realValue(m[group])) return true;
  return false;
}

const JSON_SECRET = /"(?:client_secret|private_key|refresh_token|access_token|secret|password|api_?key|token|aws_secret_access_key)"\s*:\s*"([^"]*)"/gi;
const AWS_CREDENTIALS = /^\s*aws_secret_access_key\s*=\s*(\S+)/gim;
const NPMRC_AUTH = /^\s*(?:\/\/\S*?:)?_(?:authToken|auth|password)\s*=\s*(\S+)/gim;
const YARNRC_AUTH = /^\s*npmAuthToken\s*:\s*(\S+)/gim;
const PYPIRC_PASSWORD = /^\s*password\s*[=:]\s*(\S+)/gim;
const NETRC_PASSWORD = /\bpassword\s+(\S+)/g;
const HTPASSWD_LINE = /^[^:#\s][^:\s]*:\S{4,}/m;
const GIT_CREDENTIAL = /[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:([^@\s]+)@/gi;
const DOCKER_AUTH = /"(?:auth|identitytoken)"\s*:\s*"([A-Za-z0-9+/=._-]{8,})"/g;

/** Service-account key JSON (GCP): the type and an actual private key. */
export function isServiceAccountKey(text: string): boolean {
  return /"type"\s*:\s*"service_account"/.test(text) && /"private_key"\s*:\s*"-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text);
}

/** Strips backup suffixes; `id_rsa.bak~` -> `id_rsa`. */
function unbackup(name: string): { name: string; backup: boolean } {
  let n = name;
  let backup = false;
  for (let m = BACKUP_SUFFIX.exec(n); m && m.index > 0; m = BACKUP_SUFFIX.exec(n)) {
    n = n.slice(0, m.index);
    backup = true;
  }
  return { name: n, backup };
}

/** The candidate for a file name, by name alone (cheap: runs on every path of a listing). */
function candidate(path: string): Candidate | undefined {
  const full = basename(path).toLowerCase();
  const { name, backup } = unbackup(full);
  const dir = dirname(path).toLowerCase();
  const c = (kind: SecretFileKind, content: Candidate['content']): Candidate => ({ kind, backup, content });

  if (isSecretEnvFile(backup ? (dir ? `${dir}/${name}` : name) : path)) return c('dotenv', () => true);
  if (SSH_KEY_NAMES.has(name) || /\.(?:pem|ppk|p8|asc)$/.test(name)) return c('private-key', hasPrivateKey);
  if (name.endsWith('.key')) return c('private-key', keyFileContent);
  if (/\.(?:p12|pfx|jks|jceks|bks|keystore)$/.test(name)) {
    // Truststores hold public CA certificates; Android's debug keystore has a published password.
    if (/truststore|cacerts/.test(name) || name === 'debug.keystore') return undefined;
    return c('keystore', nonEmpty);
  }
  if (name.endsWith('.kdbx')) return c('password-database', nonEmpty);
  if (name === 'thumbs.db') return undefined;
  if (/\.(?:db|db3)$/.test(name)) return c('database', databaseContent);
  if (/\.(?:sqlite3?|mdb|accdb)$/.test(name) || /\.(?:db|db3|sqlite3?)-(?:journal|wal|shm)$/.test(name)) return c('database', (t) => t === undefined || t.length > 0);
  if (/\.dump$/.test(name) || /\.sql\.(?:gz|bz2|xz|zst|zip)$/.test(name)) return c('dump', nonEmpty);
  if (name === 'credentials.json' || /^client_secret[^/]*\.json$/.test(name)) return c('credentials', (t) => anyMatch(t, JSON_SECRET) || (t !== undefined && isServiceAccountKey(t)));
  if (name === 'credentials' && /(?:^|\/)\.aws$/.test(dir)) return c('credentials', (t) => anyMatch(t, AWS_CREDENTIALS));
  if (name === '.npmrc') return c('npmrc', (t) => anyMatch(t, NPMRC_AUTH));
  if (name === '.yarnrc.yml') return c('npmrc', (t) => anyMatch(t, YARNRC_AUTH));
  if (name === '.pypirc') return c('pypirc', (t) => anyMatch(t, PYPIRC_PASSWORD));
  if (name === '.dockercfg' || (name === 'config.json' && /(?:^|\/)\.docker$/.test(dir))) return c('docker-config', (t) => anyMatch(t, DOCKER_AUTH));
  if (name.endsWith('.tfstate')) return c('terraform-state', nonEmpty);
  if (name === '.htpasswd') return c('htpasswd', (t) => t !== undefined && !isBinary(t) && HTPASSWD_LINE.test(t));
  if (name === '.netrc' || name === '_netrc') return c('netrc', (t) => anyMatch(t, NETRC_PASSWORD));
  if (name === '.git-credentials') return c('git-credentials', (t) => anyMatch(t, GIT_CREDENTIAL));
  if (name.endsWith('.json')) return c('service-account', (t) => t !== undefined && !isBinary(t) && isServiceAccountKey(t));
  return undefined;
}

/** Whether the name alone makes `path` worth a look (a listing filter). Any `.json` may be a service-account key: only with `json`. */
export function isSecretFileName(path: string, options: { json?: boolean } = {}): boolean {
  const c = candidate(path);
  return c !== undefined && (c.kind !== 'service-account' || options.json === true);
}

/**
 * Whether `path`, with content `text` (undefined when unreadable or too large to read), is a secret file,
 * and what kind. Never quotes the content.
 */
export function classifySecretFile(path: string, text: string | undefined): SecretFile | undefined {
  const c = candidate(path);
  if (!c || !c.content(text)) return undefined;
  const label = LABEL[c.kind] + (c.backup ? ' backup' : '');
  return { kind: c.kind, label, testPath: isTestLikePath(path) };
}

const ENV_TEMPLATES = ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults'];

/**
 * The lines to add to .gitignore for `path`: `.env` / `.env.*` (re-including templates that sit next to the file) for
 * dotenv files, as their users expect every copy ignored; the file's own anchored path for everything else.
 */
export async function ignorePatterns(path: string, repoRoot: string, exists: (path: string) => Promise<boolean>): Promise<string[]> {
  const name = basename(path);
  if (name === '.env') return ['.env'];
  if (name.startsWith('.env.') && isSecretEnvFile(path)) {
    const dir = dirname(path);
    const out = ['.env.*'];
    for (const t of ENV_TEMPLATES) if (await exists(dir ? `${dir}/${t}` : t)) out.push('!' + t);
    return out;
  }
  return [gitignorePattern(path, repoRoot)];
}

/**
 * "Add to .gitignore": appends the missing `patterns` to the .gitignore at the repository root, creating it when
 * needed and keeping its line endings; undefined when every pattern is already there.
 */
export async function addToGitignoreFix(
  path: string, repoRoot: string, patterns: string[], readFile: (path: string) => Promise<string | undefined>,
): Promise<Fix | undefined> {
  const file = repoRoot ? `${repoRoot}/.gitignore` : '.gitignore';
  const title = `Add ${path} to .gitignore`;
  const current = await readFile(file);
  if (current === undefined) {
    return { title, applicability: 'safe', changes: [{ path: file, create: true, edits: [new LineIndex('').edit(0, 0, patterns.join('\n') + '\n')] }] };
  }
  const lines = new LineIndex(current);
  const existing = new Set(current.split(/\r?\n|\r/).map((l) => l.trim()));
  const missing = patterns.filter((p) => !existing.has(p) && !(p.startsWith('/') && existing.has(p.slice(1))));
  if (missing.length === 0) return undefined;
  const eol = lines.eol;
  const sep = current === '' || /[\r\n]$/.test(current) ? '' : eol;
  return { title, applicability: 'safe', changes: [{ path: file, edits: [lines.edit(current.length, current.length, sep + missing.join(eol) + eol)] }] };
}

/** "Unstage (keep the file)" / "Stop tracking": a confirmed `git rm --cached` run by the editor. */
export function unstageFix(path: string, tracked: boolean): Fix {
  const title = tracked ? `Stop tracking ${path} (keep the file)` : `Unstage ${path} (keep the file)`;
  return {
    title,
    applicability: 'unsafe',
    changes: [],
    command: { id: 'warden.unstageFile', title, args: [path], confirm: `Remove ${path} from the git index? The file stays on disk.` },
  };
}
