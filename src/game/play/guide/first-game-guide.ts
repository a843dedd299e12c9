/**
 * The guided first game on a screen: the briefing and the table call this as they open. It asks
 * the plan what to show, in the scenario's words, and shows it as coach marks; it remembers in
 * the browser that the guide was seen once the tour ends, and, for the game in progress, where a
 * tour left off when the player stepped out to help, the glossary or settings.
 */
import { glossaryEntry, glossaryOf } from '../../../engine/glossary.ts';
import { briefingSteps, followUpSteps, tableSteps } from '../../view/guide-steps.ts';
import { tableStage, tableView } from '../../view/table-view.ts';
import { phaseOf } from '../../../engine/machine/phase.ts';
import type { GameController } from '../game-controller.ts';
import type { PlayContext } from '../play-context.ts';
import { CoachMark } from './coach-mark.ts';
import { guideMemory } from './guide-memory.ts';
import { endPart, freshProgress, planGuide, type GuideProgress, type PartEnd } from './guide-plan.ts';

/** What the guide needs of the screen that shows it. */
export interface GuideScreen {
  scene: { key: string; start(key: string, data?: object): void };
}

/** Each game's progress through the guide, for as long as the game is in progress. */
const progressOf = new WeakMap<GameController, GuideProgress>();

/** Where the game stands, as a key that changes with every move. */
function stateKey(controller: GameController): string {
  const snapshot = controller.snapshot;
  return `${phaseOf(snapshot)}@${snapshot.context.game?.round ?? 0}`;
}

/** Shows the guide on the screen that has just opened, if it has one there; returns the screen's cleanup. */
export function showFirstGameGuide(screen: GuideScreen, play: PlayContext): () => void {
  const controller = play.controller;
  const scenario = play.chosen?.scenario;
  const game = controller?.snapshot.context.game;
  if (!controller || !scenario || !game) return () => undefined;
  const memory = guideMemory();
  const stage = screen.scene.key === 'table' ? tableStage(controller.snapshot) : null;
  const plan = planGuide(
    { seen: memory.seen, round: game.round, over: game.outcome !== null, screen: stage ? 'table' : 'briefing', stage },
    progressOf.get(controller) ?? freshProgress(),
  );
  if (!plan) return () => undefined;
  const { part } = plan;
  const sides = stage ? tableView(scenario, game, stage) : null;
  const root = play.app.ui;
  const steps = (
    part.kind === 'briefing'
      ? briefingSteps(scenario, game)
      : part.kind === 'table'
        ? tableSteps(scenario, game, part.stage, sides!, plan.progress.briefingDone)
        : followUpSteps(scenario, part.stage, sides!)
  )
    // A screen without one of the controls (no statements, a scenario without moves) skips its step.
    .filter((step) => root.querySelector(step.anchor) !== null);
  if (steps.length === 0) return () => undefined;

  let progress = plan.progress;
  progressOf.set(controller, progress);
  const opened = stateKey(controller);
  const finish = (end: PartEnd) => {
    const after = endPart(progress, part, end);
    progress = after.progress;
    progressOf.set(controller, progress);
    if (after.seen) memory.seen = true;
  };
  const glossary = glossaryOf(scenario);
  // The screen has just said what it shows; the guide's first words wait two frames so both are heard.
  let quiet = true;
  const announce = (text: string) => {
    if (!quiet) play.app.announcer.say(text);
    else requestAnimationFrame(() => requestAnimationFrame(() => play.app.announcer.say(text)));
  };
  let open = true;
  const mark = new CoachMark(steps, plan.start, {
    root,
    announce,
    termName: (id) => glossaryEntry(glossary, id)?.term ?? null,
    openTerm: (term) => screen.scene.start('glossary', { term, back: screen.scene.key }),
    onEnd: (how) => {
      open = false;
      finish({ how });
    },
  });
  quiet = false;

  return () => {
    if (!open) return;
    open = false;
    const step = mark.step;
    mark.destroy();
    // A screen closing under the guide: the player stepped aside (the game stands where it was), played on, or left the game.
    if (play.controller !== controller) return;
    finish(stateKey(controller) === opened ? { how: 'aside', step } : { how: 'moved-on' });
  };
}
