import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BUNDLE_ENTRY, EXTENSIONS_PACKAGE_ROOT } from '../buildBundle.js';
import type { Fingerprints } from './registryFingerprints.js';
import type { SourceProblem } from './sourceProblem.js';

/** What the worker checks: the bundle's entry and everything it imports, with this tsconfig's options. */
export interface TypeCheckSetup {
  readonly entry: string;
  readonly tsconfig: string;
}

export interface CheckRequest {
  readonly generation: number;
  /** Absolute paths created, edited or deleted since the last check. */
  readonly changed: readonly string[];
}

export interface CheckResult {
  readonly generation: number;
  /** Type and syntax errors; empty when the sources check. */
  readonly problems: readonly SourceProblem[];
  /**
   * Per registry entry, when the sources check and the registry could be followed. They come a moment after the check
   * (following every name costs tens of milliseconds): a good build need not wait for them to be served.
   */
  readonly fingerprints: Promise<Fingerprints | undefined>;
}

/** What the worker posts for each check: the outcome, then the fingerprints of its program. */
export type WorkerAnswer =
  | { readonly kind: 'checked'; readonly generation: number; readonly problems: readonly SourceProblem[] }
  | { readonly kind: 'fingerprints'; readonly generation: number; readonly fingerprints: Fingerprints | undefined };

export interface TypeChecker {
  /** The first, full check (seconds: every declaration file is read once). */
  readonly first: Promise<CheckResult>;
  /** Checks again after `changed`; only what they affect is checked anew. */
  check(changed: readonly string[]): Promise<CheckResult>;
  close(): Promise<void>;
}

/** The type checker's worker ended, or could not start. */
export class TypeCheckerStoppedError extends Error {
  readonly code = 'TYPE_CHECKER_STOPPED';
  override readonly name = 'TypeCheckerStoppedError';
  constructor(reason: string) {
    super(`The extensions' type checker stopped (${reason}); restart \`yarn dev\`.`);
  }
}

const WORKER = new URL('./typeCheckWorker.ts', import.meta.url);
/** This package's registry, checked with its own tsconfig.json. */
export const EXTENSIONS_SETUP: TypeCheckSetup = { entry: BUNDLE_ENTRY, tsconfig: join(EXTENSIONS_PACKAGE_ROOT, 'tsconfig.json') };

/**
 * Type-checks the extensions as `tsc` would (the package's tsconfig.json, from `src/index.ts`), in a worker
 * thread that keeps the program between checks: `yarn dev` refuses to swap in a bundle whose sources do not
 * check, as `yarn typecheck` would refuse them.
 */
export function startTypeChecker(setup: TypeCheckSetup = EXTENSIONS_SETUP): TypeChecker {
  // The worker is TypeScript too: it loads through tsx, as the store's own processes do.
  const worker = new Worker(WORKER, { workerData: setup, execArgv: ['--import', 'tsx'] });
  const waiting = new Map<number, { resolve: (result: CheckResult) => void; reject: (error: Error) => void }>();
  const fingerprints = new Map<number, { resolve: (value: Fingerprints | undefined) => void; reject: (error: Error) => void }>();
  let generation = 0;
  let stopped: Error | undefined;
  const fail = (error: Error): void => {
    stopped ??= error;
    for (const pending of [...waiting.values(), ...fingerprints.values()]) pending.reject(stopped);
    waiting.clear();
    fingerprints.clear();
  };
  const expect = (id: number): Promise<CheckResult> =>
    stopped !== undefined
      ? Promise.reject(stopped)
      : new Promise((resolve, reject) => {
          waiting.set(id, { resolve, reject });
        });
  const first = expect(0);
  // Nobody may be waiting on the first check when it fails: the next check reports it.
  first.catch(() => undefined);
  worker.on('message', (answer: WorkerAnswer) => {
    if (answer.kind === 'fingerprints') {
      fingerprints.get(answer.generation)?.resolve(answer.fingerprints);
      fingerprints.delete(answer.generation);
      return;
    }
    const later = new Promise<Fingerprints | undefined>((resolve, reject) => fingerprints.set(answer.generation, { resolve, reject }));
    // A caller that only wanted the check never asks for them: a worker that stops then is no failure of theirs.
    later.catch(() => undefined);
    waiting.get(answer.generation)?.resolve({ generation: answer.generation, problems: answer.problems, fingerprints: later });
    waiting.delete(answer.generation);
  });
  worker.on('error', (error) => fail(new TypeCheckerStoppedError(error.message)));
  worker.on('exit', (code) => fail(new TypeCheckerStoppedError(`its worker exited with code ${code}`)));
  return {
    first,
    check(changed) {
      generation += 1;
      const result = expect(generation);
      if (stopped === undefined) worker.postMessage({ generation, changed } satisfies CheckRequest);
      return result;
    },
    async close() {
      stopped ??= new TypeCheckerStoppedError('closed');
      await worker.terminate();
    },
  };
}
