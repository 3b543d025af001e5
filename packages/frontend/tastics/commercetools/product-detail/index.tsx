import { AddToCartButton } from '../../../components/AddToCartButton';
import { formatMoney } from '../../../lib/format';
import type { Product } from '../../../lib/shop-types';
import { dataSourceOf, type TasticProps } from '../../tastic-props';

export default function ProductDetailTastic({ data }: TasticProps) {
  const product = dataSourceOf<{ product: Product | null }>(data, 'product')?.product ?? null;
  if (product === null) return <p className="notice">This product is not available.</p>;
  return (
    <article className="product-detail" data-sku={product.sku}>
      {product.imageUrl !== undefined && <img src={product.imageUrl} alt={product.name} width={480} height={480} />}
      <div className="product-info">
        <h1>{product.name}</h1>
        <p className="price large">{formatMoney(product.price)}</p>
        <p>{product.description}</p>
        <p className="muted">SKU {product.sku}</p>
        <AddToCartButton sku={product.sku} name={product.name} />
      </div>
    </article>
  );
}
