/**
 * Printing (or saving as PDF) shows everything: the sections folded away under `root` open for the
 * page, and those it opened close again after. Returns the cleanup that stops listening.
 */
export function openDetailsWhilePrinting(root: ParentNode): () => void {
  const opened = new Set<HTMLDetailsElement>();
  const before = () => {
    for (const item of root.querySelectorAll('details')) {
      if (item.open) continue;
      opened.add(item);
      item.open = true;
    }
  };
  const after = () => {
    opened.forEach((item) => (item.open = false));
    opened.clear();
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
