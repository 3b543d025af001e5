import type { ComponentType } from 'react';
import AccountTastic from './commercetools/account/index';
import CartTastic from './commercetools/cart/index';
import CheckoutTastic from './commercetools/checkout/index';
import OrderConfirmationTastic from './commercetools/order-confirmation/index';
import ProductDetailTastic from './commercetools/product-detail/index';
import ProductListTastic from './commercetools/product-list/index';
import RewardPointsTastic from './example/reward-points/index';
import ShowCartIdTastic from './example/show-cart-id/index';
import type { TasticProps } from './tastic-props';

/** `tasticType` → component. Each entry has a folder `<tasticType>/` with `index.tsx` and its Studio `schema.json`. */
export const tastics: Readonly<Record<string, ComponentType<TasticProps>>> = {
  'commercetools/account': AccountTastic,
  'commercetools/cart': CartTastic,
  'commercetools/checkout': CheckoutTastic,
  'commercetools/order-confirmation': OrderConfirmationTastic,
  'commercetools/product-detail': ProductDetailTastic,
  'commercetools/product-list': ProductListTastic,
  'example/reward-points': RewardPointsTastic,
  'example/show-cart-id': ShowCartIdTastic,
};
