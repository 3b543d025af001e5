// Type-level compatibility of our contract types with @frontastic/extension-types 0.0.13.
// That package ships .ts sources written for CommonJS without type-only imports, which the strict
// workspace config (verbatimModuleSyntax) refuses, so this file is excluded from the package's tsconfig and
// compiled by test/contract-types.test.ts with verbatimModuleSyntax off. Any error here fails that test.
import type {
  ActionContext as FrontasticActionContext,
  ActionHandler as FrontasticActionHandler,
  DataSourceContext as FrontasticDataSourceContext,
  DataSourceHandler as FrontasticDataSourceHandler,
  DynamicPageHandler as FrontasticDynamicPageHandler,
  ExtensionRegistry,
  Request as FrontasticRequest,
  Response as FrontasticResponse,
} from '@frontastic/extension-types';
import { readSession, withSession } from '../../src/index.js';
import type {
  ActionContext,
  ActionHandler,
  ActionRequest,
  ActionResponse,
  DataSourceContext,
  DataSourceHandler,
  DynamicPageHandler,
  SessionAction,
} from '../../src/index.js';

type Assignable<From, To> = [From] extends [To] ? true : false;
const expectTrue = <T extends true>(value: T): T => value;

// What the platform hands over is assignable to our parameter types.
expectTrue<Assignable<FrontasticRequest, ActionRequest>>(true);
expectTrue<Assignable<FrontasticActionContext, ActionContext>>(true);
expectTrue<Assignable<FrontasticDataSourceContext, DataSourceContext>>(true);

// What we return or register is assignable to what the platform expects.
expectTrue<Assignable<ActionResponse, FrontasticResponse>>(true);
expectTrue<Assignable<SessionAction, FrontasticActionHandler>>(true);
expectTrue<Assignable<ActionHandler, FrontasticActionHandler>>(true);
expectTrue<Assignable<DataSourceHandler, FrontasticDataSourceHandler>>(true);
expectTrue<Assignable<DynamicPageHandler, FrontasticDynamicPageHandler>>(true);

// A registry built from our helpers is a valid ExtensionRegistry.
export const registry: ExtensionRegistry = {
  actions: { cart: { getCart: withSession(({ session }) => ({ statusCode: 200, body: JSON.stringify({ cartId: session.cartId ?? null }) })) } },
  'data-sources': { 'example/cart': (_config, context) => ({ dataSourcePayload: { cartId: readSession(context.request?.sessionData).cartId ?? null } }) },
  'dynamic-page-handler': (request) => (readSession(request.sessionData).customerId ? null : { redirectLocation: '/login' }),
};
