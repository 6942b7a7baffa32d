/**
 * The user's resolution inputs — lexicon and alias files and the rule switches — read once in
 * the main thread (where a bad line stops the build with `file:line`) and passed to workers as
 * text, which each parses again into its own resolution context.
 */
import { readFile } from 'node:fs/promises';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { parseLexicon, EMPTY_LEXICON } from '../core/entities/lexicon.ts';
import { parseAliases, EMPTY_ALIASES } from '../core/entities/aliases.ts';
import { resolveOptions, type ResolveContext, type ResolveOptions } from '../core/entities/resolve-cable.ts';
import { describeFsError } from './files.ts';
import { InputError } from './usage.ts';

interface SourceFile {
  file: string;
  text: string;
}

/** What a worker needs to rebuild the context: plain data, cloneable across threads. */
export interface ContextSources {
  lexicon: SourceFile | null;
  aliases: SourceFile | null;
  options: ResolveOptions;
}

export async function loadContextSources(args: { lexicon?: string; aliases?: string; options: Partial<ResolveOptions> }): Promise<ContextSources> {
  const sources: ContextSources = {
    lexicon: args.lexicon ? await readSource(args.lexicon) : null,
    aliases: args.aliases ? await readSource(args.aliases) : null,
    options: resolveOptions(args.options),
  };
  contextFromSources(sources, true);
  return sources;
}

/** The resolution context; with `strict`, the first error in a lexicon or alias file is thrown as an InputError. */
export function contextFromSources(sources: ContextSources, strict = false): ResolveContext {
  const lexicon = sources.lexicon ? parseLexicon(sources.lexicon.text, sources.lexicon.file) : { lexicon: EMPTY_LEXICON, diagnostics: [] };
  const aliases = sources.aliases ? parseAliases(sources.aliases.text, sources.aliases.file) : { aliases: EMPTY_ALIASES, diagnostics: [] };
  if (strict) {
    const error = [...lexicon.diagnostics, ...aliases.diagnostics].find((d) => d.severity === 'error');
    if (error) throw new InputError(formatDiagnostic(error));
  }
  return { options: sources.options, lexicon: lexicon.lexicon, aliases: aliases.aliases };
}

async function readSource(file: string): Promise<SourceFile> {
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (e) {
    throw new InputError(`${file}: ${describeFsError(e)}`);
  }
}
