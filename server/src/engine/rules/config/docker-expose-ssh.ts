// config/docker-expose-ssh: the final image EXPOSEs port 22 (an SSH server inside the container).
import { dockerfile, shippedStages } from '../../languages/dockerfile';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/docker-expose-ssh';

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'The image exposes SSH (port 22)',
    severity: 'warning',
    cwe: 'CWE-284',
    fix: 'none',
    messages: {
      ssh: 'EXPOSE 22: the image runs an SSH server; use docker exec / kubectl exec to get a shell instead',
    },
    help: `An SSH daemon in a container is one more network service with credentials to manage and patch. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dockerfile',
  check(ctx) {
    for (const stage of shippedStages(dockerfile(ctx))) {
      for (const ins of stage.instructions) {
        if (ins.name !== 'EXPOSE') continue;
        for (const m of ins.args.matchAll(/(?<=^|\s)22(?:\/tcp)?(?=\s|$)/g)) {
          const start = ins.argsStart + m.index;
          ctx.report({ start, end: start + m[0].length, messageId: 'ssh' });
        }
      }
    }
  },
});
