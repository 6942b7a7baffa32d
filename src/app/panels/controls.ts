/**
 * The filter controls, built from the dataset: one toggle per entity type present (with its
 * count; custom lexicon types too), the weighting scheme, minimum edge strength and minimum
 * mentions (sliders stepping through values that occur), a community focus, and the count of
 * visible entities. It reports changes; the state lives with the caller.
 */
import type { EdgeAttributes } from '../../core/dataset/format.ts';
import { typeRing } from '../../core/dataset/appearance.ts';
import { Listeners, count, el } from '../dom.ts';
import { typeHue } from '../view/colors.ts';
import type { ViewState } from '../state/url-state.ts';
import { WEIGHTINGS, formatThreshold, thinSteps, thresholdSteps, weightingById } from '../state/weighting.ts';
import type { WeightingId } from '../state/weighting.ts';

export interface ControlEvents {
  toggleType(type: string, visible: boolean): void;
  weighting(id: WeightingId): void;
  /** `commit` is false while a slider is being dragged: the view follows, history waits for the release. */
  minWeight(value: number, commit: boolean): void;
  minMentions(value: number, commit: boolean): void;
  community(id: number | null): void;
  reset(): void;
}

export interface ControlsInput {
  types: { type: string; nodes: number }[];
  communities: { id: number; label: string; size: number }[];
  edges: readonly EdgeAttributes[];
  mentions: readonly number[];
  totalNodes: number;
}

export interface Controls {
  update(state: ViewState, visibleNodes: number, visibleEdges: number): void;
  dispose(): void;
}

const MAX_SLIDER_STEPS = 120;

/** Index of the last step not beyond `value` (steps run from weakest to strongest filter). */
function stepIndex(steps: readonly number[], value: number, descending: boolean): number {
  let best = 0;
  steps.forEach((s, i) => {
    if (descending ? s >= value : s <= value) best = i;
  });
  return best;
}

/** The radius of the ring swatch beside each type, in pixels. */
const RING_SWATCH_RADIUS = 7;

export function createControls(root: HTMLElement, input: ControlsInput, events: ControlEvents): Controls {
  const listeners = new Listeners();

  const typeInputs = new Map<string, HTMLInputElement>();
  const typeList = el('div', { className: 'type-toggles', attrs: { role: 'group', 'aria-label': 'Entity types' } });
  for (const { type, nodes } of input.types) {
    const box = el('input', { testid: `filter-type-${type}`, attrs: { type: 'checkbox', 'data-type': type } });
    box.checked = true;
    typeInputs.set(type, box);
    // How the type shows: its ring on the graph (the fill is the community's), its hue in the text.
    const ring = el('span', { className: 'type-ring', title: `${type} on the graph: the ring around a node` });
    ring.style.setProperty('--ring', `${(typeRing(type).size * RING_SWATCH_RADIUS).toFixed(1)}px`);
    ring.style.setProperty('--ring-color', typeRing(type).color);
    const dot = el('span', { className: 'type-dot', title: `${type} in the paragraphs: the highlight's colour` });
    dot.style.setProperty('--hue', String(typeHue(type)));
    typeList.append(el('label', { className: 'type-toggle', title: `Show or hide ${type} entities` }, [box, ring, dot, el('span', { className: 'type-name', text: type }), el('span', { className: 'n', text: count(nodes) })]));
  }

  const weighting = el('select', { attrs: { 'aria-label': 'Edge weighting' }, testid: 'weighting' });
  for (const w of WEIGHTINGS) weighting.append(el('option', { text: w.label, title: w.description, attrs: { value: w.id } }));

  const weightSlider = el('input', { testid: 'min-weight', attrs: { type: 'range', min: '0', step: '1', 'aria-label': 'Minimum edge strength' } });
  const weightValue = el('output', { className: 'value' });
  const mentionSteps = thinSteps([0, ...[...new Set(input.mentions)].sort((a, b) => a - b)], MAX_SLIDER_STEPS);
  const mentionSlider = el('input', { testid: 'min-mentions', attrs: { type: 'range', min: '0', max: String(mentionSteps.length - 1), step: '1', 'aria-label': 'Minimum mentions' } });
  const mentionValue = el('output', { className: 'value' });

  const community = el('select', { testid: 'community', attrs: { 'aria-label': 'Focus on a community' } }, [el('option', { text: 'The whole map', attrs: { value: '' } })]);
  for (const c of input.communities) community.append(el('option', { text: `${c.label} (${count(c.size)})`, attrs: { value: String(c.id) } }));

  const visible = el('output', { testid: 'visible-count', className: 'visible-count' });
  const visibleNote = el('span', { className: 'visible-note' });
  const reset = el('button', { className: 'reset', text: 'Reset filters', attrs: { type: 'button' } });

  root.append(
    el('h2', { text: 'Entity types' }),
    typeList,
    el('h2', { text: 'Links' }),
    el('label', { className: 'field' }, [el('span', { text: 'Weighting' }), weighting]),
    el('label', { className: 'field' }, [el('span', { text: 'Minimum strength' }), weightSlider, weightValue]),
    el('h2', { text: 'Entities' }),
    el('label', { className: 'field' }, [el('span', { text: 'Minimum mentions' }), mentionSlider, mentionValue]),
    el('label', { className: 'field' }, [el('span', { text: 'Focus on a community' }), community]),
    el('p', { className: 'visible' }, [visible, visibleNote]),
    reset,
  );

  let weightSteps: number[] = [];
  let stepsFor: WeightingId | null = null;

  const fitWeightSlider = (id: WeightingId) => {
    if (stepsFor === id) return;
    const w = weightingById(id)!;
    weightSteps = thresholdSteps(w, input.edges, MAX_SLIDER_STEPS);
    weightSlider.max = String(Math.max(0, weightSteps.length - 1));
    weightSlider.title = w.description;
    stepsFor = id;
  };

  for (const [type, box] of typeInputs) listeners.on(box, 'change', () => events.toggleType(type, box.checked));
  listeners.on(weighting, 'change', () => events.weighting(weighting.value as WeightingId));
  const weightAt = () => weightSteps[Number(weightSlider.value)] ?? 0;
  listeners.on(weightSlider, 'input', () => events.minWeight(weightAt(), false));
  listeners.on(weightSlider, 'change', () => events.minWeight(weightAt(), true));
  const mentionsAt = () => mentionSteps[Number(mentionSlider.value)] ?? 0;
  listeners.on(mentionSlider, 'input', () => events.minMentions(mentionsAt(), false));
  listeners.on(mentionSlider, 'change', () => events.minMentions(mentionsAt(), true));
  listeners.on(community, 'change', () => events.community(community.value === '' ? null : Number(community.value)));
  listeners.on(reset, 'click', () => events.reset());

  return {
    update(state, visibleNodes, visibleEdges) {
      for (const [type, box] of typeInputs) box.checked = !state.hiddenTypes.includes(type);
      weighting.value = state.weighting;
      fitWeightSlider(state.weighting);
      const w = weightingById(state.weighting)!;
      const threshold = state.minWeight ?? w.defaultThreshold;
      weightSlider.value = String(stepIndex(weightSteps, threshold, w.smallerIsStronger));
      weightValue.textContent = `${w.smallerIsStronger ? 'α ≤ ' : '≥ '}${formatThreshold(threshold)}`;
      mentionSlider.value = String(stepIndex(mentionSteps, state.minMentions, false));
      mentionValue.textContent = `≥ ${count(state.minMentions)}`;
      community.value = state.community === null ? '' : String(state.community);
      visible.textContent = count(visibleNodes);
      visibleNote.textContent = ` of ${count(input.totalNodes)} entities visible · ${count(visibleEdges)} links`;
    },
    dispose() {
      listeners.dispose();
      root.replaceChildren();
    },
  };
}
