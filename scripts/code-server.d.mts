// Types of scripts/code-server.mjs for the TypeScript tests that import it (test/e2e/browser.ts).
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const root: string;
export const CODE_SERVER_VERSION: string;
export const TEST_USER_SETTINGS: Record<string, unknown>;
export const CHROMIUM_ARGS: string[];

export function ensureCodeServer(): Promise<string>;
export function freePort(): Promise<number>;
export function buildSuite(): Promise<{ suite: string; fixture: string }>;
export function waitForHttp(url: string, timeoutMs: number, isAlive?: () => boolean): Promise<void>;
export function vscodeServerMain(entry: string): string;

export interface RunningServer {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  exited(): boolean;
}

export function startCodeServer(options: {
  entry: string;
  home: string;
  kind?: 'code-server' | 'vscode-server';
  extraArgs?: string[];
  env?: Record<string, string>;
  log?: (chunk: string) => void;
  settings?: Record<string, unknown>;
}): Promise<RunningServer>;

export function installExtension(entry: string, home: string, vsix: string): string;
export function stop(child: ChildProcess | undefined): Promise<void>;
export function launchChromium(): Promise<Browser>;
