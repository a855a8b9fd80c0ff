// config/aspnet-debug-enabled: ASP.NET Web.config turning on debug compilation, detailed errors for remote users, or remote tracing.
import { basename, dirname } from '../../languages/detect';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix } from '../../types';

const ID = 'config/aspnet-debug-enabled';

interface Check {
  element: string;
  attr: string;
  /** Attribute values that are the problem (case-insensitive). */
  bad: RegExp;
  messageId: string;
  /** Replacement value for the fix, when one is clear. */
  good?: string;
  /** Only when the element also has this attribute value (trace with localOnly="false"). */
  also?: { attr: string; value: RegExp };
}

const CHECKS: Check[] = [
  { element: 'compilation', attr: 'debug', bad: /^true$/i, messageId: 'debugCompilation', good: 'false' },
  { element: 'customErrors', attr: 'mode', bad: /^off$/i, messageId: 'customErrorsOff', good: 'RemoteOnly' },
  { element: 'httpErrors', attr: 'errorMode', bad: /^detailed$/i, messageId: 'detailedErrors', good: 'DetailedLocalOnly' },
  { element: 'trace', attr: 'enabled', bad: /^true$/i, messageId: 'remoteTrace', also: { attr: 'localOnly', value: /^false$/i } },
];

/** `<!-- … -->` spans and CDATA sections of an XML text. */
function commentSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** An attribute's value and its offsets (inside the quotes) within a start tag. */
function attribute(tag: string, name: string): { value: string; nameAt: number; start: number; end: number } | undefined {
  const m = new RegExp(`\\s(${name})\\s*=\\s*(["'])(.*?)\\2`, 'i').exec(tag);
  if (!m) return undefined;
  const end = m.index + m[0].length - 1;
  return { value: m[3], nameAt: m.index + 1, start: end - m[3].length, end };
}

/** The Release transform (Web.Release.config) rewrites the element or removes the attribute when the site is published. */
function transformedForRelease(release: string, c: Check): boolean {
  const clean = release.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of clean.matchAll(new RegExp(`<${c.element}\\b[^>]*>`, 'gi'))) {
    if (/xdt:Transform\s*=\s*["'](?:Replace|Remove|RemoveAll|SetAttributes|RemoveAttributes)/i.test(m[0])) return true;
  }
  return false;
}

function fixFor(ctx: RuleContext, c: Check, start: number, end: number): Fix[] {
  if (!c.good) return [];
  return [{ title: `Set ${c.attr}="${c.good}"`, applicability: 'unsafe', changes: [{ path: ctx.path, edits: [ctx.lines.edit(start, end, c.good)] }] }];
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'An ASP.NET Web.config turns on debug compilation, shows detailed errors to remote users, or allows remote tracing.',
    severity: 'warning',
    cwe: 'CWE-489',
    fix: 'unsafe',
    messages: {
      debugCompilation: '<compilation debug="true"> builds the site in debug mode: slower, no request timeouts, and error pages with source lines',
      customErrorsOff: '<customErrors mode="Off"> shows every visitor the full error page: stack traces, source lines and framework versions',
      detailedErrors: '<httpErrors errorMode="Detailed"> makes IIS show detailed error pages, with paths and configuration, to remote visitors',
      remoteTrace: '<trace enabled="true" localOnly="false"> lets anyone read trace.axd: recent requests with their headers, cookies and form values',
    },
    help: `Web.config is the production configuration; keep debug settings in Web.Debug.config transforms or local overrides. See ${docsUrl(ID)}`,
  },
  // Web.Debug.config and Web.Release.config are transforms, not configuration.
  appliesTo: ({ path }) => /^web\.config$/i.test(basename(path)),
  async check(ctx) {
    const { text } = ctx;
    if (!/<(?:compilation|customErrors|httpErrors|trace)\b/i.test(text)) return;
    const dir = dirname(ctx.path);
    const release = (await ctx.readFile(`${dir ? dir + '/' : ''}Web.Release.config`)) ?? '';
    const comments = commentSpans(text);
    const commented = (at: number): boolean => comments.some(([s, e]) => at >= s && at < e);
    for (const c of CHECKS) {
      if (release && transformedForRelease(release, c)) continue;
      for (const m of text.matchAll(new RegExp(`<${c.element}\\b[^>]*>`, 'gi'))) {
        if (commented(m.index)) continue;
        const a = attribute(m[0], c.attr);
        if (!a || !c.bad.test(a.value.trim())) continue;
        if (c.also) {
          const b = attribute(m[0], c.also.attr);
          if (!b || !c.also.value.test(b.value.trim())) continue;
        }
        ctx.report({ start: m.index + a.nameAt, end: m.index + a.end + 1, messageId: c.messageId, fixes: fixFor(ctx, c, m.index + a.start, m.index + a.end) });
      }
    }
  },
});
