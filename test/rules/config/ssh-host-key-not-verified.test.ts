// Tests for config/ssh-host-key-not-verified.
import rule from '../../../server/src/engine/rules/config/ssh-host-key-not-verified';
import { ruleTester } from '../../helpers/rule-tester';

const P = 'import paramiko\nclient = paramiko.SSHClient()\n';

ruleTester(rule, {
  path: 'deploy/ssh.py',
  valid: [
    P + 'client.load_system_host_keys()\nclient.set_missing_host_key_policy(paramiko.RejectPolicy())\n',
    P + '# client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\nHELP = "set_missing_host_key_policy(AutoAddPolicy())"\n',
    'import asyncssh\nconn = await asyncssh.connect(host, known_hosts="/etc/ssh/known_hosts")\n',
    { name: 'a test file', path: 'tests/test_ssh.py', code: P + 'client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n' },
    {
      name: 'Go: a callback whose comment says return nil but whose code checks the key',
      path: 'cmd/ssh.go',
      code: 'package main\n\nvar cb = func(host string, addr net.Addr, k ssh.PublicKey) error { /* return nil */ return pinned.Check(k) }\n',
    },
    { path: 'cmd/ssh.go', code: 'package main\n\nfunc cfg(cb ssh.HostKeyCallback) *ssh.ClientConfig {\n\treturn &ssh.ClientConfig{HostKeyCallback: knownhosts.New(path)}\n}\n// ssh.InsecureIgnoreHostKey()\n' },
  ],
  invalid: [
    {
      name: 'paramiko AutoAddPolicy',
      code: P + 'client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n',
      errors: [{
        messageId: 'paramiko', line: 3, column: 36, endColumn: 60, severity: 'warning',
        message: 'AutoAddPolicy accepts the host key of any server it has not seen before, so a man in the middle can impersonate it and capture the credentials',
        fixes: [{ title: 'Use RejectPolicy (and load known hosts with load_system_host_keys())', applicability: 'unsafe', output: P + 'client.set_missing_host_key_policy(paramiko.RejectPolicy())\n' }],
      }],
    },
    {
      name: 'imported WarningPolicy class',
      code: 'from paramiko import SSHClient, WarningPolicy\nc = SSHClient()\nc.set_missing_host_key_policy(WarningPolicy)\n',
      errors: [{ messageId: 'paramiko', line: 3, column: 31, endColumn: 44, fixes: [{ output: 'from paramiko import SSHClient, WarningPolicy\nc = SSHClient()\nc.set_missing_host_key_policy(RejectPolicy)\n' }] }],
    },
    {
      name: 'asyncssh known_hosts=None',
      code: 'import asyncssh\nasync with asyncssh.connect(host, username=u, known_hosts=None) as conn:\n    pass\n',
      errors: [{ messageId: 'asyncssh', line: 2, column: 47, endColumn: 63 }],
    },
    {
      name: 'Go: InsecureIgnoreHostKey and an accept-all callback',
      path: 'cmd/ssh.go',
      code: 'package main\n\nvar a = &ssh.ClientConfig{HostKeyCallback: ssh.InsecureIgnoreHostKey()}\nvar b = &ssh.ClientConfig{HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error { return nil }}\n',
      errors: [
        { messageId: 'goIgnore', line: 3, column: 44, endColumn: 71, fixes: [] },
        { messageId: 'goAcceptAll', line: 4, column: 44, endColumn: 122 },
      ],
    },
    {
      name: 'Go: an accept-all callback with comments in its body, wrapped in ssh.HostKeyCallback',
      path: 'cmd/deploy.go',
      code: 'package main\n\nfunc dial() {\n\tcheck := ssh.HostKeyCallback(\n\t\tfunc(host string, addr net.Addr, k ssh.PublicKey) error { // TODO: pin the key\n\t\t\t/* trust on first use, later */\n\t\t\treturn nil\n\t\t})\n\tuse(check)\n}\n',
      errors: [{ messageId: 'goAcceptAll', line: 5, column: 3, endLine: 8, endColumn: 4 }],
    },
  ],
});
