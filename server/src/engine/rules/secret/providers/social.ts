// Social platform APIs: Facebook (Meta Graph API) access tokens and X (Twitter) API bearer tokens.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const b64 = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64, n, seed);

const mixed = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

/** A Graph API token shape built at run time: `EAA` + a long alphanumeric body. */
const fbToken = (seed: number, n = 180): string => 'EAA' + alnum(n, 1500 + seed);

export const facebookAccessToken: ProviderSpec = {
  id: 'secret/facebook-access-token',
  label: 'Facebook access token',
  description: 'Facebook (Meta Graph API) user, page or system-user access token (`EAA` + 100 or more alphanumerics) hardcoded near a mention of Facebook or an access token',
  // Bounded by non-base64 characters on both sides, so a slice of an encoded blob that happens to start with EAA is not one.
  regex: /(?<![A-Za-z0-9+/_-])(EAA[A-Za-z0-9]{100,400})(?![A-Za-z0-9+/_-])/,
  keywords: ['eaa'],
  near: { words: ['facebook', 'graph.', 'fb_', 'fb.', 'access_token', 'accesstoken', 'access-token', 'instagram', 'whatsapp'], window: 300 },
  minEntropy: 4.5,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'FACEBOOK_ACCESS_TOKEN',
  publicPrefix: /^EAA/,
  validate: (token) => mixed(token.slice(3)),
  samples: {
    tp: () => [
      `const FB_ACCESS_TOKEN = "${fbToken(1)}";`,
      `curl "https://graph.facebook.com/v19.0/me/feed?fields=id&access_token=${fbToken(2, 150)}&limit=10"`,
      `graph = facebook.GraphAPI(access_token='${fbToken(3, 220)}')`,
    ],
    fp: () => [
      `const FB_ACCESS_TOKEN = "${fbToken(4).slice(0, 60)}";`,
      `const FB_ACCESS_TOKEN = "EAA${'x'.repeat(180)}";`,
      `const FB_ACCESS_TOKEN = "EAA${'Ab3'.repeat(60)}";`,
      `blob = "${b64(40, 1510)}${fbToken(5)}"  # facebook`,
      `checksum = "${fbToken(6)}"`,
      `FB_ACCESS_TOKEN=EAA${alnum(180, 1511).toLowerCase()}`,
    ],
  },
  help: 'A Graph API access token acts as the user, page or system user that granted it, with every permission it was given. Read it from the environment, and invalidate an exposed one (change the password, remove the app, or regenerate the system-user token in Business Settings).',
};

/** An app-only bearer token shape built at run time: 22 `A`s, then an app id, more `A`s and URL-encoded base64. */
const bearer = (seed: number): string =>
  `${'A'.repeat(22)}${alnum(4, 1520 + seed)}${'A'.repeat(7)}${alnum(9, 1530 + seed)}%2B${alnum(12, 1540 + seed)}%3D${alnum(50, 1550 + seed)}`;

export const twitterBearerToken: ProviderSpec = {
  id: 'secret/twitter-bearer-token',
  label: 'X (Twitter) API bearer token',
  description: 'X (Twitter) API app-only bearer token (22 `A`s and URL-encoded base64) hardcoded near a mention of X, Twitter or a bearer token',
  // Base64 of binary data also starts with runs of `A` (zero bytes): not after `base64,` (a data URI).
  regex: /(?<![A-Za-z0-9%+/_-])(?<!base64,)(A{20,24}[A-Za-z0-9%]{70,120})(?![A-Za-z0-9%+/=_-])/,
  keywords: ['aaaaaaaaaaaaaaaaaaaa'],
  near: { words: ['twitter', 'tweet', 'x.com', 'bearer', 'tweepy', 'twit'], window: 300 },
  allowRuns: true,
  severity: 'error',
  cwe: 'CWE-798',
  envName: 'TWITTER_BEARER_TOKEN',
  publicPrefix: /^A{20,24}/,
  // What follows the leading `A`s is random: mixed case and digits, and not one repeated character.
  validate: (token) => {
    const rest = token.replace(/^A+/, '').replace(/%[0-9A-F]{2}/g, '');
    return rest.length >= 60 && mixed(rest) && new Set(rest).size >= 20;
  },
  samples: {
    tp: () => [
      `const client = new TwitterApi("${bearer(1)}");`,
      `TWITTER_BEARER_TOKEN=${bearer(2)}`,
      `tweepy.Client(bearer_token='${bearer(3)}')`,
    ],
    fp: () => [
      `TWITTER_BEARER_TOKEN=${bearer(4).slice(0, 60)}`,
      `TWITTER_BEARER_TOKEN=${'A'.repeat(100)}`,
      `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${'xY1'.repeat(30)}`,
      `font = "data:font/woff2;base64,${'A'.repeat(24)}${b64(120, 1560)}" /* tweet icon */`,
      `blob = "${bearer(5)}"`,
    ],
  },
  help: 'An app-only bearer token reads the X API as the app and spends its quota. Read it from the environment and regenerate an exposed one in the developer portal.',
};
