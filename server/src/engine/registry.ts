// The explicit list of rules, sorted by id; a duplicate id is a startup error.
import type { Rule } from './rule';
import { providerRule } from './rules/secret/provider';
import { providerSpecs } from './rules/secret/providers';
import genericSecret from './rules/secret/generic-secret';
import stringBuiltQuery from './rules/sql/string-built-query';
import tlsVerificationDisabled from './rules/config/tls-verification-disabled';
import envFileStaged from './rules/git/env-file-staged';
import secretFileCommitted from './rules/git/secret-file-committed';
import secretFileNotIgnored from './rules/git/secret-file-not-ignored';

function build(rules: Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.meta.id)) throw new Error(`duplicate rule id: ${r.meta.id}`);
    seen.add(r.meta.id);
  }
  return Object.freeze([...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id)));
}

export const allRules: readonly Rule[] = build([
  ...providerSpecs.map(providerRule),
  genericSecret,
  stringBuiltQuery,
  tlsVerificationDisabled,
  envFileStaged,
  secretFileCommitted,
  secretFileNotIgnored,
]);

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}

export { build as buildRegistry };
