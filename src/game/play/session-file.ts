/** Session files handed to the player: a .json download named for the scenario and the day. */
import { el } from '../ui/dom.ts';

/** `name` becomes the file name's middle part, e.g. a scenario id or the game's name in the library. */
export function downloadSession(session: unknown, name: string): void {
  const blob = new Blob([`${JSON.stringify(session, null, 1)}\n`], { type: 'application/json' });
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'game';
  const link = el('a', {
    attrs: { href: URL.createObjectURL(blob), download: `red-lines-${slug}-${new Date().toISOString().slice(0, 10)}.json` },
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
