// secret/aws-access-key-id: AWS access key ids (AKIA…, ASIA…) in any text file, from the provider data in providers/aws.ts.
import { providerRule } from './provider';
import { awsAccessKeyId } from './providers/aws';

export default providerRule(awsAccessKeyId);
