// Every provider spec, sorted by id; the registry, the sample test and the generic rule's de-duplication iterate over it.
import type { ProviderSpec } from '../provider';
import * as ai from './ai';
import * as aws from './aws';
import * as cloud from './cloud';
import * as devtools from './devtools';
import * as generic from './generic';
import * as github from './github';
import * as gitlab from './gitlab';
import * as messaging from './messaging';
import * as observability from './observability';
import * as packages from './packages';
import * as payments from './payments';
import * as platforms from './platforms';
import * as slack from './slack';
import * as social from './social';
import * as stripe from './stripe';
import * as vaults from './vaults';

/** The exported values of a provider module that are specs (modules also export helpers). */
function specsOf(mod: Record<string, unknown>): ProviderSpec[] {
  return Object.values(mod).filter((v): v is ProviderSpec => typeof v === 'object' && v !== null && 'regex' in v && 'samples' in v);
}

export const providerSpecs: readonly ProviderSpec[] = [
  ai, aws, cloud, devtools, generic, github, gitlab, messaging, observability, packages, payments, platforms, slack, social, stripe, vaults,
]
  .flatMap((m) => specsOf(m))
  .sort((a, b) => a.id.localeCompare(b.id));
