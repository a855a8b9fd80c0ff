// config/docker-secret-build-arg: secret-named ARG (and ENV copied from one) in the shipped stages, where image history keeps the value.
import { dockerfile, shippedStages, type Instruction } from '../../languages/dockerfile';
import { defineRule, docsUrl } from '../../rule';
import { looksLikeSecret, secretKind } from '../secret/heuristics';

const ID = 'config/docker-secret-build-arg';

const PAIR = /(?<=^|\s)([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s"'\\]|\\.)*)/g;

/** `NAME=value` pairs of an ARG or ENV instruction (also the legacy `ENV NAME value`), with the name's offset. */
function pairs(ins: Instruction): { name: string; value: string | undefined; at: number }[] {
  const out: { name: string; value: string | undefined; at: number }[] = [];
  const legacy = ins.name === 'ENV' ? /^([A-Za-z_][\w.-]*)\s+(?!\S*=)(\S.*)$/s.exec(ins.args.trim()) : null;
  if (legacy) return [{ name: legacy[1], value: legacy[2].trim(), at: ins.argsStart + ins.args.indexOf(legacy[1]) }];
  for (const m of ins.args.matchAll(PAIR)) out.push({ name: m[1], value: m[2].replace(/^(["'])(.*)\1$/s, '$2'), at: ins.argsStart + m.index });
  if (ins.name === 'ARG') {
    // Bare names (no default), looked for outside the NAME=value pairs: the words of a quoted default are not names.
    const rest = ins.args.replace(PAIR, (m) => ' '.repeat(m.length));
    for (const m of rest.matchAll(/(?<=^|\s)([A-Za-z_][\w.-]*)(?=\s|$)/g)) out.push({ name: m[1], value: undefined, at: ins.argsStart + m.index });
  }
  return out;
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A secret passed as a Docker build argument or baked into the image environment',
    severity: 'warning',
    cwe: 'CWE-538',
    fix: 'none',
    messages: {
      arg: 'ARG {{name}}: build arguments are recorded in the image history (docker history); mount the secret with RUN --mount=type=secret instead',
      env: 'ENV {{name}} copies a secret into the image configuration, visible to anyone who can pull the image; pass it at run time instead',
    },
    help: `Build arguments and ENV values of the final image are stored in its metadata and history, so everyone who can pull the image can read them. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dockerfile',
  check(ctx) {
    // Builder stages are not shipped: their ARGs never reach the final image's history.
    for (const stage of shippedStages(dockerfile(ctx))) {
      for (const ins of stage.instructions) {
        if (ins.name !== 'ARG' && ins.name !== 'ENV') continue;
        for (const p of pairs(ins)) {
          const kind = secretKind(p.name);
          if (!kind || kind === 'authorization') continue;
          if (ins.name === 'ARG') {
            // A literal secret default is secret/generic-secret's finding; reporting it here too would say the same twice.
            if (p.value && looksLikeSecret(p.value, kind, { key: p.name })) continue;
            ctx.report({ start: p.at, end: p.at + p.name.length, messageId: 'arg', data: { name: p.name } });
          } else if (p.value && /^\$\{?[A-Za-z_]\w*(?::?[-+?][^}]*)?\}?$/.test(p.value)) {
            // Literal ENV values belong to secret/generic-secret (real secrets) and config/default-password (defaults).
            ctx.report({ start: p.at, end: p.at + p.name.length, messageId: 'env', data: { name: p.name } });
          }
        }
      }
    }
  },
});
