/**
 * A problem found in an untrusted document, with the path of the field it concerns. A warning is
 * something the format allows but that is probably a mistake: listed with the problems of a file
 * that cannot be used, so that one run shows everything.
 */
export interface Problem {
  path: readonly (string | number)[];
  message: string;
  warning?: true;
}

/** Formats a path the way authors read it: `tracks[1].positions[0].utility.us`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(document)';
}

export function formatProblem(problem: Problem): string {
  return `${problem.warning ? 'warning: ' : ''}${formatPath(problem.path)}: ${problem.message}`;
}

const counted = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;

/** "3 problems", or "3 problems and 2 warnings" when warnings are listed with them. */
export function countProblems(problems: readonly Problem[]): string {
  const warnings = problems.filter((problem) => problem.warning).length;
  const errors = counted(problems.length - warnings, 'problem');
  return warnings > 0 ? `${errors} and ${counted(warnings, 'warning')}` : errors;
}

/** Findings marked as warnings. */
export const asWarnings = (findings: readonly Problem[]): Problem[] => findings.map((finding) => ({ ...finding, warning: true }));

/** The result of reading an untrusted document: the value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
