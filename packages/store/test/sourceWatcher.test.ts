// The watch `yarn dev` builds on: every kind of save an editor makes is seen, each time, in one batch.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchSources, type SourceChange, type SourceWatcher } from '../src/sourceWatcher.js';

let root: string;
let watcher: SourceWatcher | undefined;
let changes: SourceChange[];
let wake: (() => void) | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'source-watch-'));
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  writeFileSync(join(root, 'src', 'deep', 'file.ts'), 'export const a = 1;\n');
  changes = [];
});
afterEach(() => {
  watcher?.close();
  watcher = undefined;
  rmSync(root, { recursive: true, force: true });
});

function start(accept?: (path: string) => boolean): void {
  watcher = watchSources(
    [join(root, 'src')],
    (change) => {
      changes.push(change);
      wake?.();
    },
    accept === undefined ? {} : { accept },
  );
}

/** The next batch (never a timeout of ours: the test's own timeout ends a wait that nothing answers). */
async function nextBatch(): Promise<string[]> {
  const seen = changes.length;
  while (changes.length === seen) await new Promise<void>((resolve) => (wake = resolve));
  return [...(changes.at(-1)?.paths ?? [])].sort();
}

/** Saves as vim, JetBrains' safe write and `sed -i` do: a copy written beside it, renamed over it. */
function saveByRename(path: string, text: string): void {
  writeFileSync(`${path}.saving`, text);
  renameSync(`${path}.saving`, path);
}

describe('watchSources', () => {
  it('sees a file saved in place, in a folder deep down', async () => {
    start();
    writeFileSync(join(root, 'src', 'deep', 'file.ts'), 'export const a = 2;\n');
    expect(await nextBatch()).toEqual([join(root, 'src', 'deep', 'file.ts')]);
  });

  it('sees a file saved by renaming a copy over it, again and again (node’s recursive watch loses it after the first)', async () => {
    start((path) => path.endsWith('.ts'));
    const file = join(root, 'src', 'deep', 'file.ts');
    for (const value of [2, 3, 4]) {
      saveByRename(file, `export const a = ${value};\n`);
      expect(await nextBatch()).toEqual([file]);
    }
    writeFileSync(file, 'export const a = 5;\n');
    expect(await nextBatch()).toEqual([file]);
  });

  it('sees a new folder and the files in it, then saves in it', async () => {
    start();
    mkdirSync(join(root, 'src', 'new'));
    writeFileSync(join(root, 'src', 'new', 'one.ts'), 'x');
    expect(await nextBatch()).toEqual(expect.arrayContaining([join(root, 'src', 'new', 'one.ts')]));
    writeFileSync(join(root, 'src', 'new', 'one.ts'), 'y');
    expect(await nextBatch()).toEqual([join(root, 'src', 'new', 'one.ts')]);
  });

  it('sees a deleted file, and a removed folder', async () => {
    start();
    unlinkSync(join(root, 'src', 'deep', 'file.ts'));
    expect(await nextBatch()).toEqual([join(root, 'src', 'deep', 'file.ts')]);
    rmSync(join(root, 'src', 'deep'), { recursive: true });
    expect(await nextBatch()).toContain(join(root, 'src', 'deep'));
  });

  it('leaves out what `accept` refuses and editors’ leftovers (swap files, backups)', async () => {
    start((path) => !path.endsWith('.json'));
    writeFileSync(join(root, 'src', 'deep', '.file.ts.swp'), 'swap');
    writeFileSync(join(root, 'src', 'deep', 'file.ts~'), 'backup');
    writeFileSync(join(root, 'src', 'deep', 'data.json'), '{}');
    writeFileSync(join(root, 'src', 'deep', 'file.ts'), 'export const a = 3;\n');
    expect(await nextBatch()).toEqual([join(root, 'src', 'deep', 'file.ts')]);
  });

  it('reports the events of one save as one batch, timed from its first event', async () => {
    start();
    const before = performance.now();
    for (const value of [1, 2, 3]) writeFileSync(join(root, 'src', 'deep', 'file.ts'), `export const a = ${value};\n`);
    expect(await nextBatch()).toEqual([join(root, 'src', 'deep', 'file.ts')]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.firstEventAt).toBeGreaterThanOrEqual(before);
  });

  it('reports nothing once closed', async () => {
    start();
    watcher?.close();
    writeFileSync(join(root, 'src', 'deep', 'file.ts'), 'export const a = 9;\n');
    // A folder watch's events come within milliseconds; this one would have been reported by the next save's time.
    const probe = watchSources([join(root, 'src')], () => wake?.());
    try {
      writeFileSync(join(root, 'src', 'deep', 'file.ts'), 'export const a = 10;\n');
      await new Promise<void>((resolve) => (wake = resolve));
    } finally {
      probe.close();
    }
    expect(changes).toEqual([]);
  });
});
