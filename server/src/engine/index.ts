// Public surface of the engine, for the language server, the CLI and the tests.
export * from './types';
export * from './host';
export * from './engine';
export * from './rule';
export { allRules, findRule, buildRegistry } from './registry';
export { LineIndex, applyEdits, redact, hash, shannonEntropy } from './text';
export { detectLanguage, type Lang } from './languages/detect';
export { applyFix } from './apply';
