/**
 * Keyboard shortcuts for a screen's main actions, on the document rather than Phaser's keyboard
 * plugin (which is switched off: it repeats fast presses). A shortcut never fires while the user
 * types in a field or when a modifier is held, so it cannot clash with the browser's own keys.
 */
export type KeyMap = Record<string, () => void>;

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'password', 'url', 'tel', 'range']);

/** Whether keys typed at the target belong to it (a text field, a slider, a list). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function bindKeys(keys: KeyMap): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typing(event.target)) return;
    const action = keys[event.key] ?? keys[event.key.toLowerCase()];
    if (!action) return;
    // Enter and Space on a focused button already activate it; leave those to the browser.
    if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    action();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
