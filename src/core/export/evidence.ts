/**
 * The evidence of a selection as a citation table: one CSV row per paragraph, with the cable's
 * id, date, post and classification, the paragraph's number and its text, every text cell made
 * safe for spreadsheets (`csvCell`).
 */
import type { CableRecord, ParagraphRecord } from '../dataset/format.ts';
import { csvCell } from './csv.ts';

export const EVIDENCE_COLUMNS = ['cable', 'date', 'post', 'classification', 'paragraph', 'text'] as const;

export function evidenceCsv(items: readonly { paragraph: ParagraphRecord; cable: CableRecord }[]): string {
  const lines = [EVIDENCE_COLUMNS.join(',')];
  for (const { paragraph, cable } of items) {
    const listing = cable.listing;
    lines.push([
      csvCell(listing?.id || cable.id), csvCell(listing?.date ?? ''), csvCell(listing?.origin || cable.origin),
      csvCell(listing?.classification || cable.classification), csvCell(paragraph.n), csvCell(paragraph.text),
    ].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
