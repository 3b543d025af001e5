/**
 * Watches every answer the hub gives to fetch calls made in this process (the frontend-sdk's included),
 * so a scenario can say how many 5xx there were without trusting the SDK to report status codes.
 */
export function watchHubStatuses(hubUrl: string): { readonly seen: () => number; readonly serverErrors: () => string[]; stop(): void } {
  const original = globalThis.fetch;
  let seen = 0;
  const errors: string[] = [];
  globalThis.fetch = async (input, init) => {
    const answer = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(hubUrl)) {
      seen++;
      if (answer.status >= 500) errors.push(`${answer.status} ${new URL(url).pathname}`);
    }
    return answer;
  };
  return { seen: () => seen, serverErrors: () => [...errors], stop: () => void (globalThis.fetch = original) };
}
