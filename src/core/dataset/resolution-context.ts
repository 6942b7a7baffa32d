/**
 * What resolving cables needs, as plain data (`ResolutionSources`, which crosses to the parse
 * workers) and as the context each worker rebuilds from it. A module of its own so that a parse
 * worker loads the resolution and not the whole build (graphology, the layout, the standouts):
 * that was 100 ms of each worker's start.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { EMPTY_ALIASES, parseAliases } from '../entities/aliases.ts';
import { EMPTY_LEXICON, parseLexicon } from '../entities/lexicon.ts';
import { MentionReadings, type ResolveContext, type ResolveOptions } from '../entities/resolve-cable.ts';

export interface TextFile {
  name: string;
  text: string;
}

/** What resolving a cable needs, as plain data: it crosses to worker threads, which each rebuild the context. */
export interface ResolutionSources {
  lexicon: TextFile | null;
  aliases: TextFile | null;
  options: ResolveOptions;
}

/** The resolution context of `sources`, with the problems of their lines (a bad line is an error naming file:line). */
export function resolutionContext(sources: ResolutionSources): { context: ResolveContext; diagnostics: Diagnostic[] } {
  const lexicon = sources.lexicon ? parseLexicon(sources.lexicon.text, sources.lexicon.name) : { lexicon: EMPTY_LEXICON, diagnostics: [] };
  const aliases = sources.aliases ? parseAliases(sources.aliases.text, sources.aliases.name) : { aliases: EMPTY_ALIASES, diagnostics: [] };
  return {
    context: { options: sources.options, lexicon: lexicon.lexicon, aliases: aliases.aliases, readings: new MentionReadings() },
    diagnostics: [...lexicon.diagnostics, ...aliases.diagnostics],
  };
}

