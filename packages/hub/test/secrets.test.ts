import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_SESSION_SECRET, parseSecretList, SessionSecretError } from '../src/index.js';
import { resolveSecrets } from '../src/session/secrets.js';

describe('session secrets', () => {
  it('parses a comma-separated list, newest first', () => {
    expect(parseSecretList(' new-secret , old-secret ,,')).toEqual(['new-secret', 'old-secret']);
    expect(parseSecretList(undefined)).toEqual([]);
  });

  it('falls back to the labelled development default outside production only', () => {
    expect(resolveSecrets(undefined, 'development')).toEqual({ secrets: [DEVELOPMENT_SESSION_SECRET], isDevelopmentDefault: true });
    expect(DEVELOPMENT_SESSION_SECRET).toMatch(/DEVELOPMENT ONLY/);
    expect(() => resolveSecrets([], 'production')).toThrow(expect.objectContaining({ code: 'SESSION_SECRET_MISSING' }));
  });

  it('refuses the development default in production', () => {
    expect(() => resolveSecrets([DEVELOPMENT_SESSION_SECRET], 'production')).toThrow(SessionSecretError);
    expect(() => resolveSecrets([DEVELOPMENT_SESSION_SECRET], 'production')).toThrow(expect.objectContaining({ code: 'DEVELOPMENT_SECRET_IN_PRODUCTION' }));
  });

  it('refuses short secrets without echoing them', () => {
    let caught: unknown;
    try {
      resolveSecrets(['short-secret-value'], 'staging');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'SESSION_SECRET_TOO_SHORT' });
    expect((caught as Error).message).not.toContain('short-secret-value');
  });
});
