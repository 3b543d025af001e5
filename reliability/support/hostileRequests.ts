/** One hostile request: a path and its init, each 16 KB where it hurts. */
export interface Hostile {
  readonly name: string;
  readonly path: string;
  readonly init: RequestInit;
}

export const SIZE = 16_000;

const word = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Every kind of hostile request, each 16 KB where it hurts. */
export function hostileRequests(): Hostile[] {
  const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return [
    { name: 'unknown URL of one long word', path: `/frontastic/${word('a')}`, init: { method: 'GET' } },
    { name: 'action name of one long word', path: `/frontastic/action/cart/${word('a')}`, init: post('{}') },
    { name: 'namespace of dotted words', path: `/frontastic/action/${word('aaaaaaaa.')}/getCart`, init: post('{}') },
    { name: 'Frontastic-Path of slashes', path: '/frontastic/page', init: post('{}', { 'frontastic-path': `/${word('/')}x`, 'frontastic-locale': 'en_US' }) },
    { name: 'Frontastic-Path of one long word', path: '/frontastic/page', init: post('{}', { 'frontastic-path': `/${word('a')}`, 'frontastic-locale': 'en_US' }) },
    { name: 'query of brackets', path: `/frontastic/action/cart/getCart?a${word('[')}]=1`, init: post('{}') },
    { name: 'session token of one long word', path: '/frontastic/action/cart/getCart', init: post('{}', { 'frontastic-session': word('a') }) },
    { name: 'body of secret names without values', path: '/frontastic/action/account/login', init: post(word('password=')) },
    { name: 'body with a 16 KB e-mail', path: '/frontastic/action/account/login', init: post(JSON.stringify({ email: `${word('a')}@example.com`, password: 'x' })) },
    { name: 'body of one long word', path: '/frontastic/action/cart/addToCart', init: post(JSON.stringify({ sku: word('a') })) },
  ];
}

