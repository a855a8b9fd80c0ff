// AI platform API keys as provider data: OpenAI, Anthropic (API, admin, OAuth), OpenRouter, Hugging Face, Groq, xAI, Perplexity, Replicate, LangSmith, Pinecone.
import type { ProviderSpec } from '../provider';
import { ALPHABETS, sampleSecret } from '../samples';
import { tokenSpec } from './kit';

const alnum = (n: number, seed: number): string => sampleSecret(ALPHABETS.alnum, n, seed);
const url = (n: number, seed: number): string => sampleSecret(ALPHABETS.base64url, n, seed);
const hex = (n: number, seed: number): string => sampleSecret(ALPHABETS.hex, n, seed);
/** OpenAI embeds base64 "openai" in every key; built from parts so this file holds no key-shaped literal. */
const OPENAI_MARK = 'T3Blbk' + 'FJ';
const help = (what: string, env: string, where: string): string =>
  `${what} Read it from ${env} (the official SDKs do so by default) and revoke an exposed key in ${where}.`;

export const openaiApiKey: ProviderSpec = tokenSpec({
  id: 'secret/openai-api-key',
  label: 'OpenAI API key',
  prefix: 'sk-(?:proj-|svcacct-|admin-|None-)?',
  body: `[A-Za-z0-9_-]{20,}${OPENAI_MARK}[A-Za-z0-9_-]{20,}`,
  keywords: [OPENAI_MARK.toLowerCase()],
  make: (seed) =>
    seed % 2
      ? `sk-${['proj', 'svcacct', 'admin'][seed % 3]}-${url(74, 600 + seed)}${OPENAI_MARK}${url(74, 610 + seed)}`
      : `sk-${alnum(20, 620 + seed)}${OPENAI_MARK}${alnum(20, 630 + seed)}`,
  truncateTo: 30,
  envName: 'OPENAI_API_KEY',
  help: help('An OpenAI key spends the organisation\'s credits and reads its files, assistants and fine-tunes.', 'OPENAI_API_KEY', 'the API keys page of the project'),
  extraFp: () => [`key = "sk-${'x'.repeat(20)}${OPENAI_MARK}${'x'.repeat(20)}"`, `key = "sk-proj-${alnum(40, 640)}"`, 'OPENAI_API_KEY=sk-...'],
});

const ant = (kind: string, seed: number): string => `sk-ant-${kind}-${url(93, 650 + seed)}AA`;

export const anthropicApiKey: ProviderSpec = tokenSpec({
  id: 'secret/anthropic-api-key',
  label: 'Anthropic API key',
  prefix: 'sk-ant-api03-',
  body: '[\\w-]{93}AA',
  keywords: ['sk-ant-api03-'],
  make: (seed) => ant('api03', seed),
  truncateTo: 60,
  envName: 'ANTHROPIC_API_KEY',
  help: help('An Anthropic API key spends the workspace\'s credits.', 'ANTHROPIC_API_KEY', 'the Claude Console'),
  extraFp: () => [`key = "sk-ant-api03-${url(93, 660)}"`],
});

export const anthropicAdminKey: ProviderSpec = tokenSpec({
  id: 'secret/anthropic-admin-key',
  label: 'Anthropic Admin API key',
  prefix: 'sk-ant-admin01-',
  body: '[\\w-]{93}AA',
  keywords: ['sk-ant-admin01-'],
  make: (seed) => ant('admin01', seed + 20),
  truncateTo: 60,
  envName: 'ANTHROPIC_ADMIN_KEY',
  help: help('An Admin API key manages the organisation: members, workspaces and API keys.', 'ANTHROPIC_ADMIN_KEY', 'the Claude Console'),
});

export const anthropicOauthToken: ProviderSpec = tokenSpec({
  id: 'secret/anthropic-oauth-token',
  label: 'Anthropic OAuth token',
  description: 'Anthropic OAuth access (`sk-ant-oat01-`) or refresh (`sk-ant-ort01-`) token of a Claude subscription hardcoded in source or configuration',
  prefix: 'sk-ant-o[ar]t01-',
  // No published length: the 40-character floor keeps truncated and placeholder values out.
  body: '[\\w-]{40,}',
  keywords: ['sk-ant-oat01-', 'sk-ant-ort01-'],
  make: (seed) => `sk-ant-${seed % 2 ? 'ort01' : 'oat01'}-${url(100, 670 + seed)}`,
  truncateTo: 45,
  envName: 'CLAUDE_CODE_OAUTH_TOKEN',
  help: help('An Anthropic OAuth token acts as the Claude.ai account it belongs to; a refresh token mints new ones.', 'CLAUDE_CODE_OAUTH_TOKEN', 'the account\'s Claude settings'),
  extraFp: () => ['anthropic_token = "sk-ant-oat01-tooShort"'],
});

export const openrouterApiKey: ProviderSpec = tokenSpec({
  id: 'secret/openrouter-api-key',
  label: 'OpenRouter API key',
  prefix: 'sk-or-v1-',
  body: '[a-f0-9]{64}',
  keywords: ['sk-or-v1-'],
  make: (seed) => 'sk-or-v1-' + hex(64, 680 + seed),
  truncateTo: 40,
  envName: 'OPENROUTER_API_KEY',
  minEntropy: 3.0,
  help: help('An OpenRouter key spends the account\'s credits on every model it routes to.', 'OPENROUTER_API_KEY', 'openrouter.ai/keys'),
});

export const huggingfaceToken: ProviderSpec = tokenSpec({
  id: 'secret/huggingface-token',
  label: 'Hugging Face access token',
  // User access tokens (`hf_`) and the older organization API tokens (`api_org_`).
  prefix: '(?:hf|api_org)_',
  body: '[A-Za-z]{34}',
  keywords: ['hf_', 'api_org_'],
  make: (seed) => (seed % 2 ? 'hf_' : 'api_org_') + sampleSecret(ALPHABETS.letters, 34, 690 + seed),
  truncateTo: 20,
  envName: 'HF_TOKEN',
  minEntropy: 3.8,
  help: help('A Hugging Face token reads (or writes) the user\'s private models, datasets and Spaces.', 'HF_TOKEN', 'huggingface.co/settings/tokens'),
  // Identifiers such as hf_hub_download_with_cache_dir… have the shape but not the entropy or mix of cases.
  extraFp: () => ['from x import hf_hubDownloadFunctionWithRetriesAndCache', 'const hf_ = "hf_thisIsNotATokenButAVariableNameX"'],
});

export const groqApiKey: ProviderSpec = tokenSpec({
  id: 'secret/groq-api-key',
  label: 'Groq API key',
  prefix: 'gsk_',
  body: '[A-Za-z0-9]{52}',
  keywords: ['gsk_'],
  make: (seed) => 'gsk_' + alnum(52, 700 + seed),
  truncateTo: 30,
  envName: 'GROQ_API_KEY',
  help: help('A Groq key spends the organisation\'s quota.', 'GROQ_API_KEY', 'console.groq.com/keys'),
});

export const xaiApiKey: ProviderSpec = tokenSpec({
  id: 'secret/xai-api-key',
  label: 'xAI API key',
  prefix: 'xai-',
  body: '[A-Za-z0-9]{80}',
  keywords: ['xai-'],
  make: (seed) => 'xai-' + alnum(80, 710 + seed),
  truncateTo: 40,
  envName: 'XAI_API_KEY',
  help: help('An xAI key spends the team\'s credits.', 'XAI_API_KEY', 'console.x.ai'),
});

export const perplexityApiKey: ProviderSpec = tokenSpec({
  id: 'secret/perplexity-api-key',
  label: 'Perplexity API key',
  prefix: 'pplx-',
  body: '[A-Za-z0-9]{48}',
  keywords: ['pplx-'],
  make: (seed) => 'pplx-' + alnum(48, 720 + seed),
  truncateTo: 30,
  envName: 'PERPLEXITY_API_KEY',
  help: help('A Perplexity key spends the account\'s credits.', 'PERPLEXITY_API_KEY', 'the API settings page'),
});

export const replicateApiToken: ProviderSpec = tokenSpec({
  id: 'secret/replicate-api-token',
  label: 'Replicate API token',
  description: 'Replicate API token (`r8_` + 37 alphanumerics) hardcoded in source or configuration',
  prefix: 'r8_',
  body: '[A-Za-z0-9]{37}',
  keywords: ['r8_'],
  make: (seed) => 'r8_' + alnum(37, 730 + seed),
  truncateTo: 30,
  envName: 'REPLICATE_API_TOKEN',
  help: help('A Replicate token runs models and deployments billed to the account.', 'REPLICATE_API_TOKEN', 'replicate.com/account/api-tokens'),
});

export const langsmithApiKey: ProviderSpec = tokenSpec({
  id: 'secret/langsmith-api-key',
  label: 'LangSmith API key',
  description: 'LangSmith API key (`lsv2_pt_` or `lsv2_sk_` + 32 hex + `_` + 10 hex) hardcoded in source or configuration',
  prefix: 'lsv2_(?:pt|sk)_',
  body: '[a-f0-9]{32}_[a-f0-9]{10}',
  keywords: ['lsv2_pt_', 'lsv2_sk_'],
  make: (seed) => `lsv2_${seed % 2 ? 'pt' : 'sk'}_${hex(32, 740 + seed)}_${hex(10, 745 + seed)}`,
  truncateTo: 30,
  envName: 'LANGSMITH_API_KEY',
  minEntropy: 3.0,
  help: help('A LangSmith personal (lsv2_pt_) or service (lsv2_sk_) key reads the traces of the workspace: prompts, completions and the data in them.', 'LANGSMITH_API_KEY', 'the LangSmith settings'),
  extraFp: () => [`key = "lsv2_xx_${hex(32, 748)}_${hex(10, 749)}"`],
});

export const pineconeApiKey: ProviderSpec = tokenSpec({
  id: 'secret/pinecone-api-key',
  label: 'Pinecone API key',
  description: 'Pinecone API key (`pcsk_` + 5-6 characters + `_` + 63 alphanumerics) hardcoded in source or configuration',
  prefix: 'pcsk_',
  body: '[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}',
  keywords: ['pcsk_'],
  make: (seed) => `pcsk_${alnum(5 + (seed % 2), 750 + seed)}_${alnum(63, 755 + seed)}`,
  truncateTo: 50,
  envName: 'PINECONE_API_KEY',
  help: help('A Pinecone key reads, writes and deletes the project\'s indexes.', 'PINECONE_API_KEY', 'the Pinecone console'),
});
