/**
 * Building elements without HTML strings: `el()` creates an element, sets text with
 * `textContent` and attributes with `setAttribute`, and appends children. Data never reaches
 * `innerHTML`, so a `<script>` in a cable stays characters on screen.
 */

export interface ElementOptions {
  className?: string;
  text?: string;
  testid?: string;
  title?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: (Node | null)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.testid) node.dataset.testid = options.testid;
  if (options.title) node.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Listeners added through `listen` are removed together by `dispose()`. */
export class Listeners {
  private readonly removers: (() => void)[] = [];
  on<K extends keyof HTMLElementEventMap>(target: HTMLElement | Document, type: K, handler: (e: HTMLElementEventMap[K]) => void): void;
  on(target: Window, type: string, handler: (e: Event) => void): void;
  on(target: EventTarget, type: string, handler: (e: never) => void): void {
    const h = handler as EventListener;
    target.addEventListener(type, h);
    this.removers.push(() => target.removeEventListener(type, h));
  }
  dispose(): void {
    for (const remove of this.removers.splice(0)) remove();
  }
}

/** Formats a count for people: 12,345. */
export const count = (n: number) => n.toLocaleString('en-US');

/** "1 paragraph" / "3 paragraphs". */
export const plural = (n: number, word: string, many = `${word}s`) => `${count(n)} ${n === 1 ? word : many}`;
