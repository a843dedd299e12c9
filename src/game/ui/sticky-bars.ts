/**
 * Keeps each scroll container (`.scroll`) of a screen told how tall its sticky bars are, as the
 * custom properties --bar-top and --bar-bottom that its scroll-padding adds up (play-screens.css).
 * The browser then scrolls a control that takes focus — by Tab, by focus() or by scrollIntoView —
 * to where no bar covers it. Bars grow with the text size and wrap with the window, so they are
 * measured, not guessed; a screen that rebuilds its content is measured again.
 */
export function watchStickyBars(root: HTMLElement): () => void {
  let frame = 0;
  const resizes = new ResizeObserver(() => schedule());
  const mutations = new MutationObserver(() => schedule());
  // Each element is observed once: observing again would report it again, and measure again, every frame.
  const watched = new WeakSet<Element>();
  const watch = (element: Element) => {
    if (watched.has(element)) return;
    watched.add(element);
    resizes.observe(element);
  };
  const containers = () => [...(root.matches('.scroll') ? [root] : []), ...root.querySelectorAll<HTMLElement>('.scroll')];

  const measure = () => {
    for (const container of containers()) {
      watch(container);
      let top = 0;
      let bottom = 0;
      for (const child of container.children) {
        const style = getComputedStyle(child);
        if (style.position !== 'sticky' || style.display === 'none') continue;
        watch(child);
        const height = child.getBoundingClientRect().height;
        if (style.top !== 'auto') top = Math.max(top, height);
        if (style.bottom !== 'auto') bottom = Math.max(bottom, height);
      }
      container.style.setProperty('--bar-top', `${top}px`);
      container.style.setProperty('--bar-bottom', `${bottom}px`);
    }
  };
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(measure);
  };

  measure();
  mutations.observe(root, { childList: true, subtree: true });
  return () => {
    cancelAnimationFrame(frame);
    resizes.disconnect();
    mutations.disconnect();
  };
}
