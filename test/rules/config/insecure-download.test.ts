// Tests for config/insecure-download.
import rule from '../../../server/src/engine/rules/config/insecure-download';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'Dockerfile',
  valid: [
    'FROM alpine\nRUN curl -fsSL https://example.com/install.sh -o install.sh\n',
    'FROM alpine\nRUN curl -fsSLo kubectl https://dl.k8s.io/kubectl\n',
    { name: '-k is the value of -H', code: 'FROM alpine\nRUN curl -H -k https://x\n' },
    {
      name: 'health checks against a server on this machine (nothing crosses a network)',
      path: 'scripts/wait-ready.sh',
      code: '#!/bin/sh\ncurl -fsSk https://localhost:8443/healthz || exit 1\ncurl --insecure -s "https://127.0.0.1:9200/_cluster/health"\nwget --no-check-certificate -qO- https://[::1]/status\ncurl -k localhost:6443/readyz\n',
    },
    'FROM alpine\n# RUN curl -k https://x\nRUN wget -q https://x\n',
    'FROM alpine\nENV GIT_SSL_NO_VERIFY=0\n',
    'FROM alpine\nRUN pip install --index-url https://pypi.example.com/simple pkg\n',
    'FROM alpine\nRUN npm config set strict-ssl true\n',
    { path: 'scripts/setup.sh', code: '#!/bin/sh\n# curl -k is insecure, do not use\necho "use curl -k only for debugging" | tee log\nkubectl get pods -k\n' },
  ],
  invalid: [
    {
      name: 'a host from a variable, or a remote URL next to a local one, is not known to stay on this machine',
      path: 'scripts/sync.sh',
      code: 'curl -k "https://${API_HOST:-localhost}/x"\ncurl -k https://localhost/a https://mirror.example.net/b\n',
      errors: [{ messageId: 'curl', line: 1, column: 6 }, { messageId: 'curl', line: 2, column: 6 }],
    },
    {
      code: 'FROM alpine\nRUN curl -k https://example.com/a.sh | sh\n',
      errors: [{ messageId: 'curl', line: 2, column: 10, endColumn: 12, fixes: [{ title: 'Remove -k (verify certificates)', applicability: 'safe', output: 'FROM alpine\nRUN curl https://example.com/a.sh | sh\n' }] }],
    },
    {
      name: 'cluster -fsSLk',
      code: 'FROM alpine\nRUN apk add curl && \\\n    curl -fsSLk https://x -o /x\n',
      errors: [{ messageId: 'curl', line: 3, column: 10, endColumn: 16, fixes: [{ output: 'FROM alpine\nRUN apk add curl && \\\n    curl -fsSL https://x -o /x\n' }] }],
    },
    {
      code: 'FROM alpine\nRUN wget --no-check-certificate https://x/y.tgz && curl --insecure -O https://z\n',
      errors: [
        { messageId: 'wget', line: 2, column: 10, endColumn: 32, fixes: [{ title: 'Remove --no-check-certificate (verify certificates)', output: 'FROM alpine\nRUN wget https://x/y.tgz && curl --insecure -O https://z\n' }] },
        { messageId: 'curl', line: 2, column: 57, endColumn: 67, fixes: [{ output: 'FROM alpine\nRUN wget --no-check-certificate https://x/y.tgz && curl -O https://z\n' }] },
      ],
    },
    {
      code: 'FROM alpine\nENV GIT_SSL_NO_VERIFY=true\nENV PIP_TRUSTED_HOST pypi.example.com\nRUN git config --global http.sslVerify false\n',
      errors: [
        { messageId: 'git', line: 2, column: 5, endColumn: 27, fixes: [] },
        { messageId: 'pip', line: 3, column: 5, endColumn: 38 },
        { messageId: 'git', line: 4, column: 25, endColumn: 45 },
      ],
    },
    {
      code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.example.com -r req.txt && npm config set strict-ssl false\n',
      errors: [{ messageId: 'pip', line: 2, column: 17, endColumn: 48 }, { messageId: 'npm', line: 2, column: 63 }],
    },
    {
      name: 'shell script',
      path: 'install.sh',
      code: '#!/bin/bash\nset -e\nexport GIT_SSL_NO_VERIFY=1\nVERSION=$(curl -sk https://api.example.com/v)\ngit -c http.sslVerify=false clone https://git.example.com/r.git\n',
      errors: [
        { messageId: 'git', line: 3, column: 8 },
        { messageId: 'curl', line: 4, column: 16, endColumn: 19, fixes: [{ output: '#!/bin/bash\nset -e\nexport GIT_SSL_NO_VERIFY=1\nVERSION=$(curl -s https://api.example.com/v)\ngit -c http.sslVerify=false clone https://git.example.com/r.git\n' }] },
        { messageId: 'git', line: 5, column: 8, endColumn: 28 },
      ],
    },
  ],
});
