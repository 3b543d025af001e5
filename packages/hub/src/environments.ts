/** The platform's environments. Anything else is refused: a typo must not fall back to development's defaults. */
export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type HubEnvironment = (typeof ENVIRONMENTS)[number];

export function isHubEnvironment(value: string): value is HubEnvironment {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}
