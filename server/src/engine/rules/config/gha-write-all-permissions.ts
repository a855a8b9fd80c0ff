// config/gha-write-all-permissions: GitHub Actions workflows or jobs granting the GITHUB_TOKEN write access to everything (`permissions: write-all`).
import { entries, getNode, isWorkflowFile, nodeRange, pairOf, scalarString, yamlDocs, type Pair, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl, type RuleContext } from '../../rule';

const ID = 'config/gha-write-all-permissions';

function check(ctx: RuleContext, pair: Pair | undefined, where: string): void {
  const v = pair?.value as YamlNode | null | undefined;
  if (!pair || !v || scalarString(v)?.trim() !== 'write-all') return;
  const kr = nodeRange(pair.key as YamlNode);
  const vr = nodeRange(v);
  if (!kr || !vr) return;
  const quoted = /^["']/.test(ctx.text.slice(vr[0], vr[1]));
  ctx.report({
    start: kr[0], end: vr[1], messageId: 'writeAll', data: { where },
    fixes: [{
      title: 'Use permissions: read-all (then grant the writes the job needs)', applicability: 'unsafe',
      changes: [{ path: ctx.path, edits: [ctx.lines.edit(quoted ? vr[0] + 1 : vr[0], quoted ? vr[1] - 1 : vr[1], 'read-all')] }],
    }],
  });
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A GitHub Actions workflow or job gives its GITHUB_TOKEN write access to every scope (permissions: write-all).',
    severity: 'warning',
    cwe: 'CWE-250',
    fix: 'unsafe',
    messages: {
      writeAll: 'permissions: write-all gives the {{where}} token write access to code, releases, packages, workflows and settings: a compromised step or dependency can push code or publish releases',
    },
    help: `Grant the least the job needs: start from permissions: {} or contents: read at the top and add the individual write scopes per job. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isWorkflowFile(path),
  check(ctx) {
    if (!ctx.text.includes('write-all')) return;
    for (const doc of yamlDocs(ctx)) {
      check(ctx, pairOf(doc, 'permissions'), 'workflow');
      for (const [name, job] of entries(getNode(doc, 'jobs'))) check(ctx, pairOf(job.value, 'permissions'), `${name} job`);
    }
  },
});
