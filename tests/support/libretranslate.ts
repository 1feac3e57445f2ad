/** Requests to the LibreTranslate-compatible routes, as a client on another machine would send them. */
import { postRequest } from './requests';

export const BASE = 'http://127.0.0.1:3000/api/libretranslate';

let client = 0;
/** A fresh client address per request unless one is given, so per-IP limits only bite where a test wants. */
export function address(ip?: string): string {
  return ip ?? `10.0.${Math.floor(++client / 250)}.${client % 250}`;
}

export function jsonRequest(path: string, body: unknown, ip?: string): Request {
  return postRequest(`${BASE}${path}`, body, { 'x-forwarded-for': address(ip) });
}

export function formRequest(path: string, fields: Record<string, string>, ip?: string): Request {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address(ip) },
    body: new URLSearchParams(fields).toString(),
  });
}

export function fileRequest(
  fields: Record<string, string>,
  file?: { name: string; text: string; type?: string },
  ip?: string,
): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set('file', new Blob([file.text], { type: file.type ?? 'text/plain' }), file.name);
  return new Request(`${BASE}/translate_file`, {
    method: 'POST',
    headers: { 'x-forwarded-for': address(ip) },
    body: form,
  });
}

export async function read(response: Response | Promise<Response>) {
  const r = await response;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are JSON, asserted field by field
  return { status: r.status, headers: r.headers, body: (await r.json()) as any };
}

/** The route params Next.js hands a dynamic segment. */
export const params = (id: string) => ({ params: Promise.resolve({ id }) });
