// config/docker-sudo: `sudo` run as a command in a Dockerfile RUN instruction.
import { dockerfile, runCommand } from '../../languages/dockerfile';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/docker-sudo';

/** `sudo` in command position: at the start, or after `&&`, `||`, `;`, `|`, `(`, a line break or then/do/else. */
const SUDO = /(?:^|&&|\|\||[;|(\n]|\b(?:then|do|else)\b)[ \t]*(sudo)(?=[ \t])/g;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'sudo used in a Dockerfile RUN instruction',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'none',
    messages: {
      sudo: 'sudo in RUN: run the step as root with USER root before it (and switch back after), rather than installing and using sudo',
    },
    help: `sudo in an image keeps a privilege-escalation path inside the running container and behaves unpredictably without a TTY. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dockerfile',
  check(ctx) {
    if (!ctx.text.includes('sudo')) return;
    for (const ins of dockerfile(ctx).instructions) {
      // `ONBUILD RUN sudo …` runs in every image built FROM this one.
      const onbuild = ins.name === 'ONBUILD' ? /^RUN\s+/i.exec(ins.args) : null;
      if (ins.name !== 'RUN' && !onbuild) continue;
      const cmd = onbuild
        ? runCommand({ ...ins, args: ins.args.slice(onbuild[0].length), argsStart: ins.argsStart + onbuild[0].length })
        : runCommand(ins);
      for (const m of cmd.text.matchAll(SUDO)) {
        const at = cmd.at + m.index + m[0].length - 4;
        ctx.report({ start: at, end: at + 4, messageId: 'sudo' });
      }
    }
  },
});
