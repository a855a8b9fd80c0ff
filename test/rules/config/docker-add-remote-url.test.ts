// Tests for config/docker-add-remote-url.
import rule from '../../../server/src/engine/rules/config/docker-add-remote-url';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  path: 'Dockerfile',
  valid: [
    'FROM alpine\nADD app.tar.gz /opt/\n',
    'FROM alpine\nCOPY https-notes.txt /x\n',
    'FROM alpine\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /a\n',
    'FROM alpine\nADD https://github.com/moby/buildkit.git#v0.14.1 /src\n',
    'FROM alpine\n# ADD https://example.com/x /x\n',
  ],
  invalid: [
    { code: 'FROM alpine\nADD https://example.com/tool.tar.gz /opt/tool.tar.gz\n', errors: [{ messageId: 'remote', line: 2, column: 5, endColumn: 36, message: /ADD downloads https:\/\/example\.com\/tool\.tar\.gz without/ }] },
    { code: 'FROM alpine\nADD --chown=app ["http://example.com/a.sh", "/a.sh"]\n', errors: [{ messageId: 'remote', line: 2, column: 19 }] },
  ],
});
