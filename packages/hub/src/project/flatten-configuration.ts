import { ProjectConfigurationError } from '../errors.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Studio groups project-configuration fields in sections, extensions receive them flattened into one object.
 * Input: `{ "<section>": { "<field>": value } }`; output: `{ "<field>": value }`.
 */
export function flattenProjectConfiguration(sections: unknown): Record<string, unknown> {
  if (sections === undefined) return {};
  if (!isRecord(sections)) throw new ProjectConfigurationError('The project configuration must be an object of Studio sections: { "<section>": { "<field>": value } }.');
  // A Map, not `field in flat`: that also finds what every object inherits (`constructor`, `toString`), and an
  // assignment to `__proto__` would change the prototype instead of adding a field.
  const flat = new Map<string, unknown>();
  for (const [section, fields] of Object.entries(sections)) {
    if (!isRecord(fields)) {
      throw new ProjectConfigurationError(`Project configuration section "${section}" must be an object of fields: { "<field>": value }.`);
    }
    for (const [field, value] of Object.entries(fields)) {
      if (flat.has(field)) throw new ProjectConfigurationError(`Project configuration field "${field}" appears in more than one section; Studio field names are unique per project.`);
      flat.set(field, value);
    }
  }
  return Object.fromEntries(flat);
}
