import { startPlatform, type Platform, type PlatformOptions } from '@ctp-session/platform';

/** The commercetools settings the extensions read, as Studio project-configuration fields. */
export type CommercetoolsSettings = Readonly<Record<string, string>>;

export interface CommerceBackend {
  readonly settings: CommercetoolsSettings;
  /** The embedded platform, when no real project is configured. */
  readonly platform: Platform | undefined;
  readonly description: string;
  close(): Promise<void>;
}

const REQUIRED = ['CTP_PROJECT_KEY', 'CTP_CLIENT_ID', 'CTP_CLIENT_SECRET', 'CTP_AUTH_URL', 'CTP_API_URL'] as const;

/** A `CTP_*` variable is set but not all of them: refuse rather than half-use a real project. */
export class IncompleteProjectSettingsError extends Error {
  readonly code = 'CTP_SETTINGS_INCOMPLETE';
  override readonly name = 'IncompleteProjectSettingsError';
  constructor(missing: readonly string[]) {
    super(`Some CTP_* variables are set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not. Set all of ${REQUIRED.join(', ')} to use a real commercetools project, or none to use the embedded platform.`);
  }
}

/**
 * Which commerce backend `env` asks for: `real` with every `CTP_*` variable set, `embedded` with none
 * (blank counts as unset); throws IncompleteProjectSettingsError for some. Checked before any build.
 */
export function chooseCommerceBackend(env: Readonly<Record<string, string | undefined>>): 'real' | 'embedded' {
  const present = REQUIRED.filter((name) => (env[name] ?? '').trim() !== '');
  if (present.length === REQUIRED.length) return 'real';
  if (present.length > 0) throw new IncompleteProjectSettingsError(REQUIRED.filter((name) => !present.includes(name)));
  return 'embedded';
}

/**
 * With every `CTP_*` variable set, the store talks to that commercetools project; with none, it
 * starts the embedded platform.
 */
export async function startCommerceBackend(env: Readonly<Record<string, string | undefined>>, platformPort: number, platformOptions: PlatformOptions = {}): Promise<CommerceBackend> {
  if (chooseCommerceBackend(env) === 'real') {
    return {
      settings: {
        EXTENSION_COMMERCETOOLS_PROJECT_KEY: env.CTP_PROJECT_KEY ?? '',
        EXTENSION_COMMERCETOOLS_CLIENT_ID: env.CTP_CLIENT_ID ?? '',
        EXTENSION_COMMERCETOOLS_CLIENT_SECRET: env.CTP_CLIENT_SECRET ?? '',
        EXTENSION_COMMERCETOOLS_AUTH_URL: env.CTP_AUTH_URL ?? '',
        EXTENSION_COMMERCETOOLS_HOST_URL: env.CTP_API_URL ?? '',
        EXTENSION_COMMERCETOOLS_SCOPES: env.CTP_SCOPES ?? '',
      },
      platform: undefined,
      description: `commercetools project ${env.CTP_PROJECT_KEY} at ${env.CTP_API_URL}`,
      close: async () => undefined,
    };
  }
  const platform = await startPlatform({ ...platformOptions, port: platformPort });
  return {
    settings: {
      EXTENSION_COMMERCETOOLS_PROJECT_KEY: platform.projectKey,
      EXTENSION_COMMERCETOOLS_CLIENT_ID: platform.clientId,
      EXTENSION_COMMERCETOOLS_CLIENT_SECRET: platform.clientSecret,
      EXTENSION_COMMERCETOOLS_AUTH_URL: platform.authUrl,
      EXTENSION_COMMERCETOOLS_HOST_URL: platform.apiUrl,
    },
    platform,
    description: `embedded commercetools platform at ${platform.url} (project ${platform.projectKey}, data ${platform.dataFile === undefined ? 'in memory' : `in ${platform.dataFile}`})`,
    close: () => platform.close(),
  };
}
