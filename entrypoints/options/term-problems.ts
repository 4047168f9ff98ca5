import { compileTopics } from '../../lib/topics/matcher';

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
 * Reads a terms box, one term per line, exactly as the matcher will: its own compile step says
 * which lines are refused (an invalid or catastrophic `/pattern/`) or ignored (repeats, only
 * hyphens). The terms kept are the trimmed lines without blanks and ignored ones.
 */
function readLines(text: string): { lines: string[]; problems: TermProblem[] } {
  const lines = text.split('\n').map((line) => line.trim());
  const problems: TermProblem[] = [];
  for (const problem of compileTopics([{ id: 'draft', terms: lines, enabled: true }]).problems) {
    const term = lines[problem.termIndex];
    // Blank lines are simply skipped; saying so for each would be noise.
    if (problem.termIndex < 0 || !term) continue;
    problems.push({
      line: problem.termIndex + 1,
      term,
      severity: problem.severity,
      message: problem.message,
    });
  }
  return { lines, problems };
}

/** What a terms box stands for, and what the editor says about its lines. */
export function readTerms(text: string): { terms: string[]; problems: TermProblem[] } {
  const { lines, problems } = readLines(text);
  const ignored = new Set(problems.filter((p) => p.severity === 'note').map((p) => p.line));
  return {
    // Refused patterns stay, so the user still sees and can fix them after a reload.
    terms: lines.filter((line, index) => line !== '' && !ignored.has(index + 1)),
    problems: problems.map((problem) =>
      problem.severity === 'error' ? { ...problem, message: `not used: ${problem.message}` } : problem,
    ),
  };
}
