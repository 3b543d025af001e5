import type { ActionHandler, DataSourceHandler, DynamicPageHandler } from '@ctp-session/session';
import * as account from './actions/account.js';
import * as cart from './actions/cart.js';
import * as examples from './actions/examples.js';
import { dataSources } from './data-sources/index.js';
import { dynamicPageHandler } from './dynamic-pages/dynamicPageHandler.js';

export interface ExtensionRegistry {
  actions: Record<string, Record<string, ActionHandler>>;
  'data-sources': Record<string, DataSourceHandler>;
  'dynamic-page-handler': DynamicPageHandler;
}

/** The extension registry commercetools Frontend loads: exactly these three keys. */
const registry: ExtensionRegistry = {
  actions: {
    account: { register: account.register, login: account.login, confirm: account.confirm, logout: account.logout, getAccount: account.getAccount },
    cart: {
      getCart: cart.getCart,
      addToCart: cart.addToCart,
      updateLineItem: cart.updateLineItem,
      removeLineItem: cart.removeLineItem,
      checkout: cart.checkout,
    },
    examples: {
      saveCartIdInSession: examples.saveCartIdInSession,
      getRewardPoints: examples.getRewardPoints,
      addFiftyRewardsPoints: examples.addFiftyRewardsPoints,
      addTwentyRewardsPoints: examples.addTwentyRewardsPoints,
      deductTwentyRewardPoints: examples.deductTwentyRewardPoints,
      deductFiftyRewardsPoints: examples.deductFiftyRewardsPoints,
    },
  },
  'data-sources': dataSources,
  'dynamic-page-handler': dynamicPageHandler,
};

export default registry;
