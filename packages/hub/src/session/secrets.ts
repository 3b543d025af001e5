import { SessionSecretError } from '../errors.js';

/**
 * Used only when no secret is configured outside production, so `yarn start:hub` works out of the box.
 * Anyone can read it here: tokens made with it protect nothing. The hub refuses it in production.
 */
export const DEVELOPMENT_SESSION_SECRET = 'ctp-session-hub DEVELOPMENT ONLY - insecure default secret, never use in production';

export const MIN_SECRET_LENGTH = 32;

export interface ResolvedSecrets {
  /** Newest first: the first one encodes, all of them decode. */
  readonly secrets: readonly [string, ...string[]];
  readonly isDevelopmentDefault: boolean;
}

/** Parses `HUB_SESSION_SECRET`-style input: comma-separated, newest first. */
export function parseSecretList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret.length > 0);
}

export function resolveSecrets(secrets: readonly string[] | undefined, environment: string): ResolvedSecrets {
  const given = secrets ?? [];
  if (given.length === 0) {
    if (environment === 'production') {
      throw new SessionSecretError(
        'SESSION_SECRET_MISSING',
        'No session secret is configured and the environment is production: set HUB_SESSION_SECRET (comma-separated, newest first, each at least 32 characters).',
      );
    }
    return { secrets: [DEVELOPMENT_SESSION_SECRET], isDevelopmentDefault: true };
  }
  given.forEach((secret, index) => {
    if (secret === DEVELOPMENT_SESSION_SECRET && environment === 'production') {
      throw new SessionSecretError(
        'DEVELOPMENT_SECRET_IN_PRODUCTION',
        'The development default session secret is public and may not be used in production: set HUB_SESSION_SECRET to a random secret of at least 32 characters.',
      );
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new SessionSecretError(
        'SESSION_SECRET_TOO_SHORT',
        `Session secret #${index + 1} has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} random characters (for example \`openssl rand -base64 48\`).`,
      );
    }
  });
  const [newest, ...older] = given as [string, ...string[]];
  return { secrets: [newest, ...older], isDevelopmentDefault: given.every((secret) => secret === DEVELOPMENT_SESSION_SECRET) };
}
