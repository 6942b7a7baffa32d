/**
 * What entity resolution makes of one cable: every mention of every numbered paragraph, with
 * the entity it names (a corpus-wide key) or the reason it names none. This is what crosses
 * from the per-cable step (run in parallel, in workers) to the corpus-wide graph step.
 */
import type { CableHeader } from '../cable/model.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** Where a mention comes from: the inline tagger, or the user's lexicon. */
export type MentionOrigin = 'tagger' | 'lexicon';

/** Why a mention names no entity. Each is counted in the build summary. */
export type DropReason =
  /** Format words and header debris tagged as entities: `DECL:`, `Summary: Although`, `SUBJECT`. */
  | 'format-word'
  /** Cable jargon for embassy roles: `Poloff`, `Emboffs`, `PolCouns`, `DCM`. */
  | 'jargon-role'
  /** Redaction placeholders (`XXXXXXXXXXXX`), left out by default. */
  | 'redaction'
  /** Dates tagged as names: `January`, `May 5`, `Tuesday`. */
  | 'date'
  /** A title with no name: `President`, `the Foreign Minister`, `Crown Prince`. */
  | 'title'
  /** Nothing nameable is left after normalisation (`.`, `'s`, digits only). */
  | 'no-name';

export interface ResolvedMention {
  /** Offsets into the paragraph's display text. */
  start: number;
  end: number;
  /** The type the tagger (or the lexicon) gave this mention. */
  type: string;
  origin: MentionOrigin;
  /** The entity's corpus-wide key (see `entityKey`), or null when the mention was dropped. */
  key: string | null;
  /** The form counted among the entity's aliases (the mention's text, or a stand-in such as a redacted source's name). */
  surface: string;
  dropped: DropReason | null;
}

export interface ResolvedParagraph {
  n: number;
  line: number;
  text: string;
  /** Sorted by start; tagger and lexicon mentions never overlap. */
  mentions: ResolvedMention[];
}

export interface ResolvedCable {
  id: string;
  file: string;
  /** Fingerprint of the cable's text (see `Cable.digest`), to count a cable found in two files once. */
  digest: string;
  /** Header fields without its text and mentions, which are cable metadata, not co-occurrence evidence. */
  header: Omit<CableHeader, 'text' | 'mentions'>;
  /** Mentions in the header, counted in the summary as metadata. */
  headerMentions: number;
  paragraphs: ResolvedParagraph[];
  diagnostics: Diagnostic[];
  /**
   * Mentions each resolution rule acted on in this cable, by rule id (`RESOLVE_RULES` in
   * options.ts): drops by reason, but also rekeys (definitions, last names, aliases) and lexicon
   * additions, which the mentions alone do not show. Rules that did nothing are absent.
   */
  ruleCounts: Record<string, number>;
  /**
   * Acronym definitions found in the cable (`Kim Jong-il (KJI)`), for the corpus-wide step: initials
   * defined as a person join that person in every cable. Absent in results made before it existed.
   */
  definitions?: { acronym: string; long: string; type: string }[];
}
