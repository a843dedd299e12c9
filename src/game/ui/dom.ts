/**
 * Building the interface as real DOM elements: focusable, named for screen readers, laid out by
 * CSS so text wraps instead of overflowing. Text always goes in as text nodes, never as HTML, so
 * a scenario label holding markup shows it literally.
 */
export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, handler as EventListener);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A keyboard hint, e.g. "Enter"; hidden from screen readers, which read aria-keyshortcuts instead. */
export function keyHint(key: string): HTMLElement {
  return el('kbd', { class: 'key-hint', text: key, attrs: { 'aria-hidden': 'true' } });
}

/** The names aria-keyshortcuts uses for the keys shown on buttons. */
const KEY_NAMES: Record<string, string> = { Esc: 'Escape', '←': 'ArrowLeft', '→': 'ArrowRight' };

/** A button; `key` shows its shortcut inside it (so the two never part when the row wraps) and names it for assistive technology. */
export function button(label: string, onClick: () => void, props: Props & { key?: string } = {}): HTMLButtonElement {
  const { key, ...rest } = props;
  const attrs = { type: 'button', ...(key ? { 'aria-keyshortcuts': KEY_NAMES[key] ?? key } : {}), ...rest.attrs };
  const element = el('button', { ...rest, attrs, on: { ...rest.on, click: () => onClick() } }, label);
  if (key) append(element, keyHint(key));
  return element;
}

let nextId = 0;
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
