/**
 * The replay viewer: a saved game on the same table as play, read-only. A timeline with a mark
 * per event and per round, a scrubber, play and pause, step back and forward, and speed; every
 * state is replayed once when the viewer opens, so seeking is a lookup. "Take over from here"
 * starts a new game from the state shown and leaves the original untouched.
 */
import type { LoadedSession } from '../../engine/session/load.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import { replaySession } from '../../engine/session/load.ts';
import { narrate } from '../view/narration.ts';
import { bands } from '../view/risk-view.ts';
import { tableView } from '../view/table-view.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { RiskGauge } from '../widgets/risk-gauge.ts';
import { MapPanel } from './panels/map-panel.ts';
import { metersPanel } from './panels/meters-panel.ts';
import { riskPanel } from './panels/risk-panel.ts';
import { timeline } from './panels/timeline.ts';
import { trackLadder } from './panels/track-ladder.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';

const SPEEDS = [0.5, 1, 2, 4] as const;
/** How long one event stays on screen at speed 1 while playing. */
const STEP_MS = 1200;

export interface ReplayRequest {
  loaded: LoadedSession;
  name: string;
  /** The screen the viewer returns to (the saved games unless told otherwise). */
  back?: string;
}

export class ReplayScene extends PlayScene {
  private request!: ReplayRequest;
  private snapshots: GameSnapshot[] = [];
  private index = 0;
  private playing = false;
  private speed = 1;
  private timer = 0;
  private view!: HTMLElement;
  private scrubber!: HTMLInputElement;
  private status!: HTMLElement;
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
    const { loaded, name } = this.request;
    const scenario = loaded.scenario;
    const last = this.snapshots.length - 1;
    const scrubberId = uniqueId('scrubber');
    this.scrubber = el('input', { id: scrubberId, class: 'scrubber', attrs: { type: 'range', min: 0, max: last, step: 1, value: 0 } });
    this.scrubber.addEventListener('input', () => this.seek(Number(this.scrubber.value)));
    const marks = el(
      'ol',
      { class: 'event-marks', attrs: { 'aria-hidden': 'true' } },
      ...this.snapshots.map((snapshot, i) => {
        const previous = this.snapshots[i - 1]?.context.game?.round;
        const round = snapshot.context.game?.round;
        return el('li', {
          class: i > 0 && round !== previous ? 'mark round' : 'mark',
          attrs: { style: `left: ${(i / Math.max(1, last)) * 100}%` },
        });
      }),
    );
    this.playButton = button('Play', () => this.toggle(), { key: 'Space', class: 'primary' });
    const speed = el(
      'select',
      { attrs: { 'aria-label': 'Speed' } },
      ...SPEEDS.map((value) => el('option', { text: `${value}×`, attrs: { value, selected: value === 1 } })),
    );
    speed.addEventListener('change', () => (this.speed = Number(speed.value)));
    this.status = el('p', { class: 'replay-status', attrs: { 'aria-live': 'polite' } });
    // The map and the gauge are drawn once and updated as the replay moves; the text around them is rebuilt.
    const first = this.snapshots[0]!.context.game!;
    this.map = new MapPanel(this, scenario, first, true);
    this.centre = el('section', { class: 'table-centre', attrs: { 'aria-label': 'The table at this point' } });
    this.right = el('aside', { class: 'table-right' });
    this.rounds = el('div', { class: 'replay-rounds' });
    this.view = el(
      'div',
      { class: 'replay-view' },
      el('div', { class: 'table-grid' }, el('div', { class: 'table-left' }, this.map.element), this.centre, this.right),
      this.rounds,
    );
    const back = () => {
      this.click();
      this.stop();
      this.scene.start(this.request.back ?? 'library');
    };
    this.mount(
      el(
        'div',
        { class: 'screen replay-screen' },
        el(
          'header',
          { class: 'game-header' },
          el(
            'div',
            { class: 'heading' },
            el('h1', { text: `Replay: ${name}` }),
            el('p', { class: 'meta', text: `${scenario.meta.title} · seed ${loaded.session.seed}` }),
          ),
          el(
            'nav',
            { class: 'header-actions', attrs: { 'aria-label': 'Replay' } },
            button('Take over from here', () => this.takeOver(), { key: 'T' }),
            button(this.request.back === 'class-view' ? 'Back to the class' : 'Back to saved games', back, { key: 'Esc' }),
          ),
        ),
        this.view,
        el(
          'footer',
          { class: 'screen-footer replay-controls' },
          el(
            'div',
            { class: 'scrub' },
            el('label', { text: 'Event', attrs: { for: scrubberId } }),
            el('div', { class: 'scrub-track' }, marks, this.scrubber),
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
        ),
      ),
      `Replay of ${name}: ${this.snapshots.length} states. Left and right arrows step, space plays and pauses.`,
    );
    this.keys({
      ArrowLeft: () => this.seek(this.index - 1),
      ArrowRight: () => this.seek(this.index + 1),
      Home: () => this.seek(0),
      End: () => this.seek(last),
      ' ': () => this.toggle(),
      t: () => this.takeOver(),
      Escape: back,
    });
    this.onTeardown(() => {
      this.stop();
      this.map?.destroy();
      this.gauge?.destroy();
    });
    this.seek(0);
    this.followLayout([this.map.slot, this.right], () => {
      this.map?.layout(this.rectOf(this.map.slot));
      if (this.gaugeSlot) this.gauge?.layout(this.rectOf(this.gaugeSlot));
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
    const event = this.index === 0 ? 'the start' : `event ${this.index} of ${last} (${events[this.index - 1]!.event.type.toLowerCase()})`;
    const said = narrate(scenario, snapshot);
    this.status.textContent = `${event}: ${said}`;
    this.app.ui.dataset.state = `${String(snapshot.value)}@${game.round}#${this.index}`;

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
    const screen = this.play.fork(loaded, this.index, `${name} — taken over at event ${this.index}`);
    if (screen) this.scene.start(screen);
  }
}
