// GitHub Actions workflow steps: moving an expression out of a script into the step's env.
import type { YAMLMap } from 'yaml';
import { getNode, isMap, nodeRange, scalarString, type YamlNode } from '../../../languages/yaml';
import type { RuleContext } from '../../../rule';
import type { TextEdit } from '../../../types';

/**
 * The edit adding `name: ${{ expr }}` to the step's env (creating `env:` on the line before `scriptKey`), an empty edit
 * when the same entry is there, or undefined when unsure (a flow or non-map env, a clashing entry, `- run:` as the step's
 * first key).
 */
export function stepEnvEdit(ctx: RuleContext, step: YAMLMap, scriptKey: YamlNode, name: string, expr: string): TextEdit | undefined {
  const eol = ctx.lines.eol;
  const entry = `${name}: \${{ ${expr} }}`;
  const env = getNode(step, 'env');
  if (env !== undefined) {
    if (!isMap(env) || env.flow) return undefined;
    const existing = scalarString(getNode(env, name));
    // Already mapped: only the script needs changing.
    if (existing !== undefined) return existing.replace(/\s+/g, '') === `\${{${expr}}}` ? ctx.lines.edit(0, 0, '') : undefined;
    const last = env.items[env.items.length - 1];
    const kr = last && nodeRange(last.key as YamlNode);
    if (!kr) return undefined;
    const indent = ctx.text.slice(ctx.lines.lineStart(ctx.lines.positionAt(kr[0]).line), kr[0]);
    if (indent.trim() !== '') return undefined;
    const at = ctx.lines.lineEnd(ctx.lines.positionAt((last.value as YamlNode | null)?.range?.[1] ?? kr[1]).line);
    return ctx.lines.edit(at, at, `${eol}${indent}${entry}`);
  }
  const kr = nodeRange(scriptKey)!;
  const ls = ctx.lines.lineStart(ctx.lines.positionAt(kr[0]).line);
  const indent = ctx.text.slice(ls, kr[0]);
  // `- run: …` as the step's first key: no line of its own to put env: before.
  if (indent.trim() !== '') return undefined;
  return ctx.lines.edit(ls, ls, `${indent}env:${eol}${indent}  ${entry}${eol}`);
}
