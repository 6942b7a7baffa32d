import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The modules `entry` loads at run time (type-only imports are erased), and the packages among them. */
function loads(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const [, names, from] of source.matchAll(/^(?:import|export)\s+([^'";]*?)\s*from\s+'([^']+)'/gm)) {
      if (names!.startsWith('type ')) continue;
      if (from!.startsWith('.')) visit(relative(ROOT, join(dirname(join(ROOT, file)), from!)));
      else packages.add(from!);
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('the parse worker', () => {
  it('loads the resolution, not the whole build: no graphology, no dataset builder (100 ms of each worker start)', () => {
    const { modules, packages } = loads('src/cli/parse-worker.ts');
    expect(modules).toContain('src/core/entities/resolve-cable.ts');
    expect(modules).not.toContain('src/core/dataset/build-dataset.ts');
    expect([...packages].filter((p) => p.startsWith('graphology') || p === 'sigma')).toEqual([]);
  });

  it('is told apart from a module that does load the build (the check can fail)', () => {
    const { modules, packages } = loads('src/core/dataset/pipeline.ts');
    expect(modules).toContain('src/core/dataset/build-dataset.ts');
    expect([...packages].some((p) => p.startsWith('graphology'))).toBe(true);
  });
});
