/** Who a token speaks for. Every /me/* answer is scoped by this. */
export type Principal =
  | { readonly kind: 'client' }
  | { readonly kind: 'anonymous'; readonly anonymousId: string }
  | { readonly kind: 'customer'; readonly customerId: string };
