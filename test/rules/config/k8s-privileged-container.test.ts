// Tests for config/k8s-privileged-container.
import rule from '../../../server/src/engine/rules/config/k8s-privileged-container';
import { ruleTester } from '../../helpers/rule-tester';

const pod = (sc: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n      securityContext:\n${sc}`;

ruleTester(rule, {
  path: 'k8s/pod.yaml',
  valid: [
    pod('        privileged: false\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n'),
    pod('        privileged: {{ .Values.privileged }}\n'),
    pod('        # privileged: true\n        runAsNonRoot: true\n'),
    { name: 'a PodSecurityPolicy allows, it does not run', code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\nspec:\n  privileged: true\n  allowPrivilegeEscalation: true\n' },
    { name: 'not a Kubernetes object (Helm values)', path: 'chart/values.yaml', code: 'securityContext:\n  privileged: true\n' },
    { name: 'compose has its own rule', path: 'docker-compose.yml', code: 'services:\n  app:\n    privileged: true\n' },
  ],
  invalid: [
    {
      name: 'a Helm chart that renders privileged only when the operator turns the value on: info, same fix',
      path: 'charts/web/templates/pod.yaml',
      code: pod('        runAsNonRoot: true\n        {{- if .Values.web.privileged }}\n        privileged: true\n        {{- end }}\n'),
      errors: [{
        messageId: 'privileged', line: 12, column: 9, endColumn: 25, severity: 'info',
        fixes: [{ title: 'Set privileged: false', applicability: 'unsafe', output: pod('        runAsNonRoot: true\n        {{- if .Values.web.privileged }}\n        privileged: false\n        {{- end }}\n') }],
      }],
    },
    {
      name: 'privileged container in a Pod',
      code: pod('        privileged: true\n'),
      errors: [{
        messageId: 'privileged', line: 10, column: 9, endColumn: 25, severity: 'warning',
        message: "Container app of Pod web runs privileged: it has every capability and the host's devices, so root in it is root on the node",
        fixes: [{ title: 'Set privileged: false', applicability: 'unsafe', output: pod('        privileged: false\n') }],
      }],
    },
    {
      name: 'Deployment init container: escalation and capabilities',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: setup\n          securityContext:\n            allowPrivilegeEscalation: true\n            capabilities:\n              add: ["SYS_ADMIN", "NET_ADMIN"]\n      containers:\n        - name: api\n          image: api\n',
      errors: [
        { messageId: 'escalation', line: 11, column: 13, endColumn: 43, message: /^Container setup of Deployment api sets allowPrivilegeEscalation: true/ },
        { messageId: 'capability', line: 13, column: 21, endColumn: 32, message: /adds capability SYS_ADMIN/ },
      ],
    },
    {
      name: 'CronJob, second document, YAML 1.1 yes',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: b\n              securityContext: { privileged: yes }\n',
      errors: [{ messageId: 'privileged', line: 17, column: 34, endColumn: 49 }],
    },
  ],
});
