// Pure structural checks shared by provider specs: decoding base64, recognising placeholders and example hosts.

/** Decodes standard or URL-safe base64 (padding optional) to a binary string, or undefined when it is not base64. */
export function decodeBase64(s: string): string | undefined {
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(std) || std.replace(/=+$/, '').length % 4 === 1) return undefined;
  const padded = std.replace(/=+$/, '') + '='.repeat((4 - (std.replace(/=+$/, '').length % 4)) % 4);
  try {
    return atob(padded);
  } catch {
    return undefined;
  }
}

/** The JSON object a base64url segment encodes (a JWT header or payload), or undefined. */
export function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const raw = decodeBase64(segment);
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Every character printable ASCII (or tab): a decoded `user:password` pair rather than random bytes. */
export function isPrintable(s: string): boolean {
  return /^[\x20-\x7e\t]+$/.test(s);
}

/** Words that mark a credential as a documentation placeholder rather than a value. */
export const PLACEHOLDER_WORDS = [
  'example', 'sample', 'placeholder', 'your', 'xxxx', 'changeme', 'change_me', 'redacted', 'dummy', 'fake', 'secret',
  'password', 'passwd', 'token', 'insert', 'replace', 'todo', 'foobar', '****', '....', '…',
] as const;

/** Hosts of documentation examples (RFC 2606 names and the usual stand-ins) and this machine (`localhost`, loopback). */
export function isExampleHost(host: string): boolean {
  const h = host.toLowerCase();
  return /(?:^|\.)(?:example|invalid|test|localhost)$/.test(h)
    || /^(?:127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|0:0:0:0:0:0:0:1|host\.docker\.internal)$/.test(h)
    || /(?:^|\.)example\.(?:com|org|net)$/.test(h)
    || /^(?:host|hostname|server|domain|your[\w-]*|my[\w-]*host|some[\w-]*|db_?host|<.*)$/.test(h)
    || /(?:^|\.)(?:domain|yourdomain|mydomain|company|foo|bar)\.(?:com|org|net)$/.test(h);
}
