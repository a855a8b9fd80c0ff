// Heuristics of the generic secret rule: which names hold secrets, and which assigned values look like real ones.
import type { RuleContext } from '../../rule';
import { hash, shannonEntropy } from '../../text';
import { looksLikeFiller, matchesAnyProvider } from './provider';
import { providerSpecs } from './providers';
import { decodeBase64 } from './providers/checks';

/** `password` values are chosen by people (short, few symbols); `secret` values are generated (long, random). */
export type SecretKind = 'password' | 'secret';

/** `githubToken` -> [github, token]; `DB_PASSWORD` -> [db, password]; `x-api-key` -> [x, api, key]. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'passwort', 'contrasena', 'senha', 'motdepasse']);
const SECRET_WORDS = new Set(['secret', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'authkey', 'signingkey', 'encryptionkey', 'masterkey', 'clientsecret', 'authtoken', 'accesstoken', 'refreshtoken', 'bearertoken', 'apitoken', 'sessionkey', 'connectionstring']);
/** First word of a two-word key name: `api_key`, `signing_key`. */
const KEY_QUALIFIERS = new Set(['api', 'admin', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'auth', 'app', 'client', 'session', 'jwt', 'hmac', 'webhook', 'consumer', 'account', 'storage', 'subscription', 'service']);
/** A name ending in one of these names something about a secret, not the secret (`token_url`, `password_field`). */
const NOT_SECRET_TAIL = new Set([
  'url', 'uri', 'urls', 'uris', 'endpoint', 'endpoints', 'host', 'hostname', 'domain', 'port', 'path', 'paths', 'file', 'filename',
  'files', 'dir', 'dirs', 'directory', 'folder', 'location', 'loc', 'field', 'fields', 'label', 'labels', 'hint', 'placeholder',
  'title', 'text', 'message', 'messages', 'msg', 'prompt', 'error', 'errors', 'err', 'length', 'len', 'min', 'max', 'minimum',
  'maximum', 'count', 'limit', 'size', 'type', 'types', 'name', 'names', 'id', 'ids', 'header', 'headers', 'prefix', 'suffix',
  'regex', 'regexp', 'pattern', 'policy', 'rule', 'rules', 'validator', 'validation', 'format', 'mode', 'env', 'var', 'variable',
  'ref', 'reference', 'arn', 'version', 'expiry', 'expires', 'expiration', 'expire', 'exp', 'ttl', 'timeout', 'lifetime',
  'duration', 'seconds', 'secs', 'ms', 'enabled', 'disabled', 'enable', 'required', 'visible', 'input', 'selector', 'class',
  'classname', 'style', 'icon', 'button', 'btn', 'link', 'route', 'page', 'view', 'form', 'template', 'component', 'help',
  'description', 'desc', 'provider', 'source', 'issuer', 'audience', 'scope', 'scopes', 'kind', 'storage', 'store', 'param',
  'params', 'parameter', 'query', 'column', 'attr', 'attribute', 'property', 'prop', 'request', 'response', 'callback', 'handler',
  'service', 'manager', 'factory', 'helper', 'util', 'utils', 'schema', 'model', 'index', 'idx', 'hash', 'hashed', 'digest',
  'reset', 'strength', 'encoding', 'algorithm', 'algo', 'alg', 'method', 'at', 'date', 'time', 'timestamp', 'used', 'usage',
  'generator', 'address', 'symbol', 'decimals', 'balance', 'amount', 'supply', 'contract', 'price', 'strategy', 'option',
  'options', 'flag', 'flags', 'setting', 'settings', 'display', 'mask', 'masked', 'cache', 'salt', 'rounds', 'iterations',
  'cost', 'complexity', 'keys', 'list', 'map', 'set', 'table', 'tab', 'step', 'state', 'status', 'event', 'action', 'cookie',
  'lang', 'locale', 'color', 'width', 'height', 'position', 'sha', 'md5', 'start', 'end', 'success', 'failure', 'failed', 'fail',
  'complete', 'completed', 'changed', 'requested', 'expired', 'invalid', 'missing', 'received', 'sent', 'refreshed', 'updated',
  'created', 'deleted', 'revoked', 'started', 'mismatch', 'verified', 'confirmed', 'stored', 'saved', 'loaded',
  'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'bcrypt', 'pbkdf2', 'argon2', 'scrypt', 'checksum',
]);
/** A name containing one of these is not a credential (`csrf_token`, `public_key`, `max_tokens`, `is_secret`). */
const NOT_SECRET_ANY = new Set([
  'public', 'publishable', 'pub', 'csrf', 'xsrf', 'page', 'pagination', 'continuation', 'next', 'cancel', 'cancellation', 'sync',
  'num', 'total', 'is', 'has', 'show', 'hide', 'toggle', 'handle', 'forgot', 'should', 'captcha', 'recaptcha', 'lexer', 'parser',
  'tokenizer', 'i18n', 'l10n', 'translation', 'encrypted', 'crypted',
]);

/** Hosted-search engines whose search-only keys are meant to ship in web pages. */
const SEARCH_ENGINES = new Set(['algolia', 'docsearch', 'typesense', 'meilisearch', 'instantsearch']);

/**
 * The search-only key of Algolia, DocSearch or Typesense (`searchApiKey`, `ALGOLIA_SEARCH_KEY`,
 * `TYPESENSE_SEARCH_ONLY_API_KEY`): it can only query a public index and belongs in the front end. An admin or write
 * key (`ALGOLIA_ADMIN_KEY`) and other services' search keys (`BING_SEARCH_API_KEY`) are still secrets.
 */
function isSearchOnlyKey(words: string[]): boolean {
  const i = words.indexOf('search');
  if (i < 0 || words.some((w) => w === 'admin' || w === 'write')) return false;
  if (words.includes('only') || words.some((w) => SEARCH_ENGINES.has(w))) return true;
  return i === 0 && /^(?:search(?:api)?key)$/.test(words.join(''));
}

/** What kind of secret a key or variable name holds, or undefined when it does not name one. */
/** Words before `pat` that make it a personal access token: forges, CI services, or nothing at all (`PAT`). */
const PAT_OWNERS = /^$|(?:github|gh|gitlab|gl|azure|ado|devops|vsts|bitbucket|gitea|forgejo|hf|huggingface|personal|access|user|bot|ci|npm)$/;

export function secretKind(name: string): SecretKind | 'authorization' | undefined {
  const words = splitWords(name);
  if (words.length === 0) return undefined;
  if (words.some((w) => NOT_SECRET_ANY.has(w))) return undefined;
  if (isSearchOnlyKey(words)) return undefined;
  const last = words[words.length - 1];
  if (NOT_SECRET_TAIL.has(last)) return undefined;
  if (last === 'authorization') return 'authorization';
  let kind: SecretKind | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (PASSWORD_WORDS.has(w) || (w === 'pass' && i === words.length - 1) || /(?:password|passwd)$/.test(w)) return 'password';
    // `pat` last after a forge's name is a personal access token (`GITHUB_PAT`, `GitHubPAT`, `ado_pat`); elsewhere it
    // is mostly a pattern (`IPV4_PAT`, `longopt_pat`).
    if (SECRET_WORDS.has(w) || /(?:secret|token|apikey|secretkey|privatekey|accesskey)$/.test(w) || (w === 'pat' && i === words.length - 1 && PAT_OWNERS.test(words.slice(0, i).join('')))) kind = 'secret';
    else if (w === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) kind = 'secret';
  }
  return kind;
}

const REFERENCE = new RegExp([
  String.raw`\$\{[^}]*\}`, String.raw`\{\{.*\}\}`, String.raw`^\$\(`, String.raw`^\$\{`, String.raw`^\$[A-Za-z_]`, String.raw`%[A-Za-z_][\w.]*%`,
  String.raw`#\{[^}]*\}`, String.raw`^@[A-Za-z_][\w.]*@?$`, String.raw`\{[A-Za-z_][\w.]*\}`, String.raw`\{\d*\}`, String.raw`%\([\w.]+\)[sdr]`, String.raw`%s`,
  String.raw`process\.env`, String.raw`os\.environ`, String.raw`getenv`, String.raw`^env[(:.[]`, String.raw`^ENV\[`,
  String.raw`^!(?:Ref|Sub|GetAtt|ImportValue)\b`, String.raw`^(?:secrets?|vault|ref\+\w+|op|sm|ssm|awssm|gcpsm|azkv|keyvault|doppler|infisical|akv|file|cmd|exec)[:.]`,
  String.raw`^arn:`, String.raw`^projects/[^/]+/secrets/`, String.raw`^ENC\(.*\)$`, String.raw`^ENC\[[A-Z0-9_]+,data:`, String.raw`^\{cipher\}`, String.raw`^<%=?`,
  // Code read as a bare value (YAML, properties): `this.apiKey,`, `settings.token`, `fs.readFileSync('key',`.
  String.raw`^(?:this|self|props|state|ctx|context|options|opts|params|args|req|request|settings|config|cfg|app)\.[A-Za-z_$][\w$.]*[,;)]?$`,
  String.raw`^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\(`,
].join('|'), 'i');

const PLACEHOLDER = new RegExp([
  'example', 'sample', 'dummy', 'placeholder', 'redacted', 'changeme', String.raw`change[-_.]?(?:me|it|this)`,
  String.raw`replace[-_.]?(?:me|this|with)`, 'fake', 'mock', 'lorem', 'foobar', 'todo', 'fixme', 'notasecret',
  String.raw`not[-_.]?a[-_.]?(?:real[-_.]?)?(?:secret|password|key|token)`, 'xxx', String.raw`\*{3}`, String.raw`\.{3}`, '…', '•',
  '<[^>]*>', String.raw`^\[.*\]$`, String.raw`^\(.*\)$`, '^your', String.raw`[-_.]here$`, String.raw`^(?:enter|insert|put|add)[-_.]?your`,
  String.raw`(?:^|[^a-z])test(?:[^a-z]|$)`, '^test', 'test$', 'default[-_.]?(?:secret|password|key|token)',
].join('|'), 'i');

/** Stripped of digits and symbols, these are what people type when they mean "some password". */
const COMMON_FAKE = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'admin', 'administrator', 'root', 'user', 'username', 'guest', 'test',
  'changeme', 'default', 'qwerty', 'letmein', 'welcome', 'demo', 'abc', 'abcdef', 'foo', 'bar', 'foobar', 'baz', 'mypassword',
  'yourpassword', 'newpassword', 'oldpassword', 'mysecret', 'yoursecret', 'token', 'mytoken', 'apikey', 'myapikey', 'key', 'secretkey',
  'postgres', 'mysql', 'redis', 'mongo', 'sa', 'x', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no',
  // "password" in other languages (letters outside a-z dropped: `contraseña` -> `contrasea`).
  'contrasena', 'contrasea', 'passwort', 'kennwort', 'senha', 'motdepasse', 'wachtwoord', 'parola', 'haso', 'haslo', 'lozinka',
  'salasana', 'losenord', 'lsenord', 'adgangskode', 'passord',
]);

/** Words of a key that say what the value is, not whose it is: `MINIO_ROOT_PASSWORD` keeps `minio` (and `root`). */
const KEY_ROLE_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'secret', 'token', 'key', 'api', 'auth', 'default', 'initdb']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The UUIDs of RFC 4122, Wikipedia and the OpenAPI/Swagger examples: documentation, not anyone's key. */
const EXAMPLE_UUID = /^(?:123e4567-e89b-12d3-a456-4266(?:14174|55440)000|550e8400-e29b-41d4-a716-446655440000|3fa85f64-5717-4562-b3fc-2c963f66afa6|f81d4fae-7dec-11d0-a765-00a0c91e6bf6)$/i;
/**
 * Hashes of values published in popular projects' tutorials and shipped templates, copied into countless projects: the
 * FastAPI security tutorial's `SECRET_KEY`, the Supabase self-hosting `.env.example` defaults, Cal.com's `.env.example`
 * `CRON_API_KEY`, Grafana's default `secret_key` (`defaults.ini`, copied into every custom `grafana.ini`), Cloudflare's API
 * reference example `X-Auth-Key` (used throughout its generated SDKs' tests). Public, so not anyone's secret (and kept as hashes so no secret-shaped literal sits in the source).
 */
const PUBLISHED_EXAMPLES = new Set(['0f54fbd51028dc', '0d0d5396e5480d', '01c487fe25f4a1', '0febe232b1555c', '023674f31b345e', '161ca30cb4f194']);
const EMAIL = /^[^@\s]+@[\w-]+(?:\.[\w-]+)+$/;
const DIGEST = /^(?:sha1|sha224|sha256|sha384|sha512|md5|blake2b?)[-:]/i;
/**
 * A stored password hash, not a password: modular crypt (`$2b$12$…` bcrypt, `$argon2id$…`, `$6$…`, `$apr1$…`),
 * Django's `pbkdf2_sha256$…`, Spring's and LDAP's `{bcrypt}…` / `{SSHA}…` (not `{noop}`, which is plain text), and an
 * htpasswd line `user:$apr1$…`. Seed data, fixtures and server configs hold these by design.
 */
const PASSWORD_HASH = new RegExp([
  String.raw`^\$(?:2[abxy]?|1|5|6|7|y|gy|apr1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?|sha\d*|md5|P|H)\$`,
  String.raw`^(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt|sha1|md5|unsalted_(?:md5|sha1)|crypt)\$`,
  String.raw`^\{(?!noop\})[A-Za-z][\w-]*\}`,
  String.raw`^[^:\s$]+:\$(?:apr1|2[abxy]?|1|5|6|y)\$`,
].join('|'), 'i');
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const FILE_EXT = /\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|env|pub|ppk|asc|gpg|kdbx|cfg|conf|ini|properties|xml|html?|js|ts|py|png|jpe?g|svg|gif)$/i;

function isPathLike(v: string): boolean {
  if (FILE_EXT.test(v)) return true;
  if (!/^(?:\/|\.{1,2}[/\\]|~[/\\]|[A-Za-z]:[/\\]|\\\\)/.test(v)) return false;
  // Base64 can start with `/`; a path's segments are words.
  return v.split(/[/\\]+/).filter(Boolean).every((s) => /^[\w.@-]+$/.test(s) && !/[A-Z].*[0-9]|[0-9].*[A-Z]/.test(s));
}

/** Vowel-less acronyms that turn up in lower case in slugs and identifiers (`http-basic`, `smtp_host`). */
const LOWERCASE_ACRONYMS = new Set([
  'http', 'https', 'html', 'smtp', 'sftp', 'ftps', 'xsrf', 'csrf', 'pgsql', 'mssql', 'grpc', 'xmpp', 'rtmp', 'nntp', 'pptx', 'xlsx',
  'pkcs', 'mqtt', 'ntlm', 'crlf', 'mtls', 'ctrl', 'pkgs', 'mgmt', 'msgs', 'svcs', 'txns', 'rpcs', 'dbms', 'cfgs', 'srcs', 'dsts',
]);

/**
 * Identifiers, constants, slugs, event names and versions: `db-password`, `GITHUB_TOKEN`, `api_key_v2`,
 * `msal:acquireTokenStart`, `10.0.0.1`. Words must look like words (not `qZmXkPwL`), and one long run of
 * random letters is not a word.
 */
function isIdentifierLike(v: string, kind: SecretKind): boolean {
  const parts = v.split(/[-_.:/@]+/).filter(Boolean);
  let words = 0;
  let short = 0;
  let letters = 0;
  let digits = false;
  for (const p of parts) {
    if (/^\d+$/.test(p)) {
      digits = true;
      continue;
    }
    // Numeronyms are words: `k8s`, `n8n`, `i18n`, `a11y`.
    if (/^[A-Za-z]\d{1,2}[A-Za-z]{1,2}$/.test(p)) {
      words++;
      letters += p.length;
      digits = true;
      continue;
    }
    // Letters of any script: translated labels (`API-Schlüssel`) are words too.
    const m = /^(\p{L}+?)(\d{0,3})$/u.exec(p);
    if (!m) return false;
    if (m[2]) digits = true;
    for (const w of m[1].match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})/gu) ?? []) {
      words++;
      // One-letter words (`v` in `v2`, `X` in `getX`) do not count towards the average length.
      if (w.length < 2) short++;
      else letters += w.length;
      if (w.length >= 12 && shannonEntropy(w) >= 3.6) return false;
      // A capitalised or lower-case run of four or more letters without a vowel is not a word (`Ncswpt`, `xkcdq`);
      // acronyms are written in capitals (`HTTP`, `CSRF`), and a few lower-case ones are common enough to allow.
      if (w.length >= 4 && /[a-z]/.test(w) && !/[aeiouy]/i.test(w) && !LOWERCASE_ACRONYMS.has(w.toLowerCase())) return false;
    }
  }
  if (words === 0 || short > 1 || words === short || letters / (words - short) < 3) return false;
  // `hunter2` is a (weak) password, `FlowPasswordRequiredV2` is a name.
  return kind === 'secret' || !digits || words >= 2;
}

/**
 * Character classes present: lower, upper (a leading capital alone does not count), digit, symbol (not `-_.`). Letters
 * of any script are letters, not symbols: `Jelszó` and `Parolă` are words (translated "password" labels).
 */
function charClasses(v: string): number {
  const rest = v.replace(/^\p{Lu}(?=\p{Ll})/u, 'a');
  return [/\p{Ll}/u, /\p{Lu}/u, /[0-9]/, /[^\p{L}\p{M}0-9\-_.]/u].filter((r) => r.test(rest)).length;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/**
 * The letters of `v` with look-alike digits and symbols read as letters, between its first and last letter:
 * `P@ssw0rd1!` -> `password`, `S3cr3t` -> `secret`, `Adm1n@2024` -> `admin`.
 */
function unleet(v: string): string {
  const m = /[A-Za-z].*[A-Za-z]/.exec(v);
  if (!m) return '';
  return m[0].toLowerCase().replace(/./g, (c) => LEET[c] ?? c).replace(/[^a-z]/g, '');
}

/** The text a padded, standard base64 value encodes when it is all printable ASCII, else undefined. */
function base64Text(v: string): string | undefined {
  if (v.length < 8 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  const text = decodeBase64(v);
  return text !== undefined && /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

export interface ValueOptions {
  /** The key the value is assigned to: a value equal to it is a label. */
  key?: string;
  /** Tests, fixtures and docs: only machine-looking secrets count. */
  strict?: boolean;
}

/** Whether a value assigned to a secret-named key looks like a real secret (not a placeholder, reference or label). */
export function looksLikeSecret(value: string, kind: SecretKind, options: ValueOptions = {}): boolean {
  const v = value;
  const minLength = kind === 'password' && !options.strict ? 6 : 8;
  if (v.length < minLength || v.length > 1000 || /\s/.test(v)) return false;
  // Spring's `{noop}` marks a plain-text password: judge what follows it.
  if (/^\{noop\}/i.test(v)) return looksLikeSecret(v.slice(6), kind, options);
  if (REFERENCE.test(v) || PLACEHOLDER.test(v)) return false;
  // Kubernetes Secret `data:` and similar manifests hold base64 of the value: judge what it encodes (`cGFzc3dvcmQ=` is
  // `password`). Random key material decodes to binary and is judged as written.
  const decoded = base64Text(v);
  if (decoded !== undefined) return looksLikeSecret(decoded, kind, options);
  // A random UUID is 122 bits: many services issue API keys and tokens as UUIDs (Heroku, Sauce Labs, Snyk). In tests
  // and fixtures it is more often a record id, and the documentation examples are nobody's.
  if (v.length >= 16 && PUBLISHED_EXAMPLES.has(hash(v))) return false;
  const uuid = UUID.test(v);
  if (uuid && (options.strict || EXAMPLE_UUID.test(v))) return false;
  if (URL.test(v) || isPathLike(v) || EMAIL.test(v) || DIGEST.test(v) || /^0x[0-9a-f]{40}$/i.test(v)) return false;
  // Compose files escape `$` as `$$`.
  if (PASSWORD_HASH.test(v.replace(/\$\$/g, '$'))) return false;

  if (/^[-+]?\d+(?:[.,]\d+)*$/.test(v) || /^#[0-9a-f]{3,8}$/i.test(v)) return false;
  const core = v.toLowerCase().replace(/[^a-z]/g, '');
  if (COMMON_FAKE.has(core) || COMMON_FAKE.has(unleet(v))) return false;
  if (options.key && core === options.key.toLowerCase().replace(/[^a-z]/g, '')) return false;
  // A password spelled as its own service's name plus digits or symbols (`MINIO_ROOT_PASSWORD: minio123`,
  // `redis_password = "redis@2024"`) is the default a compose file or tutorial ships, not anyone's credential.
  if (kind === 'password' && options.key && core.length >= 3 && splitWords(options.key).some((w) => w === core && !KEY_ROLE_WORDS.has(w))) return false;

  const entropy = shannonEntropy(v);
  if (isIdentifierLike(v, kind)) return false;
  if (looksLikeFiller(v)) return false;

  const classes = charClasses(v);
  if (options.strict) {
    if (kind === 'password' ? entropy < 3.0 || classes < 2 : v.length < 16 || entropy < 3.5) return false;
  } else if (kind === 'password') {
    if (entropy < 2.5 || classes < 2) return false;
  } else if (entropy < 3.0 || (v.length < 16 && classes < 2)) {
    return false;
  }
  // A provider rule owns values it recognises (and decides about their examples); a value with a provider's prefix
  // that its rule rejected (bad checksum, wrong length, sandbox) is a fake or a sample, and public keys are public.
  return !matchesAnyProvider(v) && !hasProviderPrefix(v) && !PUBLIC_BY_DESIGN.test(v);
}

/** Client-side keys meant to ship in web pages and apps (Stripe publishable, Mapbox public, Supabase publishable) and sandbox credentials. */
const PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_|pk\.eyJ|sb_publishable_|NRJS-|access_token\$sandbox\$|access-sandbox-)/;

let prefixes: RegExp[] | undefined;

function hasProviderPrefix(v: string): boolean {
  prefixes ??= providerSpecs.flatMap((s) => (s.publicPrefix ? [s.publicPrefix] : []));
  return prefixes.some((p) => p.test(v));
}

/** Paths where secrets are usually fixtures: tests, examples, docs. */
export function isTestLikePath(path: string): boolean {
  return /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|__fixtures__|testdata|test-data|mocks?|__mocks__|examples?|samples?|demos?|docs?)\//i.test(path)
    || /\.(?:test|spec|stories)\.[^./]+$/i.test(path)
    || /(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.(?:py|go|rb|exs))$/i.test(path);
}

/**
 * Test sources that {@link isTestLikePath} (shared with other rules) does not name: .NET test projects (`Shop.Tests/`,
 * `Api.IntegrationTests/`), Gradle and Android source sets (`src/androidTest/`, `src/integrationTest/`, `src/testFixtures/`),
 * browser end-to-end suites (`e2e/`, `cypress/`, `playwright/`) and test classes by their conventional names
 * (`UserServiceTest.java`, `AuthTests.cs`, `RepoIT.java`, `LoginSpec.kt`, `user_spec.rb`, `login.cy.ts`).
 */
export function isTestSourcePath(path: string): boolean {
  return /(?:^|\/)(?:[\w.-]+\.(?:Unit|Integration|Functional|Acceptance|E2E)?Tests?|[a-z]+Test|test[A-Z]\w*|e2e|cypress|playwright)\//.test(path)
    || /(?:^|\/)[A-Z]\w*[a-z\d](?:Tests?|IT|Spec)\.(?:java|kt|cs|scala|groovy|swift|php|fs|vb)$/.test(path)
    || /(?:^|\/)[^/]+(?:_spec\.rb|\.(?:cy|e2e)\.[cm]?[jt]sx?)$/.test(path);
}

/**
 * Prose documentation outside a docs folder: reStructuredText, AsciiDoc, RDoc, Org and Textile files, and the plain-text
 * README, CHANGES, HISTORY, NEWS, INSTALL, USAGE and CONTRIBUTING files. Their snippets are examples, so only
 * machine-looking secrets count (as in docs/). Markdown is not scanned at all.
 */
export function isDocFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /\.(?:rst|adoc|asciidoc|rdoc|org|textile)$/.test(name)
    || /^(?:readme|changes|changelog|history|news|install|usage|contributing|authors|faq|tutorial)(?:[.-][\w.-]*)?$/.test(name);
}

/** Whether the file is in HEAD, so a secret in it is already in git history (asked once per file, only when there is a finding). */
export function isCommitted(ctx: RuleContext): Promise<boolean> {
  return ctx.memo('secret:committed', async () => (await ctx.host.gitStatus?.(ctx.path))?.tracked === true);
}
