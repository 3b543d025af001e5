/** What a scenario tried, what it lost (each loss is a sentence; the list must stay empty) and its figures. */
export interface ScenarioResult {
  readonly tried: Readonly<Record<string, number>>;
  readonly lost: readonly string[];
  readonly figures?: Readonly<Record<string, number | string>>;
}

export interface Scenario {
  readonly name: string;
  readonly what: string;
  run(): Promise<ScenarioResult>;
}

/** Collects losses; keeps the first few messages per kind so a bad run stays readable. */
export class Losses {
  readonly #messages: string[] = [];
  readonly #counts = new Map<string, number>();

  add(kind: string, detail: string): void {
    const seen = this.#counts.get(kind) ?? 0;
    this.#counts.set(kind, seen + 1);
    if (seen < 5) this.#messages.push(`${kind}: ${detail}`);
  }

  get count(): number {
    let total = 0;
    for (const n of this.#counts.values()) total += n;
    return total;
  }

  list(): string[] {
    const summary = [...this.#counts.entries()].filter(([, n]) => n > 5).map(([kind, n]) => `${kind}: ${n} in all`);
    return [...this.#messages, ...summary];
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A small seeded generator (mulberry32), so a failing run can be replayed with the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
