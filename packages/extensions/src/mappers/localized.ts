import type { LocalizedString } from '@commercetools/platform-sdk';

/**
 * Picks the text for a Frontend locale (`en_US`, `de_DE@EUR`, `en-GB`): the exact language tag, then the
 * bare language, then whatever the resource has, so a missing translation shows something rather than nothing.
 */
export function localized(value: LocalizedString | undefined, locale: string): string {
  if (value === undefined) return '';
  const tag = locale.split('@')[0]?.replace('_', '-') ?? '';
  const language = tag.split('-')[0] ?? '';
  return value[tag] ?? value[language] ?? Object.values(value)[0] ?? '';
}
