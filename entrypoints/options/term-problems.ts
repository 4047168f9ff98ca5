// `termKey` is the matcher's own duplicate rule: the editor ignores exactly the terms it ignores.
import { describeTerm, termKey } from '../../lib/topics/matcher';

/** What the editor says about one line of a topic's terms. */
export interface TermProblem {
  /** 1-based line in the terms box. */
  line: number;
  term: string;
  /** `error`: the term does nothing until fixed; `note`: it is ignored (a repeat, only hyphens). */
  severity: 'error' | 'note';
  message: string;
}

/**
 * Reads a terms box, one term per line, as the matcher will: the terms it stands for (trimmed
 * lines without blanks and ignored ones) and what the editor says about the others. A refused
 * pattern stays among the terms, so the user still sees and can fix it after a reload.
 */
export function readTerms(text: string): { terms: string[]; problems: TermProblem[] } {
  const terms: string[] = [];
  const problems: TermProblem[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const term = raw.trim();
    // Blank lines are simply skipped; saying so for each would be noise.
    if (!term) return;
    const line = index + 1;
    const problem = describeTerm(term);
    if (problem?.severity === 'error') {
      problems.push({ line, term, severity: 'error', message: `not used: ${problem.message}` });
      terms.push(term);
      return;
    }
    if (problem) {
      problems.push({ line, term, ...problem });
      return;
    }
    const key = termKey(term);
    if (seen.has(key)) {
      problems.push({ line, term, severity: 'note', message: 'duplicate term: ignored' });
      return;
    }
    seen.add(key);
    terms.push(term);
  });
  return { terms, problems };
}
