// Builds a provider spec for a token with a distinctive prefix, with the usual true-positive contexts and fp traps.
import type { ProviderSpec } from '../provider';
import type { Severity } from '../../../types';

export interface TokenShape {
  id: string;
  label: string;
  /** Regex source of the public type marker, e.g. `glpat-`. */
  prefix: string;
  /** Regex source of what follows the marker, e.g. `[\\w-]{20,}`. */
  body: string;
  keywords: readonly string[];
  /** A valid-looking token for `seed`, built at run time. */
  make: (seed: number) => string;
  /** Length kept by the truncation trap; shorter than the shortest valid token. */
  truncateTo: number;
  envName?: string;
  severity?: Severity;
  minEntropy?: number;
  help: string;
  description?: string;
  near?: ProviderSpec['near'];
  validate?: ProviderSpec['validate'];
  extraTp?: (make: (seed: number) => string) => string[];
  extraFp?: (make: (seed: number) => string) => string[];
  /** Characters allowed right before the token (default: none of `\w` or `-`). */
  before?: string;
}

/** `(?<!…)(prefix body)(?!…)`: the token is not part of a longer word. */
export function tokenSpec(t: TokenShape): ProviderSpec {
  const before = t.before ?? '(?<![\\w-])';
  return {
    id: t.id,
    label: t.label,
    description: t.description ?? `${t.label} hardcoded in source or configuration`,
    regex: new RegExp(`${before}(${t.prefix}${t.body})(?![\\w-])`),
    keywords: t.keywords,
    minEntropy: t.minEntropy ?? 3.3,
    severity: t.severity ?? 'error',
    cwe: 'CWE-798',
    envName: t.envName,
    publicPrefix: new RegExp(`^${t.prefix}`),
    near: t.near,
    validate: t.validate,
    samples: {
      tp: () => [
        `const key = "${t.make(1)}";`,
        `${t.envName ?? 'API_KEY'}=${t.make(2)}`,
        `settings:\n  token: '${t.make(3)}'\n`,
        ...(t.extraTp?.(t.make) ?? []),
      ].map((s) => (t.near ? `# ${t.near.words[0]}\n${s}` : s)),
      fp: () => {
        const real = t.make(4);
        const marker = new RegExp(`^${t.prefix}`).exec(real)?.[0] ?? '';
        return [
          `const key = "${real.slice(0, t.truncateTo)}";`,
          `const key = "my${t.make(6)}";`,
          `const key = "${marker + real.slice(marker.length).replace(/[A-Za-z0-9]/g, 'x')}";`,
          `${t.envName ?? 'API_KEY'}=<your-key>`,
          ...(t.extraFp?.(t.make) ?? []),
        ].map((s) => (t.near ? `# ${t.near.words[0]}\n${s}` : s));
      },
    },
    help: t.help,
  };
}
