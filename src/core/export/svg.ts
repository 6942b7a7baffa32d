/**
 * A drawn graph as an SVG picture: edges as lines, nodes as discs (with the type's ring when they
 * have one), and the labels on screen as <text>, in viewport pixels, so the file looks like the
 * screen and stays editable in a vector editor. Labels are data: every string is XML-escaped, and
 * characters XML cannot hold are dropped.
 */

export interface SvgNode {
  x: number;
  y: number;
  /** Radius in pixels. */
  radius: number;
  color: string;
  /** The ring's colour and width in pixels, when the node has one. */
  ring?: { color: string; width: number };
  /** Shown when the screen shows it. */
  label?: string | null;
}

export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
}

export interface SvgScene {
  width: number;
  height: number;
  background: string;
  edges: readonly SvgEdge[];
  /** In drawing order: later ones on top. */
  nodes: readonly SvgNode[];
  label: { font: string; size: number; weight: string; color: string };
  /** The picture's title (the dataset's name, say). */
  title?: string;
  /**
   * A line under the picture saying what it shows (the slice of the corpus): written in a band
   * of its own below the graph, so it never covers a node, and as the picture's description.
   */
  caption?: string;
}

/** Height of the caption's band, in pixels. */
export const CAPTION_BAND = 28;

/** Text and attribute values made safe for XML 1.0. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Coordinates with two decimals: enough for a screen, and the same bytes every time. */
const n = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0');

export function svgPicture(scene: SvgScene): string {
  const height = scene.caption ? scene.height + CAPTION_BAND : scene.height;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width)}" height="${n(height)}" viewBox="0 0 ${n(scene.width)} ${n(height)}">`,
  ];
  if (scene.title) out.push(`<title>${xmlEscape(scene.title)}</title>`);
  if (scene.caption) out.push(`<desc>${xmlEscape(scene.caption)}</desc>`);
  out.push(`<rect width="100%" height="100%" fill="${xmlEscape(scene.background)}"/>`);
  out.push('<g class="edges" stroke-linecap="round">');
  for (const e of scene.edges) {
    out.push(`<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${xmlEscape(e.color)}" stroke-width="${n(e.width)}"/>`);
  }
  out.push('</g>', '<g class="nodes">');
  for (const v of scene.nodes) {
    if (v.ring && v.ring.width > 0) {
      // The ring is the outer band of the disc, as the renderer draws it.
      out.push(`<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.radius)}" fill="${xmlEscape(v.ring.color)}"/>`);
      out.push(`<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(Math.max(0, v.radius - v.ring.width))}" fill="${xmlEscape(v.color)}"/>`);
    } else out.push(`<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.radius)}" fill="${xmlEscape(v.color)}"/>`);
  }
  const { font, size, weight, color } = scene.label;
  out.push('</g>', `<g class="labels" font-family="${xmlEscape(font)}" font-size="${n(size)}" font-weight="${xmlEscape(weight)}" fill="${xmlEscape(color)}">`);
  for (const v of scene.nodes) {
    if (!v.label) continue;
    // Beside the node, as sigma draws a label: to the right, centred on the node's height.
    out.push(`<text x="${n(v.x + v.radius + 3)}" y="${n(v.y + size / 3)}">${xmlEscape(v.label)}</text>`);
  }
  out.push('</g>');
  if (scene.caption) {
    out.push(`<text class="caption" x="8" y="${n(scene.height + CAPTION_BAND / 2 + size / 3)}" font-family="${xmlEscape(font)}" font-size="${n(size)}" fill="${xmlEscape(color)}">${xmlEscape(scene.caption)}</text>`);
  }
  out.push('</svg>', '');
  return out.join('\n');
}
