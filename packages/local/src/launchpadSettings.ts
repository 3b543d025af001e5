import type { Platform } from '@ctp-session/platform';

/** Where the storefront runs: links in mails (verification, password reset) point there. */
export const DEFAULT_STOREFRONT_URL = 'http://127.0.0.1:3000';

/**
 * The settings a launchpad-style bundle reads, pointed at the embedded platform and its mail sink: as
 * `project.configuration` (what the platform builds from project.yml, the launchpads' fallback) and as the
 * Studio project-configuration fields they read first (`EXTENSION_COMMERCETOOLS_*`, `EXTENSION_SMTP_*`).
 * Values from running scaffold-b2c and scaffold-b2b on the hub: see "Settings a launchpad-style bundle reads"
 * in the hub's README.
 */
export function launchpadSettings(platform: Platform, storefrontUrl: string) {
  const commercetools = {
    projectKey: platform.projectKey,
    clientId: platform.clientId,
    clientSecret: platform.clientSecret,
    authUrl: platform.authUrl,
    hostUrl: platform.apiUrl,
    // The B2C bundle refuses every commercetools call when this is not a URL, though only Checkout uses it.
    sessionUrl: platform.apiUrl,
    // With the default ("key"), "similar products" looks a category id up as a key and finds nothing.
    categoryIdField: 'id',
    // B2B: the platform's seeded store and the associate roles a new business unit's buyer gets.
    defaultStoreKey: 'default',
    defaultAssociateRoleKeys: ['admin', 'buyer'],
  };
  const smtp = {
    host: platform.smtp.host,
    port: platform.smtp.port,
    // Never 465: the launchpads switch to implicit TLS there, and the sink has none.
    encryption: 'none',
    user: 'local',
    password: 'local',
    sender: 'shop@example.com',
    client_host: storefrontUrl,
  };
  const project = {
    projectId: 'local',
    name: 'Local project (ctp-local)',
    customer: 'local',
    locales: ['en_US', 'en_GB', 'de_DE'],
    defaultLocale: 'en_US',
    configuration: { commercetools, smtp },
  };
  const studio = {
    commercetools: {
      EXTENSION_COMMERCETOOLS_PROJECT_KEY: commercetools.projectKey,
      EXTENSION_COMMERCETOOLS_CLIENT_ID: commercetools.clientId,
      EXTENSION_COMMERCETOOLS_CLIENT_SECRET: commercetools.clientSecret,
      EXTENSION_COMMERCETOOLS_AUTH_URL: commercetools.authUrl,
      EXTENSION_COMMERCETOOLS_HOST_URL: commercetools.hostUrl,
      EXTENSION_COMMERCETOOLS_SESSION_URL: commercetools.sessionUrl,
      EXTENSION_COMMERCETOOLS_CATEGORY_ID_FIELD: commercetools.categoryIdField,
      EXTENSION_COMMERCETOOLS_DEFAULT_STORE_KEY: commercetools.defaultStoreKey,
      EXTENSION_COMMERCETOOLS_DEFAULT_ASSOCIATE_ROLE_KEYS: commercetools.defaultAssociateRoleKeys.join(','),
    },
    smtp: {
      EXTENSION_SMTP_HOST: smtp.host,
      EXTENSION_SMTP_PORT: String(smtp.port),
      EXTENSION_SMTP_ENCRYPTION: smtp.encryption,
      EXTENSION_SMTP_USER: smtp.user,
      EXTENSION_SMTP_PASSWORD: smtp.password,
      EXTENSION_SMTP_SENDER: smtp.sender,
      EXTENSION_SMTP_CLIENT_HOST: smtp.client_host,
    },
  };
  return { project, studio };
}
