import Link from 'next/link';
import { AddToCartButton } from '../../../components/AddToCartButton';
import { formatMoney } from '../../../lib/format';
import type { Product } from '../../../lib/shop-types';
import { dataSourceOf, stringOf, type TasticProps } from '../../tastic-props';

export default function ProductListTastic({ data }: TasticProps) {
  const title = stringOf(data, 'title', 'Products');
  const products = dataSourceOf<{ products: Product[] }>(data, 'products')?.products;
  return (
    <section className="product-list" aria-labelledby="product-list-title">
      <h1 id="product-list-title">{title}</h1>
      {products === undefined ? (
        <p className="notice">Products are not available right now; please reload the page.</p>
      ) : products.length === 0 ? (
        <p className="notice">No products here yet.</p>
      ) : (
        <ul className="product-grid">
          {products.map((product) => (
            <li key={product.sku} className="product-card" data-sku={product.sku}>
              <Link href={`/p/${encodeURIComponent(product.sku)}`} className="product-link">
                {product.imageUrl !== undefined && <img src={product.imageUrl} alt="" width={320} height={320} loading="lazy" />}
                <span className="product-name">{product.name}</span>
              </Link>
              <span className="price">{formatMoney(product.price)}</span>
              <AddToCartButton sku={product.sku} name={product.name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
