/**
 * What the share page, its link preview and the author's browser agree on: which language a link asks for,
 * what a preview of a share says, and the list of shares a browser made (kept with their delete tokens).
 */
import { cleanArticle } from '@/lib/pipeline/document';
import type { Share, ShareCreated } from '@/lib/schemas/share';
import { joinSentences } from '@/lib/text/chunk';

/** localStorage key of the shares this browser created. */
export const MY_SHARES_KEY = 'bitext.shares';

export interface MyShare {
  id: string;
  title: string;
  /** The delete token: shown once by the server, so this browser is the only place it lives. */
  token: string;
  url: string;
  createdAt: string;
  expiresAt: string | null;
}

/** A stored entry as a MyShare, or undefined when it lacks what the list needs. */
function myShare(entry: unknown): MyShare | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const { id, title, token, url, createdAt, expiresAt } = entry as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || typeof token !== 'string' || token === '') return undefined;
  if (typeof title !== 'string' || typeof url !== 'string' || typeof createdAt !== 'string') return undefined;
  return { id, title, token, url, createdAt, expiresAt: typeof expiresAt === 'string' ? expiresAt : null };
}

/**
 * The stored list, newest first. An entry that no longer parses is dropped alone, not the whole list. Checked
 * by hand rather than with zod: the workspace reads it on its first render, and zod would be the largest
 * library that render downloads.
 */
export function parseMyShares(stored: unknown): MyShare[] {
  return Array.isArray(stored) ? stored.flatMap((entry) => myShare(entry) ?? []) : [];
}

/** The title of a share sent without one: the cleaned article's first line (the store uses this too). */
export function firstLineTitle(body: string): string {
  return body.split('\n', 1)[0]!.slice(0, 300);
}

export function shareTitle(text: string): string {
  return firstLineTitle(cleanArticle(text).body);
}

/** The entry this browser keeps for a share it created, delete token included. */
export function myShareEntry(text: string, created: ShareCreated): MyShare {
  return {
    id: created.id,
    title: shareTitle(text),
    token: created.deleteToken,
    url: created.url,
    createdAt: new Date().toISOString(),
    expiresAt: created.expiresAt,
  };
}

/** The locale-less path of a share, optionally opening one language: whoever follows it gets their own UI. */
export function sharePath(id: string, language?: string): string {
  const path = `/s/${encodeURIComponent(id)}`;
  return language ? `${path}?lang=${encodeURIComponent(language)}` : path;
}

/** The language a link asks for (`?lang=hi`) when the share has it; undefined means the original. */
export function requestedLanguage(share: Share, lang: unknown): string | undefined {
  return typeof lang === 'string' && Object.hasOwn(share.translations, lang) ? lang : undefined;
}

export interface SharePreview {
  title: string;
  summary: string;
  /** The language `title` and `summary` are in (BCP-47). */
  language: string;
}

/** What a link preview shows: the title and summary in `language` when the share has that summary. */
export function sharePreview(share: Share, language?: string): SharePreview {
  const translation = language ? share.translations[language] : undefined;
  if (!language || !translation?.summary) {
    return {
      title: share.title,
      summary: joinSentences(share.summary.sentences.map((s) => s.text)),
      language: share.source.language,
    };
  }
  // The title is the article's first line; when that line is the first sentence and the article itself was
  // translated, its translation is the title in this language.
  const translatedTitle = share.sentences[0]?.text === share.title ? translation.segments?.[0]?.target : '';
  return {
    title: translatedTitle || share.title,
    summary: joinSentences(translation.summary.sentences.map((s) => s.text)),
    language,
  };
}

/**
 * `text` cut to at most `max` characters (code points, so no emoji or CJK character is split in half), at a
 * word boundary where there is one near the end, with an ellipsis when anything was cut.
 */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  // Cut mid-word: back up to the last space, unless that throws away too much (or the script has none).
  const space = /\s/.test(chars[max - 1]!) ? cut.length : cut.search(/\s\S*$/);
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
