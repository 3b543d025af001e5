/** Field errors by input name; an error disappears as soon as the shopper edits that field. */
export type FieldErrors = Partial<Record<string, string>>;

export function withoutErrorOf(errors: FieldErrors, target: EventTarget): FieldErrors {
  const name = (target as { name?: unknown }).name;
  if (typeof name !== 'string' || errors[name] === undefined) return errors;
  const { [name]: _removed, ...rest } = errors;
  return rest;
}
