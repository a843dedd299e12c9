/**
 * The negotiation table: the map, the tracks with both sides' demands and red lines, what is on
 * the table, posture and tone, the risk gauge with its breakdown, the meters, the statements and
 * the round timeline. The player's choices are a TableChoices (table-choices.ts) that the scene
 * draws and replaces as they change; the scene only turns them into an event for the machine.
 */
import type { GameState } from '../../engine/rules/state.ts';
import { el } from '../ui/dom.ts';
import { sideShort } from '../view/narration.ts';
import { tableTurn } from '../view/screens.ts';
import { tableGaugeStart } from '../view/gauge-sweep.ts';
import { bands } from '../view/risk-view.ts';
import { cancelMode, choicesFor, primaryAction, tableEvent, withMode, type TableAction, type TableChoices } from '../view/table-choices.ts';
import { modeNarration, tableStage, tableView, type TableMode, type TableView } from '../view/table-view.ts';
import { RiskGauge } from '../widgets/risk-gauge.ts';
import { gameHeader } from './panels/game-header.ts';
import { MapPanel } from './panels/map-panel.ts';
import { metersPanel } from './panels/meters-panel.ts';
import { riskPanel, type RiskPanel } from './panels/risk-panel.ts';
import { statementsPanel } from './panels/statements.ts';
import { firstControl, tableCentre } from './panels/table-centre.ts';
import { timeline } from './panels/timeline.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';
import { showFirstGameGuide } from './guide/first-game-guide.ts';

export class TableScene extends PlayScene {
  private view!: TableView;
  private centre!: HTMLElement;
  private choices!: TableChoices;
  /**
   * The choices of the turn, kept on the scene while the player looks at the glossary, help or
   * settings (which draw the table afresh on return); they belong to one game, whose controller
   * is kept with them, and to one turn (TableChoices.turn).
   */
  private kept: { controller: unknown; choices: TableChoices } | null = null;

  constructor(play: PlayContext) {
    super('table', play);
  }

  create(): void {
    const stage = tableStage(this.snapshot);
    if (!stage) {
      this.follow();
      return;
    }
    const game = this.gameState;
    this.view = tableView(this.scenario, game, stage);
    const kept = this.kept?.controller === this.play.controller ? this.kept.choices : null;
    this.keep(choicesFor(kept, this.view, tableTurn(this.snapshot)?.key ?? ''));
    const returning = kept === this.choices;
    const risk = riskPanel(this.scenario, game);
    const map = new MapPanel(this, this.scenario, game, this.app.settings.current.reducedMotion);
    this.centre = el('section', { class: 'table-centre scroll', attrs: { 'aria-label': 'The table' } });
    this.renderCentre();
    // The columns beside the table: one box only where they stack and scroll (table.css).
    const side = el(
      'div',
      { class: 'table-side' },
      el('aside', { class: 'table-right' }, risk.element, metersPanel(this.scenario, game)),
      el('div', { class: 'table-left' }, map.element, statementsPanel(this.scenario, game)),
    );
    this.mountTable(game, side);
    this.focusFirstControl(null);
    // On a first look at the turn, the needle sweeps over the round's opening events; not on coming back to it.
    const gauge = new RiskGauge(
      this,
      bands(this.scenario),
      returning ? game.risk : tableGaugeStart(game),
      this.app.settings.current.reducedMotion,
    );
    gauge.setRisk(game.risk);
    // The risk panel grows when its breakdown opens, which moves the map where the columns stack.
    this.drawBeside(side, [risk.slot, map.slot, risk.element], (column) => {
      gauge.layout(column.rectOf(risk.slot));
      map.layout(column.rectOf(map.slot));
    });
    this.onTeardown(() => {
      gauge.destroy();
      map.destroy();
    });
    this.bindKeys(risk);
    this.app.ui.dataset.acting = this.view.acting;
    if (game.setup.opponent.kind === 'hotseat')
      this.app.announcer.say(`${sideShort(this.scenario, this.view.acting)}'s turn at the table.`);
    this.onTeardown(showFirstGameGuide(this, this.play));
  }

  private mountTable(game: GameState, side: HTMLElement): void {
    this.mount(
      el(
        'div',
        { class: 'screen table-screen' },
        gameHeader(this, this.scenario, game, `Round ${game.round + 1}: ${this.view.title}`),
        el('div', { class: 'table-grid' }, this.centre, side),
        el('footer', { class: 'screen-footer' }, timeline(this.scenario, game)),
      ),
    );
  }

  private bindKeys(risk: RiskPanel): void {
    this.keys({
      Enter: () => {
        const action = primaryAction(this.choices.mode);
        if (action) this.act(action);
      },
      Escape: () => this.cancel(),
      a: () => this.act('accept'),
      s: () => this.setMode(this.choices.mode === 'reply' ? 'reply-some' : 'accept-some'),
      c: () => this.setMode('counter'),
      r: () => this.act('reject'),
      w: () => this.setMode('confirm-walkout'),
      g: () => {
        this.focusControl(risk.hotspot);
        risk.hotspot.click();
      },
    });
  }

  /** Takes the choices as they now stand, and keeps them for this turn. */
  private keep(choices: TableChoices): TableChoices {
    this.choices = choices;
    this.kept = { controller: this.play.controller, choices };
    return choices;
  }

  private setMode(mode: TableMode): void {
    const next = withMode(this.choices, mode);
    if (!next) return;
    this.click();
    const from = this.choices.mode;
    this.keep(next);
    this.renderCentre();
    this.focusFirstControl(from);
    this.app.announcer.say(modeNarration(this.scenario, this.view, mode as Exclude<TableMode, 'propose'>));
  }

  private cancel(): void {
    const mode = cancelMode(this.choices);
    if (mode) this.setMode(mode);
  }

  /** Sends the event an action makes of the choices, where the mode allows it. */
  private act(action: TableAction): void {
    const event = tableEvent(this.view, this.choices, action);
    if (event) this.send(event);
  }

  /**
   * Focuses the control the mode starts at (firstControl). The centre opens at its top, and the
   * control is scrolled only as far as needed to clear the sticky action bar.
   */
  private focusFirstControl(from: TableMode | null): void {
    const target = firstControl(this.centre, this.choices.mode, from);
    this.centre.scrollTop = 0;
    // The sticky bar is always in view; scrolling "to" it would only move the table under it.
    if (target.closest('.table-actions')) target.focus({ preventScroll: true });
    else this.focusControl(target);
  }

  private renderCentre(): void {
    this.centre.replaceChildren(
      ...tableCentre(this.scenario, this.gameState, this.view, this.choices, {
        change: (change) => this.keep(change(this.choices)),
        picked: () => this.app.sound.play('click'),
        act: (action) => this.act(action),
        setMode: (mode) => this.setMode(mode),
        cancel: () => this.cancel(),
      }),
    );
  }
}
