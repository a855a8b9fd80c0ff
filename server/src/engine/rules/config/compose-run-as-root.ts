// config/compose-run-as-root: a compose service that sets its user to root (`user: root`, `user: "0"`, `user: "0:0"`).
import { composeServices, isComposeFile, nodeRange, pairOf, scalarString, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/compose-run-as-root';

/** root by name or uid, with or without a group. */
const ROOT = /^(?:root|0)(?::[\w-]+)?$/;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A compose service sets its user to root, overriding the non-root user its image may declare',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'none',
    messages: {
      root: 'Service {{service}} runs as root (user: {{user}}): a compromise of the process is root in the container, one step from the host',
    },
    help:
      'An explicit `user: root` overrides the unprivileged USER an image declares. Run the service as a non-root uid (`user: "1000:1000"`) ' +
      `and give it only the files and capabilities it needs. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isComposeFile(path),
  check(ctx) {
    if (!/^\s*user\s*:/m.test(ctx.text)) return;
    for (const [service, svc] of composeServices(ctx)) {
      const pair = pairOf(svc, 'user');
      const value = pair?.value as YamlNode | undefined;
      const user = scalarString(value)?.trim();
      if (!pair || !value || !user || !ROOT.test(user)) continue;
      const kr = nodeRange(pair.key as YamlNode);
      const vr = nodeRange(value);
      if (!kr || !vr) continue;
      ctx.report({ start: kr[0], end: vr[1], messageId: 'root', data: { service, user } });
    }
  },
});
