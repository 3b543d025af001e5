/**
 * Parses a query string the way the platform's hub hands it to extensions: bracket keys nest
 * (`f[color]=red` → `{ f: { color: 'red' } }`, `a[0]=x&a[1]=y` → `{ a: ['x', 'y'] }`, as the frontend-sdk
 * writes them with qs), repeated plain keys keep the last value.
 */
export type QueryValue = string | QueryObject | QueryValue[];
export interface QueryObject {
  [key: string]: QueryValue;
}

const MAX_DEPTH = 5;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function keyPath(rawKey: string): string[] {
  const open = rawKey.indexOf('[');
  if (open <= 0 || !rawKey.endsWith(']')) return [rawKey];
  const parts = [rawKey.slice(0, open)];
  for (const match of rawKey.slice(open).matchAll(/\[([^\]]*)\]/g)) {
    if (parts.length > MAX_DEPTH) break;
    parts.push(match[1] ?? '');
  }
  return parts;
}

function assign(target: QueryObject, path: string[], value: string): void {
  let node: QueryObject = target;
  for (let index = 0; index < path.length - 1; index += 1) {
    const key = path[index] as string;
    const existing = node[key];
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) node = existing;
    else {
      const child: QueryObject = {};
      node[key] = child;
      node = child;
    }
  }
  const last = path[path.length - 1] as string;
  if (last === '') {
    const siblings = Object.keys(node).length;
    node[String(siblings)] = value;
  } else node[last] = value;
}

function arraysFromIndexedObjects(value: QueryValue): QueryValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: QueryObject = {};
  for (const key of keys) converted[key] = arraysFromIndexedObjects(value[key] as QueryValue);
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? keys.map((key) => converted[key] as QueryValue) : converted;
}

export function parseQuery(search: string): QueryObject {
  const result: QueryObject = {};
  if (search === '') return result;
  for (const [rawKey, value] of new URLSearchParams(search)) {
    const path = keyPath(rawKey);
    if (path.some((part) => FORBIDDEN.has(part))) continue;
    if (path.length === 1) result[rawKey] = value;
    else assign(result, path, value);
  }
  for (const key of Object.keys(result)) result[key] = arraysFromIndexedObjects(result[key] as QueryValue);
  return result;
}
