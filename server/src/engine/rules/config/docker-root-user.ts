// config/docker-root-user: the image's final stage runs its own CMD/ENTRYPOINT as root (no USER, or USER root/0).
import { baseStage, dockerfile, lastUser, type Instruction, type Stage } from '../../languages/dockerfile';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';

const ID = 'config/docker-root-user';

/**
 * Base images that already switch to a non-root user: distroless and Chainguard `nonroot`, Bitnami, the
 * `-unprivileged`/`-rootless` variants and a few well-known ones.
 */
const NON_ROOT_BASE = /(?:^|\/)distroless\/[^:@]+[:@-]?.*nonroot|[:-]nonroot\b|^cgr\.dev\/chainguard\/|(?:^|\/)bitnami\/|-unprivileged(?::|$)|-rootless\b|^(?:docker\.io\/)?(?:jenkins\/jenkins|grafana\/grafana|prom\/[\w-]+|sonarqube|gitea\/gitea)(?::|@|$)/i;
const ROOT = /^(?:root|0)(?::.*)?$/i;

function userNamed(image: string): string {
  const bare = image.toLowerCase().replace(/^docker\.io\/(?:library\/)?/, '');
  if (/^node(?::|@|$)/.test(bare)) return 'node';
  // scratch has no /etc/passwd: only a numeric user works there.
  if (bare === 'scratch') return '65534';
  return 'nobody';
}

/** The user a stage ends with, following `FROM <earlier stage>`: a name, `root`, or `base` when the base image decides. */
function effectiveUser(ctx: RuleContext, stage: Stage, seen = new Set<Stage>()): { user: string; ins?: Instruction; image: string } {
  const last = lastUser(stage);
  if (last) return { user: last.user, ins: last.ins, image: stage.image };
  const df = dockerfile(ctx);
  const base = seen.has(stage) ? undefined : baseStage(df, stage);
  if (base) return effectiveUser(ctx, base, seen.add(stage));
  return { user: NON_ROOT_BASE.test(stage.image) ? 'base' : 'root', image: stage.image };
}

/** Tools an entrypoint uses to step down from root to the service's own user before it execs the server. */
const STEP_DOWN = /(?:^|[\s"'/;&|(])(?:gosu|su-exec|setpriv|runuser|s6-setuidgid|chpst\s+-u|chroot\s+--userspec)(?=[\s"',;&|)]|$)/;

/** The stage and the earlier stages it is built FROM, nearest first. */
function stageChain(ctx: RuleContext, stage: Stage): Stage[] {
  const df = dockerfile(ctx);
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = baseStage(df, s)) chain.push(s);
  return chain;
}

/**
 * Whether the image starts as root only to step down: the CMD/ENTRYPOINT calls gosu/su-exec/setpriv itself, or a
 * stage it runs installs or tries such a tool and an ENTRYPOINT script (which the Dockerfile cannot show) runs
 * first; the official postgres, redis and mysql images work this way.
 */
function stepsDown(ctx: RuleContext, stage: Stage): boolean {
  const ins = stageChain(ctx, stage).flatMap((s) => s.instructions);
  const runs = ins.filter((i) => i.name === 'CMD' || i.name === 'ENTRYPOINT');
  if (runs.some((i) => STEP_DOWN.test(i.args))) return true;
  return ins.some((i) => i.name === 'ENTRYPOINT') && ins.some((i) => i.name === 'RUN' && STEP_DOWN.test(i.args));
}

function firstLineEnd(ctx: RuleContext, ins: Instruction): number {
  return Math.min(ins.end, ctx.lines.lineEnd(ins.line));
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'The final stage of a Dockerfile runs its process as root',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'unsafe',
    messages: {
      explicitRoot: 'The image ends with USER {{user}}: the container process runs as root; switch to a non-root user',
      noUser: 'No USER in the final stage: {{keyword}} runs as root; add a non-root USER before it',
    },
    help: `A process running as root in a container turns any code-execution bug into root inside the container and makes a container escape far more damaging. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang }) => lang === 'dockerfile',
  check(ctx) {
    const df = dockerfile(ctx);
    const final = df.stages[df.stages.length - 1];
    if (!final) return;
    const { user, ins, image } = effectiveUser(ctx, final);
    if (!ROOT.test(user)) return;
    const name = userNamed(image);
    // An explicit USER root in this stage, or in the earlier stage it is built FROM, is what the image keeps.
    if (ins) {
      const at = ins.argsStart + ins.args.indexOf(user);
      // Inherited from a build stage whose later steps may need root: switch users in the final stage instead.
      const after = final.from.end;
      const edit = final.instructions.includes(ins)
        ? ctx.lines.edit(at, at + user.length, name)
        : ctx.lines.edit(after, after, `${ctx.lines.eol}USER ${name}`);
      const fix: Fix = {
        title: final.instructions.includes(ins) ? `Run as ${name} instead of ${user}` : `Add USER ${name} to the final stage`,
        applicability: 'unsafe',
        changes: [{ path: ctx.path, edits: [edit] }],
      };
      ctx.report({ start: ins.start, end: firstLineEnd(ctx, ins), messageId: 'explicitRoot', data: { user }, fixes: [fix] });
      return;
    }
    // Only the stage's own process counts: without CMD/ENTRYPOINT the base image's entrypoint decides (and the
    // official postgres, nginx or redis images drop privileges themselves).
    const runs = final.instructions.filter((i) => i.name === 'CMD' || i.name === 'ENTRYPOINT');
    if (runs.length === 0 || stepsDown(ctx, final)) return;
    const first = runs[0];
    const ls = ctx.lines.lineStart(first.line);
    const indent = ctx.text.slice(ls, first.start);
    const fix: Fix = {
      title: `Add USER ${name} before ${first.name}`,
      applicability: 'unsafe',
      changes: [{ path: ctx.path, edits: [ctx.lines.edit(ls, ls, `${indent}USER ${name}${ctx.lines.eol}`)] }],
    };
    const last = runs[runs.length - 1];
    ctx.report({ start: last.start, end: firstLineEnd(ctx, last), messageId: 'noUser', data: { keyword: last.name }, fixes: [fix] });
  },
});
