/**
 * The class view's files: session files read, verified (seal and replay) and added to the class —
 * a bad one listed with its first problem, the same game loaded twice counted once — and the
 * class's table handed back as CSV.
 */
import { formatProblem } from '../../engine/scenario/problems.ts';
import type { LoadedSession } from '../../engine/session/load.ts';
import { downloadBlob } from '../ui/download.ts';
import { classRow, toCsv, type ClassRow } from '../view/class-view.ts';
import { readSessionFile } from './session-file.ts';

export interface ClassSession {
  row: ClassRow;
  loaded: LoadedSession;
}

/** The games loaded, and the files refused with why. */
export interface ClassFiles {
  sessions: ClassSession[];
  refused: string[];
}

/** Reads and verifies each file in turn, adding its game to the class or its problem to the refused. */
export async function addSessionFiles(files: readonly File[], into: ClassFiles): Promise<void> {
  for (const file of files) {
    const verified = await readSessionFile(file);
    if (!verified.ok) {
      into.refused.push(`${file.name}: ${formatProblem(verified.problems[0]!)}`);
      continue;
    }
    const { session, scenario, snapshots } = verified.value;
    const row = classRow(file.name, scenario, snapshots.at(-1)!.context.game!, session);
    const twin = into.sessions.find((item) => item.row.id === row.id);
    if (twin) into.refused.push(`${file.name}: already loaded, the same game as ${twin.row.file}`);
    else into.sessions.push({ row, loaded: { session, scenario } });
  }
}

/** What the live region says once files are read. */
export function loadedSummary(into: ClassFiles): string {
  const { sessions, refused } = into;
  return `${sessions.length} session${sessions.length === 1 ? '' : 's'} loaded${refused.length ? `, ${refused.length} not loaded` : ''}.`;
}

export function downloadClassCsv(rows: readonly ClassRow[], day: Date): void {
  downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv' }), `red-lines-class-${day.toISOString().slice(0, 10)}.csv`);
}
