// The explicit list of rules, sorted by id; a duplicate id is a startup error.
import type { Rule } from './rule';
import { providerRule } from './rules/secret/provider';
import { providerSpecs } from './rules/secret/providers';
import genericSecret from './rules/secret/generic-secret';
import stringBuiltQuery from './rules/sql/string-built-query';
import aspnetDebugEnabled from './rules/config/aspnet-debug-enabled';
import composeDatabasePortExposed from './rules/config/compose-database-port-exposed';
import composeDockerSocket from './rules/config/compose-docker-socket';
import composeHostNamespace from './rules/config/compose-host-namespace';
import composePrivileged from './rules/config/compose-privileged';
import composeRedisNoAuth from './rules/config/compose-redis-no-auth';
import composeRunAsRoot from './rules/config/compose-run-as-root';
import defaultPassword from './rules/config/default-password';
import djangoAllowedHostsWildcard from './rules/config/django-allowed-hosts-wildcard';
import dockerAddRemoteUrl from './rules/config/docker-add-remote-url';
import dockerExposeSsh from './rules/config/docker-expose-ssh';
import dockerRootUser from './rules/config/docker-root-user';
import dockerSecretBuildArg from './rules/config/docker-secret-build-arg';
import dockerSudo from './rules/config/docker-sudo';
import envCorsWildcard from './rules/config/env-cors-wildcard';
import envDebugInProduction from './rules/config/env-debug-in-production';
import envShortSecret from './rules/config/env-short-secret';
import expressCorsWildcard from './rules/config/express-cors-wildcard';
import expressDebugErrorHandler from './rules/config/express-debug-error-handler';
import expressSessionWeakSecret from './rules/config/express-session-weak-secret';
import ghaPullRequestTargetCheckout from './rules/config/gha-pull-request-target-checkout';
import ghaSecretEchoed from './rules/config/gha-secret-echoed';
import ghaSecretInCommandLine from './rules/config/gha-secret-in-command-line';
import ghaScriptInjection from './rules/config/gha-script-injection';
import ghaUnsecureCommands from './rules/config/gha-unsecure-commands';
import ghaWriteAllPermissions from './rules/config/gha-write-all-permissions';
import insecureDownload from './rules/config/insecure-download';
import jsDynamicCode from './rules/config/js-dynamic-code';
import jwtHardcodedSecret from './rules/config/jwt-hardcoded-secret';
import jwtNoneAlgorithm from './rules/config/jwt-none-algorithm';
import jwtVerificationDisabled from './rules/config/jwt-verification-disabled';
import k8sDockerSocket from './rules/config/k8s-docker-socket';
import k8sHostNamespace from './rules/config/k8s-host-namespace';
import k8sPrivilegedContainer from './rules/config/k8s-privileged-container';
import k8sRunAsRoot from './rules/config/k8s-run-as-root';
import phoenixCheckOriginDisabled from './rules/config/phoenix-check-origin-disabled';
import phoenixForceSslMissing from './rules/config/phoenix-force-ssl-missing';
import pythonAutoescapeDisabled from './rules/config/python-autoescape-disabled';
import pythonCorsWildcard from './rules/config/python-cors-wildcard';
import pythonCsrfDisabled from './rules/config/python-csrf-disabled';
import pythonDebugEnabled from './rules/config/python-debug-enabled';
import pythonEvalInjection from './rules/config/python-eval-injection';
import pythonInsecureCookie from './rules/config/python-insecure-cookie';
import pythonWeakSecretKey from './rules/config/python-weak-secret-key';
import springCsrfDisabled from './rules/config/spring-csrf-disabled';
import sshHostKeyNotVerified from './rules/config/ssh-host-key-not-verified';
import tlsSslmodeDisable from './rules/config/tls-sslmode-disable';
import tlsVerificationDisabled from './rules/config/tls-verification-disabled';
import tlsWeakVersion from './rules/config/tls-weak-version';
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
  aspnetDebugEnabled,
  composeDatabasePortExposed,
  composeDockerSocket,
  composeHostNamespace,
  composePrivileged,
  composeRedisNoAuth,
  composeRunAsRoot,
  defaultPassword,
  djangoAllowedHostsWildcard,
  dockerAddRemoteUrl,
  dockerExposeSsh,
  dockerRootUser,
  dockerSecretBuildArg,
  dockerSudo,
  envCorsWildcard,
  envDebugInProduction,
  envShortSecret,
  expressCorsWildcard,
  expressDebugErrorHandler,
  expressSessionWeakSecret,
  ghaPullRequestTargetCheckout,
  ghaSecretEchoed,
  ghaSecretInCommandLine,
  ghaScriptInjection,
  ghaUnsecureCommands,
  ghaWriteAllPermissions,
  insecureDownload,
  jsDynamicCode,
  jwtHardcodedSecret,
  jwtNoneAlgorithm,
  jwtVerificationDisabled,
  k8sDockerSocket,
  k8sHostNamespace,
  k8sPrivilegedContainer,
  k8sRunAsRoot,
  phoenixCheckOriginDisabled,
  phoenixForceSslMissing,
  pythonAutoescapeDisabled,
  pythonCorsWildcard,
  pythonCsrfDisabled,
  pythonDebugEnabled,
  pythonEvalInjection,
  pythonInsecureCookie,
  pythonWeakSecretKey,
  springCsrfDisabled,
  sshHostKeyNotVerified,
  tlsSslmodeDisable,
  tlsVerificationDisabled,
  tlsWeakVersion,
  envFileStaged,
  secretFileCommitted,
  secretFileNotIgnored,
]);

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}

export { build as buildRegistry };
