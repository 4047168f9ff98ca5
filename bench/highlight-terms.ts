/**
 * Topic terms for the highlighting benchmark. The first 15 terms (5 topics) occur on the generated
 * page, in the spellings of CORE_SPELLINGS (hyphens, plurals, capitals); the rest are made-up
 * research phrases, some sharing words with the page's filler text, so the larger sets add work
 * without changing what matches much.
 */
import type { HighlightTopic } from '../lib/topics/highlighter';

const CORE_TERMS = [
  'KV cache',
  'key-value cache',
  'paged attention',
  'retrieval augmented generation',
  'RAG',
  'dense retrieval',
  'mixture of experts',
  'MoE',
  'expert routing',
  'quantization',
  'low-bit',
  'GPTQ',
  'diffusion model',
  'score matching',
  'denoising',
];

/** The core terms as people write them: what the generated page mixes into its text. */
const CORE_SPELLINGS = [
  'KV-cache',
  'KV caches',
  'key value cache',
  'paged attention',
  'retrieval-augmented generation',
  'RAG',
  'dense retrieval',
  'mixture-of-experts',
  'MoE',
  'expert routing',
  'quantization',
  'low-bit',
  'GPTQ',
  'diffusion models',
  'score matching',
  'denoising',
];

/**
 * Neutral made-up words (consonant–vowel syllables: no term can match them) that dilute the core
 * spellings to about one word in a hundred, some 2 matches per abstract, as on a real listing where
 * a few topics match some of the papers. Without them a third of all words would be matches.
 */
function neutralWords(count: number): string[] {
  const consonants = 'bdfklmnprstvz';
  const vowels = 'aeiou';
  return Array.from({ length: count }, (_, i) => {
    let word = '';
    for (
      let n = i + consonants.length * vowels.length;
      n > 0;
      n = Math.floor(n / (consonants.length * vowels.length))
    ) {
      const syllable = n % (consonants.length * vowels.length);
      word += `${consonants[syllable % consonants.length]}${vowels[Math.floor(syllable / consonants.length)]}`;
    }
    return word;
  });
}

/** Words mixed into the generated page. */
export const PAGE_VOCABULARY = [...CORE_SPELLINGS, ...neutralWords(1550)];

const MODIFIERS =
  'sparse graph neural contrastive federated causal bayesian adversarial multimodal hierarchical recurrent convolutional variational probabilistic differentiable self-supervised semi-supervised zero-shot few-shot continual efficient robust scalable distributed interpretable language large data model learning network structure state task training'.split(
    ' ',
  );
const NOUNS =
  'attention decoding pruning distillation alignment tokenization embeddings transformers optimization inference regularization augmentation segmentation retrieval reasoning planning calibration compression memory agents benchmark dynamics evaluation analysis framework models methods representations'.split(
    ' ',
  );

/** `count` distinct terms: the 15 core terms first, then modifier–noun phrases. */
export function benchTerms(count: number): string[] {
  const terms = [...CORE_TERMS];
  for (let i = 0; terms.length < count; i++) {
    const modifier = MODIFIERS[i % MODIFIERS.length] as string;
    const noun = NOUNS[Math.floor(i / MODIFIERS.length) % NOUNS.length] as string;
    const round = Math.floor(i / (MODIFIERS.length * NOUNS.length));
    terms.push(round === 0 ? `${modifier} ${noun}` : `${modifier} ${noun} ${round}`);
  }
  return terms.slice(0, count);
}

const COLORS = ['#f4b400', '#8ab4f8', '#81c995', '#f28b82', '#c58af9', '#fdd663'];

/** Topics of `perTopic` consecutive terms each. */
export function topicsOf(terms: string[], perTopic: number): HighlightTopic[] {
  const topics: HighlightTopic[] = [];
  for (let i = 0; i < terms.length; i += perTopic) {
    const index = topics.length;
    topics.push({
      id: `topic-${index}`,
      color: COLORS[index % COLORS.length] as string,
      terms: terms.slice(i, i + perTopic),
      enabled: true,
    });
  }
  return topics;
}
