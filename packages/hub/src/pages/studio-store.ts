import { readFileSync, statSync } from 'node:fs';
import { PagesFileError } from '../errors.js';
import { parseStudioData, type StudioData } from './studio-data.js';

export interface StudioStore {
  current(): StudioData;
  /** Reads the pages file again now; throws PagesFileError (the previous pages still serving) when it is broken. */
  reload(): StudioData;
}

function readStudioFile(file: string): StudioData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PagesFileError(`The Studio pages file ${file} cannot be read; create it or point HUB_PAGES at it.`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PagesFileError(`The Studio pages file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  return parseStudioData(parsed, file);
}

/** Pages from an object (fixed) or a file; in development the file is re-read when it changes on disk. */
export function createStudioStore(source: string | unknown | undefined, reloadOnChange: boolean, onReloadError: (error: unknown) => void): StudioStore {
  if (source === undefined) {
    const empty: StudioData = { pageFolders: [] };
    return { current: () => empty, reload: () => empty };
  }
  if (typeof source !== 'string') {
    const fixed = parseStudioData(source, 'pages option');
    return { current: () => fixed, reload: () => fixed };
  }
  let data = readStudioFile(source);
  // A missing file has no stamp: reading it then says what is wrong.
  const stamp = (): string => {
    const stats = statSync(source, { throwIfNoEntry: false });
    return stats === undefined ? 'missing' : `${stats.mtimeMs}:${stats.size}`;
  };
  let loadedStamp = stamp();
  return {
    current() {
      if (!reloadOnChange) return data;
      try {
        const current = stamp();
        if (current !== loadedStamp) {
          loadedStamp = current;
          data = readStudioFile(source);
        }
      } catch (error) {
        // Keep serving the last good pages while the file is being edited.
        onReloadError(error);
      }
      return data;
    },
    reload() {
      // Stamped first: an edit during the read shows up as a change next time.
      loadedStamp = stamp();
      data = readStudioFile(source);
      return data;
    },
  };
}
