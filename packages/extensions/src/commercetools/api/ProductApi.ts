import type { ProductProjection } from '@commercetools/platform-sdk';
import type { ProjectApi } from '../http/createProjectApi.js';
import { notFoundAsUndefined } from '../http/notFoundAsUndefined.js';

/** Published catalogue reads, with the API client's token (they belong to no shopper). */
export class ProductApi {
  constructor(private readonly api: ProjectApi) {}

  /** The product whose master variant has this SKU, or undefined. */
  async bySku(sku: string): Promise<ProductProjection | undefined> {
    const answer = await this.api
      .productProjections()
      .get({ queryArgs: { staged: false, where: `masterVariant(sku=${JSON.stringify(sku)})`, limit: 1 } })
      .execute();
    return answer.body.results[0];
  }

  /** Up to `limit` published products, optionally of the category with this key (none if it is unknown). */
  async list(limit: number, categoryKey?: string): Promise<readonly ProductProjection[]> {
    let where: string | undefined;
    if (categoryKey !== undefined) {
      const category = await notFoundAsUndefined(async () => (await this.api.categories().withKey({ key: categoryKey }).get().execute()).body);
      if (category === undefined) return [];
      where = `categories(id=${JSON.stringify(category.id)})`;
    }
    const answer = await this.api
      .productProjections()
      .get({ queryArgs: { staged: false, limit, sort: 'createdAt asc', ...(where === undefined ? {} : { where }) } })
      .execute();
    return answer.body.results;
  }
}
