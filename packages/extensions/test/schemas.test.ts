import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIGURATION_FIELDS } from '../src/config/ctpConfig.js';
import extensions from '../src/index.js';

const SCHEMAS = fileURLToPath(new URL('../schemas/', import.meta.url));
const FIELD_TYPES = new Set(['string', 'text', 'number', 'integer', 'decimal', 'boolean', 'enum', 'media', 'reference', 'group', 'markdown', 'json', 'encrypted', 'dataSource']);

function readAll(folder: string): Array<Record<string, unknown>> {
  return readdirSync(join(SCHEMAS, folder))
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(SCHEMAS, folder, file), 'utf8')) as Record<string, unknown>);
}

type Section = { name: string; fields: Array<{ label: string; field: string; type: string }> };
function fieldsOf(schema: unknown): Section['fields'] {
  return ((schema ?? []) as Section[]).flatMap((section) => section.fields);
}

describe('Studio schemas', () => {
  const dataSourceSchemas = readAll('data-sources');
  const dynamicPageSchemas = readAll('dynamic-pages');

  it('declare exactly the data sources the bundle registers', () => {
    const declared = dataSourceSchemas.map((schema) => schema.customDataSourceType).sort();
    expect(declared).toEqual(Object.keys(extensions['data-sources']).sort());
  });

  it('declare every dynamic page type the handler returns, each fed by a known data source', () => {
    expect(dynamicPageSchemas.map((schema) => schema.dynamicPageType).sort()).toEqual([
      'commercetools/account',
      'commercetools/cart',
      'commercetools/order-confirmation',
      'commercetools/product',
    ]);
    for (const schema of dynamicPageSchemas) {
      expect(Object.keys(extensions['data-sources'])).toContain(schema.dataSourceType);
      expect(typeof schema.isMultiple).toBe('boolean');
      expect(Array.isArray(schema.pageMatchingPayloadSchema)).toBe(true);
    }
  });

  it('use only known field types, with a label and a field name each', () => {
    const all = [...dataSourceSchemas.map((schema) => schema.schema), (JSON.parse(readFileSync(join(SCHEMAS, 'project-configuration.json'), 'utf8')) as { schema: unknown }).schema];
    for (const field of all.flatMap(fieldsOf)) {
      expect(FIELD_TYPES.has(field.type)).toBe(true);
      expect(field.label).toEqual(expect.any(String));
      expect(field.field).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
  });

  it('the project configuration declares every field the extensions read', () => {
    const { schema } = JSON.parse(readFileSync(join(SCHEMAS, 'project-configuration.json'), 'utf8')) as { schema: unknown };
    expect(fieldsOf(schema).map((field) => field.field).sort()).toEqual([...CONFIGURATION_FIELDS].sort());
  });
});
