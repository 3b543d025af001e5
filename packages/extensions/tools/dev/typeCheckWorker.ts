// The extensions' type check for `yarn dev`, in a worker thread: a cold check takes seconds and an incremental
// one tens of milliseconds, and neither may stall the hub, which serves shoppers on the main thread.
// It speaks only through its port (see typeChecker.ts for the messages).
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import { createControlledSystem } from './controlledSystem.js';
import { registryFingerprints } from './registryFingerprints.js';
import type { Fingerprints } from './registryFingerprints.js';
import type { CheckRequest, TypeCheckSetup, WorkerAnswer } from './typeChecker.js';
import type { SourceProblem } from './sourceProblem.js';

const setup = workerData as TypeCheckSetup;
const port = parentPort;
if (port === null) throw new Error('typeCheckWorker.ts runs as a worker thread of typeChecker.ts');

const problemOf = (diagnostic: ts.Diagnostic): SourceProblem => {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return { file: diagnostic.file?.fileName, line: 1, column: 1, message: `TS${diagnostic.code}: ${message}` };
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { file: diagnostic.file.fileName, line: line + 1, column: character + 1, message: `TS${diagnostic.code}: ${message}` };
};

let problems: readonly SourceProblem[] = [];
/** The program of the last update, and its fingerprints once asked for (a check that changed nothing reuses them). */
let program: ts.Program | undefined;
let fingerprints: { readonly of: ts.Program | undefined; readonly value: Fingerprints | undefined } | undefined;
const controlled = createControlledSystem();
const configFile = ts.getParsedCommandLineOfConfigFile(setup.tsconfig, { noEmit: true }, { ...controlled.system, onUnRecoverableConfigFileDiagnostic: (diagnostic) => void (problems = [problemOf(diagnostic)]) });
const host = ts.createWatchCompilerHost([setup.entry], { ...configFile?.options, noEmit: true }, controlled.system, ts.createSemanticDiagnosticsBuilderProgram, () => undefined, () => undefined);
host.afterProgramCreate = (builder) => {
  const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
  problems = diagnostics.map(problemOf);
  program = problems.length === 0 ? builder.getProgram() : undefined;
};

/** The check first, so a good build can be swapped in at once; the fingerprints, which only name what changed, after. */
function answer(generation: number): void {
  port?.postMessage({ kind: 'checked', generation, problems } satisfies WorkerAnswer);
  if (fingerprints?.of !== program || fingerprints === undefined) fingerprints = { of: program, value: program === undefined ? undefined : registryFingerprints(program, setup.entry) };
  port?.postMessage({ kind: 'fingerprints', generation, fingerprints: fingerprints.value } satisfies WorkerAnswer);
}

ts.createWatchProgram(host);
answer(0);
port.on('message', (request: CheckRequest) => {
  controlled.changed(request.changed);
  answer(request.generation);
});
