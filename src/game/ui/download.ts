/** Handing a file to the player: a download of the blob under the given name. */
import { el } from './dom.ts';

export function downloadBlob(blob: Blob, name: string): void {
  const link = el('a', { attrs: { href: URL.createObjectURL(blob), download: name } });
  link.click();
  // The browser may still be reading the blob when click() returns; the URL is let go a little later.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
