// Shared engine types: rules, findings, fixes and the edits they carry.

export type Category = 'secret' | 'sql' | 'config' | 'git';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** As ruff: only `safe` fixes are preferred or applied in bulk. */
export type Applicability = 'safe' | 'unsafe' | 'displayOnly';
/** Per-rule user setting. */
export type RuleLevel = 'off' | Severity;

/** 0-based line and UTF-16 character, as LSP. */
export interface Position {
  line: number;
  character: number;
}

/** A replacement in one file, by UTF-16 offsets; `range` mirrors the offsets as 0-based positions. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  range: { start: Position; end: Position };
}

/** Edits to one file, relative to the workspace root (posix separators). */
export interface FileChange {
  path: string;
  /** The file does not exist yet: create it, then apply `edits` (all at offset 0). */
  create?: boolean;
  edits: TextEdit[];
}

/** A command the editor (or CLI) runs instead of, or after, the edits. */
export interface FixCommand {
  /** e.g. `warden.unstageFile` */
  id: string;
  title: string;
  args: string[];
  /** Ask the user before running it. */
  confirm?: string;
}

export interface Fix {
  title: string;
  applicability: Applicability;
  /** `suppress` fixes insert an ignore comment; adapters list them last. */
  kind?: 'fix' | 'suppress';
  changes: FileChange[];
  command?: FixCommand;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  /** Never contains a secret value: rules redact what they quote. */
  message: string;
  severity: Severity;
  /** Workspace-relative posix path. */
  path: string;
  /** UTF-16 offsets into the file's text. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** rule + path + hash of the matched text: stable when lines move. */
  fingerprint: string;
  fixes: Fix[];
}

export interface RuleMeta {
  /** `<category>/<name>` */
  id: string;
  category: Category;
  description: string;
  severity: Severity;
  /** e.g. `CWE-798` */
  cwe: string;
  /** The best applicability this rule's fixes have, or 'none'. */
  fix: Applicability | 'none';
  /** messageId -> template with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /** Longer help (SARIF help text, docs summary). */
  help?: string;
  /**
   * Built from provider data (rules/secret/providers): tested by provider-samples.test.ts and documented as a row
   * of docs/rules/secret-providers.md instead of a file and a page of its own.
   */
  provider?: boolean;
}

/** What a rule reports; the engine fills in position, severity, fingerprint and suppression. */
export interface Report {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string | number>;
  /** Text hashed into the fingerprint; defaults to the reported range. Never shown. */
  matched?: string;
  fixes?: Fix[];
  /** Override the rule's default severity (e.g. test keys). */
  severity?: Severity;
}

export interface FileInput {
  /** Workspace-relative posix path. */
  path: string;
  text: string;
  /** VS Code language id when known; otherwise derived from the path. */
  languageId?: string;
}
