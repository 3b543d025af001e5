import { SessionSecretError } from '../errors.js';

/**
 * Used only when no secret is configured in development, so `yarn start:hub` works out of the box.
 * Anyone can read it here: tokens made with it protect nothing. The hub refuses it in every other
 * environment. It has no comma, so `HUB_SESSION_SECRET` (comma-separated) can hold it as one secret.
 */
export const DEVELOPMENT_SESSION_SECRET = 'ctp-session-hub DEVELOPMENT ONLY - insecure default secret - never use outside local development';

export const MIN_SECRET_LENGTH = 32;

export interface ResolvedSecrets {
  /** Newest first: the first one encodes, all of them decode. */
  readonly secrets: readonly [string, ...string[]];
  readonly isDevelopmentDefault: boolean;
}

/** Surrounding whitespace is never part of a secret (a pasted newline must not change the key); blanks are dropped. */
function trimmed(secrets: readonly string[]): string[] {
  return secrets.map((secret) => secret.trim()).filter((secret) => secret.length > 0);
}

/** Parses `HUB_SESSION_SECRET`-style input: comma-separated, newest first. */
export function parseSecretList(value: string | undefined): string[] {
  return value === undefined ? [] : trimmed(value.split(','));
}

/**
 * The secrets the hub signs and encrypts with, from `startHub`'s option or `HUB_SESSION_SECRET` alike
 * (trimmed on both paths). Outside development a real secret is required and the public default is
 * refused wherever it appears in the list (an older secret still decodes, so it would accept forged tokens).
 */
export function resolveSecrets(secrets: readonly string[] | undefined, environment: string): ResolvedSecrets {
  const given = trimmed(secrets ?? []);
  const development = environment === 'development';
  if (given.length === 0) {
    if (!development) {
      throw new SessionSecretError(
        'SESSION_SECRET_MISSING',
        `No session secret is configured and the environment is ${environment}: set HUB_SESSION_SECRET (comma-separated, newest first, each at least ${MIN_SECRET_LENGTH} characters).`,
      );
    }
    return { secrets: [DEVELOPMENT_SESSION_SECRET], isDevelopmentDefault: true };
  }
  given.forEach((secret, index) => {
    if (secret === DEVELOPMENT_SESSION_SECRET && !development) {
      throw new SessionSecretError(
        'DEVELOPMENT_SECRET_IN_PRODUCTION',
        `The development default session secret is public and may only be used in development, not in ${environment}: set HUB_SESSION_SECRET to a random secret of at least ${MIN_SECRET_LENGTH} characters.`,
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
