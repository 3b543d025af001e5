import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compatDir, typeErrors } from './helpers/type-check.js';
import { headerValue, readSession, withSession, type ActionRequest, type DataSourceHandler, type DynamicPageHandler } from '../src/index.js';

const fixture = join(compatDir, 'frontastic-compatibility.ts');
// Their sources are CommonJS-style .ts files; everything else stays as strict as the workspace config.
const loose = { verbatimModuleSyntax: false };

describe('our contract types fit @frontastic/extension-types', () => {
  it('the assignability checks of the fixture hold (platform → our parameters, our results → platform)', () => {
    expect(typeErrors(fixture, {}, loose)).toEqual([]);
  }, 20_000);

  it('the same check does fail when a type does not fit (the fixture can catch a regression)', () => {
    const broken = `${readFileSync(fixture, 'utf8')}\nexpectTrue<Assignable<{ statusCode: string }, FrontasticResponse>>(true);\n`;
    const errors = typeErrors(fixture, { [fixture]: broken }, loose);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("does not satisfy the constraint 'true'");
  }, 20_000);
});

describe('our contract types have no `any`', () => {
  it('sessionData is unknown, headers are strings or string arrays', () => {
    // @ts-expect-error sessionData is `unknown` until CtpSession or readSession checks it.
    const read = (request: ActionRequest): string => request.sessionData.cartId;
    void read;
    // @ts-expect-error a header is a string or an array of strings, never a number.
    const request: ActionRequest = { method: 'GET', path: '/', query: {}, headers: { 'x-a': 1 } };
    expect(request.method).toBe('GET');
  });

  it('handlers built on them run with a platform-shaped request', async () => {
    const platformRequest: ActionRequest = { method: 'POST', path: '/action/cart/getCart', query: {}, headers: { 'frontastic-locale': ['en_US'] }, sessionData: { cartId: 'c-1' } };
    const action = withSession(({ session, request }) => ({ statusCode: 200, body: JSON.stringify({ cartId: session.cartId ?? null, locale: headerValue(request, 'frontastic-locale') }) }));
    expect(await action(platformRequest, {})).toEqual({ statusCode: 200, body: '{"cartId":"c-1","locale":"en_US"}' });
    const dataSource: DataSourceHandler = (_config, context) => ({ dataSourcePayload: { cartId: readSession(context.request?.sessionData).cartId ?? null } });
    expect(await dataSource({ dataSourceId: 'd', type: 't', name: 'n', configuration: {} }, { request: platformRequest })).toEqual({ dataSourcePayload: { cartId: 'c-1' } });
    const dynamicPage: DynamicPageHandler = (request) => (readSession(request.sessionData).customerId ? null : { redirectLocation: '/login' });
    expect(await dynamicPage(platformRequest, {})).toEqual({ redirectLocation: '/login' });
  });
});

describe('headerValue', () => {
  const request = (headers: ActionRequest['headers']): Pick<ActionRequest, 'headers'> => ({ headers });

  it('reads array values (the platform), string values (other hubs), case-insensitively', () => {
    expect(headerValue(request({ 'frontastic-locale': ['en_US', 'de_DE'] }), 'frontastic-locale')).toBe('en_US');
    expect(headerValue(request({ 'frontastic-locale': 'de_DE' }), 'Frontastic-Locale')).toBe('de_DE');
    expect(headerValue(request({ 'Frontastic-Locale': 'de_DE' }), 'frontastic-locale')).toBe('de_DE');
  });

  it('is undefined for missing headers, `[]` (no headers at all), empty arrays and malformed values', () => {
    expect(headerValue(request(undefined), 'a')).toBeUndefined();
    expect(headerValue(request([]), 'a')).toBeUndefined();
    expect(headerValue(request({ a: [] }), 'a')).toBeUndefined();
    expect(headerValue(request({ a: undefined }), 'a')).toBeUndefined();
    expect(headerValue({ headers: { a: 5 } } as unknown as ActionRequest, 'a')).toBeUndefined();
  });
});
