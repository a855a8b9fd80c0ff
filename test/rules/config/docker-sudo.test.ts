// Tests for config/docker-sudo.
import rule from '../../../server/src/engine/rules/config/docker-sudo';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'Dockerfile',
  valid: [
    'FROM ubuntu\nRUN apt-get update && apt-get install -y sudo\n',
    'FROM ubuntu\nRUN apt-get install -y \\\n    sudo curl\n',
    'FROM ubuntu\n# RUN sudo make install\nRUN make install\n',
    'FROM ubuntu\nRUN echo "%wheel ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers\n',
    'FROM ubuntu\nLABEL note="sudo make"\n',
    { name: 'ONBUILD of another instruction', code: 'FROM ubuntu\nONBUILD COPY sudoers.d /etc/sudoers.d\n' },
  ],
  invalid: [
    { code: 'FROM ubuntu\nUSER app\nRUN sudo apt-get update\n', errors: [{ messageId: 'sudo', line: 3, column: 5, endColumn: 9 }] },
    { code: 'FROM ubuntu\nRUN make && \\\n    sudo make install\n', errors: [{ messageId: 'sudo', line: 3, column: 5 }] },
    { code: 'FROM ubuntu\nRUN --mount=type=cache,target=/var/cache sudo -E make; sudo ls\n', errors: [{ messageId: 'sudo', line: 2, column: 42 }, { messageId: 'sudo', line: 2, column: 56 }] },
    { name: 'ONBUILD RUN runs in every child image', code: 'FROM node:20\nONBUILD RUN sudo npm ci --omit=dev\n', errors: [{ messageId: 'sudo', line: 2, column: 13, endColumn: 17 }] },
  ],
});
