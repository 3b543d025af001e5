import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { redact } from '../src/index.js';
import { rawCall } from './support/raw-call.js';
import { FIXTURES, startTestHub, type TestHub } from './support/start-test-hub.js';

const HOSTILE_BUNDLE = `${FIXTURES}hostile-bundle.cjs`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wcGVyLTEifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const SECRETS = [JWT, 'c2hvcHBlci1hY2Nlc3MtdG9rZW4tMTIz', 'c2hvcHBlci1yZWZyZXNo', 'hunter2hunter2'];

const pages = {
  pageFolders: [
    {
      pageFolderId: 'leaky',
      path: '/leaky',
      dataSourceConfigurations: [{ dataSourceId: 'ds-leaky', type: 'test/throws-with-secrets' }],
      page: { pageId: 'leaky-page', sections: {} },
    },
  ],
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ bundle: HOSTILE_BUNDLE, pages });
});
afterAll(async () => {
  await hub?.close();
});

const action = (name: string, init: { token?: string; body?: string } = {}) => rawCall(`${hub.url}/frontastic/action/${name}`, { body: '{}', ...init });

function allHeaders(headers: Headers): string {
  return [...headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
}

describe('only objects are issued or cached as sessions', () => {
  it.each(['toJsonString', 'toJsonArray', 'toJsonNull', 'toJsonNumber', 'toJsonUndefined'])(
    'a session that serialises to something else (%s) is refused and the previous one kept',
    async (name) => {
      const start = await action('session/replace', { body: '{"kept":true}' });
      const token = start.headers.get('frontastic-session') ?? '';
      const answer = await action(`session/${name}`, { token });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-session-refused')).toMatch(/^invalid; /);
      const returned = answer.headers.get('frontastic-session') ?? '';
      // Through the hub's token cache and through a fresh decode alike, the session is an object.
      const read = await action('session/read', { token: returned });
      expect(read.json()).toEqual({ session: { kept: true } });
      expect(read.headers.get('x-session-invalid')).toBeNull();
    },
  );
});

describe('headers made from extension text are redacted', () => {
  it('X-Session-Refused carries no token or secret from the bundle\'s error', async () => {
    const answer = await action('session/throwsWithSecrets');
    const refused = answer.headers.get('x-session-refused') ?? '';
    expect(refused).toMatch(/^invalid; sessionData is not JSON-serializable/);
    for (const secret of SECRETS) expect(allHeaders(answer.headers)).not.toContain(secret);
    for (const secret of SECRETS) expect(hub.logText()).not.toContain(secret);
  });

  it('X-Extension-Error of a page with a failing data source carries no secret', async () => {
    const answer = await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/leaky', 'Frontastic-Locale': 'en_US' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-extension-error')).toMatch(/ds-leaky/);
    for (const secret of SECRETS) expect(allHeaders(answer.headers)).not.toContain(secret);
  });

  it('an action that throws with secrets in its message keeps them out of headers and body', async () => {
    const answer = await action('fail/throwsWithSecrets');
    expect(answer.status).toBe(500);
    for (const secret of SECRETS) expect(`${allHeaders(answer.headers)}\n${answer.text}`).not.toContain(secret);
  });

  it('redact() also removes Bearer and Basic credentials and token or password parameters', () => {
    expect(redact('Authorization: Bearer c2hvcHBlci1hY2Nlc3M and Basic Y2xpZW50OnNlY3JldA==')).toBe('Authorization: Bearer [redacted] and Basic [redacted]');
    expect(redact('refresh_token=abc123def&token_type_hint=refresh_token')).toBe('refresh_token=[redacted]&token_type_hint=refresh_token');
    expect(redact('{"access_token":"opaque-123","password":"hunter2","client_secret": "s3cr3t"}')).toBe(
      '{"access_token":"[redacted]","password":"[redacted]","client_secret": "[redacted]"}',
    );
    // As util.inspect prints a logged request (what bundles' client loggers write): unquoted keys, single quotes.
    expect(redact("body: { email: 'a@example.com', password: 'Secret-123', tokenValue: 'rCUOkX9Ipi' }, clientSecret: 'local-secret'")).toBe(
      "body: { email: 'a@example.com', password: '[redacted]', tokenValue: '[redacted]' }, clientSecret: '[redacted]'",
    );
    expect(redact("authenticationMode: 'Password'")).toBe("authenticationMode: 'Password'");
    expect(redact('a plain message about tokens and passwords')).toBe('a plain message about tokens and passwords');
  });

  it('redact() knows the session\'s own camelCase names, however they are quoted or nested', () => {
    // As packages/session stores the commercetools token triple, and as util.inspect and JSON print it.
    expect(redact('{"token":{"accessToken":"at-123","refreshToken":"rt-456","expirationTime":1767225600000}}')).toBe(
      '{"token":{"accessToken":"[redacted]","refreshToken":"[redacted]","expirationTime":1767225600000}}',
    );
    expect(redact("sessionData: { token: { accessToken: 'at-123', refreshToken: 'rt-456' }, cartId: 'c-1' }")).toBe(
      "sessionData: { token: { accessToken: '[redacted]', refreshToken: '[redacted]' }, cartId: 'c-1' }",
    );
    expect(redact('idToken=i-1 clientSecret=s-1 apiKey=k-1 sessionSecret=x-1 EXTENSION_SMTP_PASSWORD=p-1 x-frontastic-access-token: a-1')).toBe(
      'idToken=[redacted] clientSecret=[redacted] apiKey=[redacted] sessionSecret=[redacted] EXTENSION_SMTP_PASSWORD=[redacted] x-frontastic-access-token: [redacted]',
    );
    expect(redact('refresh-token = rt-789; Access_Token:at-789')).toBe('refresh-token = [redacted]; Access_Token:[redacted]');
    // nodemailer's SMTP credentials, as a launchpad's mail code may log its transport options.
    expect(redact("auth: { user: 'shop-mailer', pass: 'smtp-secret' }")).toBe("auth: { user: 'shop-mailer', pass: '[redacted]' }");
    // JSON quoted inside a message (an error that quotes a request body).
    expect(redact('failed: {\\"password\\":\\"hunter2\\",\\"email\\":\\"a@b.c\\"}')).toBe('failed: {\\"password\\":\\"[redacted]\\",\\"email\\":\\"a@b.c\\"}');
    // A quoted value is redacted whole, spaces and escaped quotes included.
    expect(redact(`password: 'my long "secret" pass phrase' next`)).toBe(`password: '[redacted]' next`);
    expect(redact('"password":"a \\"quoted\\" one"')).toBe('"password":"[redacted]"');
  });

  it('redact() removes the token of a revocation form body', () => {
    // POST {auth}/oauth/token/revoke, as the extensions send it at logout.
    expect(redact('token=opaque-refresh-token-1&token_type_hint=refresh_token')).toBe('token=[redacted]&token_type_hint=refresh_token');
    expect(redact('revocation failed for body token=opaque%2Bvalue')).toBe('revocation failed for body token=[redacted]');
    // Names that merely contain a secret word keep their values.
    expect(redact("token_type_hint=refresh_token tokenType: 'bearer' expirationTime=12 authenticationMode=Password")).toBe(
      "token_type_hint=refresh_token tokenType: 'bearer' expirationTime=12 authenticationMode=Password",
    );
  });
});

describe('answers are never stored by caches', () => {
  it('action answers (successes and errors alike) carry Cache-Control: no-store', async () => {
    const answers = [await action('session/read'), await action('fail/throwsWithSecrets'), await action('nope/nothing'), await action('session/replace', { body: '{not json' })];
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('pages carry Cache-Control: no-store too: they are built from the session', async () => {
    const answer = await rawCall(`${hub.url}/frontastic/page`, { headers: { 'Frontastic-Path': '/leaky', 'Frontastic-Locale': 'en_US' } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('/frontastic/status', () => {
  it('in production says only that the hub is up: no paths, actions or configuration', async () => {
    const production = await startTestHub({ bundle: HOSTILE_BUNDLE, environment: 'production' });
    try {
      const status = await rawCall(`${production.url}/frontastic/status`, { method: 'GET' });
      expect(status.status).toBe(200);
      expect(status.json()).toEqual({ status: 'ok', environment: 'production' });
      expect(status.text).not.toContain(FIXTURES);
    } finally {
      await production.close();
    }
  });

  it('in development still reports the bundle, for the developer', async () => {
    const status = (await rawCall(`${hub.url}/frontastic/status`, { method: 'GET' })).json() as { bundle: { file: string } };
    expect(status.bundle.file).toBe(HOSTILE_BUNDLE);
  });
});
