/** A plain fetch to the hub, for what the SDK hides: response headers and status codes. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

export async function rawCall(url: string, init: { method?: string; token?: string; body?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', ...(init.token === undefined ? {} : { 'Frontastic-Session': init.token }), ...(init.headers ?? {}) },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}
