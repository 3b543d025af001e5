import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubError } from '@ctp-session/hub';
import type { SourceProblem } from '@ctp-session/extensions/dev-build';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The map's name of a source, as a path. */
function sourcePath(source: string, bundleFile: string): string {
  if (source.startsWith('file:')) return fileURLToPath(source);
  return isAbsolute(source) ? source : resolve(dirname(bundleFile), source);
}

interface Thrown {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
}

/** Duck-typed: the bundle's errors come from the realm it was evaluated in, where `instanceof Error` may not hold. */
function thrownOf(cause: unknown): Thrown | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { name, message, stack } = cause as Partial<Record<'name' | 'message' | 'stack', unknown>>;
  if (typeof message !== 'string') return undefined;
  return { name: typeof name === 'string' ? name : 'Error', message, stack: typeof stack === 'string' ? stack : undefined };
}

/**
 * Where in the sources a bundle threw while it loaded: the first frame of the error's stack inside the bundle,
 * looked up in the bundle's source map (the bundle is minified: its own line and column say nothing). Without
 * such a frame (a bundle whose default export is wrong), the problem has no place, only the hub's message.
 */
export function bundleLoadProblem(error: HubError, bundleFile: string, sourceMap: string): SourceProblem {
  const original = thrownOf(error.cause);
  const message = original === undefined ? error.message : `${original.name}: ${original.message} (the bundle threw while it loaded)`;
  const frame = original?.stack === undefined ? null : new RegExp(`${escapeRegExp(bundleFile)}:(\\d+):(\\d+)`).exec(original.stack);
  if (frame === null) return { file: undefined, line: 1, column: 1, message };
  try {
    const entry = new SourceMap(JSON.parse(sourceMap) as SourceMapPayload).findEntry(Number(frame[1]) - 1, Number(frame[2]) - 1);
    if ('originalSource' in entry) return { file: sourcePath(entry.originalSource, bundleFile), line: entry.originalLine + 1, column: entry.originalColumn + 1, message };
  } catch {
    // A map that does not parse cannot place it; the message still says what happened.
  }
  return { file: bundleFile, line: Number(frame[1]), column: Number(frame[2]), message };
}
