/**
 * The negotiation table: the map, the tracks with both sides' demands and red lines, what is on
 * the table, posture and tone, the risk gauge with its breakdown, the meters, the statements and
 * the round timeline. The player proposes, answers or replies here; the scene only turns the
 * choices into an event for the machine.
 */
import type { Positions, Proposal, Reply, Response } from '../../engine/rules/state.ts';
import type { Tone } from '../../engine/scenario/schema.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { moveName, positionsText, sideShort } from '../view/narration.ts';
import { tableTurn } from '../view/screens.ts';
import {
  acceptableTracks,
  canAcceptAll,
  modeNarration,
  startingPackage,
  tableStage,
  tableView,
  unitOf,
  type TableMode,
  type TableView,
} from '../view/table-view.ts';
import { RiskGauge } from '../widgets/risk-gauge.ts';
import { bands } from '../view/risk-view.ts';
import { metersPanel } from './panels/meters-panel.ts';
import { riskPanel } from './panels/risk-panel.ts';
import { postureField, toneField } from './panels/stance-fields.ts';
import { statementsPanel } from './panels/statements.ts';
import { timeline } from './panels/timeline.ts';
import { trackLadder } from './panels/track-ladder.ts';
import { MapPanel } from './panels/map-panel.ts';
import { gameHeader } from './panels/game-header.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';
import { showFirstGameGuide } from './guide/first-game-guide.ts';

interface Choices {
  positions: Positions;
  ticked: Set<string>;
  posture: string | null;
  tone: Tone;
}

/**
 * The choices being made at the table, kept in the game's registry while the player looks at the
 * glossary, help or settings (which rebuild the table on return). They belong to one turn of one
 * game: the controller and the turn's key say which.
 */
interface Memory {
  controller: unknown;
  turn: string;
  mode: TableMode;
  choices: Choices;
}
const MEMORY_KEY = 'table-choices';

/** The mode each choice button opens, for giving focus back to it when the player cancels. */
const OPENED_BY: Partial<Record<TableMode, string>> = {
  'accept-some': 'S',
  'reply-some': 'S',
  counter: 'C',
  'confirm-walkout': 'W',
};

export class TableScene extends PlayScene {
  private mode: TableMode = 'propose';
  private choices: Choices = { positions: {}, ticked: new Set(), posture: null, tone: 'firm' };
  private view!: TableView;
  private centre!: HTMLElement;
  private turn = '';

  constructor(play: PlayContext) {
    super('table', play);
  }

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const stage = tableStage(this.snapshot);
    if (!stage) {
      this.follow();
      return;
    }
    this.view = tableView(scenario, game, stage);
    this.turn = tableTurn(this.snapshot)?.key ?? '';
    const kept = this.registry.get(MEMORY_KEY) as Memory | undefined;
    if (kept && kept.controller === this.play.controller && kept.turn === this.turn) {
      this.mode = kept.mode;
      this.choices = kept.choices;
    } else {
      this.mode = stage === 'proposal' ? 'propose' : stage === 'response' ? 'answer' : 'reply';
      this.choices = { positions: startingPackage(this.view), ticked: new Set(acceptableTracks(this.view)), posture: null, tone: 'firm' };
      this.remember();
    }

    const risk = riskPanel(scenario, game);
    const map = new MapPanel(this, scenario, game, this.app.settings.current.reducedMotion);
    this.centre = el('section', { class: 'table-centre scroll', attrs: { 'aria-label': 'The table' } });
    this.renderCentre();
    // The columns beside the table: one box only where they stack and scroll (table.css).
    const side = el(
      'div',
      { class: 'table-side' },
      el('aside', { class: 'table-right' }, risk.element, metersPanel(scenario, game)),
      el('div', { class: 'table-left' }, map.element, statementsPanel(scenario, game)),
    );
    const acting = sideShort(scenario, this.view.acting);
    this.mount(
      el(
        'div',
        { class: 'screen table-screen' },
        gameHeader(this, scenario, game, `Round ${game.round + 1}: ${this.view.title}`),
        el('div', { class: 'table-grid' }, this.centre, side),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
    );
    this.focusFirstControl(null);

    const gauge = new RiskGauge(this, bands(scenario), game.risk, this.app.settings.current.reducedMotion);
    const previous = this.registry.get('gauge-risk') as number | undefined;
    // The risk panel grows when its breakdown opens, which moves the map where the columns stack.
    const canvas = this.drawBeside(side, [risk.slot, map.slot, risk.element], (column) => {
      gauge.layout(column.rectOf(risk.slot));
      map.layout(column.rectOf(map.slot));
    });
    if (previous !== undefined && previous !== game.risk) {
      gauge.setRisk(previous);
      gauge.layout(canvas.rectOf(risk.slot));
    }
    gauge.setRisk(game.risk);
    this.registry.set('gauge-risk', game.risk);
    this.onTeardown(() => {
      gauge.destroy();
      map.destroy();
    });
    this.keys({
      Enter: () => this.primary(),
      Escape: () => this.cancel(),
      a: () => this.accept(),
      s: () => this.setMode(this.mode === 'reply' ? 'reply-some' : 'accept-some'),
      c: () => this.setMode('counter'),
      r: () => this.reject(),
      w: () => this.setMode('confirm-walkout'),
      g: () => {
        this.focusControl(risk.hotspot);
        risk.hotspot.click();
      },
    });
    this.app.ui.dataset.acting = this.view.acting;
    if (this.play.controller?.snapshot.context.game?.setup.opponent.kind === 'hotseat') {
      this.app.announcer.say(`${acting}'s turn at the table.`);
    }
    this.onTeardown(showFirstGameGuide(this, this.play));
  }

  private get answering(): boolean {
    return this.mode === 'answer' || this.mode === 'accept-some' || this.mode === 'counter' || this.mode === 'confirm-walkout';
  }

  private setMode(mode: TableMode): void {
    const allowed: Record<TableMode, TableMode[]> = {
      propose: [],
      answer: ['accept-some', 'counter', 'confirm-walkout'],
      'accept-some': ['answer'],
      counter: ['answer'],
      'confirm-walkout': ['answer'],
      reply: ['reply-some'],
      'reply-some': ['reply'],
    };
    if (!allowed[this.mode].includes(mode)) return;
    this.click();
    const from = this.mode;
    this.mode = mode;
    this.remember();
    this.renderCentre();
    this.focusFirstControl(from);
    this.app.announcer.say(modeNarration(this.scenario, this.view, mode as Exclude<TableMode, 'propose'>));
  }

  /** Keeps the choices made so far for this turn (see Memory). */
  private remember(): void {
    const memory: Memory = { controller: this.play.controller, turn: this.turn, mode: this.mode, choices: this.choices };
    this.registry.set(MEMORY_KEY, memory);
  }

  private cancel(): void {
    if (this.mode === 'reply-some') this.setMode('reply');
    else if (this.mode !== 'answer' && this.answering) this.setMode('answer');
  }

  private primary(): void {
    switch (this.mode) {
      case 'propose':
        return this.propose();
      case 'accept-some':
      case 'reply-some':
        return this.acceptSome();
      case 'counter':
        return this.counter();
      case 'confirm-walkout':
        return this.walkOut();
      default:
        return;
    }
  }

  private propose(): void {
    const proposal: Proposal = {
      side: this.view.acting,
      positions: this.choices.positions,
      posture: this.choices.posture,
      tone: this.choices.tone,
    };
    this.send({ type: 'PROPOSE', proposal });
  }

  private respond(response: Omit<Response, 'side' | 'posture' | 'tone'>): void {
    this.send({
      type: 'RESPOND',
      response: { side: this.view.acting, posture: this.choices.posture, tone: this.choices.tone, ...response },
    });
  }

  private reply(reply: Omit<Reply, 'side'>): void {
    this.send({ type: 'REPLY', reply: { side: this.view.acting, ...reply } });
  }

  private accept(): void {
    if (this.mode === 'answer' && canAcceptAll(this.view)) this.respond({ kind: 'accept' });
    if (this.mode === 'reply' && canAcceptAll(this.view)) this.reply({ kind: 'accept' });
  }

  private acceptSome(): void {
    const tracks = [...this.choices.ticked];
    if (tracks.length === 0) return;
    if (this.mode === 'accept-some') this.respond({ kind: 'accept-some', tracks });
    if (this.mode === 'reply-some') this.reply({ kind: 'accept-some', tracks });
  }

  private counter(): void {
    if (this.mode === 'counter') this.respond({ kind: 'counter', counter: this.choices.positions });
  }

  private reject(): void {
    if (this.mode === 'answer') this.respond({ kind: 'reject' });
    if (this.mode === 'reply') this.reply({ kind: 'reject' });
  }

  private walkOut(): void {
    if (this.mode === 'confirm-walkout') this.respond({ kind: 'walkout' });
  }

  /**
   * Where focus goes when the table opens (`from` null) or changes mode: back to the button that
   * opened a mode the player cancelled; the safe choice of a confirmation; the chosen position of
   * the first open track when choosing positions; the first tickable track when accepting some;
   * otherwise the prompt, so that the player reads what is on the table first. The centre opens
   * at its top, and the control is scrolled only as far as needed to clear the sticky action bar.
   */
  private focusFirstControl(from: TableMode | null): void {
    const query = (selector: string) => this.centre.querySelector<HTMLElement>(selector);
    const opener = from ? OPENED_BY[from] : undefined;
    const candidates =
      opener && (this.mode === 'answer' || this.mode === 'reply')
        ? [query(`.table-actions button[aria-keyshortcuts="${opener}"]`)]
        : this.mode === 'confirm-walkout'
          ? [query('.confirm button[aria-keyshortcuts="Escape"]')]
          : this.mode === 'propose' || this.mode === 'counter'
            ? [query('.tracks input:checked:not([disabled])'), query('.tracks input:not([disabled])')]
            : this.mode === 'accept-some' || this.mode === 'reply-some'
              ? [query('.tick input:checked:not([disabled])'), query('.tick input:not([disabled])')]
              : [];
    const target = [...candidates, query('.banner')].find((element) => element !== null)!;
    this.centre.scrollTop = 0;
    // The sticky bar is always in view; scrolling "to" it would only move the table under it.
    if (target.closest('.table-actions')) target.focus({ preventScroll: true });
    else this.focusControl(target);
  }

  private renderCentre(): void {
    const scenario = this.scenario;
    const view = this.view;
    const acting = sideShort(scenario, view.acting);
    const other = sideShort(scenario, view.other);
    const editable = this.mode === 'propose' || this.mode === 'counter';
    const record = this.gameState.rounds[this.gameState.round]!;
    const tabled = view.stage === 'response' ? record.proposal : null;
    const banner =
      this.mode === 'propose'
        ? `${acting}: table your package — a position on every open track, a posture move and a tone.`
        : view.stage === 'response'
          ? `${other} proposes, with ${moveName(scenario, tabled?.posture ?? null)}, in a ${tabled?.tone ?? 'firm'} tone. ${acting}: your answer?`
          : `${other} counters your package: ${positionsText(scenario, record.response?.counter ?? {})}. Accept it, accept part of it, or reject it.`;
    const ladders = view.tracks.map((row) =>
      trackLadder(view, row, {
        editable,
        selected: editable ? (this.choices.positions[row.id] ?? null) : null,
        onSelect: (positionId) => {
          this.choices.positions = { ...this.choices.positions, [row.id]: positionId };
          this.remember();
          this.app.sound.play('click');
        },
        ticked: this.mode === 'accept-some' || this.mode === 'reply-some' ? this.choices.ticked.has(row.id) : null,
        acceptable: acceptableTracks(view).includes(row.id),
        onTick: (ticked) => {
          // Linked tracks are accepted together: ticking one ticks its whole group.
          for (const id of unitOf(view, row.id)) {
            if (ticked) this.choices.ticked.add(id);
            else this.choices.ticked.delete(id);
          }
          this.remember();
          for (const box of this.centre.querySelectorAll<HTMLInputElement>('input[data-track]')) {
            box.checked = this.choices.ticked.has(box.dataset.track ?? '');
          }
        },
      }),
    );
    const stanceFields =
      this.mode === 'reply' || this.mode === 'reply-some'
        ? []
        : [
            postureField(view.moves, view.acting, this.choices.posture, (id) => {
              this.choices.posture = id;
              this.remember();
            }),
            toneField(scenario.escalation.tone, this.choices.tone, (tone) => {
              this.choices.tone = tone;
              this.remember();
            }),
          ];
    // Said beside the prompt rather than in the sticky bar, which stays as short as it can.
    const acceptNote =
      (this.mode === 'answer' || this.mode === 'reply') && !canAcceptAll(view)
        ? el('p', { id: uniqueId('accept-note'), class: 'note', text: 'You cannot accept the whole package: it crosses your red lines.' })
        : null;
    const privateNote = view.privateRedLines
      ? el('p', {
          class: 'note private-red-lines',
          text: `${view.privateRedLines}'s red lines are private in this scenario: read them from what ${view.privateRedLines} says and refuses.`,
        })
      : null;
    this.centre.replaceChildren(
      el('h2', { class: 'visually-hidden', text: 'The table' }),
      el(
        'p',
        { class: `banner ${this.mode}`, attrs: { 'data-acting': view.acting, tabindex: -1 } },
        el('strong', { text: `${acting} to ${view.stage === 'proposal' ? 'propose' : view.stage === 'response' ? 'answer' : 'reply'}` }),
        ` · ${banner}`,
      ),
      ...[acceptNote, privateNote].filter((note) => note !== null),
      el('form', { class: 'tracks', attrs: { 'aria-label': 'Tracks' }, on: { submit: (event) => event.preventDefault() } }, ...ladders),
      ...stanceFields,
      this.actions(acceptNote),
    );
  }

  /** The sticky bar at the foot of the centre: the actions of the mode, or the walk-out confirmation. */
  private actions(acceptNote: HTMLElement | null): HTMLElement {
    const walkoutRisk = this.scenario.escalation.walkoutRisk;
    const acceptAll = button('Accept all', () => this.accept(), {
      key: 'A',
      class: 'primary',
      attrs: { disabled: !canAcceptAll(this.view), 'aria-describedby': acceptNote?.id },
    });
    const acceptSome = (mode: TableMode) =>
      button('Accept some…', () => this.setMode(mode), { key: 'S', attrs: { disabled: acceptableTracks(this.view).length === 0 } });
    const row = (...items: HTMLElement[]) => el('div', { class: 'actions' }, ...items);
    const bar = (...items: HTMLElement[]) => el('div', { class: 'table-actions' }, ...items);
    switch (this.mode) {
      case 'propose':
        return bar(row(button('Table the package', () => this.propose(), { key: 'Enter', class: 'primary' })));
      case 'answer':
        return bar(
          row(
            acceptAll,
            acceptSome('accept-some'),
            button('Counter…', () => this.setMode('counter'), { key: 'C' }),
            button('Reject', () => this.reject(), { key: 'R' }),
            button('Walk out…', () => this.setMode('confirm-walkout'), { key: 'W', class: 'danger' }),
          ),
        );
      case 'accept-some':
      case 'reply-some':
        return bar(
          row(
            button('Accept the ticked tracks', () => this.acceptSome(), { key: 'Enter', class: 'primary' }),
            button('Cancel', () => this.cancel(), { key: 'Esc' }),
          ),
        );
      case 'counter':
        return bar(
          row(
            button('Send the counter-proposal', () => this.counter(), { key: 'Enter', class: 'primary' }),
            button('Cancel', () => this.cancel(), { key: 'Esc' }),
          ),
        );
      case 'confirm-walkout': {
        const question = el('p', {
          id: uniqueId('walkout'),
          text: `Walking out ends the talks at once and raises the risk by ${walkoutRisk}. Are you sure?`,
        });
        return bar(
          el(
            'div',
            { class: 'confirm', attrs: { role: 'alertdialog', 'aria-label': 'Walk out?', 'aria-describedby': question.id } },
            question,
            row(
              button('Walk out', () => this.walkOut(), { key: 'Enter', class: 'danger' }),
              button('Stay at the table', () => this.cancel(), { key: 'Esc', class: 'primary' }),
            ),
          ),
        );
      }
      case 'reply':
        return bar(
          row(
            acceptAll,
            acceptSome('reply-some'),
            button('Reject', () => this.reject(), { key: 'R' }),
          ),
        );
    }
  }
}
