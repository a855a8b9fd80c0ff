// Every provider spec, sorted by id; the sample test and the generic rule's de-duplication iterate over it.
import type { ProviderSpec } from '../provider';
import { awsAccessKeyId } from './aws';

export const providerSpecs: readonly ProviderSpec[] = [awsAccessKeyId].sort((a, b) => a.id.localeCompare(b.id));
