// config/k8s-privileged-container: Kubernetes containers that run privileged, may gain privileges, or add capabilities that escape the container.
import { getNode, isSeq, nodeRange, pairOf, scalarString, type Pair, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';
import { inHelmOptIn, isYamlTrue, looksLikeK8s, podSpecs } from './shared/k8s';

const ID = 'config/k8s-privileged-container';
const CAPS = /^(?:CAP_)?(?:ALL|SYS_ADMIN|SYS_MODULE|SYS_PTRACE|BPF)$/i;

/** The span of `key: value`, and a fix setting the value to `false`. */
function keyValue(ctx: RuleContext, pair: Pair): { start: number; end: number; fix: Fix } | undefined {
  const kr = nodeRange(pair.key as YamlNode);
  const vr = nodeRange(pair.value as YamlNode);
  if (!kr || !vr) return undefined;
  const key = scalarString(pair.key as YamlNode) ?? '';
  return {
    start: kr[0], end: vr[1],
    fix: { title: `Set ${key}: false`, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(vr[0], vr[1], 'false')] }] },
  };
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A Kubernetes container runs privileged, allows privilege escalation, or adds a capability that escapes the container.',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'unsafe',
    messages: {
      privileged: 'Container {{container}} of {{kind}} {{name}} runs privileged: it has every capability and the host\'s devices, so root in it is root on the node',
      escalation: 'Container {{container}} of {{kind}} {{name}} sets allowPrivilegeEscalation: true, so setuid binaries and file capabilities can raise its privileges',
      capability: 'Container {{container}} of {{kind}} {{name}} adds capability {{cap}}, which is enough to escape the container',
    },
    help: `Privileged containers and broad capabilities turn a compromise of one container into a compromise of the node. Drop them, set allowPrivilegeEscalation: false and add only the narrow capabilities the workload needs. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'yaml',
  check(ctx) {
    if (!looksLikeK8s(ctx.text) || !/privileged|PrivilegeEscalation|capabilities/.test(ctx.text)) return;
    for (const pod of podSpecs(ctx)) {
      for (const c of pod.containers) {
        const data = { container: c.name, kind: pod.kind, name: pod.name || '?' };
        const sc = getNode(c.map, 'securityContext');
        for (const [key, messageId] of [['privileged', 'privileged'], ['allowPrivilegeEscalation', 'escalation']] as const) {
          const p = pairOf(sc, key);
          if (!p || !isYamlTrue(p.value as YamlNode)) continue;
          const kv = keyValue(ctx, p);
          // Rendered only when the operator opts in (`{{ if .Values.privileged }}`): info.
          if (kv) ctx.report({ start: kv.start, end: kv.end, messageId, data, fixes: [kv.fix], severity: inHelmOptIn(ctx.text, kv.start) ? 'info' : undefined });
        }
        const add = getNode(getNode(sc, 'capabilities'), 'add');
        if (!isSeq(add)) continue;
        for (const item of add.items) {
          const cap = scalarString(item);
          const r = nodeRange(item as YamlNode);
          if (cap && r && CAPS.test(cap)) ctx.report({ start: r[0], end: r[1], messageId: 'capability', data: { ...data, cap } });
        }
      }
    }
  },
});
