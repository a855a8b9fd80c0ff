// Tests for config/k8s-docker-socket.
import rule from '../../../server/src/engine/rules/config/k8s-docker-socket';
import { ruleTester } from '../../helpers/rule-tester';

const pod = (path: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  containers:\n    - name: b\n      image: docker\n  volumes:\n    - name: sock\n      hostPath:\n        path: ${path}\n`;

ruleTester(rule, {
  path: 'ci/builder.yaml',
  valid: [
    pod('/var/log'),
    pod('/var/run/docker.sock.d/config'),
    { name: 'an emptyDir volume', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n  volumes:\n    - name: sock\n      emptyDir: {}\n' },
    { name: 'not Kubernetes', path: 'ci/other.yaml', code: 'volumes:\n  - hostPath:\n      path: /var/run/docker.sock\n' },
  ],
  invalid: [
    {
      code: pod('/var/run/docker.sock'),
      errors: [{
        messageId: 'socket', line: 12, column: 15, endColumn: 35, severity: 'warning',
        message: 'Pod builder mounts /var/run/docker.sock from the node: anything running in the pod can start privileged containers and take over the node',
      }],
    },
    { name: 'containerd socket', code: pod('/run/containerd/containerd.sock'), errors: [{ messageId: 'socket', line: 12, column: 15 }] },
  ],
});
