// config/ssh-host-key-not-verified: SSH clients that accept any server host key (paramiko AutoAddPolicy/WarningPolicy, asyncssh known_hosts=None, Go ssh.InsecureIgnoreHostKey).
import { CODE, COMMENT, codeMask, isCode, nextSignificant } from '../../languages/lexer';
import { pySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import { isTestLikePath } from '../secret/heuristics';

const ID = 'config/ssh-host-key-not-verified';

function checkPython(ctx: RuleContext): void {
  const src = pySource(ctx);
  const t = src.tokens;
  for (const call of src.calls()) {
    if (call.callee.endsWith('set_missing_host_key_policy') && call.args.length === 1) {
      const a = call.args[0];
      // `paramiko.AutoAddPolicy()`, `AutoAddPolicy`, `paramiko.client.WarningPolicy()`.
      let k = a.from;
      while (k + 2 < a.to && t[k].kind === 'name' && src.is(k + 1, '.')) k += 2;
      const name = t[k];
      if (name?.kind !== 'name' || !/^(?:AutoAddPolicy|WarningPolicy)$/.test(name.text)) continue;
      const rest = a.to - (k + 1);
      if (rest !== 0 && !(rest === 2 && src.is(k + 1, '(') && src.is(k + 2, ')'))) continue;
      ctx.report({
        start: t[a.from].start, end: t[a.to - 1].end, messageId: 'paramiko', data: { policy: name.text },
        fixes: [{
          title: 'Use RejectPolicy (and load known hosts with load_system_host_keys())', applicability: 'unsafe',
          changes: [{ path: ctx.path, edits: [ctx.lines.edit(name.start, name.end, 'RejectPolicy')] }],
        }],
      });
    } else if (/(?:^|\.)(?:connect|connect_reverse|listen_reverse|create_connection|SSHClientConnectionOptions)$/.test(call.callee) && src.importsModule('asyncssh')) {
      const kh = src.kwarg(call, 'known_hosts');
      if (kh && src.literal(kh.from, kh.to)?.kind === 'none') ctx.report({ start: kh.start, end: kh.end, messageId: 'asyncssh' });
    }
  }
}

/** `func(hostname string, remote net.Addr, key ssh.PublicKey) error { return nil }`: a callback that accepts every key. */
const GO_ACCEPT_ALL = /\bfunc\s*\(\s*\w+\s*,?\s*(?:\w+\s+)?string\s*,\s*\w+\s+net\.Addr\s*,\s*\w+\s+ssh\.PublicKey\s*\)\s*error\s*\{\s*return\s+nil\s*;?\s*\}/g;

function checkGo(ctx: RuleContext): void {
  const { text } = ctx;
  const mask = codeMask(ctx);
  for (const m of text.matchAll(/\bssh\.InsecureIgnoreHostKey\b/g)) {
    const end = m.index + m[0].length;
    if (!isCode(mask, m.index, end)) continue;
    const open = nextSignificant(text, mask, end);
    const close = text[open] === '(' ? nextSignificant(text, mask, open + 1) : -1;
    ctx.report({ start: m.index, end: close >= 0 && text[close] === ')' ? close + 1 : end, messageId: 'goIgnore' });
  }
  // Comments inside the callback (`{ // TODO: check the key`) do not change what it does.
  let code = '';
  for (let i = 0; i < text.length; i++) code += mask[i] === COMMENT && text[i] !== '\n' ? ' ' : text[i];
  for (const m of code.matchAll(GO_ACCEPT_ALL)) {
    if (mask[m.index] !== CODE || mask[m.index + m[0].length - 1] !== CODE) continue;
    ctx.report({ start: m.index, end: m.index + m[0].length, messageId: 'goAcceptAll' });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'An SSH client accepts any server host key (paramiko AutoAddPolicy/WarningPolicy, asyncssh known_hosts=None, Go ssh.InsecureIgnoreHostKey).',
    severity: 'warning',
    cwe: 'CWE-322',
    fix: 'unsafe',
    messages: {
      paramiko: '{{policy}} accepts the host key of any server it has not seen before, so a man in the middle can impersonate it and capture the credentials',
      asyncssh: 'known_hosts=None turns off host key checking: a man in the middle can impersonate the server and capture the credentials',
      goIgnore: 'ssh.InsecureIgnoreHostKey() accepts any host key: a man in the middle can impersonate the server and capture the credentials',
      goAcceptAll: 'This HostKeyCallback returns nil for every key, so any server is trusted: a man in the middle can impersonate it',
    },
    help: `Check the server's host key against a known_hosts file or a pinned key (paramiko RejectPolicy with load_system_host_keys(), asyncssh known_hosts=path, golang.org/x/crypto/ssh/knownhosts or ssh.FixedHostKey). See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => (lang === 'python' || lang === 'go') && !isTestLikePath(path),
  check(ctx) {
    if (ctx.lang === 'python') {
      if (/AutoAddPolicy|WarningPolicy|known_hosts/.test(ctx.text)) checkPython(ctx);
    } else if (/InsecureIgnoreHostKey|ssh\.PublicKey/.test(ctx.text)) {
      checkGo(ctx);
    }
  },
});
