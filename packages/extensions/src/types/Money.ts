export interface Money {
  /** In the currency's smallest unit (cents). */
  readonly centAmount: number;
  readonly currencyCode: string;
  readonly fractionDigits: number;
}
