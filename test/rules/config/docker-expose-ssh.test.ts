// Tests for config/docker-expose-ssh.
import rule from '../../../server/src/engine/rules/config/docker-expose-ssh';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'Dockerfile',
  valid: [
    'FROM nginx\nEXPOSE 80 443\n',
    'FROM nginx\nEXPOSE 2222 8022\n',
    { name: 'a builder stage is not shipped', code: 'FROM ubuntu AS test\nEXPOSE 22\n\nFROM nginx\nEXPOSE 80\n' },
    'FROM nginx\n# EXPOSE 22\n',
  ],
  invalid: [
    { code: 'FROM ubuntu\nRUN apt-get install -y openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n', errors: [{ messageId: 'ssh', line: 3, column: 8, endColumn: 10 }] },
    { code: 'FROM ubuntu\nEXPOSE 80 22/tcp\n', errors: [{ messageId: 'ssh', line: 2, column: 11, endColumn: 17 }] },
  ],
});
