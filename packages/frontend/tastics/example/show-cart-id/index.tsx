import { dataSourceOf, type TasticProps } from '../../tastic-props';

/** The platform docs' example: the cart id the `example/get-cart-id` data source read from the session. */
export default function ShowCartIdTastic({ data }: TasticProps) {
  const cartId = dataSourceOf<{ cartId: string | null }>(data, 'cartId')?.cartId ?? null;
  return (
    <p className="cart-id" data-testid="show-cart-id">
      {cartId === null ? 'No cart Id available. Add a product to the cart first.' : <>The active cart Id is <code>{cartId}</code></>}
    </p>
  );
}
