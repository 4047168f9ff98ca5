import { guardRegex, parseRegexTerm } from '../../lib/topics/regex-guard';
import { termKey } from './topic-list';

/** What the editor says about one line of a topic's terms. */
export interface TermProblem {
  /** 1-based line in the terms box. */
  line: number;
  term: string;
  /** `error`: the term will not match anything; `note`: it is ignored or read differently than it may look. */
  severity: 'error' | 'note';
  message: string;
}

/** Looks like `/…/x` but the part after the last slash is not a set of regex flags. */
const PATTERN_LIKE = /^\/.+\/\w+$/s;

/**
 * Checks the lines of a terms box the way the matcher will read them: a `/pattern/` term through the
 * regex guard (invalid or catastrophic patterns are never run), repeats and near-patterns as notes.
 * Blank lines are simply skipped, which needs no message.
 */
export function termProblems(text: string): TermProblem[] {
  const problems: TermProblem[] = [];
  const firstLineOf = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const term = raw.trim();
    if (!term) return;
    const key = termKey(term);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      problems.push({ line, term, severity: 'note', message: `same as line ${first}; ignored` });
      return;
    }
    firstLineOf.set(key, line);
    const regex = parseRegexTerm(term);
    if (regex) {
      const verdict = guardRegex(regex.pattern, regex.flags);
      if (!verdict.ok)
        problems.push({ line, term, severity: 'error', message: `not used: ${verdict.message}` });
    } else if (PATTERN_LIKE.test(term)) {
      problems.push({
        line,
        term,
        severity: 'note',
        message: 'not a pattern (unknown flags after the last “/”), so it matches as literal text',
      });
    }
  });
  return problems;
}
