export interface Customer {
  readonly id: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
}

export interface Account {
  readonly loggedIn: boolean;
  readonly customer?: Customer;
}
