// Kubernetes manifests: pod specs (in Pods, Deployments, Jobs, CronJobs, Lists and any resource that embeds one) and their containers.
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
    for (const doc of yamlDocs(ctx)) if (isK8sObject(doc)) visit(doc, '', '', 0);
    return out;
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
