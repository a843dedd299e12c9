/**
 * Puts focus on a control and scrolls it only as far as needed to show it whole: the scroll
 * containers' scroll-padding keeps it clear of their sticky bars (play-screens.css).
 */
export function focusInView(control: HTMLElement): void {
  control.focus({ preventScroll: true });
  control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
