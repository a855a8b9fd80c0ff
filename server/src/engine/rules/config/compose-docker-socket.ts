// config/compose-docker-socket: a compose service mounts the Docker daemon socket.
import { composeServices, getNode, isComposeFile, isMap, isSeq, nodeRange, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/compose-docker-socket';

const SOCKET = /^\/(?:var\/)?run\/docker\.sock$/;

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
        const source = isMap(item) ? scalarString(getNode(item, 'source')) : scalarString(item)?.split(':')[0];
        const r = nodeRange(item as YamlNode);
        if (source && r && SOCKET.test(source)) ctx.report({ start: r[0], end: r[1], messageId: 'socket', data: { service } });
      }
    }
  },
});
