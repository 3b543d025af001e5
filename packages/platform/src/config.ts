import { resolve } from 'node:path';
import { PlatformOptionError } from './errors.js';
import type { PlatformOptions } from './start.js';

export const DEFAULT_PORT = 8989;
export const DEFAULT_SMTP_PORT = 2525;

/**
 * Start options from the environment, as `yarn start:platform` and `yarn start` use them:
 * PLATFORM_PORT (default 8989), CTP_PROJECT_KEY (default demo), PLATFORM_TOKEN_TTL_SECONDS (default 172800),
 * PLATFORM_CLIENT_SECRET (default local-platform-secret), PLATFORM_SMTP_PORT (the mail sink; default 2525,
 * or a free port when PLATFORM_PORT is 0), PLATFORM_DATA_FILE (a SQLite file that keeps everything across
 * restarts; default none: in memory), PLATFORM_ALLOWED_HOSTS (hosts answered besides its own addresses).
 */
export function platformOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformOptions {
  const ttl = env.PLATFORM_TOKEN_TTL_SECONDS;
  const port = integer(env.PLATFORM_PORT, 'PLATFORM_PORT') ?? DEFAULT_PORT;
  return {
    port,
    smtpPort: integer(env.PLATFORM_SMTP_PORT, 'PLATFORM_SMTP_PORT') ?? (port === 0 ? 0 : DEFAULT_SMTP_PORT),
    ...(env.CTP_PROJECT_KEY ? { projectKey: env.CTP_PROJECT_KEY } : {}),
    ...(ttl ? { tokenTtlSeconds: integer(ttl, 'PLATFORM_TOKEN_TTL_SECONDS') } : {}),
    ...(env.PLATFORM_CLIENT_SECRET ? { clientSecret: env.PLATFORM_CLIENT_SECRET } : {}),
    ...(env.PLATFORM_DATA_FILE?.trim() ? { dataFile: resolve(env.PLATFORM_DATA_FILE.trim()) } : {}),
    ...(env.PLATFORM_ALLOWED_HOSTS?.trim() ? { allowedHosts: hostList(env.PLATFORM_ALLOWED_HOSTS) } : {}),
  };
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new PlatformOptionError(`${name} must be a whole number, got '${value}'.`);
  return parsed;
}

function hostList(value: string): string[] {
  return value.split(',').map((host) => host.trim()).filter((host) => host !== '');
}
