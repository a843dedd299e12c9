/**
 * The play module, loaded when a player chooses to play: it checks the bundled scenarios and
 * adds the play scenes to the running game.
 */
import type Phaser from 'phaser';
import type { AppContext, PlayApi } from '../app/app-context.ts';
import { BriefingScene } from './briefing-scene.ts';
import { ClassViewScene } from './class-view-scene.ts';
import { DebriefScene } from './debrief-scene.ts';
import { GlossaryScene } from './glossary-scene.ts';
import { HandOverScene } from './hand-over-scene.ts';
import { LibraryScene } from './library-scene.ts';
import { ReplayScene } from './replay-scene.ts';
import { PickerScene } from './picker-scene.ts';
import { PlayContext } from './play-context.ts';
import { RoundResultScene } from './round-result-scene.ts';
import { loadBundledScenarios } from './scenario-catalogue.ts';
import { SetupScene } from './setup-scene.ts';
import { TableScene } from './table-scene.ts';

export async function installPlayScenes(game: Phaser.Game, app: AppContext): Promise<PlayApi> {
  const { entries, problems } = await loadBundledScenarios();
  const play = new PlayContext(app, entries, problems);
  for (const scene of [
    new PickerScene(play),
    new SetupScene(play),
    new BriefingScene(play),
    new HandOverScene(play),
    new TableScene(play),
    new RoundResultScene(play),
    new DebriefScene(play),
    new LibraryScene(play),
    new ReplayScene(play),
    new ClassViewScene(play),
    new GlossaryScene(play),
  ]) {
    game.scene.add(scene.sys.settings.key, scene, false);
  }
  return play;
}
