/**
 * Checks the Studio data of the store against itself: tastic schemas, the tastic registry, the
 * extensions' data source and dynamic page schemas, and the pages file. Returns every problem found,
 * each naming where it is; an empty list means Studio and the code agree.
 */

/** Field types Studio offers in tastic and data source schemas. */
export const FIELD_TYPES = [
  'string', 'text', 'markdown', 'number', 'integer', 'decimal', 'boolean', 'enum', 'media', 'reference',
  'group', 'json', 'node', 'tree', 'instant', 'dataSource', 'tastic', 'description', 'stream',
] as const;

export interface DataSourceSchema {
  customDataSourceType: string;
  schema: unknown;
}

export interface DynamicPageSchema {
  dynamicPageType: string;
  dataSourceType: string;
}

export interface StudioInput {
  /** `schema.json` of each tastic folder, by folder (`commercetools/cart`). */
  tasticSchemas: Readonly<Record<string, unknown>>;
  /** The `tasticType`s of the registry. */
  registry: readonly string[];
  dataSources: readonly DataSourceSchema[];
  dynamicPages: readonly DynamicPageSchema[];
  /** The parsed Studio pages file. */
  pages: unknown;
}

interface Field {
  field: string;
  type: string;
  dataSourceType?: string;
  required?: boolean;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Reads `[{ name, fields: [{ label, field, type, ... }] }]`, reporting what is wrong. */
export function schemaFields(schema: unknown, where: string, problems: string[]): Field[] {
  if (!Array.isArray(schema)) {
    problems.push(`${where}.schema must be a list of field groups`);
    return [];
  }
  const fields: Field[] = [];
  const seen = new Set<string>();
  schema.forEach((group: unknown, g) => {
    const at = `${where}.schema[${g}]`;
    if (!isRecord(group) || !nonEmpty(group['name']) || !Array.isArray(group['fields'])) {
      problems.push(`${at} must be { name, fields: [...] }`);
      return;
    }
    group['fields'].forEach((field: unknown, f) => {
      const fat = `${at}.fields[${f}]`;
      if (!isRecord(field)) return void problems.push(`${fat} must be an object`);
      const { label, field: name, type } = field;
      if (!nonEmpty(label)) problems.push(`${fat}.label is missing`);
      if (!nonEmpty(name)) return void problems.push(`${fat}.field is missing`);
      if (!nonEmpty(type) || !(FIELD_TYPES as readonly string[]).includes(type)) {
        return void problems.push(`${fat} (${name}) has unknown field type ${JSON.stringify(type)}`);
      }
      if (seen.has(name)) problems.push(`${fat} declares field ${name} twice`);
      seen.add(name);
      if (type === 'enum' && !(Array.isArray(field['values']) && field['values'].length > 0)) problems.push(`${fat} (${name}) is an enum without values`);
      if (type === 'dataSource' && !nonEmpty(field['dataSourceType'])) problems.push(`${fat} (${name}) is a dataSource field without dataSourceType`);
      fields.push({
        field: name,
        type,
        ...(nonEmpty(field['dataSourceType']) ? { dataSourceType: field['dataSourceType'] } : {}),
        ...(field['required'] === true ? { required: true } : {}),
      });
    });
  });
  return fields;
}

export function checkStudio(input: StudioInput): string[] {
  const problems: string[] = [];
  const dataSourceTypes = new Map<string, Field[]>();
  for (const source of input.dataSources) {
    dataSourceTypes.set(source.customDataSourceType, schemaFields(source.schema, `data source ${source.customDataSourceType}`, problems));
  }
  const dynamicPages = new Map(input.dynamicPages.map((page) => [page.dynamicPageType, page.dataSourceType]));
  for (const [type, dataSourceType] of dynamicPages) {
    if (!dataSourceTypes.has(dataSourceType)) problems.push(`dynamic page ${type} names unknown dataSourceType ${dataSourceType}`);
  }

  const tastics = new Map<string, Field[]>();
  for (const [folder, schema] of Object.entries(input.tasticSchemas)) {
    const where = `tastics/${folder}/schema.json`;
    if (!isRecord(schema)) {
      problems.push(`${where} must be an object`);
      continue;
    }
    for (const key of ['tasticType', 'name', 'icon', 'category'] as const) if (!nonEmpty(schema[key])) problems.push(`${where}: ${key} is missing`);
    const type = schema['tasticType'];
    if (!nonEmpty(type)) continue;
    if (type !== folder) problems.push(`${where}: tasticType ${type} does not match its folder`);
    const fields = schemaFields(schema['schema'], where, problems);
    for (const field of fields) {
      if (field.dataSourceType !== undefined && !dataSourceTypes.has(field.dataSourceType)) {
        problems.push(`${where}: field ${field.field} uses unknown dataSourceType ${field.dataSourceType}`);
      }
    }
    tastics.set(type, fields);
  }
  for (const type of input.registry) if (!tastics.has(type)) problems.push(`registry: ${type} has no schema.json`);
  for (const type of tastics.keys()) if (!input.registry.includes(type)) problems.push(`registry: ${type} has a schema.json but no component`);

  checkPages(input.pages, { tastics, dataSourceTypes, dynamicPages, registry: input.registry }, problems);
  return problems;
}

interface Known {
  tastics: Map<string, Field[]>;
  dataSourceTypes: Map<string, Field[]>;
  dynamicPages: Map<string, string>;
  registry: readonly string[];
}

function checkPages(pages: unknown, known: Known, problems: string[]): void {
  if (!isRecord(pages) || !Array.isArray(pages['pageFolders'])) return void problems.push('pages: pageFolders must be a list');
  pages['pageFolders'].forEach((folder: unknown, i) => {
    const where = `pageFolders[${i}]`;
    if (!isRecord(folder)) return void problems.push(`${where} must be an object`);
    const id = nonEmpty(folder['pageFolderId']) ? folder['pageFolderId'] : where;

    // Which data source ids the folder's tastics may use, and the type of each.
    const available = new Map<string, string>();
    const dynamicType = folder['dynamicPageType'];
    if (dynamicType !== undefined) {
      const masterType = nonEmpty(dynamicType) ? known.dynamicPages.get(dynamicType) : undefined;
      if (masterType === undefined) problems.push(`${id}: unknown dynamicPageType ${JSON.stringify(dynamicType)}`);
      else available.set('__master', masterType);
    }
    const configurations = folder['dataSourceConfigurations'] ?? [];
    if (!Array.isArray(configurations)) problems.push(`${id}: dataSourceConfigurations must be a list`);
    else {
      configurations.forEach((ds: unknown, d) => {
        const at = `${id}.dataSourceConfigurations[${d}]`;
        if (!isRecord(ds) || !nonEmpty(ds['dataSourceId']) || !nonEmpty(ds['type'])) return void problems.push(`${at} needs dataSourceId and type`);
        const fields = known.dataSourceTypes.get(ds['type']);
        if (fields === undefined) return void problems.push(`${at}: unknown dataSourceType ${ds['type']}`);
        if (available.has(ds['dataSourceId'])) problems.push(`${at}: dataSourceId ${ds['dataSourceId']} is used twice`);
        available.set(ds['dataSourceId'], ds['type']);
        const configuration = isRecord(ds['configuration']) ? ds['configuration'] : {};
        for (const key of Object.keys(configuration)) {
          if (!fields.some((field) => field.field === key)) problems.push(`${at}: ${ds['type']} has no field ${key}`);
        }
      });
    }

    const page = isRecord(folder['page']) ? folder['page'] : undefined;
    const sections = page !== undefined && isRecord(page['sections']) ? page['sections'] : {};
    for (const [sectionName, section] of Object.entries(sections)) {
      if (!['head', 'main', 'footer'].includes(sectionName)) problems.push(`${id}: unknown section ${sectionName}`);
      const elements = isRecord(section) && Array.isArray(section['layoutElements']) ? section['layoutElements'] : [];
      for (const element of elements) {
        const list = isRecord(element) && Array.isArray(element['tastics']) ? element['tastics'] : [];
        for (const tastic of list) checkTastic(tastic, `${id}.${sectionName}`, available, known, problems);
      }
    }
  });
}

function checkTastic(tastic: unknown, where: string, available: Map<string, string>, known: Known, problems: string[]): void {
  if (!isRecord(tastic) || !nonEmpty(tastic['tasticType'])) return void problems.push(`${where}: a tastic without tasticType`);
  const type = tastic['tasticType'];
  const at = `${where} tastic ${String(tastic['tasticId'])} (${type})`;
  if (!known.registry.includes(type)) problems.push(`${at}: unknown tasticType`);
  const fields = known.tastics.get(type);
  if (fields === undefined) return void problems.push(`${at}: no schema.json`);
  const configuration = isRecord(tastic['configuration']) ? tastic['configuration'] : {};
  for (const key of Object.keys(configuration)) {
    if (!fields.some((field) => field.field === key)) problems.push(`${at}: configuration has ${key}, which the schema does not declare`);
  }
  for (const field of fields) {
    if (field.type !== 'dataSource') continue;
    const value = configuration[field.field];
    if (value === undefined) {
      if (field.required === true) problems.push(`${at}: required data source ${field.field} is not set`);
      continue;
    }
    const id = isRecord(value) ? value['dataSourceId'] : undefined;
    if (!nonEmpty(id)) {
      problems.push(`${at}: ${field.field} must be { dataSourceId }`);
      continue;
    }
    const actual = available.get(id);
    if (actual === undefined) problems.push(`${at}: ${field.field} points at ${id}, which this page folder does not have`);
    else if (actual !== field.dataSourceType) problems.push(`${at}: ${field.field} wants ${field.dataSourceType ?? '?'} but ${id} is ${actual}`);
  }
}
