// config/k8s-docker-socket: Kubernetes pods mounting the node's container runtime socket (Docker, containerd, CRI-O) through a hostPath volume.
import { getNode, isMap, isSeq, nodeRange, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import { looksLikeK8s, podSpecs } from './shared/k8s';

const ID = 'config/k8s-docker-socket';
const SOCKET = /^\/(?:var\/)?run\/(?:docker\.sock|containerd\/containerd\.sock|crio\/crio\.sock|cri-dockerd\.sock)\/?$/;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A Kubernetes pod mounts the node\'s container runtime socket (Docker, containerd, CRI-O) through a hostPath volume.',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'none',
    messages: {
      socket: '{{kind}} {{name}} mounts {{path}} from the node: anything running in the pod can start privileged containers and take over the node',
    },
    help: `The container runtime API is root on the node. Build images with a daemonless builder (rootless BuildKit, kaniko, buildah) and talk to the cluster through the Kubernetes API with a narrow service account instead. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'yaml',
  check(ctx) {
    if (!looksLikeK8s(ctx.text) || !/\.sock/.test(ctx.text)) return;
    for (const pod of podSpecs(ctx)) {
      const volumes = getNode(pod.spec, 'volumes');
      if (!isSeq(volumes)) continue;
      for (const v of volumes.items) {
        const pathNode = isMap(v) ? getNode(getNode(v, 'hostPath'), 'path') : undefined;
        const path = scalarString(pathNode);
        const r = pathNode && nodeRange(pathNode as YamlNode);
        if (path && r && SOCKET.test(path)) ctx.report({ start: r[0], end: r[1], messageId: 'socket', data: { kind: pod.kind, name: pod.name || '?', path } });
      }
    }
  },
});
