// config/gha-pull-request-target-checkout: a pull_request_target workflow checks out the pull request's code.
import { getNode, isWorkflowFile, nodeRange, scalarString, workflowEvents, workflowSteps } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/gha-pull-request-target-checkout';

const HEAD = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|refs\/pull\//;
/** Jobs limited to pull requests from the repository itself (not forks) are not reachable by outsiders. */
const SAME_REPO_GUARD = /head\.repo\.full_name\s*==|==\s*github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s*==\s*false|!\s*github\.event\.pull_request\.head\.repo\.fork/;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A pull_request_target workflow checks out and may run untrusted pull request code',
    severity: 'error',
    cwe: 'CWE-829',
    fix: 'none',
    messages: {
      checkout: 'pull_request_target checks out the pull request head ({{ref}}): code from any fork then runs with this repository\'s secrets and a write token',
    },
    help: `pull_request_target runs in the base repository's context. Use pull_request for building untrusted code, or split into a pull_request build and a workflow_run job that only consumes artifacts. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isWorkflowFile(path),
  check(ctx) {
    if (!ctx.text.includes('pull_request_target') || !workflowEvents(ctx).has('pull_request_target')) return;
    for (const { job, step } of workflowSteps(ctx)) {
      if (!/^actions\/checkout@/.test(scalarString(getNode(step, 'uses')) ?? '')) continue;
      const guard = `${scalarString(getNode(job, 'if')) ?? ''} ${scalarString(getNode(step, 'if')) ?? ''}`;
      if (SAME_REPO_GUARD.test(guard)) continue;
      const ref = getNode(getNode(step, 'with'), 'ref');
      const value = scalarString(ref);
      const r = ref && nodeRange(ref);
      if (!value || !r || !HEAD.test(value)) continue;
      ctx.report({ start: r[0], end: r[1], messageId: 'checkout', data: { ref: value.replace(/\$\{\{\s*|\s*\}\}/g, '') } });
    }
  },
});
