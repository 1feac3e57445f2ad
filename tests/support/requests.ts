/**
 * A POST as a client sends one to a route handler under test: `body` as JSON, except a string, which goes
 * as it is (how a test sends what is not JSON, or JSON under another content type).
 */
export function postRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
