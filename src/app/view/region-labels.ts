/**
 * The map's region names: each named community's region carries its name above it at every
 * zoom, placed after each frame from the camera (sigma's graphToViewport), and kept inside the
 * stage while its region is on screen. A name is a button: clicking it focuses the community.
 * Names are text (textContent), never HTML.
 */
import type Sigma from 'sigma';
import { Listeners, el } from '../dom.ts';
import type { DrawnGraph } from './drawn-graph.ts';

export interface Region {
  id: number;
  name: string;
  color: string;
  /** Centre and radius in graph coordinates. */
  x: number;
  y: number;
  radius: number;
}

/** Regions reach this share of their members (the rest are loosely tied strays). */
const REACH = 0.9;
/** Pixels kept between a name and the stage's edge, and between two names. */
const EDGE_MARGIN = 6;
const NAME_GAP = 2;

/** The region of each of `communities` that has members drawn: their centroid and reach. */
export function regionsOf(graph: DrawnGraph, communities: readonly { id: number; name: string; color: string }[]): Region[] {
  const members = new Map<number, { x: number; y: number }[]>();
  graph.forEachNode((_, a) => {
    if (a.ego) return;
    let list = members.get(a.community);
    if (!list) members.set(a.community, (list = []));
    list.push(a);
  });
  const regions: Region[] = [];
  for (const c of communities) {
    const points = members.get(c.id);
    if (!points) continue;
    const x = points.reduce((s, p) => s + p.x, 0) / points.length;
    const y = points.reduce((s, p) => s + p.y, 0) / points.length;
    const distances = points.map((p) => Math.hypot(p.x - x, p.y - y)).sort((a, b) => a - b);
    regions.push({ ...c, x, y, radius: distances[Math.min(distances.length - 1, Math.floor(distances.length * REACH))]! });
  }
  return regions;
}

export interface RegionLabels {
  /** Places the names for the camera as drawn (call after each frame). */
  place(): void;
  /** Marks the focused community's name and fades the others. */
  setFocus(id: number | null): void;
  dispose(): void;
}

export function createRegionLabels(
  layer: HTMLElement, sigma: Sigma, regions: readonly Region[], focus: (id: number) => void,
): RegionLabels {
  const listeners = new Listeners();
  const buttons = regions.map((r) => {
    const button = el('button', {
      className: 'region-name', text: r.name,
      attrs: { type: 'button', 'data-testid': 'region-name', 'data-community': String(r.id), title: `Focus on ${r.name}` },
    });
    button.style.setProperty('--community', r.color);
    return button;
  });
  layer.replaceChildren(...buttons);
  listeners.on(layer, 'click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-community]');
    if (button) focus(Number(button.dataset.community));
  });

  /** Each name's size, measured once it is first on screen. */
  const sizes: ({ width: number; height: number } | undefined)[] = [];
  return {
    place() {
      const { width, height } = sigma.getDimensions();
      // Names are placed biggest region first; one that would cover a name already placed moves
      // down below it, so two neighbouring regions' names never overlap.
      const placed: { left: number; right: number; top: number; bottom: number }[] = [];
      regions.forEach((r, i) => {
        const centre = sigma.graphToViewport({ x: r.x, y: r.y });
        const rim = sigma.graphToViewport({ x: r.x, y: r.y + r.radius });
        const reach = Math.hypot(rim.x - centre.x, rim.y - centre.y);
        const button = buttons[i]!;
        const onScreen = centre.x + reach > 0 && centre.x - reach < width && centre.y + reach > 0 && centre.y - reach < height;
        button.hidden = !onScreen;
        if (!onScreen) return;
        sizes[i] ??= { width: button.offsetWidth, height: button.offsetHeight };
        const { width: w, height: h } = sizes[i];
        const x = Math.min(Math.max(centre.x, EDGE_MARGIN + w / 2), width - EDGE_MARGIN - w / 2);
        let y = Math.min(Math.max(centre.y - reach, EDGE_MARGIN + h), height - EDGE_MARGIN);
        for (const other of placed) {
          if (x - w / 2 < other.right && x + w / 2 > other.left && y - h < other.bottom && y > other.top) y = other.bottom + h + NAME_GAP;
        }
        placed.push({ left: x - w / 2, right: x + w / 2, top: y - h, bottom: y });
        button.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -100%)`;
      });
    },
    setFocus(id) {
      regions.forEach((r, i) => {
        buttons[i]!.classList.toggle('focused', id === r.id);
        buttons[i]!.classList.toggle('faded', id !== null && id !== r.id);
      });
    },
    dispose() {
      listeners.dispose();
      layer.replaceChildren();
    },
  };
}
