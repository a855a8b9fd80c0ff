// config/k8s-run-as-root: Kubernetes pods or containers explicitly set to run as user 0 (root).
import { getNode, nodeRange, pairOf, scalarString, type Pair, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import { looksLikeK8s, podSpecs } from './shared/k8s';

const ID = 'config/k8s-run-as-root';

const isRoot = (node: unknown): boolean => scalarString(node)?.trim() === '0';

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A Kubernetes pod or container explicitly runs as root (runAsUser: 0).',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'none',
    messages: {
      container: 'Container {{container}} of {{kind}} {{name}} runs as root (runAsUser: 0): a process that escapes it starts as root on the node',
      pod: '{{kind}} {{name}} runs its containers as root (runAsUser: 0 in the pod securityContext): a process that escapes one starts as root on the node',
    },
    help: `Run as a non-root user: set runAsUser to a non-zero id the image supports (or build the image with a USER) and add runAsNonRoot: true so Kubernetes refuses root. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'yaml',
  check(ctx) {
    if (!looksLikeK8s(ctx.text) || !/runAsUser/.test(ctx.text)) return;
    for (const pod of podSpecs(ctx)) {
      const data = { kind: pod.kind, name: pod.name || '?' };
      const report = (pair: Pair, messageId: string, extra: Record<string, string> = {}): void => {
        const kr = nodeRange(pair.key as YamlNode);
        const vr = nodeRange(pair.value as YamlNode);
        if (kr && vr) ctx.report({ start: kr[0], end: vr[1], messageId, data: { ...data, ...extra } });
      };
      const podUser = pairOf(getNode(pod.spec, 'securityContext'), 'runAsUser');
      // A pod-level root matters only when some container does not set its own user.
      if (podUser && isRoot(podUser.value) && pod.containers.some((c) => pairOf(getNode(c.map, 'securityContext'), 'runAsUser') === undefined)) {
        report(podUser, 'pod');
      }
      for (const c of pod.containers) {
        const user = pairOf(getNode(c.map, 'securityContext'), 'runAsUser');
        if (user && isRoot(user.value)) report(user, 'container', { container: c.name });
      }
    }
  },
});
