/**
 * The review queue (review.json): what the build's corpus-wide resolution could not decide,
 * most paragraphs affected first. Each question takes one click: merge the name into a
 * candidate, split it out of the entity a rule put it in, give its entity a type, or mark it
 * different from its candidates. Decisions are kept in the browser (import/kept-work.ts) and
 * downloaded as the aliases.tsv the next build reads (core/entities/decisions.ts writes it).
 * Names are cable text: set with textContent only.
 */
import type { Manifest, ReviewEntity, ReviewFile, ReviewRecord } from '../../core/dataset/format.ts';
import { DECIDED_TYPES } from '../../core/entities/aliases.ts';
import { addDecision, aliasesFile, decisionSubject, isDecision, removeDecision, type DecidedType, type Decision, type NamedKey } from '../../core/entities/decisions.ts';
import { Listeners, count, el, plural } from '../dom.ts';
import type { DecisionStore } from '../import/kept-work.ts';
import { saveFile } from '../import/save-file.ts';

/** Questions shown at first, and added by each "more". */
const PAGE = 40;
/** Candidates offered as merges per question. */
const CANDIDATES_SHOWN = 6;

export interface ReviewActions {
  /** Open an entity in the details panel. */
  entity(id: number): void;
}

export interface ReviewPanel {
  /** The decisions made so far, in order. */
  decisions(): readonly Decision[];
  dispose(): void;
}

const KIND_NAMES: Record<string, string> = {
  'partial-name': 'partial name',
  acronym: 'acronym',
  'type-conflict': 'type conflict',
  'near-duplicate': 'near duplicate',
  'unresolved-acronym': 'country unclear',
};

/**
 * The corpus the decisions are about, as a store key: its cables and paragraphs, which a rebuild
 * with the decisions leaves as they are (so they stay listed, and the download holds them all).
 */
export const reviewScope = (manifest: Manifest) => `${manifest.corpus.cables} cables ${manifest.corpus.paragraphs} paragraphs`;

/** A key as a decision names it: its entity's label when the key is that entity's own, else the key. */
export const namedKey = (e: ReviewEntity): NamedKey => ({ key: e.key, label: e.joined || e.label === undefined ? e.key : e.label });

const isDecidedType = (t: string | undefined): t is DecidedType => (DECIDED_TYPES as readonly (string | undefined)[]).includes(t);

/** The decisions that concern the question about `key`. */
export function decisionsAbout(decisions: readonly Decision[], key: string): Decision[] {
  return decisions.filter((d) => {
    switch (d.kind) {
      case 'merge': return d.from.key === key;
      case 'split': return d.form.key === key;
      case 'retype': return d.entity.key === key;
      case 'different': return d.a.key === key || d.b.key === key;
    }
  });
}

/** What a decision says, for the question it answers. */
export function describeDecision(d: Decision, key: string): string {
  switch (d.kind) {
    case 'merge': return `merge into ${d.into.label}`;
    case 'split': return 'keep apart';
    case 'retype': return `type ${d.type}`;
    case 'different': return `different from ${(d.a.key === key ? d.b : d.a).label}`;
  }
}

export async function createReviewPanel(container: HTMLElement, file: ReviewFile, store: DecisionStore, actions: ReviewActions): Promise<ReviewPanel> {
  const listeners = new Listeners();
  // Most paragraphs first (the build writes them so; kept whatever wrote the file), then by key.
  const items = [...file.items].sort((a, b) => b.paragraphs - a.paragraphs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let decisions: Decision[] = [];
  try {
    decisions = (await store.load()).filter(isDecision);
  } catch {
    // A browser without storage (private windows may refuse it): decisions live as long as the page.
  }
  let shown = Math.min(PAGE, items.length);

  const status = el('p', { className: 'note review-status', attrs: { role: 'status' } });
  const countText = el('span', { testid: 'review-decision-count' });
  const download = el('button', { text: 'Download aliases.tsv', testid: 'review-download', title: 'The decisions as an alias file: cablegraph build <cables> --aliases aliases.tsv', attrs: { type: 'button' } });
  const list = el('ol', { className: 'review-list' });
  const more = el('button', { className: 'review-more', testid: 'review-more', attrs: { type: 'button' } });
  const element = el('section', { className: 'path-panel review-panel', testid: 'review-panel', attrs: { 'aria-label': 'Review queue' } }, [
    el('h2', { text: `Review queue (${count(items.length)})` }),
    el('p', { className: 'note', text: items.length > 0 ? 'What the build could not decide, most paragraphs first. Decisions apply on the next build, from the downloaded aliases.tsv.' : 'The build left nothing to decide.' }),
    el('p', { className: 'review-decisions' }, [countText, download]),
    status,
    list,
    more,
  ]);
  container.append(element);

  const entityButton = (e: ReviewEntity, text: string) => e.id === undefined
    ? el('span', { className: 'review-name', text })
    : el('button', { className: 'review-name entity-link', text, title: `Open ${e.label ?? e.key}`, attrs: { type: 'button', 'data-action': 'open', 'data-entity': String(e.id) } });

  const action = (text: string, name: string, title: string, extra: Record<string, string> = {}) =>
    el('button', { className: 'review-action', text, title, attrs: { type: 'button', 'data-action': name, ...extra } });

  function itemView(item: ReviewRecord, index: number): HTMLElement {
    const me = namedKey(item);
    const head = el('div', { className: 'review-head' }, [
      entityButton(item, item.joined ? `${item.key} (in ${item.label})` : item.label ?? item.key),
      el('span', { className: 'review-kind', text: KIND_NAMES[item.kind] ?? item.kind }),
      el('span', { className: 'n', text: `${count(item.paragraphs)} ¶` }),
    ]);
    const buttons: HTMLElement[] = [];
    item.candidates.slice(0, CANDIDATES_SHOWN).forEach((c, k) => {
      // A candidate already in the question's entity is no merge to make.
      if (c.key !== item.key && (c.id === undefined || c.id !== item.id)) buttons.push(action(`Merge into ${c.label ?? c.key}`, 'merge', `Merge ${me.label} into ${c.label ?? c.key}, corpus-wide`, { 'data-candidate': String(k) }));
    });
    if (item.joined) buttons.push(action(`Split out of ${item.label}`, 'split', `Keep ${item.key} apart from ${item.label}`));
    buttons.push(action('Different', 'different', item.candidates.length > 0 ? `${me.label} is none of these: keep it apart from each` : `Keep ${me.label} apart`));
    const types = el('span', { className: 'review-types', title: 'Give its entity a type' }, [
      document.createTextNode('Type '),
      ...DECIDED_TYPES.map((t) => action(t, 'retype', `Type ${me.label} ${t}`, { 'data-type': t })),
    ]);
    const made = decisionsAbout(decisions, item.key);
    const done = made.length === 0 ? null : el('p', { className: 'review-done', testid: 'review-done' }, [
      document.createTextNode(`Decided: ${made.map((d) => describeDecision(d, item.key)).join('; ')} `),
      action('Undo', 'undo', 'Take these decisions back'),
    ]);
    return el('li', { className: `review-item${made.length > 0 ? ' decided' : ''}`, testid: 'review-item', attrs: { 'data-index': String(index), 'data-kind': item.kind } }, [
      head,
      el('p', { className: 'note', text: item.note }),
      el('div', { className: 'review-actions' }, [...buttons, types]),
      done,
    ]);
  }

  function render() {
    list.replaceChildren(...items.slice(0, shown).map(itemView));
    more.hidden = shown >= items.length;
    more.textContent = `Next ${Math.min(PAGE, items.length - shown)} questions (${count(items.length - shown)} left)`;
    countText.textContent = `${plural(decisions.length, 'decision')} `;
    download.disabled = decisions.length === 0;
  }

  async function decide(next: Decision[]) {
    decisions = next;
    render();
    try {
      await store.save(decisions);
      status.textContent = '';
    } catch (e) {
      status.textContent = `Could not keep the decisions in this browser (${(e as Error).message}); download them before leaving.`;
    }
  }

  listeners.on(list, 'click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const li = target?.closest<HTMLElement>('[data-index]');
    if (!target || !li) return;
    const item = items[Number(li.dataset.index)];
    if (!item) return;
    const me = namedKey(item);
    const { action: name, candidate, type, entity } = target.dataset;
    let next = decisions;
    if (name === 'open' && entity) return actions.entity(Number(entity));
    if (name === 'merge' && candidate !== undefined) next = addDecision(next, { kind: 'merge', from: me, into: namedKey(item.candidates[Number(candidate)]!) });
    else if (name === 'split') next = addDecision(next, { kind: 'split', form: me });
    else if (name === 'retype' && isDecidedType(type)) next = addDecision(next, { kind: 'retype', entity: me, type });
    else if (name === 'different') {
      const others = item.candidates.filter((c) => c.key !== item.key);
      if (others.length === 0) next = addDecision(next, { kind: 'split', form: me });
      // Different from each candidate; a merge of this name made before no longer stands.
      else for (const c of others) next = addDecision(next, { kind: 'different', a: me, b: namedKey(c) });
      next = next.filter((d) => !(d.kind === 'merge' && d.from.key === item.key));
    } else if (name === 'undo') {
      for (const d of decisionsAbout(next, item.key)) next = removeDecision(next, decisionSubject(d));
    } else return;
    void decide(next);
  });
  listeners.on(more, 'click', () => {
    shown = Math.min(items.length, shown + PAGE);
    render();
  });
  listeners.on(download, 'click', () => {
    const { text, skipped } = aliasesFile(decisions);
    saveFile('aliases.tsv', text, 'text/tab-separated-values;charset=utf-8');
    status.textContent = skipped.length > 0 ? `Left out: ${skipped.map((s) => s.why).join('; ')}.` : '';
  });
  render();

  return {
    decisions: () => decisions,
    dispose() {
      listeners.dispose();
      element.remove();
    },
  };
}
