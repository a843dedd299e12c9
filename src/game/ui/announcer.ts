/**
 * The polite live region: every change of state is narrated in words for screen readers. The
 * text is cleared first so that repeating the same sentence is still announced.
 */
export class Announcer {
  private readonly region: HTMLElement;
  private history: string[] = [];

  constructor(region: HTMLElement | null) {
    if (!region) throw new Error('the page has no #announcer live region');
    this.region = region;
  }

  say(text: string): void {
    this.history = [...this.history.slice(-49), text];
    this.region.textContent = '';
    // A new text node in the next frame is what screen readers reliably pick up.
    requestAnimationFrame(() => {
      this.region.textContent = text;
    });
  }

  /** The recent announcements, newest last (browser tests read them). */
  get recent(): readonly string[] {
    return this.history;
  }
}
