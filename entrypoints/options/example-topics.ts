import type { NewTopic } from './topic-list';

/**
 * Starting points a researcher can add with one click and then adjust. Terms lean on the matching
 * rules: "KV cache" also finds "KV-cache" and "KV caches", so spelling variants are not repeated.
 */
export const EXAMPLE_TOPICS: readonly NewTopic[] = [
  {
    label: 'LLM agents',
    terms: [
      'LLM agent',
      'language agent',
      'agentic',
      'tool use',
      'tool-augmented',
      'function calling',
      'ReAct',
      'multi-agent',
    ],
  },
  {
    label: 'KV cache',
    terms: [
      'KV cache',
      'key-value cache',
      'PagedAttention',
      'prefix caching',
      'KV eviction',
      'KV quantization',
    ],
  },
  {
    label: 'RAG',
    terms: ['RAG', 'retrieval-augmented generation', 'retrieval-augmented', 'dense retrieval', 'GraphRAG'],
  },
  {
    label: 'Diffusion models',
    terms: [
      'diffusion model',
      'denoising diffusion',
      'score-based generative',
      'DDPM',
      'DDIM',
      'latent diffusion',
    ],
  },
  {
    label: 'RLHF',
    terms: [
      'RLHF',
      'reinforcement learning from human feedback',
      'RLAIF',
      'reward model',
      'preference optimization',
      'preference optimisation',
      'DPO',
    ],
  },
];
