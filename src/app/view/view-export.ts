/**
 * Taking the view away: the graph as it is on screen (camera, filters, focus and labels) as a
 * PNG, drawn by @sigma/export-image on a renderer of its own, or as an SVG made from sigma's
 * display data (svg.ts). Files are saved through a blob: URL and an <a download>. A view of a
 * slice says so: a caption line under the picture and the slice in the file's name (its sizes
 * and thicknesses are already the slice's, as drawn).
 */
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import { CAPTION_BAND, svgPicture, type SvgEdge, type SvgNode } from '../../core/export/svg.ts';
import { Listeners, el } from '../dom.ts';
import { saveFile } from '../import/save-file.ts';

export interface ViewExport {
  dispose(): void;
}

/** What the view shows beyond the whole corpus: a caption line, and a slug for the file name. */
export interface ViewCaption {
  text: string;
  slug: string;
}

const BACKGROUND = '#ffffff';

/** The scene sigma has drawn, in viewport pixels. */
export function sceneOf(sigma: Sigma, title?: string, caption?: string): string {
  const { width, height } = sigma.getDimensions();
  const shownLabels = sigma.getNodeDisplayedLabels();
  const graph = sigma.getGraph();
  const nodes: (SvgNode & { z: number })[] = [];
  const at = new Map<string, { x: number; y: number }>();
  graph.forEachNode((key) => {
    const d = sigma.getNodeDisplayData(key);
    if (!d || d.hidden) return;
    const p = sigma.framedGraphToViewport(d);
    at.set(key, p);
    const radius = sigma.scaleSize(d.size);
    const extra = d as unknown as { ringColor?: unknown; ringSize?: unknown };
    // The ring program's size is a fraction of the radius.
    const ring = typeof extra.ringColor === 'string' && typeof extra.ringSize === 'number' && extra.ringSize > 0
      ? { color: extra.ringColor, width: Math.min(1, extra.ringSize) * radius }
      : undefined;
    nodes.push({ x: p.x, y: p.y, radius, color: d.color, ring, label: shownLabels.has(key) || d.forceLabel ? d.label : null, z: d.zIndex ?? 0 });
  });
  const edges: SvgEdge[] = [];
  graph.forEachEdge((key, _attributes, source, target) => {
    const d = sigma.getEdgeDisplayData(key);
    const a = at.get(source);
    const b = at.get(target);
    if (!d || d.hidden || !a || !b) return;
    edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: d.color, width: Math.max(0.5, sigma.scaleSize(d.size)) });
  });
  // Stable: equal z keeps the graph's order, as the renderer does.
  nodes.sort((a, b) => a.z - b.z);
  const s = sigma.getSettings();
  return svgPicture({
    width, height, background: BACKGROUND, edges, nodes, title, caption,
    label: { font: s.labelFont, size: s.labelSize, weight: s.labelWeight, color: s.labelColor.color ?? '#000' },
  });
}

/** The PNG with a band under it holding the caption, in the picture's own pixels. */
async function withCaption(png: Blob, sigma: Sigma, text: string): Promise<Blob> {
  const image = await createImageBitmap(png);
  // export-image draws at the device's pixel ratio: the band and the text scale with it.
  const ratio = image.width / Math.max(1, sigma.getDimensions().width);
  const band = Math.round(CAPTION_BAND * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + band;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the browser gave no 2D canvas');
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  image.close();
  const s = sigma.getSettings();
  context.fillStyle = s.labelColor.color ?? '#000';
  context.font = `${s.labelSize * ratio}px ${s.labelFont}`;
  context.textBaseline = 'middle';
  context.fillText(text, 8 * ratio, image.height + band / 2);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png'));
}

/** `caption` says what slice the view shows now (null: the whole corpus). */
export function createViewExport(root: HTMLElement, sigma: Sigma, name: string, caption: () => ViewCaption | null = () => null): ViewExport {
  const listeners = new Listeners();
  const png = el('button', { text: 'PNG', testid: 'export-png', title: 'Download the view as a picture (PNG)', attrs: { type: 'button' } });
  const svg = el('button', { text: 'SVG', testid: 'export-svg', title: 'Download the view as a vector picture (SVG)', attrs: { type: 'button' } });
  const status = el('span', { className: 'export-status', attrs: { role: 'status' } });
  const box = el('div', { className: 'view-export' }, [el('span', { text: 'Export the view' }), png, svg, status]);
  root.append(box);
  const stem = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'cablegraph';
  const fileOf = (c: ViewCaption | null, extension: string) => `${stem}${c?.slug ? `-${c.slug}` : ''}.${extension}`;

  listeners.on(png, 'click', () => {
    png.disabled = true;
    status.textContent = '';
    const c = caption();
    toBlob(sigma, { format: 'png', backgroundColor: BACKGROUND })
      .then((blob) => (c?.text ? withCaption(blob, sigma, c.text) : blob))
      .then((blob) => saveFile(fileOf(c, 'png'), blob))
      .catch((e: unknown) => (status.textContent = `No picture: ${(e as Error).message}`))
      .finally(() => (png.disabled = false));
  });
  listeners.on(svg, 'click', () => {
    status.textContent = '';
    const c = caption();
    saveFile(fileOf(c, 'svg'), sceneOf(sigma, name, c?.text || undefined), 'image/svg+xml;charset=utf-8');
  });

  return {
    dispose() {
      listeners.dispose();
      box.remove();
    },
  };
}
