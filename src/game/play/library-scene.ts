/**
 * Saved games: every game played in this browser or imported, with its scenario, side, opponent,
 * date, rounds played and outcome. Open one (an unfinished game carries on, a finished one opens
 * on its debrief), rename it, export it as a .json session file, delete it (with undo), or import
 * session files by the file picker or by dropping them here.
 */
import { formatProblem, type Problem } from '../../engine/scenario/problems.ts';
import { checkSession } from '../../engine/session/load.ts';
import { renamedSession } from '../../engine/session/seal.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { watchDrops } from '../ui/drop.ts';
import { OUTCOME_TITLES } from '../view/debrief-view.ts';
import { problemsPanelElement, showProblems } from './panels/problems-panel.ts';
import { PlayContextScene } from './play-context-scene.ts';
import type { PlayContext } from './play-context.ts';
import { downloadSession, readSessionFile } from './session-file.ts';
import { encodeShareFragment } from './share-link.ts';
import {
  entryOfSameGame,
  importedGameName,
  libraryEntry,
  listLibrary,
  newEntryId,
  putEntry,
  removeEntry,
  type LibraryEntry,
} from './session-library.ts';
import { fileInput as hiddenFileInput, SESSION_FILES } from '../ui/file-input.ts';

const UNDO_MS = 10_000;

export class LibraryScene extends PlayContextScene {
  private list!: HTMLElement;
  private problems!: HTMLElement;
  /** A notice under the toolbar: the undo of a deletion, or a share link. */
  private undo!: HTMLElement;

  constructor(play: PlayContext) {
    super('library', play);
  }

  create(): void {
    const back = () => {
      this.click();
      this.scene.start('title');
    };
    const fileInput = hiddenFileInput('Session files', SESSION_FILES, true, (files) => void this.importFiles(files));
    this.list = el('div', { class: 'library-list' });
    this.problems = problemsPanelElement();
    this.undo = el('div', { class: 'undo', attrs: { hidden: true, role: 'status' } });
    const panel = el(
      'section',
      { class: 'panel library scroll' },
      el('h1', { text: 'Saved games' }),
      el(
        'div',
        { class: 'loader' },
        button('Import session files…', () => fileInput.click(), { key: 'I' }),
        el('p', { class: 'note', text: 'Or drop .json session files anywhere on this screen. Games are saved here as you play.' }),
        fileInput,
      ),
      this.problems,
      this.undo,
      this.list,
      el('div', { class: 'actions' }, button('Back to menu', back, { key: 'Esc' })),
    );
    this.mount(panel, 'Saved games.');
    this.onTeardown(watchDrops(this.app.ui, panel, (file) => void this.importFiles([file])));
    this.keys({ Escape: back, i: () => fileInput.click() });
    void this.render();
  }

  private async render(focusId: string | null = null): Promise<void> {
    const entries = await listLibrary(await this.app.storage);
    if (!this.scene.isActive()) return;
    if (entries.length === 0) {
      this.list.replaceChildren(el('p', { class: 'quiet', text: 'No saved games yet. Every game you play is saved here as you go.' }));
      return;
    }
    const rows = entries.map((entry) => this.row(entry));
    this.list.replaceChildren(
      el(
        'table',
        { class: 'library-table' },
        el('caption', { class: 'visually-hidden', text: 'Saved games' }),
        el(
          'thead',
          {},
          el('tr', {}, ...['Name', 'Players', 'Game', 'Progress', 'Actions'].map((text) => el('th', { text, attrs: { scope: 'col' } }))),
        ),
        el('tbody', {}, ...rows),
      ),
    );
    if (focusId) this.list.querySelector<HTMLElement>(`[data-entry="${focusId}"] button`)?.focus();
    this.app.ui.dataset.library = String(entries.length);
  }

  /** A row per game; related facts share a cell, one per line, so the table fits a narrow window at large text. */
  private row(entry: LibraryEntry): HTMLElement {
    const { summary } = entry;
    const name = el('th', { text: entry.name, attrs: { scope: 'row' } });
    const rename = button('Rename', () => this.rename(entry, name), { attrs: { 'aria-label': `Rename ${entry.name}` } });
    const rounds = `${summary.roundsPlayed} round${summary.roundsPlayed === 1 ? '' : 's'} played`;
    return el(
      'tr',
      { attrs: { 'data-entry': entry.id } },
      name,
      summary.players ? el('td', { text: summary.players }) : el('td', { class: 'quiet', text: 'not given' }),
      el(
        'td',
        { class: 'game' },
        el('span', { class: 'line', text: summary.scenarioTitle }),
        el('span', { class: 'line', text: `Side: ${summary.side}` }),
        el('span', { class: 'line', text: `Opponent: ${summary.opponent}` }),
      ),
      el(
        'td',
        {},
        el('span', { class: 'line result', text: summary.outcome ? OUTCOME_TITLES[summary.outcome]! : 'in progress' }),
        el('span', { class: 'line', text: rounds }),
        el('span', { class: 'line quiet', text: `saved ${new Date(entry.savedAt).toLocaleString()}` }),
      ),
      el(
        'td',
        { class: 'row-actions' },
        el(
          'div',
          { class: 'row-buttons' },
          button(summary.outcome ? 'Open' : 'Continue', () => this.openEntry(entry), {
            class: 'primary',
            attrs: { 'aria-label': `${summary.outcome ? 'Open' : 'Continue'} ${entry.name}` },
          }),
          rename,
          button('Replay', () => this.replay(entry), { attrs: { 'aria-label': `Replay ${entry.name}` } }),
          // A control's name starts with the words it shows, so speech input ("click Share link") finds it.
          button('Share link', () => void this.share(entry), { attrs: { 'aria-label': `Share link to ${entry.name}` } }),
          button('Export', () => downloadSession(renamedSession(entry.session, entry.name), entry.name), {
            attrs: { 'aria-label': `Export ${entry.name}` },
          }),
          button('Delete', () => void this.remove(entry), { class: 'danger', attrs: { 'aria-label': `Delete ${entry.name}` } }),
        ),
      ),
    );
  }

  private openEntry(entry: LibraryEntry): void {
    this.click();
    const screen = this.play.open(entry);
    if (screen) this.scene.start(screen);
  }

  /** Shows a link that opens this game's replay; too long a game is exported as a file instead. */
  private async share(entry: LibraryEntry): Promise<void> {
    this.click();
    const fragment = await encodeShareFragment(entry.session as { scenario: unknown }, this.play.entries);
    if (!fragment) {
      downloadSession(entry.session, entry.name);
      this.app.notify(`“${entry.name}” is too long for a link; it has been downloaded as a session file to share instead.`);
      return;
    }
    const link = `${window.location.origin}${window.location.pathname}#${fragment}`;
    const id = uniqueId('share');
    const field = el('input', { id, class: 'share-field', attrs: { type: 'text', readonly: true, value: link } });
    const copy = button('Copy', async () => {
      try {
        await navigator.clipboard.writeText(link);
        this.app.announcer.say('The link has been copied.');
      } catch {
        field.select();
        this.app.announcer.say('Copying is not allowed here: the link is selected, press Ctrl+C to copy it.');
      }
    });
    this.undo.replaceChildren(el('label', { text: `Link to the replay of “${entry.name}”: `, attrs: { for: id } }), field, copy);
    this.undo.hidden = false;
    field.focus();
    field.select();
  }

  private replay(entry: LibraryEntry): void {
    this.click();
    const checked = checkSession(entry.session);
    if (!checked.ok) {
      showProblems(this.problems, entry.name, checked.problems, 'The saved game is damaged and cannot be replayed.', () => undefined);
      return;
    }
    this.scene.start('replay', { loaded: checked.value, name: entry.name });
  }

  private rename(entry: LibraryEntry, cell: HTMLElement): void {
    const id = uniqueId('name');
    const input = el('input', { id, attrs: { type: 'text', value: entry.name, maxlength: 120 } });
    const save = async () => {
      const name = input.value.trim();
      if (name === '') return input.focus();
      const store = await this.app.storage;
      await putEntry(store, { ...entry, name });
      this.play.renamed(entry.id, name);
      this.app.announcer.say(`Renamed to ${name}.`);
      await this.render(entry.id);
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void save();
      if (event.key === 'Escape') void this.render(entry.id);
    });
    cell.replaceChildren(
      el('label', { class: 'visually-hidden', text: 'New name', attrs: { for: id } }),
      input,
      button('Save', () => void save()),
    );
    input.focus();
    input.select();
  }

  private async remove(entry: LibraryEntry): Promise<void> {
    const store = await this.app.storage;
    await removeEntry(store, entry.id);
    await this.render();
    const undo = button('Undo', async () => {
      await putEntry(store, entry);
      this.undo.hidden = true;
      await this.render(entry.id);
      this.app.announcer.say(`“${entry.name}” is back.`);
    });
    this.undo.replaceChildren(el('span', { text: `Deleted “${entry.name}”. ` }), undo);
    this.undo.hidden = false;
    undo.focus();
    this.app.announcer.say(`Deleted ${entry.name}. Undo is available for ten seconds.`);
    const timer = window.setTimeout(() => (this.undo.hidden = true), UNDO_MS);
    this.onTeardown(() => window.clearTimeout(timer));
  }

  /**
   * Each file is checked and replayed in full before it joins the library; a bad one changes
   * nothing and does not stop the others. Every import says what came of it, refusals with why.
   */
  private async importFiles(files: File[]): Promise<void> {
    const store = await this.app.storage;
    let lastId: string | null = null;
    const refused: { file: string; problems: Problem[] }[] = [];
    for (const file of files) {
      const problems = await this.importFile(file, store, (id) => (lastId = id));
      if (problems) refused.push({ file: file.name, problems });
    }
    if (!this.scene.isActive()) return;
    await this.render(lastId);
    const imported = files.length - refused.length;
    const said = imported > 0 || refused.length === 0 ? [`Imported ${imported} session file${imported === 1 ? '' : 's'}.`] : [];
    for (const { file, problems } of refused) said.push(`Refused ${file}: ${formatProblem(problems[0]!)}.`);
    this.app.announcer.say(said.join(' '));
    if (refused.length === 0) {
      this.problems.hidden = true;
      return;
    }
    showProblems(
      this.problems,
      refused.length === 1 ? refused[0]!.file : `${refused.length} files`,
      refused.flatMap(({ file, problems }) =>
        refused.length === 1 ? problems : problems.map((problem) => ({ ...problem, message: `${file}: ${problem.message}` })),
      ),
      'Session files are checked by replaying them; an altered or damaged one is refused.',
      () => this.list.querySelector<HTMLElement>('button')?.focus(),
    );
  }

  private async importFile(file: File, store: Awaited<typeof this.app.storage>, added: (id: string) => void): Promise<Problem[] | null> {
    const verified = await readSessionFile(file);
    if (!verified.ok) return verified.problems;
    const { session, scenario, snapshots } = verified.value;
    const twin = entryOfSameGame(await listLibrary(store), session);
    if (twin) return [{ path: [], message: `the same game is already in saved games, as “${twin.name}”` }];
    const game = snapshots.at(-1)!.context.game!;
    const id = newEntryId();
    const saved = await putEntry(store, libraryEntry(id, importedGameName(scenario, session), session, scenario, game));
    if (!saved.ok) return [{ path: [], message: saved.message }];
    added(id);
    return null;
  }
}
