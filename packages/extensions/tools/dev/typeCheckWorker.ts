// The extensions' type check for `yarn dev`, in a worker thread: a cold check takes seconds and an incremental
// one tens of milliseconds, and neither may stall the hub, which serves shoppers on the main thread.
// It speaks only through its port (see typeChecker.ts for the messages).
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import { createControlledSystem } from './controlledSystem.js';
import { registryFingerprints } from './registryFingerprints.js';
import type { CheckRequest, CheckResult, TypeCheckSetup } from './typeChecker.js';
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

let latest: Omit<CheckResult, 'generation'> = { problems: [], fingerprints: undefined };
const controlled = createControlledSystem();
const configFile = ts.getParsedCommandLineOfConfigFile(setup.tsconfig, { noEmit: true }, { ...controlled.system, onUnRecoverableConfigFileDiagnostic: (diagnostic) => void (latest = { problems: [problemOf(diagnostic)], fingerprints: undefined }) });
const host = ts.createWatchCompilerHost([setup.entry], { ...configFile?.options, noEmit: true }, controlled.system, ts.createSemanticDiagnosticsBuilderProgram, () => undefined, () => undefined);
host.afterProgramCreate = (builder) => {
  const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
  const problems = diagnostics.map(problemOf);
  latest = { problems, fingerprints: problems.length === 0 ? registryFingerprints(builder.getProgram(), setup.entry) : undefined };
};
ts.createWatchProgram(host);
port.postMessage({ generation: 0, ...latest } satisfies CheckResult);

port.on('message', (request: CheckRequest) => {
  controlled.changed(request.changed);
  port.postMessage({ generation: request.generation, ...latest } satisfies CheckResult);
});
