// Maps a path (or VS Code language id) to the language Warden treats it as, and its comment syntax.

export type Lang =
  | 'javascript' | 'typescript' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php' | 'elixir' | 'rust'
  | 'shell' | 'dotenv' | 'dockerfile' | 'yaml' | 'json' | 'toml' | 'ini' | 'properties' | 'sql' | 'xml' | 'html'
  | 'kotlin' | 'swift' | 'c' | 'cpp' | 'markdown' | 'plaintext';

const byExt: Record<string, Lang> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  py: 'python', pyw: 'python', go: 'go', java: 'java', cs: 'csharp', rb: 'ruby', rake: 'ruby', php: 'php',
  ex: 'elixir', exs: 'elixir', rs: 'rust', sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell',
  yml: 'yaml', yaml: 'yaml', json: 'json', jsonc: 'json', toml: 'toml', ini: 'ini', cfg: 'ini', conf: 'ini',
  properties: 'properties', sql: 'sql', xml: 'xml', config: 'xml', html: 'html', htm: 'html', vue: 'html',
  kt: 'kotlin', kts: 'kotlin', swift: 'swift', c: 'c', h: 'c', cpp: 'cpp', cc: 'cpp', hpp: 'cpp', md: 'markdown',
  env: 'dotenv', tf: 'plaintext', txt: 'plaintext',
};

const byLanguageId: Record<string, Lang> = {
  javascript: 'javascript', javascriptreact: 'javascript', typescript: 'typescript', typescriptreact: 'typescript',
  python: 'python', go: 'go', java: 'java', csharp: 'csharp', ruby: 'ruby', php: 'php', elixir: 'elixir', rust: 'rust',
  shellscript: 'shell', dotenv: 'dotenv', dockerfile: 'dockerfile', yaml: 'yaml', 'github-actions-workflow': 'yaml',
  json: 'json', jsonc: 'json', toml: 'toml', ini: 'ini', properties: 'properties', sql: 'sql', xml: 'xml', html: 'html',
  kotlin: 'kotlin', swift: 'swift', c: 'c', cpp: 'cpp', markdown: 'markdown',
};

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `.env`, `.env.local`, `prod.env`; not `.env.example` and other templates (those are still dotenv). */
export function isDotenvName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

export function detectLanguage(path: string, languageId?: string): Lang {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (isDotenvName(lower)) return 'dotenv';
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') || lower === 'containerfile') return 'dockerfile';
  if (languageId && byLanguageId[languageId]) return byLanguageId[languageId];
  const dot = lower.lastIndexOf('.');
  if (dot >= 0) {
    const lang = byExt[lower.slice(dot + 1)];
    if (lang) return lang;
  }
  if (lower === 'gemfile' || lower === 'rakefile') return 'ruby';
  return 'plaintext';
}

export function isJsLike(lang: Lang): boolean {
  return lang === 'javascript' || lang === 'typescript';
}

/** How to write a line comment in the language, or undefined when it has none (JSON). */
export function lineComment(lang: Lang): { open: string; close: string } | undefined {
  switch (lang) {
    case 'javascript': case 'typescript': case 'go': case 'java': case 'csharp': case 'rust': case 'php':
    case 'kotlin': case 'swift': case 'c': case 'cpp':
      return { open: '//', close: '' };
    case 'python': case 'ruby': case 'elixir': case 'shell': case 'dotenv': case 'dockerfile': case 'yaml':
    case 'toml': case 'properties': case 'plaintext':
      return { open: '#', close: '' };
    case 'ini':
      return { open: ';', close: '' };
    case 'sql':
      return { open: '--', close: '' };
    case 'xml': case 'html': case 'markdown':
      return { open: '<!--', close: ' -->' };
    case 'json':
      return undefined;
  }
}
