// config/gha-secret-in-command-line: `${{ secrets.X }}` written into the command line of curl/wget in a GitHub Actions run step.
import { getNode, isWorkflowFile, nodeRange, pairOf, scalarString, workflowSteps, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';
import type { Fix } from '../../types';
import { stepEnvEdit } from './shared/gha';

const ID = 'config/gha-secret-in-command-line';

const SECRET_EXPR = /\$\{\{\s*secrets\.([A-Za-z_][\w]*)\s*\}\}/g;
/** curl/wget/http in command position, with the rest of its command (continuation lines included). */
const TOOL = /(?:^|&&|\|\||;|\||\$\(|\bthen\b|\bdo\b)[ \t]*(curl|wget|http|https)[ \t](?:\\\r?\n|[^;&|\n])*/gm;

/** Whether offset `i` of a shell line is inside single quotes (where `$T` would not expand). */
function inSingleQuotes(src: string, i: number): boolean {
  const lineStart = src.lastIndexOf('\n', i) + 1;
  let q = '';
  for (let k = lineStart; k < i; k++) {
    const c = src[k];
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && q === '"') k++;
    } else if (c === '"' || c === "'") q = c;
  }
  return q === "'";
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A GitHub Actions step passes a secret on the command line of curl or wget',
    severity: 'warning',
    cwe: 'CWE-214',
    fix: 'unsafe',
    messages: {
      commandLine: 'secrets.{{name}} is written into the {{tool}} command line, where other processes, set -x and error output can see it; pass it through env: and use "${{env}}"',
    },
    help: `Command-line arguments are visible to every process on the runner and end up in traces and error messages. Map the secret to an environment variable in the step's env: and reference it as "$NAME". See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isWorkflowFile(path),
  check(ctx) {
    if (!ctx.text.includes('secrets.')) return;
    for (const { step } of workflowSteps(ctx)) {
      const run = getNode(step, 'run');
      const r = run && nodeRange(run);
      if (!r || scalarString(run) === undefined) continue;
      const shell = scalarString(getNode(step, 'shell')) ?? '';
      const src = ctx.text.slice(r[0], r[1]);
      for (const m of src.matchAll(TOOL)) {
        for (const s of m[0].matchAll(SECRET_EXPR)) {
          const local = m.index + s.index;
          const start = r[0] + local;
          const name = s[1];
          const fixes: Fix[] = [];
          const add = /pwsh|powershell|cmd/i.test(shell) || inSingleQuotes(src, local) ? undefined : stepEnvEdit(ctx, step, pairOf(step, 'run')!.key as YamlNode, name, `secrets.${name}`);
          if (add) {
            const edits = [ctx.lines.edit(start, start + s[0].length, `\${${name}}`)];
            if (add.newText) edits.push(add);
            fixes.push({ title: `Pass secrets.${name} through env: ${name}`, applicability: 'unsafe', changes: [{ path: ctx.path, edits }] });
          }
          ctx.report({ start, end: start + s[0].length, messageId: 'commandLine', data: { name, tool: m[1], env: name }, fixes });
        }
      }
    }
  },
});
