// config/gha-secret-echoed: GitHub Actions run steps that print secrets to the log (echo/printf/cat <<<, set -x with secrets).
import { entries, getNode, isWorkflowFile, nodeRange, scalarString, workflowSteps, type YamlNode } from '../../languages/yaml';
import { defineRule, docsUrl } from '../../rule';

const ID = 'config/gha-secret-echoed';

const SECRET_EXPR = /\$\{\{\s*secrets\.([\w-]+)\s*\}\}/g;
/** echo/printf/cat <<< in command position, up to the end of the simple command. */
const PRINT = /(?:^|&&|\|\||;|\bthen\b|\bdo\b|\belse\b)[ \t]*(echo\b|printf\b|cat[ \t]+<<<)([^;&|\n]*)(\|(?!\|))?/gm;
const XTRACE = /(?:^|[;&|][ \t]*)[ \t]*(set[ \t]+(?:-[a-wyz]*x[a-z]*|-o[ \t]+xtrace))\b/m;

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'A GitHub Actions step prints a secret to the build log',
    severity: 'error',
    cwe: 'CWE-532',
    fix: 'none',
    messages: {
      printed: '{{command}} prints secrets.{{name}} to the build log; log masking misses encoded, split or transformed values',
      xtrace: 'set -x traces every command with its arguments expanded, including the secrets this step uses',
    },
    help: `Workflow logs are readable by everyone with read access to the repository (everyone, for a public one), and masking only hides exact matches. See ${docsUrl(ID)}`,
  },
  appliesTo: ({ path, lang }) => lang === 'yaml' && isWorkflowFile(path),
  check(ctx) {
    if (!ctx.text.includes('secrets.')) return;
    for (const { job, step } of workflowSteps(ctx)) {
      const run = getNode(step, 'run');
      const r = run && nodeRange(run);
      if (!r || scalarString(run) === undefined) continue;
      const src = ctx.text.slice(r[0], r[1]);
      for (const m of src.matchAll(PRINT)) {
        // Piped into a command (`| docker login --password-stdin`) or redirected to a file: not printed.
        if (m[3] || m[2].includes('>') || m[2].includes('::add-mask::')) continue;
        const argsAt = m.index + m[0].length - (m[3]?.length ?? 0) - m[2].length;
        for (const s of m[2].matchAll(SECRET_EXPR)) {
          const start = r[0] + argsAt + s.index;
          ctx.report({ start, end: start + s[0].length, messageId: 'printed', data: { command: m[1].replace(/\s+/g, ' '), name: s[1] } });
        }
      }
      const x = XTRACE.exec(src);
      if (!x) continue;
      const envSecrets = [getNode(step, 'env'), getNode(job, 'env')].some((env) => entries(env).some(([, p]) => (scalarString(p.value as YamlNode) ?? '').includes('secrets.')));
      if (!envSecrets && !/\$\{\{\s*secrets\./.test(src)) continue;
      const start = r[0] + x.index + x[0].length - x[1].length;
      ctx.report({ start, end: start + x[1].length, messageId: 'xtrace' });
    }
  },
});
