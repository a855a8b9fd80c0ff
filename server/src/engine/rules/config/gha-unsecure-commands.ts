// config/gha-unsecure-commands: GitHub Actions workflows turning the deprecated set-env/add-path log commands back on (ACTIONS_ALLOW_UNSECURE_COMMANDS).
import { entries, getNode, isWorkflowFile, nodeRange, scalarString, workflowSteps, yamlDocs, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl, type RuleContext } from '../../rule';

const ID = 'config/gha-unsecure-commands';
const NAME = 'ACTIONS_ALLOW_UNSECURE_COMMANDS';
/** `echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=true" >> $GITHUB_ENV` in a script. */
const IN_SCRIPT = new RegExp(`\\b${NAME}=["']?true\\b`, 'g');

function checkEnv(ctx: RuleContext, env: unknown, where: string): void {
  for (const [name, pair] of entries(env)) {
    if (name !== NAME) continue;
    const v = pair.value as YamlNode | null;
    if (!/^true$/i.test(scalarString(v)?.trim() ?? '')) continue;
    const kr = nodeRange(pair.key as YamlNode);
    const vr = v && nodeRange(v);
    if (!kr || !vr) continue;
    const quoted = /^["']/.test(ctx.text.slice(vr[0], vr[1]));
    ctx.report({
      start: kr[0], end: vr[1], messageId: 'env', data: { where },
      fixes: [{
        title: `Set ${NAME} to false`, applicability: 'unsafe',
        changes: [{ path: ctx.path, edits: [ctx.lines.edit(quoted ? vr[0] + 1 : vr[0], quoted ? vr[1] - 1 : vr[1], 'false')] }],
      }],
    });
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A GitHub Actions workflow re-enables the deprecated set-env and add-path commands (ACTIONS_ALLOW_UNSECURE_COMMANDS).',
    severity: 'error',
    cwe: 'CWE-77',
    fix: 'unsafe',
    messages: {
      env: `${NAME}: true in the {{where}} env re-enables ::set-env:: and ::add-path::, so any text this job prints (a PR title, a test's output) can set PATH or NODE_OPTIONS and run code`,
      script: `Writing ${NAME}=true to the environment re-enables ::set-env:: and ::add-path:: for the rest of the job, so printed text can run code`,
    },
    help: `GitHub disabled these log commands because printed output could inject environment variables. Write to $GITHUB_ENV and $GITHUB_PATH instead. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isWorkflowFile(path),
  check(ctx) {
    if (!ctx.text.includes(NAME)) return;
    for (const doc of yamlDocs(ctx)) {
      checkEnv(ctx, getNode(doc, 'env'), 'workflow');
      for (const [, pair] of entries(getNode(doc, 'jobs'))) checkEnv(ctx, getNode(pair.value, 'env'), 'job');
    }
    for (const { step } of workflowSteps(ctx)) {
      checkEnv(ctx, getNode(step, 'env'), 'step');
      const run = getNode(step, 'run');
      const r = run && nodeRange(run);
      if (!r || scalarString(run) === undefined) continue;
      for (const m of ctx.text.slice(r[0], r[1]).matchAll(IN_SCRIPT)) {
        ctx.report({ start: r[0] + m.index, end: r[0] + m.index + m[0].length, messageId: 'script' });
      }
    }
  },
});
