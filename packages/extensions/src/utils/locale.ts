import { headerValue, type ActionRequest, type FrontasticContext } from '@ctp-session/session';

export const DEFAULT_LOCALE = 'en_US';

/** The shopper's locale: the `Frontastic-Locale` header, then the context's, then the default. */
export function localeOf(request: Pick<ActionRequest, 'headers'> | undefined, context: FrontasticContext | undefined): string {
  return (request && headerValue(request, 'frontastic-locale')) || context?.locale || DEFAULT_LOCALE;
}
