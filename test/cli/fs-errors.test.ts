/**
 * Failures of the system rather than of the input — a folder that cannot be read, a full disk,
 * text too large for one string — end as one line naming the file and what to do, exit 1, never
 * a stack. Running as root, permissions cannot be denied for real: the file system is mocked.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { SEED_FILE } from '../helpers.ts';

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  return { ...real, readdir: vi.fn(real.readdir), writeFile: vi.fn(real.writeFile), readFile: vi.fn(real.readFile) };
});

// A file starting with HUGE stands for one whose text V8 cannot hold in one string.
vi.mock('../../src/core/cable/read-cable.ts', async (original) => {
  const real = await original<typeof import('../../src/core/cable/read-cable.ts')>();
  return {
    ...real,
    readCable: (bytes: Uint8Array, file: string) => {
      if (new TextDecoder().decode(bytes.subarray(0, 4)) === 'HUGE') throw new RangeError('Invalid string length');
      return real.readCable(bytes, file);
    },
  };
});

const temp = () => mkdtempSync(join(tmpdir(), 'cg-fs-'));
const errno = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

/** Runs the command in this process, collecting what it printed to standard error. */
async function run(argv: string[]): Promise<{ status: number; stderr: string[] }> {
  const stderr: string[] = [];
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void stderr.push(args.join(' ')));
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return { status: await main(argv), stderr };
  } finally {
    error.mockRestore();
    log.mockRestore();
  }
}

afterEach(() => {
  vi.mocked(fsp.readdir).mockReset();
  vi.mocked(fsp.writeFile).mockReset();
  vi.mocked(fsp.readFile).mockReset();
});

describe('file system failures in the command line', () => {
  it('names an unreadable subfolder of the corpus (EACCES) in one line, exit 1', async () => {
    const corpus = temp();
    copyFileSync(SEED_FILE, join(corpus, 'a.txt'));
    mkdirSync(join(corpus, 'locked'));
    const locked = join(corpus, 'locked');
    const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    vi.mocked(fsp.readdir).mockImplementation(((path: string, options: never) => {
      if (String(path) === locked) return Promise.reject(errno('EACCES', 'scandir', locked));
      return real.readdir(path, options);
    }) as typeof fsp.readdir);
    for (const command of ['parse', 'build']) {
      const r = await run([command, corpus, '--out', join(temp(), 'ds'), '--quiet'].slice(0, command === 'parse' ? 2 : 5));
      expect(r.status).toBe(1);
      expect(r.stderr).toHaveLength(1);
      expect(r.stderr[0]).toContain(`cablegraph ${command}: ${locked}: permission denied`);
      expect(r.stderr[0]).not.toMatch(/\n\s+at /);
    }
  });

  it('names a metadata.csv that cannot be read (EACCES) instead of building without it', async () => {
    const corpus = temp();
    copyFileSync(SEED_FILE, join(corpus, 'a.txt'));
    const metadata = join(corpus, 'metadata.csv');
    writeFileSync(metadata, 'id,date,origin,classification,tags,subject,file\n');
    const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    vi.mocked(fsp.readFile).mockImplementation(((path: string, options: never) => {
      if (String(path) === metadata) return Promise.reject(errno('EACCES', 'open', metadata));
      return real.readFile(path, options);
    }) as typeof fsp.readFile);
    const out = join(temp(), 'ds');
    const r = await run(['build', corpus, '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toEqual([`cablegraph build: ${metadata}: permission denied (check its permissions)`]);
  });

  it('names the dataset folder on a full disk (ENOSPC), exit 1, and leaves no temporary folder', async () => {
    const parent = temp();
    const out = join(parent, 'ds');
    vi.mocked(fsp.writeFile).mockImplementation((async (path: string) => {
      throw errno('ENOSPC', 'write', String(path));
    }) as typeof fsp.writeFile);
    const r = await run(['build', SEED_FILE, '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toEqual([`cablegraph build: ${out}: no space left on the device (free some space, or write elsewhere)`]);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names a file too large for one string and goes on with the others', async () => {
    const corpus = temp();
    copyFileSync(SEED_FILE, join(corpus, 'a.txt'));
    writeFileSync(join(corpus, 'b.txt'), 'HUGE');
    const pieces: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      pieces.push(String(chunk));
      return true;
    });
    let parsed;
    try {
      parsed = await run(['parse', corpus]);
    } finally {
      write.mockRestore();
    }
    expect(parsed.status).toBe(1);
    expect(pieces.join('')).toContain(`${join(corpus, 'b.txt')}: error: too large to read`);
    const out = join(temp(), 'ds');
    const built = await run(['build', corpus, '--out', out, '--quiet', '--workers', '0']);
    expect(built.status, built.stderr.join('\n')).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).corpus).toMatchObject({ cables: 1, rejectedFiles: 1 });
  });

  it('prints parse --json of a huge paragraph in bounded pieces, never one string of it all', async () => {
    const dir = temp();
    const paragraph = 'the [PER Evo Morales  ] met [ORG PNP  ] . '.repeat(100_000);
    writeFileSync(join(dir, 'big.txt'), `<code><pre>UNCLAS LIMA 000001\n\nSUBJECT: X\n\n<a id='par1' href='#par1'>¶</a>1. ${paragraph}\n</pre></code>`);
    const pieces: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      pieces.push(String(chunk));
      return true;
    });
    let status: number;
    try {
      status = (await run(['parse', dir, '--json'])).status;
    } finally {
      write.mockRestore();
    }
    expect(status).toBe(0);
    const out = JSON.parse(pieces.join(''));
    expect(out.cables[0].paragraphs[0].mentions).toHaveLength(200_000);
    // The longest piece is the paragraph's text (one string already), not the cable's whole JSON.
    const text = JSON.stringify(out.cables[0].paragraphs[0].text).length;
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(text + (1 << 17));
  });
});
