// The README's data source and dynamic page handler examples, type-checked and run by examples.test.ts.
import { hasValidToken, readSession, type DataSourceHandler, type DynamicPageHandler } from '../../src/index.js';

export const miniCartDataSource: DataSourceHandler = (_config, context) => {
  const session = readSession(context.request?.sessionData);
  return {
    dataSourcePayload: {
      cartId: session.cartId ?? null,
      signedIn: session.customerId !== undefined && hasValidToken(session),
      rewardPoints: session.rewardPoints ?? 0,
    },
  };
};

export const accountPageHandler: DynamicPageHandler = (request) => {
  if (request.path !== '/account') return null;
  const { customerId, lastOrderId } = readSession(request.sessionData);
  if (customerId === undefined) return { redirectLocation: '/login?next=/account', statusCode: 302 };
  return { dynamicPageType: 'example/account', dataSourcePayload: { customerId, lastOrderId: lastOrderId ?? null } };
};
