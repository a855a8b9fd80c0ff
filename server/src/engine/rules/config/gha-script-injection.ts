// config/gha-script-injection: attacker-controlled GitHub context (issue and PR titles, bodies, branch names, commit messages) expanded straight into a run script or github-script.
import { getNode, isWorkflowFile, nodeRange, pairOf, scalarString, workflowEvents, workflowSteps, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import type { Fix } from '../../types';
import { stepEnvEdit } from './shared/gha';

const ID = 'config/gha-script-injection';

/** An element of an array (`[0]`, `.*`, or any key in between as Semgrep's `commits ... .message`). */
const IDX = String.raw`(?:\[[^\]]*\]|\.[\w*-]+)`;
/** Context values that anyone who can open an issue, comment or pull request (or name a branch) controls. */
const UNTRUSTED = new RegExp(String.raw`\bgithub\.(?:head_ref\b|event\.(?:` + [
  String.raw`issue\.(?:title|body)`,
  String.raw`pull_request\.(?:title|body|head\.(?:ref|label|repo\.(?:default_branch|description|homepage)))`,
  String.raw`(?:comment|review|review_comment|discussion_comment)\.body`,
  String.raw`discussion\.(?:title|body)`,
  `pages${IDX}\\.page_name`,
  String.raw`head_commit\.(?:message|(?:author|committer)\.(?:email|name))`,
  `commits${IDX}\\.(?:message|(?:author|committer)\\.(?:email|name))`,
  String.raw`workflow_run\.(?:head_branch|display_title|head_repository\.description|head_commit\.(?:message|(?:author|committer)\.(?:email|name))|pull_requests` + IDX + String.raw`\.head\.ref)`,
].join('|') + String.raw`)\b)`);
/** The events whose payload has each object: `github.event.issue` is empty in a pull_request_target run. */
const PAYLOAD_EVENTS: Record<string, string[]> = {
  issue: ['issues', 'issue_comment'],
  comment: ['issue_comment', 'commit_comment', 'pull_request_review_comment', 'discussion_comment'],
  review: ['pull_request_review'],
  pull_request: ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'],
  discussion: ['discussion', 'discussion_comment'],
  pages: ['gollum'],
  head_commit: ['push'],
  commits: ['push'],
  workflow_run: ['workflow_run'],
};

/** Whether a workflow with these triggers can have the payload `ref` reads (a reusable workflow gets its caller's). */
function definedFor(ref: string, events: Set<string>): boolean {
  const object = /^github\.event\.(\w+)/.exec(ref)?.[1];
  const on = object && PAYLOAD_EVENTS[object];
  if (!on || events.size === 0 || events.has('workflow_call')) return true;
  return on.some((e) => events.has(e));
}

const EXPR = /\$\{\{([^}]*(?:\}(?!\})[^}]*)*)\}\}/g;

/** `github.event.pull_request.title` -> `PR_TITLE`, `github.head_ref` -> `HEAD_REF`. */
function envName(ref: string): string {
  return ref.replace(/^github\.(?:event\.)?/, '').replace(/\bpull_request\b/g, 'pr').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
}

/** The quote (`"` or `'`) open at offset `i` of a shell script line, or ''. */
function openQuote(src: string, i: number): string {
  const lineStart = src.lastIndexOf('\n', i) + 1;
  let q = '';
  for (let k = lineStart; k < i; k++) {
    const c = src[k];
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && q === '"') k++;
    } else if (c === '\\') k++;
    else if (c === '"' || c === "'") q = c;
  }
  return q;
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A GitHub Actions run step or github-script expands attacker-controlled context (titles, bodies, branch names, commit messages) into its code.',
    severity: 'error',
    cwe: 'CWE-78',
    fix: 'unsafe',
    messages: {
      run: '${{ {{expr}} }} is pasted into the shell script before it runs: a title, body or branch name containing `"; curl … | sh #` runs commands with this job\'s token and secrets; pass it through env: and use "${{env}}"',
      script: '${{ {{expr}} }} is pasted into the github-script code before it runs: crafted text runs JavaScript with this job\'s token; pass it through env: and read process.env.{{env}}',
    },
    help:
      'Expressions in run: and github-script are substituted into the script text, so quotes in an issue title or a branch name become code. ' +
      `Map the value to an environment variable in the step's env: and use the variable, which the shell never re-parses. Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isWorkflowFile(path),
  check(ctx) {
    if (!ctx.text.includes('${{') || !UNTRUSTED.test(ctx.text)) return;
    const events = workflowEvents(ctx);
    for (const { job, step } of workflowSteps(ctx)) {
      const uses = scalarString(getNode(step, 'uses')) ?? '';
      const withNode = getNode(step, 'with');
      const script = /^actions\/github-script@/.test(uses) ? getNode(withNode, 'script') : undefined;
      const node = script ?? getNode(step, 'run');
      const r = node && nodeRange(node);
      const keyPair = script ? pairOf(withNode, 'script') : pairOf(step, 'run');
      if (!node || !r || !keyPair || scalarString(node) === undefined) continue;
      const shell = scalarString(getNode(step, 'shell')) ?? scalarString(getNode(getNode(getNode(job, 'defaults'), 'run'), 'shell')) ?? '';
      const windows = /windows/i.test(scalarString(getNode(job, 'runs-on')) ?? '');
      const posix = !script && (shell === '' ? !windows : /^(?:bash|sh)\b/.test(shell));
      const src = ctx.text.slice(r[0], r[1]);
      for (const m of src.matchAll(EXPR)) {
        const expr = m[1].trim();
        const ref = UNTRUSTED.exec(expr);
        if (!ref || !definedFor(ref[0], events)) continue;
        const start = r[0] + m.index;
        const end = start + m[0].length;
        const name = envName(ref[0]);
        const fixes: Fix[] = [];
        // Only a plain reference moves as is; `format(…)` or `a || b` needs rewriting by hand, and single quotes would not expand "$NAME".
        const quote = openQuote(src, m.index);
        if (posix && expr === ref[0] && quote !== "'") {
          const add = stepEnvEdit(ctx, step, keyPair.key as YamlNode, name, expr);
          if (add) {
            const edits = [ctx.lines.edit(start, end, quote === '"' ? `\${${name}}` : `"\${${name}}"`)];
            if (add.newText) edits.push(add);
            fixes.push({ title: `Pass ${expr} through env: ${name}`, applicability: 'unsafe', changes: [{ path: ctx.path, edits }] });
          }
        }
        ctx.report({ start, end, messageId: script ? 'script' : 'run', data: { expr, env: name }, fixes });
      }
    }
  },
});
