// Tests never reach beyond loopback: any other fetch fails loudly instead of hanging or silently passing.
const realFetch = globalThis.fetch;

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !isLoopback(url.hostname)) {
    throw new Error(`Network access blocked in tests: ${url.href}`);
  }
  return realFetch(input, init);
}) as typeof fetch;
