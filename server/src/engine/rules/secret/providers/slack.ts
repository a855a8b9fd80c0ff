// Slack credentials as provider data: bot, user, workspace, configuration and app-level tokens, and incoming webhook URLs.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { tokenSpec } from './kit';

const digits = (n: number, seed: number): string => String(1 + (seed % 9)) + sampleSecret(ALPHABETS.digits, n - 1, seed);
const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const upnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.upper + ALPHABETS.digits, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const help = (what: string): string =>
  `${what} Read it from the environment (the Bolt SDKs read SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET) and revoke an exposed one at api.slack.com/apps.`;

export const slackBotToken: ProviderSpec = tokenSpec({
  id: 'secret/slack-bot-token',
  label: 'Slack bot token',
  prefix: 'xoxb-',
  // Current tokens: team id, bot id, 24+ characters. Classic (legacy) bot tokens: one id and exactly 24, not all digits.
  body: '[0-9]{8,13}-(?:[0-9]{9,13}-[A-Za-z0-9]{24,34}|(?=[0-9]*[A-Za-z])[A-Za-z0-9]{24})',
  keywords: ['xoxb-'],
  make: (seed) => `xoxb-${digits(11, 300 + seed)}-${digits(13, 310 + seed)}-${alnum(24, 320 + seed)}`,
  truncateTo: 30,
  envName: 'SLACK_BOT_TOKEN',
  help: help('A bot token posts, reads channels and files with every scope the app was granted.'),
  extraTp: () => [`"bot_token": "xoxb-${digits(12, 326)}-${alnum(24, 327)}"`],
  extraFp: () => [
    'SLACK_BOT_TOKEN=xoxb-your-bot-token',
    'token = "xoxb-123-456-abc"',
    `token = "xoxb-${digits(12, 328)}-${digits(24, 329)}"`,
    `token = "xoxb-${digits(12, 330)}-${alnum(19, 331)}"`,
  ],
});

export const slackUserToken: ProviderSpec = tokenSpec({
  id: 'secret/slack-user-token',
  label: 'Slack user token',
  // `xoxp-` user tokens, `xoxe-` rotating user tokens of the same shape, and legacy `xoxs-` session tokens (shorter hex).
  prefix: 'xox[pes]-',
  body: '[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[a-f0-9]{10,64}',
  keywords: ['xoxp-', 'xoxe-', 'xoxs-'],
  make: (seed) => `xoxp-${digits(11, 330 + seed)}-${digits(12, 340 + seed)}-${digits(13, 350 + seed)}-${hex(32, 360 + seed)}`,
  truncateTo: 40,
  envName: 'SLACK_USER_TOKEN',
  help: help('A user token acts as the person who installed the app: their messages, DMs and files.'),
  validate: (token) => token.startsWith('xoxs-') || /-[a-f0-9]{32}$/.test(token),
  extraTp: () => [
    `"legacy": "xoxs-${digits(10, 361)}-${digits(10, 362)}-${digits(10, 363)}-${hex(10, 364)}"`,
    `url = "https://files.slack.com/files-pri/T1-F2/a.png?t=xoxe-${digits(13, 365)}-${digits(13, 366)}-${digits(13, 367)}-${hex(32, 368)}"`,
  ],
  extraFp: () => [`token = "xoxp-${digits(11, 369)}-${digits(12, 370)}-${digits(13, 371)}-${hex(20, 372)}"`],
});

export const slackWorkspaceToken: ProviderSpec = tokenSpec({
  id: 'secret/slack-workspace-token',
  label: 'Slack workspace token',
  prefix: 'xox[ar]-',
  body: '(?:[0-9]-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{8,64}){1,4}',
  keywords: ['xoxa-', 'xoxr-'],
  make: (seed) => `xox${seed % 2 ? 'a' : 'r'}-2-${digits(12, 370 + seed)}-${digits(12, 375 + seed)}-${hex(32, 380 + seed)}`,
  truncateTo: 12,
  envName: 'SLACK_TOKEN',
  help: help('A workspace app access (xoxa-) or refresh (xoxr-) token grants the workspace-wide scopes of the app.'),
});

export const slackConfigToken: ProviderSpec = tokenSpec({
  id: 'secret/slack-config-token',
  label: 'Slack configuration token',
  prefix: 'xoxe(?:\\.xox[bp])?-',
  // The body is mixed-case base64-like text (`Mi0yLT…`), 146 characters for refresh and 163-166 for access tokens.
  body: '[0-9]-[A-Za-z0-9]{140,170}',
  keywords: ['xoxe'],
  make: (seed) => `xoxe${seed % 2 ? '.xoxp' : ''}-1-${(seed % 3 ? alnum : upnum)(146 + (seed % 2) * 17, 390 + seed)}`,
  truncateTo: 60,
  envName: 'SLACK_CONFIG_TOKEN',
  help: help('A configuration access or refresh token creates and changes apps of the workspace.'),
});

export const slackAppToken: ProviderSpec = tokenSpec({
  id: 'secret/slack-app-token',
  label: 'Slack app-level token',
  description: 'Slack app-level token (`xapp-` + app id, timestamp and 64 hex) hardcoded in source or configuration',
  prefix: 'xapp-',
  body: '[0-9]-[A-Z0-9]{8,12}-[0-9]{10,16}-[a-f0-9]{64}',
  keywords: ['xapp-'],
  make: (seed) => `xapp-1-A${upnum(10, 425 + seed)}-${digits(13, 430 + seed)}-${hex(64, 435 + seed)}`,
  truncateTo: 40,
  envName: 'SLACK_APP_TOKEN',
  help: help('An app-level token (Socket Mode) receives the app\'s events and opens connections as the app.'),
});

const hook = (seed: number): string =>
  `https://hooks.slack.com/services/T${upnum(10, 400 + seed)}/B${upnum(10, 410 + seed)}/${alnum(24, 420 + seed)}`;

export const slackWebhookUrl: ProviderSpec = {
  id: 'secret/slack-webhook-url',
  label: 'Slack incoming webhook URL',
  description: 'Slack incoming webhook URL (it embeds its secret) hardcoded in source or configuration',
  // Workflow and trigger URLs have a numeric id between the app id and the secret.
  regex: /(?<![\w-])((?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{8,12}\/(?:[0-9]{6,24}\/)?[A-Za-z0-9]{20,32})(?![\w-])/,
  keywords: ['hooks.slack.com'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'SLACK_WEBHOOK_URL',
  publicPrefix: /^(?:https?:\/\/)?hooks\.slack\.com\/\w+\//,
  samples: {
    tp: () => [
      `const url = "${hook(1)}";`,
      `SLACK_WEBHOOK_URL=${hook(2)}`,
      `curl -X POST -d '{}' ${hook(3)}`,
      `url: ${hook(5).replace('/services/', '/workflows/').replace(/\/(?=[^/]+$)/, `/${digits(18, 422)}/`)}`,
    ],
    fp: () => [
      'url = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"',
      'url = "https://hooks.slack.com/services/YOUR/WEBHOOK/URL"',
      `url = "${hook(4).slice(0, -10)}"`,
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/...',
    ],
  },
  help: help('Anyone with an incoming webhook URL can post into its channel as the app.'),
};
