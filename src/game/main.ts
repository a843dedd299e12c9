/**
 * The page's entry: settings, the live region, sound, and the Phaser game whose canvas sits
 * under the DOM layer. Only the menu's scenes are in the start-up bundle; the play scenes and
 * the engine load when a player chooses to play (and are fetched in the background before that).
 */
import './styles/index.css';
import Phaser from 'phaser';
import { openKeyValueStore } from '../storage/key-value.ts';
import type { AppContext, PlayApi } from './app/app-context.ts';
import { applySettingsToPage, browserStorage, defaultSettings, SettingsStore } from './app/settings.ts';
import { SoundBoard, SOUND_URLS } from './audio/sound-board.ts';
import { BootScene } from './scenes/boot-scene.ts';
import { HowToPlayScene } from './scenes/how-to-play-scene.ts';
import { SettingsScene } from './scenes/settings-scene.ts';
import { TitleScene } from './scenes/title-scene.ts';
import { Announcer } from './ui/announcer.ts';

function startGame(): void {
  const prefersReducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const settings = new SettingsStore(browserStorage(), defaultSettings(prefersReducedMotion));
  applySettingsToPage(settings.current);
  const sound = new SoundBoard(SOUND_URLS, { volume: settings.current.volume, muted: settings.current.muted });
  settings.subscribe((current) => {
    applySettingsToPage(current);
    sound.setVolume(current.volume);
    sound.setMuted(current.muted);
  });
  // Browsers allow sound only after a gesture; nothing is created or played before one.
  const unlock = () => {
    sound.unlock();
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);

  let play: Promise<PlayApi> | null = null;
  const toast = document.getElementById('toast')!;
  let toastTimer = 0;
  const app: AppContext = {
    settings,
    sound,
    announcer: new Announcer(document.getElementById('announcer')),
    ui: document.getElementById('ui')!,
    scenarioLink: new URLSearchParams(window.location.search).get('scenario'),
    loadPlay: () => {
      play ??= import('./play/install-play.ts').then(({ installPlayScenes }) => installPlayScenes(game, app));
      return play;
    },
    storage: openKeyValueStore(),
    notify: (message) => {
      toast.textContent = message;
      toast.hidden = false;
      window.clearTimeout(toastTimer);
      toastTimer = window.setTimeout(() => (toast.hidden = true), 8000);
      app.announcer.say(message);
    },
  };

  const game = new Phaser.Game({
    // Canvas by default: the game draws a few shapes and texts, which Canvas draws at 60 fps
    // everywhere, while a machine without a usable GPU (common on school computers, and in CI)
    // falls back to software WebGL and drops frames. ?renderer=webgl opts in to WebGL.
    type: new URLSearchParams(window.location.search).get('renderer') === 'webgl' ? Phaser.AUTO : Phaser.CANVAS,
    parent: 'stage',
    backgroundColor: '#0b1622',
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    // Howler owns the only AudioContext; the DOM layer owns input.
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    banner: false,
    scene: [new BootScene(app), new TitleScene(app), new SettingsScene(app), new HowToPlayScene(app)],
  });
}

startGame();
