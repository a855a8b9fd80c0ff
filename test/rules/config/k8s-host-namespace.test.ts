// Tests for config/k8s-host-namespace.
import rule from '../../../server/src/engine/rules/config/k8s-host-namespace';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'deploy/daemonset.yaml',
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: false\n  containers:\n    - name: c\n      image: x\n',
    { name: 'a PodSecurityPolicy field, not a pod', code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  hostPID: true\n' },
    { name: 'not Kubernetes', path: 'config/app.yaml', code: 'hostNetwork: true\ncontainers: []\n' },
  ],
  invalid: [
    {
      name: 'a Helm template wrapped in {{ if .Values.enabled }}, with actions between keys, parses as the manifest it renders: warning',
      path: 'charts/agent/templates/daemonset.yaml',
      code: '{{- if .Values.agent.enabled }}\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      {{- with .Values.agent.nodeSelector }}\n      nodeSelector:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n      hostPID: true\n      containers:\n        - name: a\n          image: agent\n{{- end }}\n',
      errors: [{ messageId: 'hostNamespace', line: 13, column: 7, endColumn: 20, severity: 'warning', message: /^DaemonSet agent sets hostPID: true/ }],
    },
    {
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      hostPID: true\n      hostIPC: false\n      containers:\n        - name: a\n          image: agent\n',
      errors: [
        {
          messageId: 'hostNamespace', line: 8, column: 7, endColumn: 24, severity: 'warning',
          message: "DaemonSet agent sets hostNetwork: true and shares the node's network: it can bind node ports and reach services listening on the node's localhost",
        },
        { messageId: 'hostNamespace', line: 9, column: 7, endColumn: 20, message: /^DaemonSet agent sets hostPID: true/ },
      ],
    },
    {
      name: 'a Helm chart that renders hostNetwork only when the operator turns the value on: info',
      path: 'charts/agent/templates/deployment.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      serviceAccountName: agent\n      {{- if .Values.agent.useHostNetwork }}\n      hostNetwork: true\n      {{- end }}\n      containers:\n        - name: a\n          image: agent\n',
      errors: [{ messageId: 'hostNamespace', line: 10, column: 7, endColumn: 24, severity: 'info' }],
    },
    {
      name: 'a longer block behind a value is a mode the chart offers as a whole, not one toggle: warning',
      path: 'charts/agent/templates/daemonset.yaml',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      serviceAccountName: agent\n      {{- if .Values.agent.nodeMode }}\n      hostPID: true\n      dnsPolicy: ClusterFirstWithHostNet\n      priorityClassName: system-node-critical\n      tolerations:\n        - operator: Exists\n      {{- end }}\n      containers:\n        - name: a\n          image: agent\n',
      errors: [{ messageId: 'hostNamespace', line: 10, column: 7, endColumn: 20, severity: 'warning' }],
    },
    {
      name: 'the else branch of an opt-out toggle is what the chart ships: warning',
      path: 'charts/agent/templates/deployment.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      serviceAccountName: agent\n      {{- if .Values.agent.isolated }}\n      dnsPolicy: ClusterFirst\n      {{- else }}\n      hostNetwork: true\n      {{- end }}\n      containers:\n        - name: a\n          image: agent\n',
      errors: [{ messageId: 'hostNamespace', line: 12, column: 7, endColumn: 24, severity: 'warning' }],
    },
  ],
});
