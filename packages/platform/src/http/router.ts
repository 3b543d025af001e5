import type { Handler, Params } from './types.js';

interface Route<Ctx> {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler<Ctx>;
}

export interface RouteMatch<Ctx> {
  readonly handler: Handler<Ctx>;
  readonly params: Params;
}

/**
 * A tiny method + path router. Patterns are literal segments and `:name` placeholders
 * (`/:projectKey/me/carts/:id`); the first match wins, so register specific paths first.
 */
export class Router<Ctx> {
  private readonly routes: Route<Ctx>[] = [];

  add(method: string, pattern: string, handler: Handler<Ctx>): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch<Ctx> | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Params | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = parts[i] as string;
    if (expected.startsWith(':')) {
      params[expected.slice(1)] = safeDecode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
