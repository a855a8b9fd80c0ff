// Parses YAML once per file (compose files, GitHub workflows) with the `yaml` package, mapping nodes to offsets.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { RuleContext } from '../rule';
import { basename } from './detect';

export type { YamlNode, Pair, YAMLMap };
export { isMap, isPair, isScalar, isSeq };

/** The documents of a file; parse errors keep whatever parsed before them. Never throws. */
export function yamlDocs(ctx: Pick<RuleContext, 'memo' | 'text'>): YamlNode[] {
  return ctx.memo('yaml', (): YamlNode[] => {
    try {
      const docs = parseAllDocuments(ctx.text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
      const out: YamlNode[] = [];
      if (Array.isArray(docs)) for (const d of docs) if (d.contents) out.push(d.contents as YamlNode);
      return out;
    } catch {
      return [];
    }
  });
}

/** `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yaml`, `compose.override.yml`. */
export function isComposeFile(path: string): boolean {
  return /^(?:docker-)?compose(?:[.\-_][\w.-]*)?\.ya?ml$/i.test(basename(path));
}

/** `.github/workflows/*.yml` (also in a subfolder of the workspace). */
export function isWorkflowFile(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}

/** The pair of `map` whose scalar key is `key`. */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** The value node of `map[key]`. */
export function getNode(map: unknown, key: string): YamlNode | undefined {
  const v = pairOf(map, key)?.value;
  return v === null ? undefined : (v as YamlNode | undefined);
}

/** A scalar's value as a string (numbers and booleans as written), or undefined for other nodes. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return node.source ?? String(v);
}

/** Offsets of a node as written (start, end of its value). */
export function nodeRange(node: { range?: [number, number, number] | null }): [number, number] | undefined {
  const r = node.range;
  return r ? [r[0], r[1]] : undefined;
}

/** The pairs of a mapping whose keys are scalars, as `[key, pair]`. */
export function entries(map: unknown): [string, Pair][] {
  if (!isMap(map)) return [];
  return map.items.filter((p) => isScalar(p.key)).map((p) => [String((p.key as { value: unknown }).value), p]);
}

/**
 * Compose/Actions `environment:`/`env:` as `{ name, value, start, end }` for both forms: a mapping
 * (`KEY: value`) and a list (`- KEY=value`); offsets are those of the value as written (inside quotes for a
 * mapping value). A list item without `=` (passed through from the host) has no value.
 */
export function envEntries(node: unknown, text: string): { name: string; value: string | undefined; start: number; end: number; nameStart: number; node: YamlNode }[] {
  const out: ReturnType<typeof envEntries> = [];
  if (isMap(node)) {
    for (const [name, pair] of entries(node)) {
      const v = pair.value as YamlNode | null;
      const keyRange = nodeRange(pair.key as YamlNode)!;
      // `KEY:` and `KEY: null` have no value (compose passes the host's value through).
      if (v === null || v === undefined || (isScalar(v) && v.value === null)) {
        out.push({ name, value: undefined, start: keyRange[1], end: keyRange[1], nameStart: keyRange[0], node: pair.key as YamlNode });
        continue;
      }
      const s = scalarString(v);
      const r = nodeRange(v);
      if (s === undefined || !r) continue;
      const quoted = isScalar(v) && (v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE');
      out.push({ name, value: s, start: quoted ? r[0] + 1 : r[0], end: quoted ? r[1] - 1 : r[1], nameStart: keyRange[0], node: v });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const s = scalarString(item);
      const r = nodeRange(item as YamlNode);
      if (s === undefined || !r) continue;
      const eq = s.indexOf('=');
      const name = eq < 0 ? s : s.slice(0, eq);
      if (!/^[A-Za-z_][\w.-]*$/.test(name)) continue;
      if (eq < 0) {
        out.push({ name, value: undefined, start: r[1], end: r[1], nameStart: r[0], node: item as YamlNode });
        continue;
      }
      // Find the value in the source, which may be quoted as a whole (`- "KEY=value"`).
      const src = text.slice(r[0], r[1]);
      const at = src.indexOf('=');
      const quoted = src[0] === '"' || src[0] === "'";
      const valueStart = r[0] + at + 1;
      const valueEnd = quoted ? r[1] - 1 : r[1];
      out.push({ name, value: s.slice(eq + 1), start: valueStart, end: Math.max(valueStart, valueEnd), nameStart: r[0] + (quoted ? 1 : 0), node: item as YamlNode });
    }
  }
  return out;
}

/** Compose `services:` as `[name, serviceMap]`. */
export function composeServices(ctx: Pick<RuleContext, 'memo' | 'text'>): [string, YAMLMap][] {
  const out: [string, YAMLMap][] = [];
  for (const doc of yamlDocs(ctx)) {
    for (const [name, pair] of entries(getNode(doc, 'services'))) if (isMap(pair.value)) out.push([name, pair.value]);
  }
  return out;
}

export interface WorkflowStep {
  jobName: string;
  job: YAMLMap;
  step: YAMLMap;
}

/** GitHub Actions `jobs.*.steps[*]` of every document. */
export function workflowSteps(ctx: Pick<RuleContext, 'memo' | 'text'>): WorkflowStep[] {
  const out: WorkflowStep[] = [];
  for (const doc of yamlDocs(ctx)) {
    for (const [jobName, pair] of entries(getNode(doc, 'jobs'))) {
      if (!isMap(pair.value)) continue;
      const steps = getNode(pair.value, 'steps');
      if (isSeq(steps)) for (const s of steps.items) if (isMap(s)) out.push({ jobName, job: pair.value, step: s });
    }
  }
  return out;
}

/** The events a workflow's `on:` lists (string, list or mapping form). */
export function workflowEvents(ctx: Pick<RuleContext, 'memo' | 'text'>): Set<string> {
  const events = new Set<string>();
  for (const doc of yamlDocs(ctx)) {
    const on = getNode(doc, 'on') ?? getNode(doc, 'true');
    const s = scalarString(on);
    if (s) events.add(s);
    if (isSeq(on)) for (const i of on.items) events.add(scalarString(i) ?? '');
    for (const [name] of entries(on)) events.add(name);
  }
  return events;
}
