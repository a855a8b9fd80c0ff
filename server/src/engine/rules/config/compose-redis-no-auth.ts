// config/compose-redis-no-auth: a compose Redis with protected mode off, or without a password while published on all interfaces.
import { composeServices, envEntries, getNode, isComposeFile, isMap, isSeq, nodeRange, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import { parsePort } from './compose-database-port-exposed';

const ID = 'config/compose-redis-no-auth';

const REDIS_PORT = 6379;
const REDIS_IMAGE = /(?:^|\/)(?:redis|redis-stack(?:-server)?|valkey|keydb)(?::|@|$)/i;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A compose Redis service accepts clients without a password',
    severity: 'warning',
    cwe: 'CWE-306',
    fix: 'none',
    messages: {
      protectedMode: 'Service {{service}} runs Redis with --protected-mode no: it accepts unauthenticated clients from any address',
      emptyPassword: 'Service {{service}} allows Redis without a password (ALLOW_EMPTY_PASSWORD)',
      noPassword: 'Service {{service}} publishes Redis on every host interface without requirepass: anyone who can reach the host can read and write it (and often run code through it)',
    },
    help: `An open Redis is read, wiped or turned into remote code execution (CONFIG SET dir / MODULE LOAD) within minutes of being reachable. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isComposeFile(path),
  check(ctx) {
    for (const [service, svc] of composeServices(ctx)) {
      const imageNode = getNode(svc, 'image');
      const image = scalarString(imageNode) ?? '';
      if (!REDIS_IMAGE.test(image)) continue;
      const cmdNode = getNode(svc, 'command');
      const command = isSeq(cmdNode) ? cmdNode.items.map((i) => scalarString(i) ?? '').join(' ') : scalarString(cmdNode) ?? '';
      const env = envEntries(getNode(svc, 'environment'), ctx.text);
      const protectedOff = /--protected-mode\s+no\b/.exec(command);
      if (protectedOff && cmdNode) {
        const r = nodeRange(cmdNode)!;
        const at = ctx.text.slice(r[0], r[1]).indexOf('--protected-mode');
        ctx.report({ start: at >= 0 ? r[0] + at : r[0], end: at >= 0 ? r[0] + at + '--protected-mode'.length : r[1], messageId: 'protectedMode', data: { service } });
        continue;
      }
      const empty = env.find((e) => e.name === 'ALLOW_EMPTY_PASSWORD' && /^(?:yes|true|1)$/i.test(e.value ?? ''));
      if (empty) {
        ctx.report({ start: empty.nameStart, end: empty.end, messageId: 'emptyPassword', data: { service } });
        continue;
      }
      // A password may come from the command, a config file, or the image's own variables.
      // An empty REDIS_PASSWORD sets no password.
      if (/requirepass|--aclfile|\.conf\b/.test(command) || env.some((e) => /^(?:REDIS_PASSWORD|REDIS_ARGS|REDIS_PASSWORD_FILE)$/.test(e.name) && e.value !== '')) continue;
      // Only Redis's own port counts (redis-stack also publishes its web UI), on every interface (IPv4 or IPv6).
      const allInterfaces = (ip: string | undefined): boolean => ip === undefined || ip === '' || /^(?:0\.0\.0\.0|::|\[::\])$/.test(ip);
      const ports = getNode(svc, 'ports');
      const published = isSeq(ports) && ports.items.some((i) => {
        if (isMap(i)) {
          return getNode(i, 'published') !== undefined && scalarString(getNode(i, 'target')) === String(REDIS_PORT) && allInterfaces(scalarString(getNode(i, 'host_ip')));
        }
        const p = parsePort(scalarString(i) ?? '');
        return p !== undefined && p.container === REDIS_PORT && allInterfaces(p.ip);
      });
      if (!published || !imageNode) continue;
      const r = nodeRange(imageNode as YamlNode)!;
      ctx.report({ start: r[0], end: r[1], messageId: 'noPassword', data: { service } });
    }
  },
});
