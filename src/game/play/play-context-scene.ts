/**
 * The base of the play module's screens that show no game in progress (the picker, saved games,
 * the glossary, the replay viewer, the class view): they read the play context — the scenarios,
 * the library, whether a game is going on — but have no snapshot to render or events to send.
 * The screens of the game in progress extend PlayScene, which adds those.
 */
import { UiScene } from '../scenes/ui-scene.ts';
import type { PlayContext } from './play-context.ts';

export abstract class PlayContextScene extends UiScene {
  constructor(
    key: string,
    protected readonly play: PlayContext,
  ) {
    super(key, play.app);
  }
}
