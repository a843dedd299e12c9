/**
 * The replay viewer: a saved game on the same table as play, read-only. A timeline with a mark
 * per event and per round, a scrubber, play and pause, step back and forward, and speed; every
 * state is replayed once when the viewer opens, so seeking is a lookup. "Take over from here"
 * starts a new game from the state shown and leaves the original untouched.
 */
import type { LoadedSession } from '../../engine/session/load.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { replaySession } from '../../engine/session/load.ts';
import { verificationNote } from '../../engine/session/seal.ts';
import { narrate } from '../view/narration.ts';
import { playersLabel } from '../view/players.ts';
import { bands } from '../view/risk-view.ts';
import { tableView } from '../view/table-view.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { RiskGauge } from '../widgets/risk-gauge.ts';
import { MapPanel } from './panels/map-panel.ts';
import { eventMarks, speedSelect } from './panels/replay-controls.ts';
import { metersPanel } from './panels/meters-panel.ts';
import { riskPanel } from './panels/risk-panel.ts';
import { timeline } from './panels/timeline.ts';
import { trackLadder } from './panels/track-ladder.ts';
import { PlayContextScene } from './play-context-scene.ts';
import type { PlayContext } from './play-context.ts';
import { gameName } from './session-library.ts';
import { stateAttribute } from './state-attribute.ts';

const SPEEDS = [0.5, 1, 2, 4] as const;
/** How long one event stays on screen at speed 1 while playing. */
const STEP_MS = 1200;

export interface ReplayRequest {
  loaded: LoadedSession;
  name: string;
  /** The screen the viewer returns to (the saved games unless told otherwise). */
  back?: string;
}

export class ReplayScene extends PlayContextScene {
  private request!: ReplayRequest;
  private snapshots: GameSnapshot[] = [];
  private index = 0;
  private playing = false;
  private speed = 1;
  private timer = 0;
  private view!: HTMLElement;
  private scrubber!: HTMLInputElement;
  private status!: HTMLElement;
  /** Where the replay stands, in a few words beside the scrubber (the banner on the table says the rest). */
  private position!: HTMLElement;
  private playButton!: HTMLButtonElement;
  private map: MapPanel | null = null;
  private gauge: RiskGauge | null = null;
  private centre!: HTMLElement;
  private right!: HTMLElement;
  private rounds!: HTMLElement;
  private gaugeSlot: HTMLElement | null = null;

  constructor(play: PlayContext) {
    super('replay', play);
  }

  init(request: ReplayRequest): void {
    this.request = request;
    this.snapshots = replaySession(request.loaded).snapshots;
    this.index = 0;
    this.playing = false;
  }

  create(): void {
    const { scenario } = this.request.loaded;
    const last = this.snapshots.length - 1;
    const back = () => {
      this.click();
      this.stop();
      this.scene.start(this.request.back ?? 'library');
    };
    const speed = speedSelect(SPEEDS, (value) => (this.speed = value));
    this.buildTable(scenario);
    this.mount(
      el('div', { class: 'screen replay-screen' }, this.header(back), this.view, this.rounds, this.controls(last, speed)),
      `Replay of ${this.request.name}: ${this.snapshots.length} states. Left and right arrows step, space plays and pauses.`,
    );
    this.bindKeys(last, speed, back);
    this.onTeardown(() => {
      this.stop();
      this.map?.destroy();
      this.gauge?.destroy();
    });
    this.seek(0);
    this.placeDrawings();
  }

  /** The table as play shows it, read-only: the map, the tracks, the risk and the meters, and the rounds under them. */
  private buildTable(scenario: Scenario): void {
    // The map and the gauge are drawn once and updated as the replay moves; the text around them is rebuilt.
    const first = this.snapshots[0]!.context.game!;
    this.map = new MapPanel(this, scenario, first, true);
    this.centre = el('section', { class: 'table-centre', attrs: { 'aria-label': 'The table at this point' } });
    this.right = el('aside', { class: 'table-right' });
    this.rounds = el('div', { class: 'replay-rounds' });
    // One scroll for the whole table (never a column of its own), reachable by keyboard; the map stays put beside it.
    this.view = el(
      'div',
      { class: 'replay-view', attrs: { tabindex: 0, role: 'region', 'aria-label': 'The game at this point' } },
      el('div', { class: 'table-grid' }, el('div', { class: 'table-left' }, this.map.element), this.centre, this.right),
    );
  }

  /** The game replayed (scenario, players, seed, how far the file is checked) and the ways out. */
  private header(back: () => void): HTMLElement {
    const { loaded, name } = this.request;
    const players = playersLabel(loaded.scenario, loaded.session.players);
    const meta = [
      loaded.scenario.meta.title,
      players && `played by ${players}`,
      `seed ${loaded.session.seed}`,
      verificationNote(loaded.session.formatVersion),
    ];
    return el(
      'header',
      { class: 'game-header' },
      el(
        'div',
        { class: 'heading' },
        el('h1', { text: `Replay: ${name}` }),
        el('p', { class: 'meta', text: meta.filter(Boolean).join(' · ') }),
      ),
      el(
        'nav',
        { class: 'header-actions', attrs: { 'aria-label': 'Replay' } },
        button('Take over from here', () => this.takeOver(), { key: 'T' }),
        button(this.request.back === 'class-view' ? 'Back to the class' : 'Back to saved games', back, { key: 'Esc' }),
      ),
    );
  }

  /** The scrubber with its marks, the steps, play and pause, the speed, and the spoken status. */
  private controls(last: number, speed: HTMLSelectElement): HTMLElement {
    const scrubberId = uniqueId('scrubber');
    this.scrubber = el('input', { id: scrubberId, class: 'scrubber', attrs: { type: 'range', min: 0, max: last, step: 1, value: 0 } });
    this.scrubber.addEventListener('input', () => this.seek(Number(this.scrubber.value)));
    this.playButton = button('Play', () => this.toggle(), { key: 'Space', class: 'primary' });
    this.position = el('span', { class: 'replay-position', attrs: { 'aria-hidden': 'true' } });
    this.status = el('p', { class: 'replay-status visually-hidden', attrs: { 'aria-live': 'polite' } });
    return el(
      'footer',
      { class: 'screen-footer replay-controls' },
      el(
        'div',
        { class: 'scrub' },
        el('label', { text: 'Event', attrs: { for: scrubberId } }),
        el('div', { class: 'scrub-track' }, eventMarks(this.snapshots), this.scrubber),
        this.position,
      ),
      el(
        'div',
        { class: 'actions' },
        button('Start', () => this.seek(0), { key: 'Home' }),
        button('Step back', () => this.seek(this.index - 1), { key: '←' }),
        this.playButton,
        button('Step forward', () => this.seek(this.index + 1), { key: '→' }),
        button('End', () => this.seek(last), { key: 'End' }),
        speed,
      ),
      this.status,
    );
  }

  private bindKeys(last: number, speed: HTMLSelectElement, back: () => void): void {
    this.keys({
      ArrowLeft: () => this.seek(this.index - 1),
      ArrowRight: () => this.seek(this.index + 1),
      Home: () => this.seek(0),
      End: () => this.seek(last),
      ' ': () => this.toggle(),
      t: () => this.takeOver(),
      Escape: back,
    });
    // The scrubber and the speed list keep the keys they use (arrows, Home, End, letters that pick a speed);
    // the page's shortcuts leave every key to them, so the viewer's other shortcuts are given here.
    this.keysAt(this.scrubber, { ' ': () => this.toggle(), t: () => this.takeOver(), Escape: back });
    this.keysAt(speed, { t: () => this.takeOver(), Escape: back });
  }

  /** The map and the gauge are on the canvas: they follow their slots, and the gauge the table's scroll (the map stays in place). */
  private placeDrawings(): void {
    const placeGauge = () => {
      if (this.gaugeSlot) this.gauge?.layout(this.rectOf(this.gaugeSlot));
    };
    this.followLayout([this.map!.slot, this.right], () => {
      this.map?.layout(this.rectOf(this.map.slot));
      placeGauge();
    });
    this.view.addEventListener('scroll', placeGauge, { passive: true });
  }

  /** Shortcuts for keys pressed at one control, which the page's own shortcuts leave alone. */
  private keysAt(control: HTMLElement, keys: Record<string, () => void>): void {
    control.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const action = keys[event.key] ?? keys[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    });
  }

  /** Shows the state after event `index` (0 is the start of the game). */
  private seek(index: number): void {
    const last = this.snapshots.length - 1;
    this.index = Math.max(0, Math.min(last, index));
    this.scrubber.value = String(this.index);
    const snapshot = this.snapshots[this.index]!;
    const game = snapshot.context.game!;
    const scenario = this.request.loaded.scenario;
    const events = this.request.loaded.session.events;
    const step = this.index === 0 ? null : `${this.index} of ${last} (${events[this.index - 1]!.event.type.toLowerCase()})`;
    const event = step ? `event ${step}` : 'the start';
    const said = narrate(scenario, snapshot);
    this.status.textContent = `${event}: ${said}`;
    this.position.textContent = step ?? 'start';
    this.scrubber.setAttribute('aria-valuetext', event);
    this.app.ui.dataset.state = `${stateAttribute(snapshot)}#${this.index}`;

    const risk = riskPanel(scenario, game);
    // An onlooker's view: every mark names its side, and both sides' red lines show.
    const view = tableView(scenario, game, 'proposal', { onlooker: true });
    const ladders = view.tracks.map((row) =>
      trackLadder(view, row, {
        editable: false,
        selected: null,
        onSelect: () => undefined,
        ticked: null,
        acceptable: false,
        onTick: () => undefined,
      }),
    );
    this.centre.replaceChildren(el('p', { class: 'banner', text: said }), ...ladders);
    this.right.replaceChildren(risk.element, metersPanel(scenario, game));
    this.rounds.replaceChildren(timeline(scenario, game));
    this.map!.update(game);
    this.gauge ??= new RiskGauge(this, bands(scenario), game.risk, true);
    this.gauge.setRisk(game.risk);
    this.gaugeSlot = risk.slot;
    if (this.index === last) this.stop();
  }

  private toggle(): void {
    if (this.playing) this.stop();
    else {
      if (this.index === this.snapshots.length - 1) this.seek(0);
      this.playing = true;
      this.playButton.firstChild!.textContent = 'Pause';
      const tick = () => {
        if (!this.playing) return;
        this.seek(this.index + 1);
        if (this.playing) this.timer = window.setTimeout(tick, STEP_MS / this.speed);
      };
      this.timer = window.setTimeout(tick, STEP_MS / this.speed);
    }
  }

  private stop(): void {
    this.playing = false;
    window.clearTimeout(this.timer);
    if (this.playButton) this.playButton.firstChild!.textContent = 'Play';
  }

  /** A new game from the state shown: the events so far, replayed into a game of its own. */
  private takeOver(): void {
    this.click();
    this.stop();
    const { loaded, name } = this.request;
    const screen = this.play.fork(loaded, this.index, gameName(name, `taken over at event ${this.index}`));
    if (screen) this.scene.start(screen);
  }
}
