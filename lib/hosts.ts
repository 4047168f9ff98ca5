/**
 * The sites Paperlight works on: its host permissions, where its content script runs, and the tabs
 * that hear about changes. Nothing else is asked for.
 */
export const SUPPORTED_HOST_PATTERNS = ['https://huggingface.co/*', 'https://arxiv.org/*'];

/** The pages with paper cards: Hugging Face Papers (not models or datasets) and all of arXiv. */
export const CONTENT_SCRIPT_MATCHES = ['https://huggingface.co/papers*', 'https://arxiv.org/*'];
