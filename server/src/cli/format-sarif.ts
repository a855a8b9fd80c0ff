// SARIF 2.1.0 report (GitHub code scanning and other SARIF viewers): one run, every rule, results with fixes.
import { pathToFileURL } from 'node:url';
import { allRules, docsUrl, type Finding, type Fix, type Rule, type Severity } from '../engine';
import type { Report } from './report';
import { isDotenvPath } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/warden-security/warden';
const FINGERPRINT_KEY = 'wardenFingerprint/v1';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub code scanning ranks alerts by this score (0-10, as a string); it follows the rule's default severity. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '3.0', hint: '1.0' };

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId: string;
}

interface SarifReplacement {
  deletedRegion: { charOffset: number; charLength: number };
  insertedContent?: { text: string };
}

interface SarifFix {
  description: SarifMessage;
  artifactChanges: { artifactLocation: SarifArtifactLocation; replacements: SarifReplacement[] }[];
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: {
    physicalLocation: {
      artifactLocation: SarifArtifactLocation;
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  fixes?: SarifFix[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  helpUri: string;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string; precision: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: SarifLevel; message: SarifMessage; descriptor?: { id: string }; locations?: { physicalLocation: { artifactLocation: SarifArtifactLocation } }[] }[];
    }[];
  }[];
}

/** `secret/aws-access-key-id` -> `AwsAccessKeyId`. */
function ruleName(id: string): string {
  const name = id.slice(id.indexOf('/') + 1);
  return name.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `%` in file names). */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function artifact(path: string): SarifArtifactLocation {
  return { uri: relativeUri(path), uriBaseId: SRCROOT };
}

function sarifRule(rule: Rule): SarifRule {
  const m = rule.meta;
  const help = m.help ?? m.description;
  const url = docsUrl(m.id);
  return {
    id: m.id,
    name: ruleName(m.id),
    shortDescription: { text: m.description },
    fullDescription: { text: help },
    helpUri: url,
    help: {
      text: help.includes(url) ? help : `${help}\n\nDocs: ${url}`,
      markdown: `${help}\n\n[${m.id}](${url}) · ${m.cwe}`,
    },
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: {
      tags: ['security', m.category, m.cwe, `external/cwe/${m.cwe.toLowerCase()}`],
      'security-severity': SECURITY_SEVERITY[m.severity],
      precision: 'high',
    },
  };
}

/**
 * SARIF fixes are file edits only: suppression comments are not fixes of the problem and commands
 * (unstage) cannot be expressed. Dotenv edits are left out with their whole fix: the `.env` append
 * carries the secret value itself, and a report must never print one (applying it locally, in the
 * editor, is fine; publishing it to a code-scanning service is not).
 */
function sarifFix(fix: Fix): SarifFix | undefined {
  if (fix.kind === 'suppress') return undefined;
  const changes = fix.changes.filter((c) => c.edits.length > 0);
  if (changes.length === 0) return undefined;
  if (changes.some((c) => isDotenvPath(c.path))) return undefined;
  return {
    description: { text: fix.title },
    artifactChanges: changes.map((c) => ({
      artifactLocation: artifact(c.path),
      replacements: c.edits.map((e) => ({
        deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
        ...(e.newText ? { insertedContent: { text: e.newText } } : {}),
      })),
    })),
  };
}

function sarifResult(f: Finding, ruleIndex: Map<string, number>): SarifResult {
  const fixes = f.fixes.map(sarifFix).filter((x): x is SarifFix => x !== undefined);
  const index = ruleIndex.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(f.path),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(fixes.length ? { fixes } : {}),
  };
}

export function toSarif(report: Report, rules: readonly Rule[] = allRules): SarifLog {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  let rootUri = pathToFileURL(report.root).href;
  if (!rootUri.endsWith('/')) rootUri += '/';
  const notifications: SarifLog['runs'][number]['invocations'][number]['toolExecutionNotifications'] = report.errors.map((e) => ({
    level: 'error',
    message: { text: e.ruleId ? `rule ${e.ruleId} failed: ${e.message}` : e.message },
    ...(e.ruleId ? { descriptor: { id: e.ruleId } } : {}),
    ...(e.path ? { locations: [{ physicalLocation: { artifactLocation: artifact(e.path) } }] } : {}),
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: { name: 'Warden', version: report.version, semanticVersion: report.version, informationUri: INFORMATION_URI, rules: rules.map(sarifRule) },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
      columnKind: 'utf16CodeUnits',
      results: report.findings.map((f) => sarifResult(f, ruleIndex)),
      invocations: [{ executionSuccessful: !report.cancelled, toolExecutionNotifications: notifications }],
    }],
  };
}

export function formatSarif(report: Report, rules?: readonly Rule[]): string {
  return JSON.stringify(toSarif(report, rules), null, 2) + '\n';
}
