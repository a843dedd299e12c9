/** A problem found in an untrusted document, with the path of the field it concerns. */
export interface Problem {
  path: readonly (string | number)[];
  message: string;
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
  return `${formatPath(problem.path)}: ${problem.message}`;
}

/** The result of reading an untrusted document: the value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
