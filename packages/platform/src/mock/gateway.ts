import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cart, Category, Customer, Order, Product, SearchKeywords } from '@commercetools/platform-sdk';
import type { CommercetoolsMock } from '@labdigital/commercetools-mock';
import { apiError, CommercetoolsHttpError, type CommercetoolsErrorBody } from '../errors.js';
import type { PlatformResponse } from '../http/types.js';
import { isObject } from '../http/body.js';

type Method = 'GET' | 'POST' | 'DELETE';

export interface MockAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A query predicate with its bound `var.*` values, so user input never becomes predicate syntax. */
export interface Predicate {
  readonly where: string;
  readonly vars: Readonly<Record<string, string>>;
}

/**
 * The only door to @labdigital/commercetools-mock. Everything goes through its commercetools HTTP API
 * (on a private loopback port) except state changes that API has no action for
 * (a cart becoming Ordered or Merged, an order changing owner), which are written to its storage.
 */
export class MockGateway {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });
  private port = 0;
  private lastStamp = 0;

  constructor(
    private readonly mock: CommercetoolsMock,
    readonly projectKey: string,
  ) {}

  /**
   * Starts the mock on a private loopback port. (Fastify's in-process inject would save a hop, but it
   * loads an ES module through require(), which Jest cannot do: the hub's tests start this platform too.)
   */
  async listen(): Promise<void> {
    // Only this gateway talks to the mock, always as 127.0.0.1:<port>: any other Host came from elsewhere (a web
    // page rebinding a name of its own to 127.0.0.1), and the mock answers everything without authentication.
    this.mock.app.addHook('onRequest', (request, reply, done) => {
      if (request.headers.host === `127.0.0.1:${this.port}`) done();
      else void reply.code(403).send(apiError(403, 'HostNotAllowed', 'The mock behind the local platform answers the platform only.').body);
    });
    await this.mock.app.listen({ port: 0, host: '127.0.0.1' });
    this.port = (this.mock.app.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await this.mock.app.close();
  }

  /** Sends a request to the mock; `path` is relative to the project (`/carts?limit=1`). */
  async send(method: string, path: string, body?: unknown): Promise<MockAnswer> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.port,
          method,
          path: `/${this.projectKey}${path}`,
          headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 500, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
    return normalise(status, parseBody(text));
  }

  /** Like send, but a non-2xx answer becomes a thrown CommercetoolsHttpError. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.send(method, path, body);
    if (answer.status >= 400) throw new CommercetoolsHttpError(answer.status, answer.body as CommercetoolsErrorBody);
    return answer.body as T;
  }

  /** A stored cart by id (read from storage: the hot path of every cart update skips an HTTP hop). */
  async findCart(id: string): Promise<Cart | undefined> {
    return (await this.mock.project(this.projectKey).get('cart', id)) ?? undefined;
  }

  async findCategory(id: string): Promise<Category | undefined> {
    return (await this.mock.project(this.projectKey).get('category', id)) ?? undefined;
  }

  async findOrder(id: string): Promise<Order | undefined> {
    return (await this.mock.project(this.projectKey).get('order', id)) ?? undefined;
  }

  /** Every resource matching all predicates (pages through the results). */
  async queryAll<T>(resource: string, predicates: readonly Predicate[]): Promise<T[]> {
    const results: T[] = [];
    const pageSize = 500;
    for (let offset = 0; ; offset += pageSize) {
      const query = withPredicates(`limit=${pageSize}&offset=${offset}`, predicates);
      const page = await this.call<{ results: T[]; total?: number }>('GET', `/${resource}?${query}`);
      results.push(...page.results);
      if (page.results.length < pageSize) return results;
    }
  }

  async updateCart(cart: Cart, actions: readonly unknown[]): Promise<Cart> {
    return this.call<Cart>('POST', `/carts/${cart.id}`, { version: cart.version, actions });
  }

  /**
   * Writes a changed cart or order straight to storage, as the platform would, with a new version.
   * `touch: false` keeps lastModifiedAt: handing a guest's old carts to a customer must not make one of
   * them the customer's "most recently modified" active cart.
   */
  async save<T extends Cart | Order>(typeId: T extends Cart ? 'cart' : 'order', resource: T, touch = true): Promise<T> {
    const saved = { ...resource, version: resource.version + 1, ...(touch ? { lastModifiedAt: this.stamp() } : {}) };
    await this.mock.project(this.projectKey).unsafeAdd(typeId, saved as Cart & Order);
    return saved;
  }

  /**
   * Adds what the mock's create ignores to a resource it has just created (an order's business unit), as part of
   * that creation: same version and timestamps.
   */
  async complete<T extends Cart | Order>(typeId: T extends Cart ? 'cart' : 'order', resource: T): Promise<T> {
    await this.mock.project(this.projectKey).unsafeAdd(typeId, resource as Cart & Order);
    return resource;
  }

  async findCustomer(id: string): Promise<Customer | undefined> {
    return (await this.mock.project(this.projectKey).get('customer', id)) ?? undefined;
  }

  /** Writes customer fields no update action sets (a verified email, a changed password), with a new version. */
  async saveCustomer(customer: Customer, changes: Pick<Partial<Customer>, 'isEmailVerified' | 'password'>): Promise<void> {
    const saved = { ...customer, ...changes, version: customer.version + 1, lastModifiedAt: this.stamp() };
    await this.mock.project(this.projectKey).unsafeAdd('customer', saved);
  }

  /**
   * Gives a product search keywords, straight in storage: the mock's ProductDraft schema refuses them
   * (it types SearchKeywords as strings, not lists of `{ text }`) and it has no setSearchKeywords action.
   */
  async setSearchKeywords(productId: string, searchKeywords: SearchKeywords): Promise<void> {
    const project = this.mock.project(this.projectKey);
    const product = (await project.get('product', productId)) as Product | null;
    if (!product) return;
    const { current, staged } = product.masterData;
    const masterData = { ...product.masterData, current: { ...current, searchKeywords }, staged: { ...staged, searchKeywords } };
    await project.unsafeAdd('product', { ...product, masterData });
  }

  // Strictly increasing, so two saves in the same millisecond still have an order.
  private stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  /** Forwards a request as is; the answer is fixed up into commercetools' error shapes. */
  async forward(method: string, pathAndQuery: string, rawBody: string): Promise<PlatformResponse> {
    const answer = await this.send(method, pathAndQuery, rawBody === '' ? undefined : rawBody);
    return { status: answer.status, body: answer.body };
  }
}

/** Appends predicates to a query string as `where` + `var.*` parameters (commercetools ANDs several `where`). */
export function withPredicates(rawQuery: string, predicates: readonly Predicate[]): string {
  const params = new URLSearchParams(rawQuery);
  for (const predicate of predicates) {
    params.append('where', predicate.where);
    for (const [name, value] of Object.entries(predicate.vars)) params.set(`var.${name}`, value);
  }
  return params.toString();
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * The mock answers some bad input with a 500 (a TypeError on a field it did not check) and unknown
 * routes with Fastify's own 404 body. commercetools answers neither way: fix both here.
 */
function normalise(status: number, body: unknown): MockAnswer {
  if (status >= 500) {
    const detail = isObject(body) && typeof body.error === 'string' ? body.error : 'unexpected input';
    return { status: 400, body: apiError(400, 'InvalidInput', `The request could not be processed: ${detail}`).body };
  }
  if (status >= 400 && !(isObject(body) && Array.isArray(body.errors))) {
    const message = isObject(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    const error = status === 404 ? apiError(404, 'ResourceNotFound', message) : apiError(status, 'InvalidInput', message);
    return { status, body: error.body };
  }
  return { status, body };
}
