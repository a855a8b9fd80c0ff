// Parses a Dockerfile into instructions (continuations, comments, heredocs, escape directive) and build stages, with exact offsets.
import type { RuleContext } from '../rule';

export interface Instruction {
  /** Upper-cased keyword: `RUN`, `FROM`, `USER`… */
  name: string;
  /** Offset of the keyword. */
  start: number;
  /** End of the instruction (its last line, heredoc bodies included, without the line break). */
  end: number;
  /** Offset where the arguments start (after the keyword and its blanks). */
  argsStart: number;
  /**
   * The arguments, `text.slice(argsStart, end)` with line continuations (escape + line break) and comment lines
   * inside the instruction blanked to spaces: same length, so `argsStart + index` is an offset in the file, and a
   * line break left in it (a heredoc body) is a real one.
   */
  args: string;
  /** 0-based line of the keyword. */
  line: number;
}

export interface Stage {
  /** 0-based stage number. */
  index: number;
  /** `AS name`, lower-cased, when given. */
  name?: string;
  /** The base image as written (`node:20-alpine`, `builder`, `${BASE}`). */
  image: string;
  from: Instruction;
  /** The stage's instructions after FROM. */
  instructions: Instruction[];
}

export interface Dockerfile {
  /** Instructions before the first FROM (ARG, parser directives are comments). */
  preamble: Instruction[];
  stages: Stage[];
  instructions: Instruction[];
  /** The escape character (`\` or a backtick from `# escape=`). */
  escape: string;
}

/** Parses once per file. Never throws; unknown lines become instructions with whatever keyword they start with. */
export function dockerfile(ctx: Pick<RuleContext, 'memo' | 'text'>): Dockerfile {
  return ctx.memo('dockerfile', () => parseDockerfile(ctx.text));
}

export function parseDockerfile(text: string): Dockerfile {
  const lines: { start: number; end: number; next: number }[] = [];
  for (let i = 0; i <= text.length;) {
    let e = i;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    const next = text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1;
    lines.push({ start: i, end: e, next });
    if (e >= text.length) break;
    i = next;
  }
  const lineText = (l: number): string => text.slice(lines[l].start, lines[l].end);

  let escape = '\\';
  // Parser directives: leading `# key=value` comments, before any other line.
  for (let l = 0; l < lines.length; l++) {
    const d = /^\s*#\s*(\w+)\s*=\s*(\S+)\s*$/.exec(lineText(l));
    if (!d) break;
    if (d[1].toLowerCase() === 'escape' && (d[2] === '`' || d[2] === '\\')) escape = d[2];
  }

  const instructions: Instruction[] = [];
  let l = 0;
  while (l < lines.length) {
    const t = lineText(l);
    const head = /^(\s*)([A-Za-z]+)(\s+|$)/.exec(t);
    if (!head || /^\s*#/.test(t)) {
      l++;
      continue;
    }
    const first = l;
    const start = lines[l].start + head[1].length;
    const argsStart = start + head[2].length + head[3].length;
    const blanks: [number, number][] = [];
    // Follow continuations: a line ending in the escape character; comment and empty lines inside are skipped.
    for (;;) {
      const cur = lineText(l);
      const cont = new RegExp(`${escape === '\\' ? '\\\\' : '`'}\\s*$`).exec(cur);
      if (!cont || l + 1 >= lines.length) break;
      blanks.push([lines[l].start + cont.index, lines[l].next]);
      l++;
      while (l + 1 < lines.length && /^\s*(?:#.*)?$/.test(lineText(l))) {
        blanks.push([lines[l].start, lines[l].next]);
        l++;
      }
    }
    // Heredocs (`RUN <<EOF`, `COPY <<-"EOF" /x`): the bodies follow, each up to its terminator line.
    const name = head[2].toUpperCase();
    const headText = text.slice(argsStart, lines[l].end);
    for (const h of headText.matchAll(/<<(-?)(["']?)([A-Za-z_][\w]*)\2/g)) {
      if (name !== 'RUN' && name !== 'COPY' && name !== 'ADD') break;
      const strip = h[1] === '-';
      let k = l + 1;
      while (k < lines.length && (strip ? lineText(k).replace(/^\t+/, '') : lineText(k)) !== h[3]) k++;
      l = Math.min(k, lines.length - 1);
    }
    const end = lines[l].end;
    let args = text.slice(argsStart, end);
    for (const [s, e] of blanks) {
      const from = Math.max(s, argsStart) - argsStart;
      const to = Math.min(e, end) - argsStart;
      if (to <= from) continue;
      args = args.slice(0, from) + ' '.repeat(to - from) + args.slice(to);
    }
    instructions.push({ name, start, end, argsStart, args, line: first });
    l++;
  }

  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.name === 'FROM') {
      const words = ins.args.trim().split(/\s+/).filter((w) => !w.startsWith('--'));
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ index: stages.length, image: words[0] ?? '', name: as > 0 ? words[as + 1]?.toLowerCase() : undefined, from: ins, instructions: [] });
    } else if (stages.length) stages[stages.length - 1].instructions.push(ins);
    else preamble.push(ins);
  }
  return { preamble, stages, instructions, escape };
}

/** RUN's shell command (after `--mount=…`, `--network=…` flags), as an offset into the file and text of the same length. */
export function runCommand(ins: Instruction): { at: number; text: string } {
  const flags = /^(?:--[\w-]+(?:=\S*)?\s+)*/.exec(ins.args)![0];
  return { at: ins.argsStart + flags.length, text: ins.args.slice(flags.length) };
}

/** The last stage and the stages it is built `FROM` (by name or number), last first: what ships in the image. */
export function shippedStages(df: Dockerfile): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = df.stages[df.stages.length - 1];
  while (s && !out.includes(s)) {
    out.push(s);
    s = baseStage(df, s);
  }
  return out;
}

/** The earlier stage a stage is built from, when its FROM names one. */
export function baseStage(df: Dockerfile, stage: Stage): Stage | undefined {
  const image = stage.image.toLowerCase();
  return df.stages.find((p) => p.index < stage.index && (p.name === image || String(p.index) === image));
}

/** The user of the last `USER` instruction in a stage (`root`, `1000:1000`, `$APP_USER`), or undefined. */
export function lastUser(stage: Stage): { user: string; ins: Instruction } | undefined {
  const ins = stage.instructions.filter((i) => i.name === 'USER').pop();
  return ins ? { user: ins.args.trim(), ins } : undefined;
}
