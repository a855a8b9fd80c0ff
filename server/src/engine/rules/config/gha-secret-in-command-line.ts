// config/gha-secret-in-command-line: `${{ secrets.X }}` written into the command line of curl/wget in a GitHub Actions run step.
import { getNode, isMap, isWorkflowFile, nodeRange, pairOf, scalarString, workflowSteps, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import type { YAMLMap } from 'yaml';

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

/** Edits that add `NAME: ${{ secrets.NAME }}` to the step's env (creating `env:` before `run:`), or undefined when unsure. */
function envEdit(ctx: RuleContext, step: YAMLMap, name: string): TextEdit | undefined {
  const eol = ctx.lines.eol;
  const entry = `${name}: \${{ secrets.${name} }}`;
  const env = getNode(step, 'env');
  if (env !== undefined) {
    if (!isMap(env) || env.flow) return undefined;
    const existing = scalarString(getNode(env, name));
    // Already mapped: only the command needs changing.
    if (existing !== undefined) return existing.replace(/\s+/g, '') === `\${{secrets.${name}}}` ? ctx.lines.edit(0, 0, '') : undefined;
    const last = env.items[env.items.length - 1];
    const kr = last && nodeRange(last.key as YamlNode);
    if (!kr) return undefined;
    const line = ctx.lines.positionAt(kr[0]).line;
    const indent = ctx.text.slice(ctx.lines.lineStart(line), kr[0]);
    if (indent.trim() !== '') return undefined;
    const at = ctx.lines.lineEnd(ctx.lines.positionAt((last.value as YamlNode | null)?.range?.[1] ?? kr[1]).line);
    return ctx.lines.edit(at, at, `${eol}${indent}${entry}`);
  }
  const runKey = pairOf(step, 'run')!.key as YamlNode;
  const kr = nodeRange(runKey)!;
  const ls = ctx.lines.lineStart(ctx.lines.positionAt(kr[0]).line);
  const indent = ctx.text.slice(ls, kr[0]);
  // `- run: …` as the step's first key: no line of its own to put env: before.
  if (indent.trim() !== '') return undefined;
  return ctx.lines.edit(ls, ls, `${indent}env:${eol}${indent}  ${entry}${eol}`);
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
          const add = /pwsh|powershell|cmd/i.test(shell) || inSingleQuotes(src, local) ? undefined : envEdit(ctx, step, name);
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
