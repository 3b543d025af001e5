import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStale } from '../src/freshness.js';

let dir: string;
const past = (path: string, secondsAgo: number): void => {
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(path, when, when);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-fresh-'));
  mkdirSync(join(dir, 'src', 'app'), { recursive: true });
  writeFileSync(join(dir, 'src', 'app', 'page.tsx'), 'a');
  writeFileSync(join(dir, 'src', 'app', 'not-found.tsx'), 'b');
  for (const path of ['src/app/page.tsx', 'src/app/not-found.tsx', 'src/app', 'src']) past(join(dir, path), 60);
  writeFileSync(join(dir, 'BUILD_ID'), 'x');
  past(join(dir, 'BUILD_ID'), 30);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('when a build is stale', () => {
  it('is fresh when nothing changed after it', () => {
    expect(isStale(join(dir, 'BUILD_ID'), [join(dir, 'src')])).toBe(false);
  });

  it('is stale without a build, or after a file changed', () => {
    expect(isStale(join(dir, 'missing'), [join(dir, 'src')])).toBe(true);
    writeFileSync(join(dir, 'src', 'app', 'page.tsx'), 'changed');
    expect(isStale(join(dir, 'BUILD_ID'), [join(dir, 'src')])).toBe(true);
  });

  it('is stale after a file was deleted or renamed (only its folder changes)', () => {
    rmSync(join(dir, 'src', 'app', 'not-found.tsx'));
    expect(isStale(join(dir, 'BUILD_ID'), [join(dir, 'src')])).toBe(true);
    past(join(dir, 'src', 'app'), 60);
    expect(isStale(join(dir, 'BUILD_ID'), [join(dir, 'src')])).toBe(false);
    renameSync(join(dir, 'src', 'app', 'page.tsx'), join(dir, 'src', 'app', 'home.tsx'));
    past(join(dir, 'src', 'app', 'home.tsx'), 60);
    expect(isStale(join(dir, 'BUILD_ID'), [join(dir, 'src')])).toBe(true);
  });
});
