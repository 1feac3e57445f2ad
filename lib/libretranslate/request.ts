import 'server-only';
import { z } from 'zod';
import { BitextError } from '@/lib/errors';
import { LIMITS } from '@/lib/limits';
import { readBytes } from '@/lib/server/http';

/**
 * LibreTranslate's request parameters, from whichever body a client sends: JSON, a urlencoded form
 * (Weblate's older releases, curl -d) or multipart (files). Unknown parameters are ignored, as there.
 */
export type Fields = Record<string, unknown>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BitextError('bad_request', 'Invalid request: the text is not valid UTF-8');
  }
}

/** A form's fields; a name given twice (`q=a&q=b`) is a list, as LibreTranslate's batch `q` is. */
function collect(entries: Iterable<[string, unknown]>): Fields {
  const fields: Fields = {};
  for (const [name, value] of entries) {
    const previous = fields[name];
    fields[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return fields;
}

/**
 * A urlencoded form, strictly: URLSearchParams would turn a broken escape or invalid UTF-8 into U+FFFD
 * silently, and translate the damage.
 */
function parseForm(body: string): [string, string][] {
  return body
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/su);
      try {
        return [
          decodeURIComponent(name.replaceAll('+', ' ')),
          decodeURIComponent(value.replaceAll('+', ' ')),
        ];
      } catch {
        throw new BitextError('bad_request', 'Invalid request: the form is not validly encoded');
      }
    });
}

export async function readFields(request: Request, { maxBytes = LIMITS.requestBytes } = {}): Promise<Fields> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(decodeUtf8(await readBytes(request, maxBytes)));
    } catch (error) {
      if (error instanceof BitextError) throw error;
      throw new BitextError('bad_request', 'Invalid request: the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BitextError('bad_request', 'Invalid JSON format: send an object of parameters');
    }
    return body as Fields;
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return collect(parseForm(decodeUtf8(await readBytes(request, maxBytes))));
  }
  if (type.includes('multipart/form-data')) {
    const bytes = await readBytes(request, maxBytes);
    try {
      const form = await new Response(new Uint8Array(bytes), {
        headers: { 'content-type': type },
      }).formData();
      return collect(form.entries());
    } catch {
      throw new BitextError('bad_request', 'Invalid request: the multipart body cannot be read');
    }
  }
  throw new BitextError(
    'bad_request',
    'Invalid request: send the parameters as JSON (Content-Type: application/json) or as a form',
  );
}

/** `api_key` as clients send it: Mastodon sends null and Weblate "" when none is configured. */
export function apiKeyOf(fields: Fields): string | undefined {
  const key = fields.api_key;
  return typeof key === 'string' && key.trim() ? key.trim() : undefined;
}

const source = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.string().max(100).default('auto'),
);
const code = z.string().min(1).max(100);

export const translateFields = z.object({
  q: z.union([z.string().min(1), z.array(z.string()).min(1).max(LIMITS.segments)]),
  source,
  target: code,
  format: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(['text', 'html']).default('text'),
  ),
  alternatives: z.coerce.number().int().min(0).max(100).optional(),
});
export type TranslateFields = z.infer<typeof translateFields>;

export const detectFields = z.object({ q: z.string().min(1).max(LIMITS.articleChars) });

export const fileFields = z.object({ file: z.instanceof(File), source, target: code });
export type FileFields = z.infer<typeof fileFields>;

/** LibreTranslate's wording: "missing q parameter" for an absent or empty one, else what is wrong. */
export function parseFields<S extends z.ZodType>(schema: S, fields: Fields): z.output<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    const value = issue.path.reduce<unknown>(
      (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key],
      fields,
    );
    const missing =
      value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
    if (missing && issue.path.length === 1) return `missing ${name} parameter`;
    if (issue.code === 'invalid_value' && name === 'format')
      return `${String(value)} format is not supported`;
    return `${name}: ${issue.message}`;
  });
  throw new BitextError('bad_request', `Invalid request: ${[...new Set(problems)].join('; ')}`);
}

/** The request's characters against the same limit as an article, counted as LibreTranslate counts them. */
export function checkCharLimit(texts: readonly string[]): void {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  if (chars > LIMITS.articleChars) {
    throw new BitextError(
      'input_too_large',
      `Invalid request: request (${chars}) exceeds text limit (${LIMITS.articleChars})`,
      { maxChars: LIMITS.articleChars },
    );
  }
}
