/**
 * The negotiation table: the map, the tracks with both sides' demands and red lines, what is on
 * the table, posture and tone, the risk gauge with its breakdown, the meters, the statements and
 * the round timeline. The player proposes, answers or replies here; the scene only turns the
 * choices into an event for the machine.
 */
import type { Positions, Proposal, Reply, Response } from '../../engine/rules/state.ts';
import type { Tone } from '../../engine/scenario/schema.ts';
import { button, el } from '../ui/dom.ts';
import { moveName, positionsText, sideShort } from '../view/narration.ts';
import { acceptableTracks, startingPackage, tableStage, tableView, unitOf, type TableView } from '../view/table-view.ts';
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

type Mode = 'propose' | 'answer' | 'accept-some' | 'counter' | 'confirm-walkout' | 'reply' | 'reply-some';

interface Choices {
  positions: Positions;
  ticked: Set<string>;
  posture: string | null;
  tone: Tone;
}

export class TableScene extends PlayScene {
  private mode: Mode = 'propose';
  private choices: Choices = { positions: {}, ticked: new Set(), posture: null, tone: 'firm' };
  private view!: TableView;
  private centre!: HTMLElement;

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
    this.mode = stage === 'proposal' ? 'propose' : stage === 'response' ? 'answer' : 'reply';
    this.choices = { positions: startingPackage(this.view), ticked: new Set(acceptableTracks(this.view)), posture: null, tone: 'firm' };

    const risk = riskPanel(scenario, game);
    const map = new MapPanel(this, scenario, game, this.app.settings.current.reducedMotion);
    this.centre = el('section', { class: 'table-centre', attrs: { 'aria-label': 'The table' } });
    this.renderCentre();
    const acting = sideShort(scenario, this.view.acting);
    this.mount(
      el(
        'div',
        { class: 'screen table-screen' },
        gameHeader(this, scenario, game, `Round ${game.round + 1}: ${this.view.title}`),
        el(
          'div',
          { class: 'table-grid' },
          el('div', { class: 'table-left' }, map.element, statementsPanel(scenario, game)),
          this.centre,
          el('aside', { class: 'table-right' }, risk.element, metersPanel(scenario, game)),
        ),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
    );
    this.focusFirstControl();

    const gauge = new RiskGauge(this, bands(scenario), game.risk, this.app.settings.current.reducedMotion);
    const previous = this.registry.get('gauge-risk') as number | undefined;
    if (previous !== undefined && previous !== game.risk) {
      gauge.setRisk(previous);
      gauge.layout(this.rectOf(risk.slot));
    }
    gauge.setRisk(game.risk);
    this.registry.set('gauge-risk', game.risk);
    this.followLayout([risk.slot, map.slot], () => {
      gauge.layout(this.rectOf(risk.slot));
      map.layout(this.rectOf(map.slot));
    });
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
        risk.hotspot.focus();
        risk.hotspot.click();
      },
    });
    this.app.ui.dataset.acting = this.view.acting;
    if (this.play.controller?.snapshot.context.game?.setup.opponent.kind === 'hotseat') {
      this.app.announcer.say(`${acting}'s turn at the table.`);
    }
  }

  private get answering(): boolean {
    return this.mode === 'answer' || this.mode === 'accept-some' || this.mode === 'counter' || this.mode === 'confirm-walkout';
  }

  private setMode(mode: Mode): void {
    const allowed: Record<Mode, Mode[]> = {
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
    this.mode = mode;
    this.renderCentre();
    this.focusFirstControl();
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
    if (this.mode === 'answer' && this.canAcceptAll()) this.respond({ kind: 'accept' });
    if (this.mode === 'reply' && this.canAcceptAll()) this.reply({ kind: 'accept' });
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

  private canAcceptAll(): boolean {
    return acceptableTracks(this.view).length === this.view.tracks.filter((track) => track.onTable !== null).length;
  }

  private focusFirstControl(): void {
    // In order of preference: the position already chosen, any control, the first button.
    const target = ['input:checked:not([disabled])', 'input:not([disabled])', 'button:not([disabled])']
      .map((selector) => this.centre.querySelector<HTMLElement>(selector))
      .find((element) => element !== null);
    target?.focus({ preventScroll: true });
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
      trackLadder(row, {
        acting,
        other,
        editable,
        selected: editable ? (this.choices.positions[row.id] ?? null) : null,
        onSelect: (positionId) => {
          this.choices.positions = { ...this.choices.positions, [row.id]: positionId };
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
            postureField(view.moves, view.acting, this.choices.posture, (id) => (this.choices.posture = id)),
            toneField(scenario.escalation.tone, this.choices.tone, (tone) => (this.choices.tone = tone)),
          ];
    this.centre.replaceChildren(
      el('h2', { class: 'visually-hidden', text: 'The table' }),
      el(
        'p',
        { class: `banner ${this.mode}`, attrs: { 'data-acting': view.acting } },
        el('strong', { text: `${acting} to ${view.stage === 'proposal' ? 'propose' : view.stage === 'response' ? 'answer' : 'reply'}` }),
        ` · ${banner}`,
      ),
      el('form', { class: 'tracks', attrs: { 'aria-label': 'Tracks' }, on: { submit: (event) => event.preventDefault() } }, ...ladders),
      ...stanceFields,
      this.actions(),
    );
  }

  private actions(): HTMLElement {
    const walkoutRisk = this.scenario.escalation.walkoutRisk;
    const acceptAll = button('Accept all', () => this.accept(), { key: 'A', class: 'primary', attrs: { disabled: !this.canAcceptAll() } });
    const acceptNote = this.canAcceptAll()
      ? null
      : el('p', { class: 'note', text: 'You cannot accept the whole package: it crosses your red lines.' });
    const row = (...items: (HTMLElement | null)[]) => el('div', { class: 'actions' }, ...items);
    switch (this.mode) {
      case 'propose':
        return row(button('Table the package', () => this.propose(), { key: 'Enter', class: 'primary' }));
      case 'answer':
        return el(
          'div',
          {},
          row(
            acceptAll,
            button('Accept some…', () => this.setMode('accept-some'), {
              key: 'S',
              attrs: { disabled: acceptableTracks(this.view).length === 0 },
            }),
            button('Counter…', () => this.setMode('counter'), { key: 'C' }),
            button('Reject', () => this.reject(), { key: 'R' }),
            button('Walk out…', () => this.setMode('confirm-walkout'), { key: 'W', class: 'danger' }),
          ),
          acceptNote,
        );
      case 'accept-some':
      case 'reply-some':
        return row(
          button('Accept the ticked tracks', () => this.acceptSome(), { key: 'Enter', class: 'primary' }),
          button('Cancel', () => this.cancel(), { key: 'Esc' }),
        );
      case 'counter':
        return row(
          button('Send the counter-proposal', () => this.counter(), { key: 'Enter', class: 'primary' }),
          button('Cancel', () => this.cancel(), { key: 'Esc' }),
        );
      case 'confirm-walkout':
        return el(
          'div',
          { class: 'confirm', attrs: { role: 'alertdialog', 'aria-label': 'Walk out?' } },
          el('p', { text: `Walking out ends the talks at once and raises the risk by ${walkoutRisk}. Are you sure?` }),
          row(
            button('Walk out', () => this.walkOut(), { key: 'Enter', class: 'danger' }),
            button('Stay at the table', () => this.cancel(), { key: 'Esc', class: 'primary' }),
          ),
        );
      case 'reply':
        return el(
          'div',
          {},
          row(
            acceptAll,
            button('Accept some…', () => this.setMode('reply-some'), {
              key: 'S',
              attrs: { disabled: acceptableTracks(this.view).length === 0 },
            }),
            button('Reject', () => this.reject(), { key: 'R' }),
          ),
          acceptNote,
        );
    }
  }
}
