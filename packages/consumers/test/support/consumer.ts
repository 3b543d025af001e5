import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const PACKED = join(REPO_ROOT, 'build', 'packages');
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The tarball `yarn pack:packages` wrote for a public package, e.g. `tarball('session')` → …/ctp-session-session-0.1.0.tgz. */
export function tarball(name: string): string {
  const file = readdirSync(PACKED).find((candidate) => candidate.startsWith(`ctp-session-${name}-`) && candidate.endsWith('.tgz'));
  if (file === undefined) throw new Error(`no tarball for @ctp-session/${name} in ${PACKED}: did yarn pack:packages run?`);
  return join(PACKED, file);
}

export interface Consumer {
  readonly dir: string;
  /** Runs a command in the project (PATH starts with its node_modules/.bin); resolves with stdout, rejects with the output. */
  exec(command: string, args: readonly string[], env?: Readonly<Record<string, string>>): Promise<string>;
  /** Runs a file of the project with this Node. */
  node(file: string, args?: readonly string[]): Promise<string>;
  write(path: string, text: string): void;
  remove(): void;
}

/**
 * A fresh project outside the workspace (under the OS temp folder, no node_modules above it) made from a
 * fixture folder, with `dependencies` installed by npm from the registry and the packed tarballs only.
 */
export async function createConsumer(fixture: string, dependencies: Readonly<Record<string, string>>): Promise<Consumer> {
  const dir = mkdtempSync(join(tmpdir(), `consumer-${fixture}-`));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${fixture}`, version: '1.0.0', private: true, dependencies }, null, 2)}\n`);
  const env = { ...process.env, PATH: `${join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
  const exec = async (command: string, args: readonly string[], extra: Readonly<Record<string, string>> = {}): Promise<string> => {
    try {
      return (await run(command, [...args], { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${command} ${args.join(' ')} failed in ${dir}: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
    }
  };
  // The workspace's yarn/npm settings must not leak in: npm reads the project's own (none) and the user's.
  await exec('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error']);
  return {
    dir,
    exec,
    node: (file, args = []) => exec(process.execPath, [file, ...args]),
    write: (path, text) => writeFileSync(join(dir, path), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
