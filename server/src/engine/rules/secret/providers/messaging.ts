// Messaging, email and commerce APIs: Twilio, SendGrid, Mailgun, Mailchimp, Brevo, Postmark, Shopify, Discord, Telegram.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { decodeBase64 } from './checks';
import { tokenSpec } from './kit';

const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
const digits = (n: number, seed: number): string => String(1 + (seed % 9)) + sampleSecret(ALPHABETS.digits, n - 1, seed);

export const twilioApiKey: ProviderSpec = tokenSpec({
  id: 'secret/twilio-api-key',
  label: 'Twilio API key',
  prefix: 'SK',
  body: '[0-9a-fA-F]{32}',
  keywords: ['twilio'],
  near: { words: ['twilio'], window: 200 },
  make: (seed) => 'SK' + hex(32, 1100 + seed),
  truncateTo: 24,
  envName: 'TWILIO_API_KEY',
  severity: 'warning',
  minEntropy: 3.0,
  help: 'A Twilio API key (SK…) with its secret sends messages and calls billed to the account. The account SID (AC…) is not secret; the key and its secret are. Read them from TWILIO_API_KEY / TWILIO_API_SECRET.',
  extraFp: () => [`# twilio\nsid = "AC${hex(32, 1105)}"`],
});

export const sendgridApiKey: ProviderSpec = tokenSpec({
  id: 'secret/sendgrid-api-key',
  label: 'SendGrid API key',
  prefix: 'SG\\.',
  body: '[\\w-]{22}\\.[\\w-]{43}',
  keywords: ['sg.'],
  make: (seed) => `SG.${url(22, 1110 + seed)}.${url(43, 1115 + seed)}`,
  truncateTo: 40,
  envName: 'SENDGRID_API_KEY',
  before: '(?<![\\w.-])',
  help: 'A SendGrid key sends email as the account\'s verified domains: phishing that passes SPF and DKIM. Read it from SENDGRID_API_KEY and delete an exposed key.',
});

export const mailgunApiKey: ProviderSpec = tokenSpec({
  id: 'secret/mailgun-api-key',
  label: 'Mailgun API key',
  prefix: 'key-',
  body: '[0-9a-f]{32}',
  keywords: ['mailgun'],
  near: { words: ['mailgun'], window: 300 },
  make: (seed) => 'key-' + hex(32, 1120 + seed),
  truncateTo: 24,
  envName: 'MAILGUN_API_KEY',
  minEntropy: 3.0,
  help: 'A Mailgun key sends email from the account\'s domains and reads its logs. Read it from MAILGUN_API_KEY and rotate an exposed one.',
});

export const shopifyToken: ProviderSpec = tokenSpec({
  id: 'secret/shopify-token',
  label: 'Shopify access token',
  prefix: 'shp(?:at|ca|pa|ss)_',
  body: '[a-fA-F0-9]{32}',
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  make: (seed) => `shp${['at', 'ca', 'pa', 'ss'][seed % 4]}_` + hex(32, 1130 + seed),
  truncateTo: 24,
  envName: 'SHOPIFY_ACCESS_TOKEN',
  minEntropy: 3.0,
  help: 'A Shopify admin (shpat_), custom-app (shpca_), private-app (shppa_) token or shared secret (shpss_) reads orders and customers of the store. Read it from the environment and rotate it in the app settings.',
});

/** Discord bot tokens start with the base64 of the bot's numeric user id (a snowflake). */
const discordToken = (seed: number): string =>
  btoa(digits(18 + (seed % 2), 1140 + seed)).replace(/=+$/, '') + '.' + url(6, 1145 + seed) + '.' + url(38, 1150 + seed);

export const discordBotToken: ProviderSpec = {
  id: 'secret/discord-bot-token',
  label: 'Discord bot token',
  description: 'Discord bot token (base64 user id, timestamp, HMAC) hardcoded near a mention of Discord',
  regex: /(?<![\w.-])([MNO][A-Za-z0-9_-]{23,27}\.[\w-]{6}\.[\w-]{27,40})(?![\w.-])/,
  keywords: ['discord'],
  near: { words: ['discord'], window: 400 },
  minEntropy: 3.8,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'DISCORD_TOKEN',
  validate: (secret) => /^\d{17,20}$/.test(decodeBase64(secret.slice(0, secret.indexOf('.'))) ?? ''),
  samples: {
    tp: () => [`// discord\nclient.login("${discordToken(1)}");`, `DISCORD_TOKEN=${discordToken(2)}`],
    fp: () => [
      `// discord\nclient.login("${'M' + url(23, 1160)}.${url(6, 1161)}.${url(38, 1162)}");`,
      `// discord\ntoken = "${discordToken(3).slice(0, 40)}"`,
      `DISCORD_TOKEN=${discordToken(4).replace(/[A-Za-z0-9]/g, 'x')}`,
    ],
  },
  help: 'A bot token logs in as the bot in every server it joined. Read it from DISCORD_TOKEN and reset it in the Developer Portal.',
};

const discordHook = (seed: number): string => `https://discord.com/api/webhooks/${digits(19, 1170 + seed)}/${url(68, 1175 + seed)}`;

export const discordWebhookUrl: ProviderSpec = {
  id: 'secret/discord-webhook-url',
  label: 'Discord webhook URL',
  description: 'Discord webhook URL (it embeds its token) hardcoded in source or configuration',
  regex: /((?:https?:\/\/)?(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[\w-]{60,68})(?![\w-])/,
  keywords: ['discord'],
  minEntropy: 4.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'DISCORD_WEBHOOK_URL',
  publicPrefix: /^(?:https?:\/\/)?(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\//,
  samples: {
    tp: () => [`const hook = "${discordHook(1)}";`, `DISCORD_WEBHOOK_URL=${discordHook(2)}`.replace('discord.com', 'discordapp.com')],
    fp: () => [
      'hook = "https://discord.com/api/webhooks/<id>/<token>"',
      `hook = "https://discord.com/api/webhooks/${digits(19, 1180)}/${'x'.repeat(68)}"`,
      `hook = "${discordHook(3).slice(0, 70)}"`,
    ],
  },
  help: 'Anyone with a webhook URL can post into its channel under any name and avatar. Read it from the environment and delete the exposed webhook.',
};

export const telegramBotToken: ProviderSpec = {
  id: 'secret/telegram-bot-token',
  label: 'Telegram bot token',
  description: 'Telegram bot token (bot id, colon, 35-character secret) hardcoded near a mention of Telegram',
  regex: /(?:(?<=\/bot)|(?<![\w:-]))([0-9]{8,10}:[A-Za-z0-9_-]{35})(?![\w-])/,
  keywords: ['telegram', 'api.telegram.org'],
  near: { words: ['telegram'], window: 300 },
  minEntropy: 3.5,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'TELEGRAM_BOT_TOKEN',
  publicPrefix: /^[0-9]{8,10}:/,
  samples: {
    tp: () => [
      `# telegram\nTELEGRAM_BOT_TOKEN=${digits(10, 1190)}:AA${url(33, 1191)}`,
      `requests.get(f"https://api.telegram.org/bot${digits(9, 1192)}:AA${url(33, 1193)}/getMe")`,
    ],
    fp: () => [
      `# telegram\nTELEGRAM_BOT_TOKEN=123456789:${'A'.repeat(35)}`,
      `# telegram\ntoken = "${digits(10, 1194)}:AA${url(20, 1195)}"`,
      `time = "${digits(10, 1196)}:AA${url(33, 1197)}" # bot`,
    ],
  },
  help: 'A bot token controls the bot: reads its chats and sends as it. Read it from TELEGRAM_BOT_TOKEN and revoke it with @BotFather.',
};

const mailchimpKey = (seed: number): string => `${hex(32, 1200 + seed)}-us${1 + (seed % 21)}`;

export const mailchimpApiKey: ProviderSpec = {
  id: 'secret/mailchimp-api-key',
  label: 'Mailchimp API key',
  description: 'Mailchimp API key (32 hex digits and its data center, `-us<n>`) hardcoded in source or configuration',
  regex: /(?<![\w-])([0-9a-f]{32}-us[0-9]{1,2})(?![\w-])/,
  keywords: ['-us'],
  minEntropy: 3.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'MAILCHIMP_API_KEY',
  samples: {
    tp: () => [`mailchimp.setConfig({ apiKey: "${mailchimpKey(1)}", server: "us2" });`, `MAILCHIMP_API_KEY=${mailchimpKey(2)}`],
    fp: () => [
      `key = "${'0'.repeat(32)}-us1"`,
      `key = "${hex(24, 1205)}-us6"`,
      `key = "${hex(32, 1206)}-use"`,
      `locale = "en-us"`,
      `id = "x${mailchimpKey(3)}"`,
    ],
  },
  help: 'A Mailchimp key reads the account\'s audiences (subscriber emails) and sends campaigns. Read it from MAILCHIMP_API_KEY and disable an exposed key in Account > Extras > API keys.',
};

export const brevoApiKey: ProviderSpec = tokenSpec({
  id: 'secret/brevo-api-key',
  label: 'Brevo (Sendinblue) API key',
  description: 'Brevo (Sendinblue) API or SMTP key (`xkeysib-` or `xsmtpsib-` + 64 hex + `-` + 16 alphanumerics) hardcoded in source or configuration',
  prefix: 'x(?:keysib|smtpsib)-',
  body: '[a-f0-9]{64}-[A-Za-z0-9]{16}',
  keywords: ['xkeysib-', 'xsmtpsib-'],
  make: (seed) => `${seed % 2 ? 'xkeysib' : 'xsmtpsib'}-${hex(64, 1210 + seed)}-${sampleSecret(ALPHABETS.alnum, 16, 1215 + seed)}`,
  truncateTo: 50,
  envName: 'BREVO_API_KEY',
  minEntropy: 3.0,
  help: 'A Brevo API (xkeysib-) or SMTP (xsmtpsib-) key sends email from the account and reads its contact lists. Read it from the environment and delete an exposed key in the SMTP & API settings.',
});

const uuid = (seed: number): string => {
  const h = hex(32, 1220 + seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export const postmarkServerToken: ProviderSpec = {
  id: 'secret/postmark-server-token',
  label: 'Postmark server token',
  description: 'Postmark server or account token (a UUID assigned to a Postmark token name or sent in its X-Postmark header)',
  regex: /(?:postmark[\w.-]{0,30}?(?:token|key)|x-postmark-(?:server|account)-token)["'`]?\s*(?::=|=>|=|:|,)\s*["'`]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/i,
  keywords: ['postmark'],
  minEntropy: 3.0,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'POSTMARK_SERVER_TOKEN',
  samples: {
    tp: () => [
      `POSTMARK_SERVER_TOKEN=${uuid(1)}`,
      `const client = new postmark.ServerClient(); const postmarkToken = "${uuid(2)}";`,
      `curl -H "X-Postmark-Server-Token: ${uuid(3)}" https://api.postmarkapp.com/email`,
    ],
    fp: () => [
      `POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000`,
      `postmark_message_id = "${uuid(4)}"`,
      `request_id = "${uuid(5)}" // postmark token`,
      'curl -H "X-Postmark-Server-Token: $POSTMARK_SERVER_TOKEN" https://api.postmarkapp.com/email',
    ],
  },
  help: 'A Postmark server token sends email from the server\'s verified senders and reads its message history. Read it from POSTMARK_SERVER_TOKEN and regenerate an exposed token in the server\'s API Tokens tab.',
};
