import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HubOptionsError, ProjectConfigurationError } from './errors.js';
import type { HubOptions } from './options.js';
import { describeJsonError } from './project/json-error.js';
import { parseSecretList } from './session/secrets.js';

/** Any map of variables: `process.env`, or the environment a program such as `yarn start` was given. */
export type Environment = Readonly<Record<string, string | undefined>>;

function number(env: Environment, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new HubOptionsError(`${name} must be a number, got "${value}".`);
  return parsed;
}

function jsonFile(file: string, name: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProjectConfigurationError(`${name} points at ${file}, which is not a readable JSON file: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // No `cause` and not the parser's message: it quotes the text, and the file holds secrets.
    throw new ProjectConfigurationError(`${name} points at ${file}, which is not valid JSON: ${describeJsonError(error, text)}. Fix the file (it holds Studio sections: { "<section>": { "<field>": value } }).`);
  }
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

/** The hub's environment variables (see README): everything `yarn start:hub` can be told. */
export function hubOptionsFromEnv(env: Environment = process.env, cwd: string = process.cwd()): HubOptions {
  const options: HubOptions = { port: number(env, 'HUB_PORT') ?? 8080 };
  if (env['HUB_BUNDLE']) options.bundle = resolve(cwd, env['HUB_BUNDLE']);
  if (env['HUB_PAGES']) options.pages = resolve(cwd, env['HUB_PAGES']);
  if (env['HUB_ENVIRONMENT']) options.environment = env['HUB_ENVIRONMENT'];
  const timeoutMs = number(env, 'HUB_TIMEOUT_MS');
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const bodyLimitBytes = number(env, 'HUB_BODY_LIMIT_BYTES');
  if (bodyLimitBytes !== undefined) options.bodyLimitBytes = bodyLimitBytes;
  const idleSeconds = number(env, 'HUB_SESSION_IDLE_SECONDS');
  if (idleSeconds !== undefined) options.sessionIdleSeconds = idleSeconds;
  const absoluteSeconds = number(env, 'HUB_SESSION_ABSOLUTE_SECONDS');
  if (absoluteSeconds !== undefined) options.sessionAbsoluteSeconds = absoluteSeconds;
  const secrets = parseSecretList(env['HUB_SESSION_SECRET']);
  if (secrets.length > 0) options.sessionSecrets = secrets;
  const origins = list(env['HUB_CORS_ORIGINS']);
  if (origins !== undefined) options.corsOrigins = origins;
  const hosts = list(env['HUB_ALLOWED_HOSTS']);
  if (hosts !== undefined) options.allowedHosts = hosts;
  if (env['HUB_PROJECT_CONFIG']) {
    const file = resolve(cwd, env['HUB_PROJECT_CONFIG']);
    options.projectConfiguration = jsonFile(file, 'HUB_PROJECT_CONFIG') as Record<string, Record<string, unknown>>;
  }
  if (env['HUB_PROJECT']) options.project = resolve(cwd, env['HUB_PROJECT']);
  if (env['HUB_FEATURE_FLAGS']) {
    options.featureFlags = Object.fromEntries((list(env['HUB_FEATURE_FLAGS']) ?? []).map((flag) => (flag.startsWith('!') ? [flag.slice(1), false] : [flag, true])));
  }
  if (env['HUB_WATCH'] !== undefined && env['HUB_WATCH'] !== '') options.watch = env['HUB_WATCH'] !== '0' && env['HUB_WATCH'] !== 'false';
  return options;
}
