import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hubOptionsFromEnv } from './env-options.js';
import { HubOptionsError } from './errors.js';
import type { HubOptions } from './options.js';

const USAGE = 'yarn start:hub [--project <project.yml|project.json>]';

/** `yarn start:hub`'s options: the environment (see README), then the command line, which wins. */
export function hubOptionsFromCommandLine(args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): HubOptions {
  let values: { project?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...args], options: { project: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new HubOptionsError(`${error instanceof Error ? error.message : String(error)}; usage: ${USAGE}.`);
  }
  const options = hubOptionsFromEnv(env, cwd);
  if (values.project !== undefined) options.project = resolve(cwd, values.project);
  return options;
}
