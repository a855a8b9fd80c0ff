// GitLab tokens as provider data: personal, deploy, runner, trigger, SCIM and OAuth application secrets.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { tokenSpec } from './kit';

const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url.slice(0, 63), n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const help = (what: string): string =>
  `${what} Read it from a CI/CD variable or the environment, and revoke an exposed one in GitLab (it is also found by GitLab's own secret detection).`;

export const gitlabPat: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-pat',
  label: 'GitLab personal access token',
  prefix: 'glpat-',
  // Legacy tokens are 20 characters; routable ones are longer and end in `.<version><key id>`.
  body: '[\\w-]{20,}(?:\\.[0-9a-z]{2}[0-9a-z]{7,9})?',
  keywords: ['glpat-'],
  make: (seed) => 'glpat-' + url(20 + (seed % 2) * 16, 200 + seed),
  truncateTo: 20,
  envName: 'GITLAB_TOKEN',
  help: help('A personal access token acts as its user on the GitLab API, git and the registry.'),
  extraFp: () => ['token: glpat-XXXXXXXXXXXXXXXXXXXX', 'token = "glpat-"'],
});

export const gitlabDeployToken: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-deploy-token',
  label: 'GitLab deploy token',
  prefix: 'gldt-',
  body: '[\\w-]{20,}',
  keywords: ['gldt-'],
  make: (seed) => 'gldt-' + url(20, 210 + seed),
  truncateTo: 16,
  envName: 'CI_DEPLOY_PASSWORD',
  help: help('A deploy token reads (or writes) a project\'s repository, packages and registry.'),
});

export const gitlabRunnerToken: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-runner-token',
  label: 'GitLab runner authentication token',
  prefix: 'glrt-',
  body: '[\\w-]{20,}(?:\\.[0-9a-z]{2}[0-9a-z]{7,9})?',
  keywords: ['glrt-'],
  make: (seed) => 'glrt-' + url(20 + (seed % 2) * 9, 220 + seed),
  truncateTo: 16,
  envName: 'CI_SERVER_TOKEN',
  help: help('A runner authentication token lets a machine pick up CI jobs, with their variables and secrets.'),
});

export const gitlabPipelineTriggerToken: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-pipeline-trigger-token',
  label: 'GitLab pipeline trigger token',
  prefix: 'glptt-',
  body: '[0-9a-f]{40}',
  keywords: ['glptt-'],
  make: (seed) => 'glptt-' + hex(40, 230 + seed),
  truncateTo: 30,
  envName: 'CI_JOB_TOKEN',
  minEntropy: 3.0,
  help: help('A pipeline trigger token starts pipelines as the user who owns it.'),
});

export const gitlabScimToken: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-scim-token',
  label: 'GitLab SCIM token',
  prefix: 'glsoat-',
  body: '[\\w-]{20,}',
  keywords: ['glsoat-'],
  make: (seed) => 'glsoat-' + url(20, 240 + seed),
  truncateTo: 18,
  envName: 'GITLAB_SCIM_TOKEN',
  help: help('A SCIM token provisions and removes users of a group.'),
});

export const gitlabOauthAppSecret: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-oauth-app-secret',
  label: 'GitLab OAuth application secret',
  prefix: 'gloas-',
  // 64 hex characters in GitLab's own instances; gitleaks accepts any URL-safe body of that length.
  body: '[\\w-]{64}',
  keywords: ['gloas-'],
  make: (seed) => 'gloas-' + hex(64, 250 + seed),
  truncateTo: 40,
  envName: 'GITLAB_APP_SECRET',
  minEntropy: 3.0,
  help: help('An OAuth application secret lets anyone impersonate the application to GitLab users.'),
});

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const ciKinds = ['glcbt-', 'glft-', 'glimt-', 'glagent-', 'glffct-'];

export const gitlabCiToken: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-ci-token',
  label: 'GitLab CI/CD, feed, incoming mail, agent or feature flag token',
  // glcbt- (CI/CD job, `glcbt-<partition>_<20>`), glft- (feed), glimt- (incoming mail), glagent- (Kubernetes agent), glffct- (feature flags client).
  prefix: '(?:glcbt-[0-9a-zA-Z]{1,5}_|glft-|glimt-|glagent-|glffct-)',
  body: '[\\w-]{20,}',
  keywords: ciKinds,
  make: (seed) => {
    const kind = ciKinds[seed % ciKinds.length];
    return kind === 'glcbt-' ? `glcbt-${alnum(2, 260 + seed)}_${alnum(20, 262 + seed)}` : kind + url(kind === 'glagent-' ? 50 : 25, 264 + seed);
  },
  truncateTo: 16,
  envName: 'GITLAB_TOKEN',
  help: help('A CI/CD job, feed, incoming-mail, Kubernetes agent or feature-flag client token reaches the project it belongs to.'),
});

export const gitlabRunnerRegistrationToken: ProviderSpec = tokenSpec({
  id: 'secret/gitlab-runner-registration-token',
  label: 'GitLab runner registration token',
  prefix: 'GR1348941',
  body: '[\\w-]{20}',
  keywords: ['gr1348941'],
  make: (seed) => 'GR1348941' + url(20, 270 + seed),
  truncateTo: 24,
  envName: 'REGISTRATION_TOKEN',
  help: help('A runner registration token registers new runners, which then receive the project\'s CI jobs and their secrets.'),
});
