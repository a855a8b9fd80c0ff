// config/default-password: well-known default passwords (postgres, admin, minioadmin, empty…) for database and broker images in compose, .env, Dockerfile ENV and code.
import { basename } from '../../languages/detect';
import { dockerfile } from '../../languages/dockerfile';
import { dotenvEnvironment, parseDotenv } from '../../languages/dotenv';
import { composeServices, envEntries, getNode, isComposeFile, isMap, isSeq, isWorkflowFile, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix, Severity } from '../../types';
import { isTestLikePath } from '../secret/heuristics';
import { parsePort } from './compose-database-port-exposed';

const ID = 'config/default-password';

/** Variables read by the official database, cache and broker images. */
const NAMES = [
  'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MARIADB_PASSWORD',
  'MONGO_INITDB_ROOT_PASSWORD', 'MINIO_ROOT_PASSWORD', 'MINIO_SECRET_KEY', 'REDIS_PASSWORD', 'RABBITMQ_DEFAULT_PASS',
  'ELASTIC_PASSWORD', 'NEO4J_PASSWORD', 'INFLUXDB_ADMIN_PASSWORD', 'DOCKER_INFLUXDB_INIT_PASSWORD', 'PGADMIN_DEFAULT_PASSWORD',
];
const NAME_SET = new Set(NAMES);
const DEFAULTS = new Set([
  '', 'postgres', 'postgresql', 'admin', 'administrator', 'root', 'password', 'passw0rd', 'pass', 'minioadmin', 'changeme',
  'change_me', 'changeit', 'secret', 'example', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'guest', 'neo4j',
  'elastic', 'default', 'test', '123456', '12345678', 'admin123', 'password123', 'password1', 'root123', 'toor', 'qwerty',
]);

interface Hit {
  name: string;
  value: string;
  /** Offsets of the value as written (inside quotes). */
  start: number;
  end: number;
  /** Where to report an empty value. */
  nameStart: number;
  fix?: Fix;
  /** A compose service that other hosts cannot reach: no port published beyond loopback, no host network. */
  unreachable?: boolean;
  /** The user or database variable whose value the password repeats. */
  sameAs?: string;
}

function isDefault(value: string): boolean {
  return DEFAULTS.has(value.trim().toLowerCase());
}

/** Development files get a hint-level note instead of a warning: defaults there are expected, not shipped. */
function severityFor(path: string): Severity | undefined {
  const env = dotenvEnvironment(path);
  if (env === 'development' || env === 'local') return 'info';
  return /(?:^|[.\-_])(?:dev|develop|development|local)(?:[.\-_]|$)/i.test(basename(path).replace(/\.ya?ml$/i, '')) && isComposeFile(path) ? 'info' : undefined;
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|\[?::1\]?|localhost)$/;

/** Whether a compose service publishes a port on an interface other than loopback, or shares the host's network. */
function reachableFromNetwork(svc: YamlNode): boolean {
  if (/^host$/i.test(scalarString(getNode(svc, 'network_mode')) ?? '')) return true;
  const ports = getNode(svc, 'ports');
  if (ports === undefined) return false;
  if (!isSeq(ports)) return true;
  return (ports.items as YamlNode[]).some((item) => {
    if (isMap(item)) return !LOOPBACK.test(scalarString(getNode(item, 'host_ip')) ?? '');
    const spec = scalarString(item);
    const p = spec === undefined ? undefined : parsePort(spec);
    return !p || !LOOPBACK.test(p.ip ?? '');
  });
}

/** The user and database names the same images read next to their password. */
const NAME_VARS = /^(?:POSTGRES_(?:USER|DB)|MYSQL_(?:USER|DATABASE)|MARIADB_(?:USER|DATABASE)|MONGO_INITDB_(?:ROOT_USERNAME|DATABASE)|RABBITMQ_DEFAULT_USER|MINIO_ROOT_USER|INFLUXDB_ADMIN_USER|DOCKER_INFLUXDB_INIT_USERNAME)$/;

function composeHits(ctx: RuleContext, out: Hit[]): void {
  for (const [, svc] of composeServices(ctx)) {
    const unreachable = !reachableFromNetwork(svc);
    const entries = envEntries(getNode(svc, 'environment'), ctx.text);
    for (const e of entries) {
      // `KEY:` (null) and `- KEY` pass the host's value through.
      if (!NAME_SET.has(e.name) || e.value === undefined) continue;
      // `POSTGRES_USER=gitea` + `POSTGRES_PASSWORD=gitea`: the password is the user or database name, the first guess.
      const value = e.value.trim().toLowerCase();
      const same = isDefault(e.value) || /\$\{?\w/.test(value) ? undefined : [...entries].sort((a, b) => Number(/USER/.test(b.name)) - Number(/USER/.test(a.name))).find((o) => NAME_VARS.test(o.name) && o.value?.trim().toLowerCase() === value);
      if (!isDefault(e.value) && !same) continue;
      const ref = `\${${e.name}:?set ${e.name}}`;
      out.push({
        name: e.name, value: e.value, start: e.start, end: e.end, nameStart: e.nameStart, unreachable, sameAs: same?.name,
        fix: { title: `Read ${e.name} from the environment`, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(e.start, e.end, ref)] }] },
      });
    }
  }
}

function dotenvHits(ctx: RuleContext, out: Hit[]): void {
  for (const e of ctx.memo('dotenv', () => parseDotenv(ctx.text))) {
    // An empty value in a dotenv file means "fill this in", not "no password".
    if (NAME_SET.has(e.key) && e.value !== '' && isDefault(e.value)) out.push({ name: e.key, value: e.value, start: e.valueStart, end: e.valueEnd, nameStart: e.keyStart });
  }
}

function dockerHits(ctx: RuleContext, out: Hit[]): void {
  for (const ins of dockerfile(ctx).instructions) {
    if (ins.name !== 'ENV') continue;
    for (const m of ins.args.matchAll(/(?<=^|\s)([A-Z_]+)(?:=|\s+(?=[^=\s]*$))(["']?)([^\s"']*)\2(?=\s|$)/g)) {
      if (!NAME_SET.has(m[1]) || m[3] === '' || !isDefault(m[3])) continue;
      const start = ins.argsStart + m.index + m[0].length - m[3].length - m[2].length;
      out.push({ name: m[1], value: m[3], start, end: start + m[3].length, nameStart: ins.argsStart + m.index });
    }
  }
}

const CODE = new RegExp(`\\b(${NAMES.join('|')})(["']?)\\s*(=|:|,)\\s*(["']?)([^\\s"'\`,;)}\\]]*)\\4(?![\\w$\\-{])`, 'g');

function codeHits(ctx: RuleContext, out: Hit[]): void {
  for (const m of ctx.text.matchAll(CODE)) {
    const value = m[5];
    if (value === '' && m[4] === '') continue;
    // `os.environ.get("POSTGRES_PASSWORD", "")`: an empty fallback of an environment read, not an empty password.
    if (value === '' && m[3] === ',') continue;
    if (!isDefault(value)) continue;
    const line = ctx.lines.lineText(ctx.lines.positionAt(m.index).line).trimStart();
    if (/^(?:#|\/\/|\*|--)/.test(line)) continue;
    const start = m.index + m[0].length - value.length - m[4].length;
    out.push({ name: m[1], value, start, end: start + value.length, nameStart: m.index });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A database, cache or broker is given its well-known default (or an empty) password, or in compose one equal to its user or database name',
    severity: 'warning',
    cwe: 'CWE-1393',
    fix: 'unsafe',
    messages: {
      default: '{{name}} is set to a well-known default password; anyone who reaches the service can log in',
      empty: '{{name}} is empty: the service accepts logins without a password',
      sameAsName: '{{name}} repeats {{other}}: a password equal to the user or database name is among the first anyone tries',
    },
    help: `Default passwords are the first thing scanners try. Generate a random password and pass it through the environment or Docker secrets. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang !== 'markdown' && !isTestLikePath(path) && !isWorkflowFile(path) && dotenvEnvironment(path) !== 'test',
  check(ctx) {
    if (!NAMES.some((n) => ctx.text.includes(n))) return;
    const hits: Hit[] = [];
    if (ctx.lang === 'dotenv') dotenvHits(ctx, hits);
    else if (ctx.lang === 'dockerfile') dockerHits(ctx, hits);
    else if (ctx.lang === 'yaml') {
      if (isComposeFile(ctx.path)) composeHits(ctx, hits);
    } else codeHits(ctx, hits);
    const severity = severityFor(ctx.path);
    for (const h of hits) {
      const empty = h.value === '';
      ctx.report({
        start: empty ? h.nameStart : h.start, end: empty ? h.nameStart + h.name.length : h.end,
        // A database only its compose neighbours (or this machine) can reach: a note rather than a warning.
        messageId: empty ? 'empty' : h.sameAs ? 'sameAsName' : 'default', data: { name: h.name, other: h.sameAs ?? '' }, severity: severity ?? (h.unreachable ? 'info' : undefined), fixes: h.fix ? [h.fix] : [],
      });
    }
  },
});
