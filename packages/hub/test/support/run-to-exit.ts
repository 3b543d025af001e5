import { spawn } from 'node:child_process';

export interface ExitResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` to its end; `untilOutput` sends SIGTERM once stdout matches. Never leaves the process
 * behind, even when the machine is too loaded for the test's own time limit.
 */
export function runToExit(args: readonly string[], options: { env?: Record<string, string>; untilOutput?: RegExp } = {}): Promise<ExitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.untilOutput !== undefined && options.untilOutput.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}
