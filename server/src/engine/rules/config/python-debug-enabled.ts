// config/python-debug-enabled: Flask, Django and FastAPI/Starlette debug mode switched on in code or in production settings.
import { isNonProductionModule, isSettingsModule, pySource, pythonFix, type PyArg, type PySource } from '../../languages/python';
import { defineRule, docsUrl, type RuleContext } from '../../rule';
import type { Fix, Severity } from '../../types';
import { isTestLikePath } from '../secret/heuristics';
import { servesOnlyLocalhost } from './shared/py-local-settings';

const ID = 'config/python-debug-enabled';

/** Receivers that name a Flask-style application even when the module does not import Flask itself (`from app import app`). */
const APP_NAMES = new Set(['app', 'application', 'server', 'socketio', 'flask_app', 'webapp']);
/** Modules whose `x.run(debug=True)` starts the Werkzeug debugger. */
const WERKZEUG_APPS = ['flask', 'quart', 'dash', 'flask_socketio'];
/** Receivers whose `run` is not a web server. */
const NOT_SERVERS = new Set(['asyncio', 'subprocess', 'uvicorn', 'trio', 'anyio', 'unittest', 'pytest', 'loop', 'runner', 'cli']);
const ASGI_APPS = new Set(['FastAPI', 'fastapi.FastAPI', 'Starlette', 'starlette.applications.Starlette', 'applications.Starlette']);
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]', '']);

const envFlag = (name: string): string => `os.environ.get("${name}") == "1"`;

interface Hit {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string>;
  severity?: Severity;
  fix?: Fix;
}

function isTrue(src: PySource, from: number, to: number): boolean {
  const v = src.literal(from, to);
  return v?.kind === 'bool' && v.value;
}

/** `True`, or a module constant (`DEBUG = True`, `DEBUG = 1`) that every assignment in the file sets to a true literal. */
function isTrueOrConstant(src: PySource, from: number, to: number): boolean {
  if (isTrue(src, from, to)) return true;
  const tok = src.tokens[from];
  if (to - from !== 1 || tok.kind !== 'name' || /^(?:True|False|None)$/.test(tok.text)) return false;
  const sets = src.assignments().filter((a) => a.target === tok.text);
  return sets.some((a) => a.indent === 0) && sets.every((a) => {
    if (a.op !== '=') return false;
    const v = src.literal(a.from, a.to);
    return (v?.kind === 'bool' && v.value) || (v?.kind === 'number' && /^[1-9]\d*$/.test(v.text));
  });
}

function replaceValue(ctx: RuleContext, src: PySource, from: number, to: number, env: string): Fix {
  const [s, e] = src.span(from, to);
  return pythonFix(ctx, `Read debug mode from the ${env} environment variable`, [ctx.lines.edit(s, e, envFlag(env))]);
}

function checkCalls(ctx: RuleContext, src: PySource, werkzeug: boolean, out: Hit[]): void {
  const asgi = src.importsModule('fastapi') || src.importsModule('starlette');
  for (const call of src.calls()) {
    const debug = src.kwarg(call, 'debug');
    const parts = call.callee.split('.');
    const last = parts[parts.length - 1];
    if (debug && isTrueOrConstant(src, debug.from, debug.to)) {
      if ((last === 'run' || last === 'run_server') && parts.length === 2 && !call.callee.startsWith('.')) {
        const receiver = parts[0];
        if (NOT_SERVERS.has(receiver) || !(APP_NAMES.has(receiver) || werkzeug)) continue;
        out.push(runHit(ctx, src, call.callee, debug, src.kwarg(call, 'host')));
      } else if (ASGI_APPS.has(call.callee) && (asgi || call.callee.includes('.'))) {
        out.push({ start: debug.start, end: debug.end, messageId: 'asgiDebug', data: { call: call.callee }, fix: replaceValue(ctx, src, debug.from, debug.to, 'DEBUG') });
      }
      continue;
    }
    // `app.config.update(DEBUG=True)`, `app.config.from_mapping(DEBUG=True)`.
    if (/\.config\.(?:update|from_mapping)$/.test(call.callee)) {
      const arg = src.kwarg(call, 'DEBUG');
      if (arg && isTrue(src, arg.from, arg.to)) {
        out.push({ start: arg.start, end: arg.end, messageId: 'flaskConfig', fix: replaceValue(ctx, src, arg.from, arg.to, 'FLASK_DEBUG') });
      }
    }
  }
}

function runHit(ctx: RuleContext, src: PySource, callee: string, debug: PyArg, host: PyArg | undefined): Hit {
  const fix = replaceValue(ctx, src, debug.from, debug.to, 'FLASK_DEBUG');
  const h = host && src.literal(host.from, host.to);
  if (h?.kind === 'str' && ALL_INTERFACES.has(h.value)) {
    return { start: debug.start, end: debug.end, messageId: 'flaskRunExposed', data: { call: callee, host: h.value || '""' }, severity: 'error', fix };
  }
  return { start: debug.start, end: debug.end, messageId: 'flaskRun', data: { call: callee }, fix };
}

function checkAssignments(ctx: RuleContext, src: PySource, werkzeug: boolean, out: Hit[]): void {
  const djangoSettings = isSettingsModule(ctx.path) && !isNonProductionModule(ctx.path) && !servesOnlyLocalhost(src);
  for (const a of src.assignments()) {
    if (a.op !== '=' || !isTrue(src, a.from, a.to)) continue;
    const [start, end] = [src.tokens[a.targetFrom].start, src.tokens[a.to - 1].end];
    const attr = /^(\w+)\.debug$/.exec(a.target);
    if (attr && (werkzeug || APP_NAMES.has(attr[1]))) {
      out.push({ start, end, messageId: 'flaskAttr', data: { target: a.target }, fix: replaceValue(ctx, src, a.from, a.to, 'FLASK_DEBUG') });
    } else if (/^\w+\.config\['DEBUG'\]$/.test(a.target)) {
      out.push({ start, end, messageId: 'flaskConfig', fix: replaceValue(ctx, src, a.from, a.to, 'FLASK_DEBUG') });
    } else if (a.target === 'DEBUG' && a.indent === 0 && djangoSettings) {
      out.push({ start, end, messageId: 'djangoDebug', fix: replaceValue(ctx, src, a.from, a.to, 'DEBUG') });
    }
  }
}

export default defineRule({
  meta: {
    id: ID,
    category: 'config',
    description: 'Web framework debug mode (Flask, Django, FastAPI/Starlette) switched on in code or production settings.',
    severity: 'warning',
    cwe: 'CWE-489',
    fix: 'unsafe',
    messages: {
      flaskRun: '{{call}}(debug=True) starts the Werkzeug debugger, which runs any code sent to it; read the flag from the environment',
      flaskRunExposed: '{{call}}(debug=True) listens on {{host}}: the Werkzeug debugger is reachable from the network and runs any code sent to it',
      flaskAttr: '{{target}} = True turns on Flask debug mode and its interactive debugger; read the flag from the environment',
      flaskConfig: 'DEBUG = True in the Flask config turns on debug mode and its interactive debugger; read the flag from the environment',
      djangoDebug: 'DEBUG = True in a production settings module shows tracebacks, settings and SQL queries to every visitor',
      asgiDebug: '{{call}}(debug=True) sends tracebacks to clients when a request fails; read the flag from the environment',
    },
    help:
      'Debug mode is for a developer machine: Flask\'s debugger executes code typed into the error page, Django and Starlette ' +
      'show tracebacks and configuration to anyone. Read the flag from the environment so production runs with it off. ' +
      `Docs: ${docsUrl(ID)}`,
  },
  appliesTo: ({ lang, path }) => lang === 'python' && !isTestLikePath(path),
  check(ctx) {
    if (!/debug/i.test(ctx.text)) return;
    const src = pySource(ctx);
    const werkzeug = WERKZEUG_APPS.some((m) => src.importsModule(m));
    const hits: Hit[] = [];
    checkCalls(ctx, src, werkzeug, hits);
    checkAssignments(ctx, src, werkzeug, hits);
    for (const h of hits) ctx.report({ start: h.start, end: h.end, messageId: h.messageId, data: h.data, severity: h.severity, fixes: h.fix ? [h.fix] : [] });
  },
});
