// Shared checks on sql/string-built-query fix outputs for the tree-sitter languages: each output parses with the
// language's grammar (and, when asked, the rule no longer reports a value in it).
import * as assert from 'node:assert/strict';
import { checkFile, MemoryHost, type Rule } from '../../server/src/engine';
import { parse, type GrammarName, type SyntaxNode } from '../../server/src/engine/languages/tree-sitter';
import rule from '../../server/src/engine/rules/sql/string-built-query';
import { loadBundledWasm } from '../../server/src/host-node';
import type { InvalidCase } from './rule-tester';

const PROBE_PATH: Record<GrammarName, string> = { python: 'probe.py', go: 'probe.go', java: 'Probe.java', php: 'probe.php', ruby: 'probe.rb' };

/** `f` of the root of `code` parsed with `lang`'s grammar; undefined when the grammar is not available. */
export async function withTree<T>(lang: GrammarName, code: string, f: (root: SyntaxNode) => T): Promise<T | undefined> {
  let out: T | undefined;
  const probe: Rule = {
    meta: { ...rule.meta, id: 'sql/probe' },
    appliesTo: () => true,
    async check(ctx) {
      const tree = await parse(ctx, lang);
      if (tree) out = f(tree.rootNode);
    },
  };
  await checkFile({ path: PROBE_PATH[lang], text: code }, new MemoryHost(new Map(), undefined, loadBundledWasm), { ruleSet: [probe] });
  return out;
}

export function hasSyntaxError(lang: GrammarName, code: string): Promise<boolean | undefined> {
  return withTree(lang, code, (root) => root.hasError);
}

/** Every expected fix output of the cases, with its case. */
export function fixOutputs(invalid: InvalidCase[]): { c: InvalidCase; output: string }[] {
  const out: { c: InvalidCase; output: string }[] = [];
  for (const c of invalid) {
    for (const fix of c.errors.flatMap((e) => e.fixes ?? [])) if (fix.output !== undefined) out.push({ c, output: fix.output });
  }
  return out;
}

/**
 * One test per fix output (inside the caller's `describe`): the output parses. With `notReported`, the case itself
 * parses too and the rule, run on the output at `path`, reports no `messageId` finding.
 */
export function itParsesFixOutputs(lang: GrammarName, invalid: InvalidCase[], notReported?: { path: string; messageId: string }): void {
  for (const { c, output } of fixOutputs(invalid)) {
    if (!notReported) {
      it(`${c.name}: output parses`, async () => {
        assert.equal(await hasSyntaxError(lang, output), false);
      });
      continue;
    }
    it(`${c.name}: output parses and is not reported as a value`, async () => {
      assert.equal(await hasSyntaxError(lang, c.code), false, 'the case itself must parse');
      assert.equal(await hasSyntaxError(lang, output), false, 'fix output does not parse');
      const r = await checkFile({ path: notReported.path, text: output }, new MemoryHost(new Map(), undefined, loadBundledWasm), { ruleSet: [rule] });
      assert.deepEqual(r.findings.filter((f) => f.messageId === notReported.messageId).map((f) => `${f.line}:${f.column}`), []);
    });
  }
}
