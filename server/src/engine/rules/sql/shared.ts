// Tree-sitter node helpers and local-variable flow shared by the sql/string-built-query detectors that parse with
// tree-sitter (Python, PHP, Ruby, Go, Java).
import type { SyntaxNode as Node } from '../../languages/tree-sitter';

/** Every child, tokens included. */
export function kids(n: Node): Node[] {
  return n.children.filter((c): c is Node => c !== null);
}

/** The named children, comments left out (`comment`; Java's `line_comment` and `block_comment`). */
export function named(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'line_comment' && c.type !== 'block_comment');
}

export function field(n: Node, name: string): Node | undefined {
  return n.childForFieldName(name) ?? undefined;
}

export function same(a: Node | undefined, b: Node | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}

/** The expression inside parentheses (Ruby's are `parenthesized_statements`), when they hold exactly one. */
export function unparen(n: Node): Node {
  while (n.type === 'parenthesized_expression' || n.type === 'parenthesized_statements') {
    const inner = named(n);
    if (inner.length !== 1) break;
    n = inner[0];
  }
  return n;
}

/** Whether `inner` lies within `outer` (or is it). */
export function within(inner: Node, outer: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

// --- local variables ---------------------------------------------------------------------------------------------

/** A write to a local variable: `assign` (`q = …`), `append` (`q += …`, `.=`, `<<`) or any other kind. */
export interface LocalWrite {
  kind: string;
  value?: Node;
}

/**
 * The expressions whose text a local holds, from its writes before the use in source order: the last assignment's value
 * (or `parts`, what it holds before any write), then what each append adds. `selfAppend` gives what an assignment
 * `q = q + …` adds (undefined when the value is not one). Undefined when another kind of write comes between.
 */
export function localParts(
  writes: LocalWrite[],
  parts: Node[] | undefined,
  selfAppend: (value: Node) => Node[] | undefined,
): { parts: Node[] | undefined; appended: boolean } | undefined {
  let appended = false;
  for (const w of writes) {
    if (w.kind === 'assign' && w.value) {
      const more = parts && selfAppend(w.value);
      if (parts && more) {
        parts.push(...more);
        appended = true;
      } else parts = [w.value];
    } else if (w.kind === 'append' && w.value && parts) {
      parts.push(w.value);
      appended = true;
    } else return undefined;
  }
  return { parts, appended };
}
