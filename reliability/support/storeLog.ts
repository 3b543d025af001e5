/**
 * The store's quiet mode still prints the hub's and the extensions' warnings and errors. Under faults
 * and bad input there are thousands, all expected: they are counted per kind instead of printed.
 */
export function captureStoreLog(): { summary(): string[]; stop(): void } {
  const original = console.error;
  const kinds = new Map<string, number>();
  console.error = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first === 'string' && (first.startsWith('[hub]') || first.startsWith('[extensions]'))) {
      // The kind is the line without its per-request details (paths and ids vary).
      const kind = first.replace(/\/frontastic\/action\/[^:\s]+/g, '<action>').slice(0, 110);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      return;
    }
    original(...args);
  };
  return {
    summary: () => [...kinds.entries()].sort(([, a], [, b]) => b - a).map(([kind, n]) => `${n}× ${kind}`),
    stop: () => void (console.error = original),
  };
}
