import { ConfigurationError } from '../errors.js';

/** Where and as whom the extensions talk to commercetools. */
export interface CtpConfig {
  readonly projectKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authUrl: string;
  readonly apiUrl: string;
  readonly scopes: readonly string[];
  /** Deadline for each call to commercetools; the platform allows extensions 8 s. */
  readonly timeoutMs: number;
}

/** Studio project-configuration field (as the launchpads name them) and its environment fallback. */
const SETTINGS = {
  projectKey: ['EXTENSION_COMMERCETOOLS_PROJECT_KEY', 'CTP_PROJECT_KEY'],
  clientId: ['EXTENSION_COMMERCETOOLS_CLIENT_ID', 'CTP_CLIENT_ID'],
  clientSecret: ['EXTENSION_COMMERCETOOLS_CLIENT_SECRET', 'CTP_CLIENT_SECRET'],
  authUrl: ['EXTENSION_COMMERCETOOLS_AUTH_URL', 'CTP_AUTH_URL'],
  apiUrl: ['EXTENSION_COMMERCETOOLS_HOST_URL', 'CTP_API_URL'],
  scopes: ['EXTENSION_COMMERCETOOLS_SCOPES', 'CTP_SCOPES'],
  timeoutMs: ['EXTENSION_COMMERCETOOLS_TIMEOUT_MS', 'CTP_TIMEOUT_MS'],
} as const;

const DEFAULT_TIMEOUT_MS = 8_000;

/** The Studio project-configuration fields the extensions read (the shipped schema declares each). */
export const CONFIGURATION_FIELDS: readonly string[] = Object.values(SETTINGS).map(([field]) => field);

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the settings from the (flattened) Studio project configuration, falling back to `CTP_*`
 * environment variables. Scopes are optional: without them the API client's own scopes apply.
 */
export function resolveCtpConfig(projectConfiguration: unknown, env: Environment = process.env): CtpConfig {
  const fields = isRecord(projectConfiguration) ? projectConfiguration : {};
  const read = (key: keyof typeof SETTINGS, required: boolean): string => {
    const [field, variable] = SETTINGS[key];
    const fromStudio = fields[field];
    const value = typeof fromStudio === 'string' && fromStudio.trim() !== '' ? fromStudio : env[variable];
    if (value !== undefined && value.trim() !== '') return value.trim();
    if (required) throw new ConfigurationError(field, variable);
    return '';
  };
  return {
    projectKey: read('projectKey', true),
    clientId: read('clientId', true),
    clientSecret: read('clientSecret', true),
    authUrl: trimSlash(read('authUrl', true)),
    apiUrl: trimSlash(read('apiUrl', true)),
    scopes: read('scopes', false).split(/[\s,]+/).filter((scope) => scope !== ''),
    timeoutMs: parseTimeout(read('timeoutMs', false)),
  };
}

/** Only a shorter deadline than the platform's makes sense; anything else falls back to 8 s. */
function parseTimeout(value: string): number {
  const ms = Number(value);
  return value !== '' && Number.isInteger(ms) && ms > 0 && ms <= DEFAULT_TIMEOUT_MS ? ms : DEFAULT_TIMEOUT_MS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
