import type { Project } from '../bundle/extension-types.js';

function comparable(locale: string): string {
  return locale.replace(/-/g, '_').toLowerCase();
}

/**
 * `frontasticContext.locale` as the platform's API hub picks it: the requested locale (`?locale=`, else the
 * `Frontastic-Locale` header) when it names one of the project's locales (case, `-`/`_` and an `@CURRENCY`
 * suffix aside), spelled as the project spells it; otherwise, and when none was sent, the project's default.
 */
export function resolveLocale(requested: string | undefined, project: Project): string {
  if (requested === undefined || requested === '') return project.defaultLocale;
  const wanted = comparable(requested);
  const withoutCurrency = wanted.split('@', 1)[0];
  const match = project.locales.find((locale) => {
    const candidate = comparable(locale);
    return candidate === wanted || candidate === withoutCurrency;
  });
  return match ?? project.defaultLocale;
}
