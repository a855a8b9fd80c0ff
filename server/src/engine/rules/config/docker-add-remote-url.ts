// config/docker-add-remote-url: `ADD https://…` downloads into the image without a checksum.
import { dockerfile } from '../../languages/dockerfile';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/docker-add-remote-url';

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'ADD fetches a remote URL into the image without verifying its checksum',
    severity: 'warning',
    cwe: 'CWE-494',
    fix: 'none',
    messages: {
      remote: 'ADD downloads {{url}} without checking what it got; use ADD --checksum=sha256:… or curl with a checksum check in RUN',
    },
    help: `A remote file fetched at build time can change between builds (or be replaced by an attacker) and nothing checks it. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dockerfile',
  check(ctx) {
    for (const ins of dockerfile(ctx).instructions) {
      if (ins.name !== 'ADD' || /(?:^|\s)--checksum=/.test(ins.args)) continue;
      for (const m of ins.args.matchAll(/(?<=^|[\s"[,])https?:\/\/[^\s"',\]]+/g)) {
        // A git source is pinned by its ref (`repo.git#v1.2.3`) and checked out by git.
        if (/\.git(?:#|$)/.test(m[0])) continue;
        const start = ins.argsStart + m.index;
        ctx.report({ start, end: start + m[0].length, messageId: 'remote', data: { url: m[0].length > 80 ? m[0].slice(0, 77) + '...' : m[0] } });
      }
    }
  },
});
