// config/compose-host-namespace: a compose service shares the host's network, PID, IPC or UTS namespace.
import { composeServices, isComposeFile, nodeRange, pairOf, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/compose-host-namespace';

const KEYS: Record<string, string> = {
  network_mode: 'network (it can reach every port on the host, including those bound to 127.0.0.1)',
  pid: 'process namespace (it can see, and as root signal or ptrace, every process on the host)',
  ipc: 'IPC namespace (shared memory of host processes)',
  uts: 'hostname namespace',
  userns_mode: 'user namespace (user namespace remapping is off)',
};

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A compose service shares a namespace with the host (network_mode/pid/ipc: host)',
    severity: 'warning',
    cwe: 'CWE-653',
    fix: 'none',
    messages: {
      host: 'Service {{service}} sets {{key}}: host and shares the host {{what}}',
    },
    help: `Sharing host namespaces removes part of the isolation between the container and the host. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isComposeFile(path),
  check(ctx) {
    for (const [service, svc] of composeServices(ctx)) {
      for (const [key, what] of Object.entries(KEYS)) {
        const pair = pairOf(svc, key);
        const v = pair?.value as YamlNode | undefined;
        if (!v || scalarString(v)?.trim().toLowerCase() !== 'host') continue;
        const kr = nodeRange(pair!.key as YamlNode)!;
        ctx.report({ start: kr[0], end: nodeRange(v)![1], messageId: 'host', data: { service, key, what } });
      }
    }
  },
});
