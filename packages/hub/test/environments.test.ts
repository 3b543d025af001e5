import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_SESSION_SECRET, hubOptionsFromEnv, parseSecretList, startHub } from '../src/index.js';
import { rawCall } from './support/raw-call.js';
import { SECRET_A, startTestHub } from './support/start-test-hub.js';

const ENVIRONMENTS = /development, staging, production/;

describe('environments: development, staging and production, nothing else', () => {
  it.each(['Production', 'prod', 'production ', 'PRODUCTION', 'dev', 'test', ''])('refuses "%s", listing the three', async (environment) => {
    const refused = startTestHub({ environment });
    await expect(refused).rejects.toMatchObject({ code: 'ENVIRONMENT_UNKNOWN' });
    await expect(refused).rejects.toThrow(ENVIRONMENTS);
  });

  it('refuses an unknown HUB_ENVIRONMENT as it is, without trimming it into a known one', async () => {
    const options = hubOptionsFromEnv({ HUB_ENVIRONMENT: 'production ', HUB_SESSION_SECRET: SECRET_A });
    await expect(startTestHub(options)).rejects.toMatchObject({ code: 'ENVIRONMENT_UNKNOWN' });
  });

  it.each(['staging', 'production'])('%s needs a real secret: none is refused', async (environment) => {
    await expect(startTestHub({ environment, sessionSecrets: [] })).rejects.toMatchObject({ code: 'SESSION_SECRET_MISSING' });
    await expect(startTestHub({ environment, sessionSecrets: undefined })).rejects.toMatchObject({ code: 'SESSION_SECRET_MISSING' });
  });

  it.each(['staging', 'production'])('%s refuses the public development secret', async (environment) => {
    await expect(startTestHub({ environment, sessionSecrets: [DEVELOPMENT_SESSION_SECRET] })).rejects.toMatchObject({ code: 'DEVELOPMENT_SECRET_IN_PRODUCTION' });
    // Also as an older secret of a rotation: it would still decode (accept) tokens anyone can make.
    await expect(startTestHub({ environment, sessionSecrets: [SECRET_A, DEVELOPMENT_SESSION_SECRET] })).rejects.toMatchObject({ code: 'DEVELOPMENT_SECRET_IN_PRODUCTION' });
  });

  it('serves the development-only data-source route in development only', async () => {
    for (const environment of ['staging', 'production'] as const) {
      const hub = await startTestHub({ environment });
      try {
        const raw = await rawCall(`${hub.url}/frontastic/data-source/test/echo-session`, { body: '{}' });
        expect(raw.status).toBe(404);
      } finally {
        await hub.close();
      }
    }
    const development = await startTestHub({ environment: 'development' });
    try {
      expect((await rawCall(`${development.url}/frontastic/data-source/test/echo-session`, { body: '{}' })).status).toBe(200);
    } finally {
      await development.close();
    }
  });
});

describe('session secrets on every path', () => {
  it('the development secret has no comma, so HUB_SESSION_SECRET can hold it as one secret', () => {
    expect(DEVELOPMENT_SESSION_SECRET).not.toContain(',');
    expect(parseSecretList(DEVELOPMENT_SESSION_SECRET)).toEqual([DEVELOPMENT_SESSION_SECRET]);
  });

  it('HUB_SESSION_SECRET set to the development secret runs in development, labelled, and is refused in staging', async () => {
    const development = await startTestHub({ ...hubOptionsFromEnv({ HUB_SESSION_SECRET: DEVELOPMENT_SESSION_SECRET }), port: 0 });
    try {
      expect(development.usesDevelopmentSecret).toBe(true);
    } finally {
      await development.close();
    }
    const staging = hubOptionsFromEnv({ HUB_SESSION_SECRET: DEVELOPMENT_SESSION_SECRET, HUB_ENVIRONMENT: 'staging' });
    await expect(startTestHub({ ...staging, port: 0 })).rejects.toMatchObject({ code: 'DEVELOPMENT_SECRET_IN_PRODUCTION' });
  });

  it('startHub trims secrets as HUB_SESSION_SECRET does: a padded secret is the same key', async () => {
    const padded = await startTestHub({ sessionSecrets: [`  ${SECRET_A}\n`] });
    const plain = await startTestHub({ sessionSecrets: [SECRET_A] });
    try {
      const issued = await rawCall(`${plain.url}/frontastic/action/session/replace`, { body: '{"who":"plain"}' });
      const token = issued.headers.get('frontastic-session') ?? '';
      const read = await rawCall(`${padded.url}/frontastic/action/session/read`, { token, body: '{}' });
      expect(read.headers.get('x-session-invalid')).toBeNull();
      expect(read.json()).toEqual({ session: { who: 'plain' } });
    } finally {
      await padded.close();
      await plain.close();
    }
  });

  it('a padded development secret is still the development secret, and still refused in production', async () => {
    await expect(startTestHub({ environment: 'production', sessionSecrets: [` ${DEVELOPMENT_SESSION_SECRET} `] })).rejects.toMatchObject({ code: 'DEVELOPMENT_SECRET_IN_PRODUCTION' });
  });

  it('a secret of only whitespace counts as none', async () => {
    await expect(startHub({ environment: 'production', port: 0, sessionSecrets: ['   '], watch: false })).rejects.toMatchObject({ code: 'SESSION_SECRET_MISSING' });
  });
});
