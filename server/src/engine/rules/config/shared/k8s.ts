// Kubernetes manifests: pod specs (in Pods, Deployments, Jobs, CronJobs, Lists and any resource that embeds one) and their containers.
import { parseAllDocuments } from 'yaml';
import { entries, getNode, isMap, isSeq, scalarString, yamlDocs, type YAMLMap, type YamlNode } from '../../../languages/yaml';
import type { RuleContext } from '../../../rule';

export interface K8sContainer {
  name: string;
  map: YAMLMap;
}

export interface PodSpec {
  /** The resource's `kind` and `metadata.name`, for messages. */
  kind: string;
  name: string;
  spec: YAMLMap;
  containers: K8sContainer[];
}

const CONTAINER_KEYS = ['containers', 'initContainers', 'ephemeralContainers'];

/** A YAML document that is a Kubernetes object: a mapping with `apiVersion` and `kind`. */
function isK8sObject(doc: unknown): doc is YAMLMap {
  return isMap(doc) && scalarString(getNode(doc, 'apiVersion')) !== undefined && scalarString(getNode(doc, 'kind')) !== undefined;
}

/** Every pod spec of the file's Kubernetes objects: a mapping with a `containers` list. */
export function podSpecs(ctx: Pick<RuleContext, 'memo' | 'text'>): PodSpec[] {
  return ctx.memo('k8s:pods', () => {
    const out: PodSpec[] = [];
    const visit = (node: unknown, kind: string, name: string, depth: number): void => {
      if (depth > 12) return;
      if (isMap(node)) {
        if (isK8sObject(node)) {
          kind = scalarString(getNode(node, 'kind')) ?? kind;
          name = scalarString(getNode(getNode(node, 'metadata'), 'name')) ?? name;
        }
        if (isSeq(getNode(node, 'containers'))) {
          const containers: K8sContainer[] = [];
          for (const key of CONTAINER_KEYS) {
            const list = getNode(node, key);
            if (!isSeq(list)) continue;
            for (const c of list.items) if (isMap(c)) containers.push({ name: scalarString(getNode(c, 'name')) ?? '?', map: c });
          }
          out.push({ kind, name, spec: node, containers });
          return;
        }
        for (const [, pair] of entries(node)) visit(pair.value, kind, name, depth + 1);
      } else if (isSeq(node)) {
        for (const item of node.items) visit(item, kind, name, depth + 1);
      }
    };
    for (const doc of k8sDocs(ctx)) if (isK8sObject(doc)) visit(doc, '', '', 0);
    return out;
  });
}

/** A line holding only Helm actions: `{{- if .Values.x }}`, `{{- end }}`, `{{- toYaml . | nindent 8 }}`. */
const HELM_LINE = /^[ \t]*\{\{.*\}\}[ \t]*$/gm;

/**
 * The file's YAML documents, with lines that hold only Helm actions blanked first (same length, so offsets hold): a
 * template that opens with `{{- if .Values.enabled }}` or switches keys on and off between lines then parses as the
 * manifest it renders, instead of failing or folding the action into the previous value.
 */
function k8sDocs(ctx: Pick<RuleContext, 'memo' | 'text'>): YamlNode[] {
  if (!ctx.text.includes('{{')) return yamlDocs(ctx);
  return ctx.memo('k8s:helm-docs', (): YamlNode[] => {
    const masked = ctx.text.replace(HELM_LINE, (line) => ' '.repeat(line.length));
    if (masked === ctx.text) return yamlDocs(ctx);
    try {
      const out: YamlNode[] = [];
      for (const d of parseAllDocuments(masked, { keepSourceTokens: false, uniqueKeys: false, strict: false }) as unknown as { contents: unknown }[]) {
        if (d.contents) out.push(d.contents as YamlNode);
      }
      return out;
    } catch {
      return [];
    }
  });
}

/** `true` as YAML 1.2 or (like Kubernetes' YAML 1.1 parser) `yes`/`on` spell it. */
export function isYamlTrue(node: YamlNode | null | undefined): boolean {
  return /^(?:true|True|TRUE|yes|Yes|YES|on|On|ON)$/.test(scalarString(node) ?? '');
}

/** Cheap test before parsing: the text has the two top-level keys of a Kubernetes object. */
export function looksLikeK8s(text: string): boolean {
  return /^apiVersion:/m.test(text) && /^kind:/m.test(text);
}

const HELM_ACTION = /\{\{-?\s*(if|else\s+if|else|with|range|define|block|end)\b([^}]*)\}\}/g;

/**
 * Whether `offset` lies in a short Helm block that renders it only when the operator turns a value on
 * (`{{- if .Values.hostNetwork }}` / `hostNetwork: true` / `{{- end }}`): a setting the chart offers, not one it
 * ships with. Only the innermost block counts, in its then-branch, and only when that block holds a few lines,
 * so a whole manifest wrapped in `{{ if .Values.enabled }}` still counts as shipped.
 */
export function inHelmOptIn(text: string, offset: number): boolean {
  if (!text.includes('{{')) return false;
  interface Block { optIn: boolean; start: number; elseBefore: boolean }
  const stack: Block[] = [];
  let inner: Block | undefined;
  HELM_ACTION.lastIndex = 0;
  for (let m = HELM_ACTION.exec(text); m; m = HELM_ACTION.exec(text)) {
    const [, word, rest] = m;
    if (!inner && m.index >= offset) {
      inner = stack[stack.length - 1];
      if (!inner) return false;
    }
    if (word === 'end') {
      const b = stack.pop();
      if (b && b === inner) {
        const lines = text.slice(b.start, m.index).split('\n').filter((l) => l.trim() !== '').length;
        return b.optIn && !b.elseBefore && lines <= 4;
      }
    } else if (word.startsWith('else')) {
      const top = stack[stack.length - 1];
      if (top && m.index < offset) top.elseBefore = true;
    } else {
      const optIn = (word === 'if' || word === 'with') && /\.Values\./.test(rest) && !/^\s*not\b/.test(rest);
      stack.push({ optIn, start: m.index + m[0].length, elseBefore: false });
    }
  }
  return false;
}
