import { describeTerm } from '../../lib/topics/matcher';
import { parseRegexTerm } from '../../lib/topics/regex-guard';
import { foldText, SEPARATOR_RUN } from '../../lib/topics/text-classes';

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
 * When the matcher takes two terms of a topic for the same one, so it ignores the second: literal
 * terms alike up to case and separator runs, patterns alike up to the order of their flags. This
 * mirrors matcher.ts's private key (a property test holds the two together); compiling the topic
 * with the matcher instead would build an automaton per keystroke, far too slow for 1,000 topics.
 */
function termKey(term: string): string {
  const regex = parseRegexTerm(term);
  if (regex) return `/${regex.pattern}/${[...regex.flags].sort().join('')}`;
  return term
    .normalize('NFC')
    .split(SEPARATOR_RUN)
    .filter((word) => word !== '')
    .map(foldText)
    .join(' ');
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
