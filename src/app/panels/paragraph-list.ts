/**
 * The source paragraphs of an entity or a pair, paged: the first page is fetched and drawn at
 * once, "Show more" adds the next, so an entity with thousands of paragraphs costs only what is
 * on screen. Each paragraph shows its cable (id, subject, classification, date), its number and
 * its text, with every mention a button (or, for dropped mentions, a mark) built with
 * textContent; the mention's type is a class, and mentions of the entities in focus are emphasised.
 */
import type { CableRecord, ParagraphMention, ParagraphRecord } from '../../core/dataset/format.ts';
import type { Dataset } from '../data/dataset.ts';
import { Listeners, count, el } from '../dom.ts';
import { typeHue } from '../view/colors.ts';
import { segments } from './text-segments.ts';

export const PAGE_SIZE = 20;

export interface ParagraphListOptions {
  dataset: Dataset;
  /** Paragraph ids, ascending. */
  ids: readonly number[];
  /** Entity ids whose mentions are emphasised. */
  focus: ReadonlySet<number>;
  onEntity(id: number): void;
  /** Called once the first page is on screen (the benchmark measures it). */
  onShown?(): void;
}

export interface ParagraphList {
  readonly element: HTMLElement;
  dispose(): void;
}

/** A Map: the reason comes from a dataset file and may be any string. */
const DROP_REASONS = new Map<string, string>(Object.entries({
  'format-word': 'a format word, not a name',
  'jargon-role': 'cable jargon for an embassy role',
  redaction: 'a redacted name',
  'no-name': 'nothing nameable',
}));

function mentionElement(text: string, mention: ParagraphMention, focus: ReadonlySet<number>): HTMLElement {
  const [, , entity, type, dropped] = mention;
  const hue = String(typeHue(type));
  if (entity < 0) {
    const mark = el('mark', { className: 'mention dropped', text, testid: 'mention', title: `${type}: not counted (${DROP_REASONS.get(dropped ?? '') ?? dropped ?? 'dropped'})` });
    mark.style.setProperty('--hue', hue);
    return mark;
  }
  const button = el('button', {
    className: `mention type-${type.replace(/[^\w-]/gu, '_')}${focus.has(entity) ? ' focus' : ''}`,
    text,
    testid: 'mention',
    title: `${type} — open this entity`,
    attrs: { type: 'button', 'data-entity': String(entity), 'data-type': type },
  });
  button.style.setProperty('--hue', hue);
  return button;
}

function paragraphElement(p: ParagraphRecord, cable: CableRecord, focus: ReadonlySet<number>, withSubject: boolean): HTMLElement {
  // The corpus metadata, where there is one, names the post and gives the full marking.
  const listing = cable.listing;
  const classification = listing?.classification || cable.classification;
  const meta = el('header', { className: 'paragraph-meta' }, [
    el('span', { className: 'cable-id', text: cable.id, title: cable.file }),
    el('span', { className: 'paragraph-n', text: `¶${p.n}` }),
    classification ? el('span', { className: 'cable-classification', text: classification }) : null,
    listing?.origin ? el('span', { className: 'cable-origin', text: listing.origin }) : null,
    listing?.date ? el('time', { className: 'cable-date', text: listing.date, attrs: { datetime: listing.date.replace(' ', 'T') } }) : null,
  ]);
  const subject = withSubject && cable.subject ? el('div', { className: 'cable-subject', text: cable.subject }) : null;
  const body = el('p', { className: 'paragraph-text' });
  for (const segment of segments(p.text, p.mentions)) {
    body.append(segment.mention ? mentionElement(segment.text, segment.mention, focus) : document.createTextNode(segment.text));
  }
  return el('article', { className: 'paragraph', testid: 'paragraph' }, [meta, subject, body]);
}

export function createParagraphList(options: ParagraphListOptions): ParagraphList {
  const { dataset, ids, focus } = options;
  const listeners = new Listeners();
  const items = el('div', { className: 'paragraph-items' });
  const more = el('button', { className: 'more', attrs: { type: 'button' } });
  const status = el('p', { className: 'list-status', attrs: { role: 'status' } });
  const element = el('section', { className: 'paragraph-list' }, [items, status, more]);
  let shown = 0;
  let lastCable = -1;
  let disposed = false;
  let loading = false;

  const showPage = async () => {
    if (loading || shown >= ids.length) return;
    loading = true;
    more.disabled = true;
    const page = ids.slice(shown, shown + PAGE_SIZE);
    try {
      const paragraphs = await Promise.all(page.map((id) => dataset.paragraph(id)));
      const cables = await Promise.all(paragraphs.map((p) => dataset.cable(p.cable)));
      if (disposed) return;
      // The subject heads each run of paragraphs from one cable, not every paragraph.
      items.append(...paragraphs.map((p, i) => {
        const element = paragraphElement(p, cables[i]!, focus, p.cable !== lastCable);
        lastCable = p.cable;
        return element;
      }));
      shown += page.length;
      status.textContent = '';
    } catch (e) {
      if (disposed) return;
      status.textContent = `Could not load these paragraphs: ${(e as Error).message}`;
    } finally {
      loading = false;
    }
    const left = ids.length - shown;
    more.hidden = left <= 0;
    more.disabled = false;
    more.textContent = left > 0 ? `Show ${count(Math.min(left, PAGE_SIZE))} more (${count(left)} left)` : '';
  };

  listeners.on(more, 'click', () => void showPage());
  listeners.on(items, 'click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('button.mention');
    const id = Number(target?.dataset.entity);
    if (target && Number.isInteger(id)) options.onEntity(id);
  });
  more.hidden = true;
  if (ids.length === 0) status.textContent = 'No paragraphs.';
  void showPage().then(() => {
    if (!disposed) options.onShown?.();
  });

  return {
    element,
    dispose() {
      disposed = true;
      listeners.dispose();
      element.remove();
    },
  };
}
