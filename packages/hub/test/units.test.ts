import { describe, expect, it } from '@jest/globals';
import { createConsoleLogger, redact } from '../src/index.js';
import { parseQuery } from '../src/http/parse-query.js';
import { TokenCache } from '../src/session/token-cache.js';
import { sessionWriteOf } from '../src/session/write-rules.js';

describe('query strings as the platform hands them to extensions', () => {
  it.each([
    ['', {}],
    ['a=1&b=two', { a: '1', b: 'two' }],
    ['a=1&a=2', { a: '2' }],
    ['f%5Bcolor%5D=red&f%5Bsize%5D=42', { f: { color: 'red', size: '42' } }],
    ['ids%5B0%5D=x&ids%5B1%5D=y', { ids: ['x', 'y'] }],
    ['tags[]=a&tags[]=b', { tags: ['a', 'b'] }],
    ['deep[a][b][c]=1', { deep: { a: { b: { c: '1' } } } }],
    ['__proto__[polluted]=1&constructor[prototype][x]=1&ok=1', { ok: '1' }],
    ['q=a%20b+c', { q: 'a b c' }],
  ])('%s', (search, expected) => {
    expect(parseQuery(search)).toEqual(expected);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('session write rules', () => {
  it.each([
    [{ statusCode: 200, body: '' }, { kind: 'keep' }],
    [{ statusCode: 200, body: '', sessionData: undefined }, { kind: 'keep' }],
    [undefined, { kind: 'keep' }],
    [{ statusCode: 200, body: '', sessionData: null }, { kind: 'clear' }],
    [{ statusCode: 200, body: '', sessionData: { a: 1 } }, { kind: 'replace', session: { a: 1 } }],
    [{ statusCode: 200, body: '', sessionData: {} }, { kind: 'replace', session: {} }],
    [{ sessionData: 'text' }, { kind: 'invalid', reason: 'sessionData must be an object or null, got string' }],
    [{ sessionData: 3 }, { kind: 'invalid', reason: 'sessionData must be an object or null, got number' }],
  ])('%j → %j', (result, expected) => {
    expect(sessionWriteOf(result)).toEqual(expected);
  });
});

describe('the verified-token cache', () => {
  const stamp = { environment: 'development' as const, issuedAt: 0, lastSeenAt: 0 };

  it('is bounded and lets the oldest entries go first', () => {
    const cache = new TokenCache(2);
    cache.set('t1', { json: '{}', keyIndex: 0, stamp });
    cache.set('t2', { json: '{"a":1}', keyIndex: 0, stamp });
    cache.set('t3', { json: '{"b":1}', keyIndex: 1, stamp });
    expect(cache.size).toBe(2);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t3')).toEqual({ json: '{"b":1}', keyIndex: 1, stamp });
  });

  it('can be switched off', () => {
    const cache = new TokenCache(0);
    cache.set('t1', { json: '{}', keyIndex: 0, stamp });
    expect(cache.get('t1')).toBeUndefined();
  });
});

describe('logs', () => {
  const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJwYXlsb2FkIjoieCJ9.6vCr8YQ34R30fyUHXnoem_V_X5AAhOMJ8vti8JOa_iM';

  it('redact() removes anything shaped like a token', () => {
    expect(redact(`token ${token} here`)).toBe('token [redacted token] here');
    expect(redact('plain text, a.b.c and version 1.2.3')).toBe('plain text, a.b.c and version 1.2.3');
  });

  it('the console logger redacts messages and fields alike', () => {
    const lines: string[] = [];
    const logger = createConsoleLogger((line) => lines.push(line));
    logger.log('warn', `message with ${token}`, { header: token, count: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(token);
    expect(lines[0]).toMatch(/^\[hub\] \S+ warn message with \[redacted token\] header="\[redacted token\]" count=2\n$/);
  });
});
