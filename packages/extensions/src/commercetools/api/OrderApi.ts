import type { Order } from '@commercetools/platform-sdk';

import type { ProjectApi } from '../http/createProjectApi.js';
import { outOfReachAsUndefined } from '../http/notFoundAsUndefined.js';

/** The shopper's own orders (`/me/orders`, with the shopper's token). */
export class OrderApi {
  constructor(private readonly api: ProjectApi) {}

  async getMyOrder(id: string): Promise<Order | undefined> {
    return outOfReachAsUndefined(async () => (await this.api.me().orders().withId({ ID: id }).get().execute()).body);
  }
}
