/**
 * Cuts a paragraph's display text into plain runs and mention runs, so the panel can build one
 * text node or one element per run (never HTML). Offsets come from the build; a mention that
 * overlaps the previous one or falls outside the text is left as plain text rather than trusted.
 */
import type { ParagraphMention } from '../../core/dataset/format.ts';

export type Segment = { text: string; mention: null } | { text: string; mention: ParagraphMention };

export function segments(text: string, mentions: readonly ParagraphMention[]): Segment[] {
  const sorted = [...mentions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Segment[] = [];
  let at = 0;
  for (const m of sorted) {
    const [start, end] = m;
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < at || end <= start || end > text.length) continue;
    if (start > at) out.push({ text: text.slice(at, start), mention: null });
    out.push({ text: text.slice(start, end), mention: m });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mention: null });
  return out;
}
