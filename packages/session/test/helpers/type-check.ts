// Runs the TypeScript compiler on real or virtual files, with the package's own strict options, so tests can
// pin compile-time behaviour (what must and must not type-check) and not only run-time behaviour.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Parsed library and source files are shared between the checks of one test file: parsing lib.*.d.ts and
// @types/node dominates the cost, and those files do not change between checks.
const parsedFiles = new Map<string, ts.SourceFile>();

export const compatDir = join(packageRoot, 'test', 'compat');

/**
 * Type-checks `rootFile`; `virtualFiles` (absolute path → text) replace or add files without touching disk.
 * Returns the diagnostics as "file: message" lines (empty when everything type-checks).
 */
export function typeErrors(rootFile: string, virtualFiles: Record<string, string> = {}, overrides: ts.CompilerOptions = {}): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(packageRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error('cannot read the package tsconfig.json');
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, ...overrides };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (fileName) => virtualFiles[fileName] ?? readFile(fileName);
  host.fileExists = (fileName) => fileName in virtualFiles || fileExists(fileName);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = virtualFiles[fileName];
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const cached = parsedFiles.get(fileName);
    if (cached !== undefined) return cached;
    const parsed = getSourceFile(fileName, languageVersion, ...rest);
    if (parsed !== undefined) parsedFiles.set(fileName, parsed);
    return parsed;
  };
  const program = ts.createProgram([rootFile], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
