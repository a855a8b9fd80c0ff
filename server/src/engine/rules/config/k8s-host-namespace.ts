// config/k8s-host-namespace: Kubernetes pods sharing the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC).
import { nodeRange, pairOf, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import { inHelmOptIn, isYamlTrue, looksLikeK8s, podSpecs } from './shared/k8s';

const ID = 'config/k8s-host-namespace';

const WHAT: Record<string, string> = {
  hostNetwork: 'the node\'s network: it can bind node ports and reach services listening on the node\'s localhost',
  hostPID: 'the node\'s process list: it can see, signal and (as root) enter every process on the node',
  hostIPC: 'the node\'s IPC namespace: it can read the shared memory of every process on the node',
};

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A Kubernetes pod shares the node\'s network, process or IPC namespace (hostNetwork, hostPID, hostIPC).',
    severity: 'warning',
    cwe: 'CWE-653',
    fix: 'none',
    messages: {
      hostNamespace: '{{kind}} {{name}} sets {{key}}: true and shares {{what}}',
    },
    help: `Host namespaces remove the isolation between the pod and the node. Only node agents (CNI plugins, monitoring daemons) need them; run those in a dedicated, locked-down namespace. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'yaml',
  check(ctx) {
    if (!looksLikeK8s(ctx.text) || !/host(?:Network|PID|IPC)/.test(ctx.text)) return;
    for (const pod of podSpecs(ctx)) {
      for (const key of Object.keys(WHAT)) {
        const p = pairOf(pod.spec, key);
        if (!p || !isYamlTrue(p.value as YamlNode)) continue;
        const kr = nodeRange(p.key as YamlNode);
        const vr = nodeRange(p.value as YamlNode);
        if (!kr || !vr) continue;
        // A chart that renders the key only when the operator opts in (`{{ if .Values.hostNetwork }}`) ships it off: info.
        const severity = inHelmOptIn(ctx.text, kr[0]) ? 'info' : undefined;
        ctx.report({ start: kr[0], end: vr[1], messageId: 'hostNamespace', data: { kind: pod.kind, name: pod.name || '?', key, what: WHAT[key] }, severity });
      }
    }
  },
});
