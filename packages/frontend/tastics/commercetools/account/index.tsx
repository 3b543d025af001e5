import type { Account } from '../../../lib/shop-types';
import { dataSourceOf, stringOf, type TasticProps } from '../../tastic-props';
import { AccountView } from './AccountView';

export default function AccountTastic({ data }: TasticProps) {
  return <AccountView initialAccount={dataSourceOf<Account>(data, 'account')} redirectAfterLogin={stringOf(data, 'redirectAfterLogin', '/account')} />;
}
