import { describe, expect, it } from '@jest/globals';
import { resolveCtpConfig } from '../src/config/ctpConfig.js';
import { ConfigurationError } from '../src/errors.js';

const studio = {
  EXTENSION_COMMERCETOOLS_PROJECT_KEY: 'studio-project',
  EXTENSION_COMMERCETOOLS_CLIENT_ID: 'studio-id',
  EXTENSION_COMMERCETOOLS_CLIENT_SECRET: 'studio-secret',
  EXTENSION_COMMERCETOOLS_AUTH_URL: 'https://auth.example.com/',
  EXTENSION_COMMERCETOOLS_HOST_URL: 'https://api.example.com//',
};
const env = {
  CTP_PROJECT_KEY: 'env-project',
  CTP_CLIENT_ID: 'env-id',
  CTP_CLIENT_SECRET: 'env-secret',
  CTP_AUTH_URL: 'https://auth.env.example.com',
  CTP_API_URL: 'https://api.env.example.com',
  CTP_SCOPES: 'manage_my_orders:env-project view_published_products:env-project',
};

describe('resolveCtpConfig', () => {
  it('reads the Studio project configuration first, without trailing slashes', () => {
    expect(resolveCtpConfig(studio, {})).toEqual({
      projectKey: 'studio-project',
      clientId: 'studio-id',
      clientSecret: 'studio-secret',
      authUrl: 'https://auth.example.com',
      apiUrl: 'https://api.example.com',
      scopes: [],
      timeoutMs: 8_000,
    });
  });

  it('falls back to CTP_* environment variables, field by field', () => {
    const config = resolveCtpConfig({ EXTENSION_COMMERCETOOLS_PROJECT_KEY: 'studio-project', EXTENSION_COMMERCETOOLS_CLIENT_ID: '  ' }, env);
    expect(config).toMatchObject({ projectKey: 'studio-project', clientId: 'env-id', apiUrl: 'https://api.env.example.com' });
    expect(config.scopes).toEqual(['manage_my_orders:env-project', 'view_published_products:env-project']);
  });

  it.each([
    ['EXTENSION_COMMERCETOOLS_PROJECT_KEY', 'CTP_PROJECT_KEY'],
    ['EXTENSION_COMMERCETOOLS_CLIENT_SECRET', 'CTP_CLIENT_SECRET'],
    ['EXTENSION_COMMERCETOOLS_HOST_URL', 'CTP_API_URL'],
  ])('a missing %s (and %s) is a ConfigurationError naming both', (field, variable) => {
    const partial: Record<string, string> = { ...studio };
    delete partial[field];
    const error = (() => {
      try {
        resolveCtpConfig(partial, {});
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe('CONFIGURATION_MISSING');
    expect((error as Error).message).toContain(field);
    expect((error as Error).message).toContain(variable);
  });

  it('ignores a configuration that is not an object, and wrong-typed fields', () => {
    expect(resolveCtpConfig('nonsense', env).projectKey).toBe('env-project');
    expect(resolveCtpConfig({ EXTENSION_COMMERCETOOLS_PROJECT_KEY: 42 }, env).projectKey).toBe('env-project');
  });

  it('accepts only a shorter, positive whole-number timeout', () => {
    expect(resolveCtpConfig({ ...studio, EXTENSION_COMMERCETOOLS_TIMEOUT_MS: '500' }, {}).timeoutMs).toBe(500);
    for (const bad of ['0', '-1', '1.5', 'soon', '60000']) {
      expect(resolveCtpConfig({ ...studio, EXTENSION_COMMERCETOOLS_TIMEOUT_MS: bad }, {}).timeoutMs).toBe(8_000);
    }
  });
});
