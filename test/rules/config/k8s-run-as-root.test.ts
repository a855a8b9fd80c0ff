// Tests for config/k8s-run-as-root.
import rule from '../../../server/src/engine/rules/config/k8s-run-as-root';
import { ruleTester } from '../../helpers/rule-tester';

const HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n';

ruleTester(rule, {
  path: 'k8s/pod.yml',
  valid: [
    HEAD + '  securityContext:\n    runAsUser: 1000\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx\n',
    { name: 'pod root overridden by every container', code: HEAD + '  securityContext:\n    runAsUser: 0\n  containers:\n    - name: app\n      securityContext:\n        runAsUser: 101\n' },
    { name: 'no user at all: not explicit', code: HEAD + '  containers:\n    - name: app\n      image: nginx\n' },
    { name: 'a templated value', code: HEAD + '  containers:\n    - name: app\n      securityContext:\n        runAsUser: {{ .Values.uid }}\n' },
  ],
  invalid: [
    {
      name: 'container runs as root',
      code: HEAD + '  containers:\n    - name: app\n      securityContext:\n        runAsUser: 0\n',
      errors: [{ messageId: 'container', line: 9, column: 9, endColumn: 21, severity: 'warning', message: 'Container app of Pod web runs as root (runAsUser: 0): a process that escapes it starts as root on the node' }],
    },
    {
      name: 'pod-level root inherited by a container',
      code: HEAD + '  securityContext:\n    runAsUser: 0\n  containers:\n    - name: app\n    - name: side\n      securityContext:\n        runAsUser: 1000\n',
      errors: [{ messageId: 'pod', line: 7, column: 5, endColumn: 17 }],
    },
  ],
});
