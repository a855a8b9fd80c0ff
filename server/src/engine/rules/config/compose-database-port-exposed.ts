// config/compose-database-port-exposed: a database or cache port published on all host interfaces in a compose file.
import { composeServices, getNode, isComposeFile, isMap, isScalar, isSeq, nodeRange, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import type { Fix } from '../../types';

const ID = 'config/compose-database-port-exposed';

/** Container ports of databases, caches and brokers that should not face the network. */
export const DATA_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'], [3306, 'MySQL/MariaDB'], [1433, 'SQL Server'], [1521, 'Oracle'], [27017, 'MongoDB'], [27018, 'MongoDB'],
  [6379, 'Redis'], [11211, 'Memcached'], [9200, 'Elasticsearch'], [9300, 'Elasticsearch'], [5672, 'RabbitMQ'], [5984, 'CouchDB'],
  [9042, 'Cassandra'], [7687, 'Neo4j'], [8086, 'InfluxDB'], [26257, 'CockroachDB'], [2181, 'ZooKeeper'], [28015, 'RethinkDB'],
]);

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/** `[ip:][host:]container[/proto]` -> its parts; undefined when it is not a port mapping. */
export function parsePort(spec: string): { ip?: string; host?: string; container: number } | undefined {
  const m = /^(?:(\[[^\]]*\]|[\d.]*):)??(?:([\d-]*):)?(\d+)(?:-\d+)?(?:\/\w+)?$/.exec(spec.trim());
  if (!m) return undefined;
  return { ip: m[1], host: m[2], container: Number(m[3]) };
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A database or cache port is published on all host interfaces',
    severity: 'warning',
    cwe: 'CWE-668',
    fix: 'unsafe',
    messages: {
      exposed: 'Service {{service}} publishes {{what}} port {{port}} on every interface of the host; bind it to 127.0.0.1',
    },
    help: `Docker publishes ports on all interfaces and bypasses host firewalls such as ufw, so the database is reachable from the network, often with a default password. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isComposeFile(path),
  check(ctx) {
    for (const [service, svc] of composeServices(ctx)) {
      const ports = getNode(svc, 'ports');
      if (!isSeq(ports)) continue;
      for (const item of ports.items as YamlNode[]) {
        const r = nodeRange(item);
        if (!r) continue;
        if (isMap(item)) {
          // Long syntax: `target: 5432`, `published: "5432"`, optional `host_ip`.
          const target = Number(scalarString(getNode(item, 'target')));
          const what = DATA_PORTS.get(target);
          if (!what || getNode(item, 'published') === undefined || !ALL_INTERFACES.has(scalarString(getNode(item, 'host_ip')) ?? '')) continue;
          ctx.report({ start: r[0], end: r[1], messageId: 'exposed', data: { service, what, port: target } });
          continue;
        }
        const spec = scalarString(item);
        const p = spec === undefined ? undefined : parsePort(spec);
        const what = p && DATA_PORTS.get(p.container);
        if (!p || !what || !ALL_INTERFACES.has(p.ip ?? '')) continue;
        const quoted = isScalar(item) && (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE');
        const [vs, ve] = quoted ? [r[0] + 1, r[1] - 1] : r;
        const trimmed = spec!.trim();
        const container = trimmed.slice(trimmed.lastIndexOf(':') + 1);
        const fix: Fix = {
          title: 'Publish on 127.0.0.1 only',
          applicability: 'unsafe',
          changes: [{ path: ctx.path, edits: [ctx.lines.edit(vs, ve, `127.0.0.1:${p.host ?? ''}:${container}`)] }],
        };
        ctx.report({ start: r[0], end: r[1], messageId: 'exposed', data: { service, what, port: p.container }, fixes: [fix] });
      }
    }
  },
});
