import { SessionValueNotJsonError } from '../errors.js';

/**
 * Deep-copies a value that must survive `JSON.stringify` → `JSON.parse` unchanged, and refuses anything
 * that would not (JSON.stringify would silently drop, null out or throw on it).
 * Object properties whose value is `undefined` are left out, as JSON.stringify does.
 */
export function cloneJsonValue(key: string, value: unknown): unknown {
  return clone(key, value, key, new Set());
}

function clone(key: string, value: unknown, path: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new SessionValueNotJsonError(key, path, `${value} is not a finite number (JSON would write null)`);
      return value;
    case 'bigint':
      throw new SessionValueNotJsonError(key, path, 'a BigInt has no JSON form');
    case 'symbol':
      throw new SessionValueNotJsonError(key, path, 'a symbol has no JSON form');
    case 'function':
      throw new SessionValueNotJsonError(key, path, 'a function has no JSON form');
    case 'undefined':
      throw new SessionValueNotJsonError(key, path, 'undefined has no JSON form (inside an array JSON would write null)');
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.has(object)) throw new SessionValueNotJsonError(key, path, 'the value contains a cycle (it refers to itself)');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) return cloneArray(key, object, path, ancestors);
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
      throw new SessionValueNotJsonError(key, path, `a ${typeof name === 'string' ? name : 'class'} instance is not plain JSON`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) {
      throw new SessionValueNotJsonError(key, path, 'symbol-keyed properties have no JSON form');
    }
    const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [prop, item] of Object.entries(object)) {
      if (item === undefined) continue;
      Object.defineProperty(copy, prop, { value: clone(key, item, `${path}.${prop}`, ancestors), enumerable: true, writable: true, configurable: true });
    }
    return Object.setPrototypeOf(copy, Object.prototype) as Record<string, unknown>;
  } finally {
    ancestors.delete(object);
  }
}

function cloneArray(key: string, array: readonly unknown[], path: string, ancestors: Set<object>): unknown[] {
  const copy: unknown[] = [];
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) throw new SessionValueNotJsonError(key, `${path}[${i}]`, 'the array has a hole (JSON would write null)');
    copy.push(clone(key, array[i], `${path}[${i}]`, ancestors));
  }
  return copy;
}
