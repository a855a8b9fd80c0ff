// config/compose-docker-socket: a compose service mounts the Docker daemon socket.
import { composeServices, getNode, isComposeFile, isMap, isSeq, nodeRange, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/compose-docker-socket';

const SOCKET = /^\/(?:var\/)?run\/docker\.sock$/;

/** Fields of a short-syntax volume `source:target[:mode]`, splitting at colons outside `${…}` (`${SOCK:-/x}` keeps its colon). */
function volumeFields(spec: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec.startsWith('${', i)) depth++;
    else if (spec[i] === '}' && depth > 0) depth--;
    else if (spec[i] === ':' && depth === 0) {
      out.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  out.push(spec.slice(start));
  return out;
}

/**
 * Whether a bind source is the host's Docker socket: the path itself, a variable defaulting to it, or a variable
 * (set in .env) mounted at the socket's own path inside the container, the way socket-watching log shippers do it.
 */
function isSocketSource(source: string, target: string | undefined): boolean {
  if (SOCKET.test(source)) return true;
  const v = /^\$\{\w+(?::?-([^}]*))?\}$/.exec(source);
  if (!v) return false;
  if (v[1] !== undefined && v[1] !== '') return SOCKET.test(v[1]);
  return target !== undefined && SOCKET.test(target);
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A compose service mounts the Docker socket, which gives it control of the host',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'none',
    messages: {
      socket: 'Service {{service}} mounts the Docker socket: anything running in it can start a privileged container and take over the host (read-only does not help)',
    },
    help: `The Docker API is root on the host. Use a socket proxy that allows only the calls the service needs (e.g. tecnativa/docker-socket-proxy) or rootless Docker. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isComposeFile(path),
  check(ctx) {
    if (!ctx.text.includes('docker.sock')) return;
    for (const [service, svc] of composeServices(ctx)) {
      const volumes = getNode(svc, 'volumes');
      if (!isSeq(volumes)) continue;
      for (const item of volumes.items) {
        // Short syntax `/var/run/docker.sock:/var/run/docker.sock:ro`, long syntax `{ type: bind, source: … }`.
        const fields = isMap(item) ? [scalarString(getNode(item, 'source')), scalarString(getNode(item, 'target'))] : volumeFields(scalarString(item) ?? '');
        const [source, target] = fields;
        const r = nodeRange(item as YamlNode);
        if (source && r && isSocketSource(source, target)) ctx.report({ start: r[0], end: r[1], messageId: 'socket', data: { service } });
      }
    }
  },
});
