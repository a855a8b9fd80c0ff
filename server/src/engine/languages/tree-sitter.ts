// Real parsers for the languages without a hand-written one: web-tree-sitter and grammars from @vscode/tree-sitter-wasm.
// The runtime and each grammar are loaded once per process, on first need, from bytes the host provides.
import { Language, Parser, type Node, type Tree } from '@vscode/tree-sitter-wasm';
import type { Host } from '../host';
import type { RuleContext } from '../rule';

/** Grammars shipped next to the bundles (c-sharp and cpp are left out: several MB each). */
export const GRAMMARS = ['python', 'go', 'java', 'php', 'ruby'] as const;
export type GrammarName = (typeof GRAMMARS)[number];

export type SyntaxNode = Node;
export type SyntaxTree = Tree;

/** File names the host is asked for, as `Host.loadWasm` receives them. */
export const RUNTIME_WASM = 'tree-sitter.wasm';
export function grammarWasm(name: GrammarName): string {
  return `tree-sitter-${name}.wasm`;
}

let runtime: Promise<boolean> | undefined;
const languages = new Map<GrammarName, Promise<Language | undefined>>();
const parsers = new Map<GrammarName, Parser>();

/** A private copy: the wasm loaders read the whole buffer, and a Node Buffer may be a view into a larger one. */
function own(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function initRuntime(host: Host): Promise<boolean> {
  if (!runtime) {
    const attempt = (async () => {
      const bytes = await host.loadWasm?.(RUNTIME_WASM);
      if (!bytes) return false;
      // `wasmBinary` is an Emscripten module option that the typings do not list; with it nothing is read from disk.
      await Parser.init({ wasmBinary: own(bytes) } as unknown as Parameters<typeof Parser.init>[0]);
      return true;
    })().catch(() => false);
    runtime = attempt;
    // A host without the files may be followed by one that has them.
    void attempt.then((ok) => { if (!ok && runtime === attempt) runtime = undefined; });
  }
  return runtime;
}

/** The grammar, loaded once per process; undefined when the host cannot provide it (or it fails to load). */
export async function loadLanguage(host: Host, name: GrammarName): Promise<Language | undefined> {
  if (!host.loadWasm) return undefined;
  let lang = languages.get(name);
  if (!lang) {
    const attempt = (async () => {
      if (!(await initRuntime(host))) return undefined;
      const bytes = await host.loadWasm?.(grammarWasm(name));
      return bytes ? await Language.load(own(bytes)) : undefined;
    })().catch(() => undefined);
    languages.set(name, (lang = attempt));
    void attempt.then((l) => { if (!l && languages.get(name) === attempt) languages.delete(name); });
  }
  return lang;
}

/** The tree of a file, freed by the engine once every rule has run on it. */
class ParsedFile {
  private tree: Tree | undefined;
  private disposed = false;
  readonly tree$: Promise<Tree | undefined>;

  constructor(host: Host, name: GrammarName, text: string) {
    this.tree$ = loadLanguage(host, name).then((lang) => {
      if (!lang || this.disposed) return undefined;
      let parser = parsers.get(name);
      if (!parser) {
        parser = new Parser();
        parser.setLanguage(lang);
        parsers.set(name, parser);
      }
      this.tree = parser.parse(text) ?? undefined;
      return this.tree;
    }).catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.tree?.delete();
    this.tree = undefined;
  }
}

/**
 * The syntax tree of the file under check in `name`'s grammar, parsed once per file and shared by the rules; undefined
 * when the grammar is not available. Do not keep nodes after the check: the tree is deleted when the file is done.
 */
export function parse(ctx: RuleContext, name: GrammarName): Promise<SyntaxTree | undefined> {
  return ctx.memo(`tree-sitter:${name}`, () => new ParsedFile(ctx.host, name, ctx.text)).tree$;
}

/** Forgets the loaded runtime and grammars (tests that simulate a host without them). */
export function resetTreeSitter(): void {
  runtime = undefined;
  languages.clear();
  for (const p of parsers.values()) p.delete();
  parsers.clear();
}

// --- small helpers for detectors ------------------------------------------------------------------------------

/** Every node under `root` (itself included), depth first, in source order; `visit` returning false skips children. */
export function walkTree(root: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      if (descend) {
        descend = visit(cursor.currentNode) !== false;
        if (descend && cursor.gotoFirstChild()) continue;
      }
      if (cursor.gotoNextSibling()) { descend = true; continue; }
      // Climb until a parent has a next sibling (stop at the root).
      let climbed = false;
      while (cursor.gotoParent()) {
        if (cursor.currentNode.id === root.id) return;
        if (cursor.gotoNextSibling()) { climbed = true; break; }
      }
      if (!climbed) return;
      descend = true;
    }
  } finally {
    cursor.delete();
  }
}
