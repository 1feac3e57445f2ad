import { describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-clients-`);
});

import { GET as languages } from '@/app/api/libretranslate/languages/route';
import { POST as translate } from '@/app/api/libretranslate/translate/route';
import { apiKeys } from '@/lib/libretranslate/keys';
import { transliterate } from '@/scripts/fixtures/translit';

/**
 * Clients that are not ours: each request is written byte for byte as the client builds it, and each
 * assertion reads the answer the way the client's code does.
 */
const BASE = 'http://127.0.0.1:3000/api/libretranslate';
const ru = (text: string) => transliterate('ru', text);

describe('Mastodon (app/lib/translation_service/libre_translate.rb)', () => {
  // TranslationService::LibreTranslate#request: Content-Type: application/json, and the body
  // Oj.dump(q:, source: lang.presence || 'auto', target:, format: 'html', api_key:).
  const mastodon = (body: string) =>
    new Request(`${BASE}/translate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });

  // TranslateStatusService: the status as HTML, then its content warning, poll options and media
  // descriptions, each HTML-escaped.
  const STATUS =
    '<p>The talks in Geneva go on, <span class="h-card" translate="no"><a href="https://mastodon.social/@lavrov" class="u-url mention">@<span>lavrov</span></a></span> said.<br>Read more: <a href="https://example.com/geneva" rel="nofollow noopener" translate="no" target="_blank"><span class="invisible">https://</span><span class="">example.com/geneva</span><span class="invisible"></span></a> <a href="https://mastodon.social/tags/news" class="mention hashtag" rel="tag">#<span>news</span></a></p>';
  const texts = [STATUS, 'Politics &amp; war', 'Yes', 'A photo of the delegates in Geneva'];

  it('languages: builds { code => targets without code } and finds the pairs it offers', async () => {
    // (Its GET carries the same Content-Type and no body: nothing this route reads.)
    const response = await languages();
    expect(response.status).toBe(200);
    const list = (await response.json()) as { code: string; targets: string[] }[];
    const map = Object.fromEntries(list.map((l) => [l.code, l.targets.filter((t) => t !== l.code)]));
    expect(map.en).toEqual(expect.arrayContaining(['ru', 'zh-Hans', 'hi']));
  });

  it('translate: a status with no language set (source "auto"), no API key configured (api_key: null)', async () => {
    const body = JSON.stringify({ q: texts, source: 'auto', target: 'ru', format: 'html', api_key: null });
    const response = await translate(mastodon(body));
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      translatedText: string[];
      detectedLanguage: { language: string }[];
    };
    const translations = data.translatedText.map((text, index) => ({
      text,
      detectedSourceLanguage: data.detectedLanguage[index]?.language ?? null,
    }));
    expect(translations.map((t) => t.detectedSourceLanguage)).toEqual(['en', 'en', 'en', 'en']);
    // (An empty class="" comes back as no class at all: the same element to a browser.)
    expect(translations[0]!.text).toBe(
      `<p>${ru('The talks in Geneva go on,')} <span class="h-card" translate="no"><a href="https://mastodon.social/@lavrov" class="u-url mention">@<span>lavrov</span></a></span> ${ru('said.')}<br>${ru('Read more:')} <a href="https://example.com/geneva" rel="nofollow noopener" translate="no" target="_blank"><span class="invisible">https://</span><span>example.com/geneva</span><span class="invisible"></span></a> <a href="https://mastodon.social/tags/news" class="mention hashtag" rel="tag">#<span>news</span></a></p>`,
    );
    expect(translations.slice(1).map((t) => t.text)).toEqual([
      ru('Politics & war').replace('&', '&amp;'),
      ru('Yes'),
      ru('A photo of the delegates in Geneva'),
    ]);
  });

  it('translate: a status in a known language, with an API key; 403 and 429 are what it maps to its errors', async () => {
    const { key } = await apiKeys().create({ name: 'mastodon', perMinute: 1 });
    const body = JSON.stringify({
      q: ['<p>Hello</p>'],
      source: 'en',
      target: 'hi',
      format: 'html',
      api_key: key,
    });
    const ok = await translate(mastodon(body));
    expect(ok.status).toBe(200);
    const data = (await ok.json()) as { translatedText: string[]; detectedLanguage?: unknown };
    expect(data.translatedText).toEqual([`<p>${transliterate('hi', 'Hello')}</p>`]);
    // No detectedLanguage: Mastodon falls back to the language it sent.
    expect(data.detectedLanguage).toBeUndefined();
    // TooManyRequestsError
    expect((await translate(mastodon(body))).status).toBe(429);
    // QuotaExceededError
    const wrongKey = JSON.stringify({
      q: ['<p>Hello</p>'],
      source: 'en',
      target: 'hi',
      format: 'html',
      api_key: 'x',
    });
    expect((await translate(mastodon(wrongKey))).status).toBe(403);
  });
});

describe('Weblate (weblate/machinery/libretranslate.py)', () => {
  // BatchMachineTranslation.request: requests with Referer and Accept headers; `json=` sets the content type.
  const headers = { Referer: 'https://weblate.example.org/', Accept: 'application/json; charset=utf-8' };

  it('download_languages: reads the code of every entry; zh (its name for zh_Hans) is among them', async () => {
    const response = await languages();
    const codes = ((await response.json()) as { code: string }[]).map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['en', 'ru', 'zh', 'hi']));
  });

  it('download_multiple_translations: a JSON batch, the key empty when none is set', async () => {
    const texts = ['Add a new string', 'Delete the file'];
    const response = await translate(
      new Request(`${BASE}/translate`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ api_key: '', q: texts, source: 'en', target: 'zh' }),
      }),
    );
    expect(response.status).toBe(200);
    const payload = (await response.json()) as { translatedText: string[] };
    const translated = texts.map((text, index) => ({ text: payload.translatedText[index], source: text }));
    expect(translated).toEqual(texts.map((text) => ({ text: transliterate('zh', text), source: text })));
  });

  it('older releases: a form-encoded single string (requests `data=`)', async () => {
    const response = await translate(
      new Request(`${BASE}/translate`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: '', q: 'Save changes', source: 'en', target: 'ru' }).toString(),
      }),
    );
    const payload = (await response.json()) as { translatedText: string };
    expect(payload.translatedText).toBe(ru('Save changes'));
  });

  it('check_failure: an error answer carries its message in "error"', async () => {
    const response = await translate(
      new Request(`${BASE}/translate`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ api_key: '', q: ['test'], source: 'en', target: 'xx' }),
      }),
    );
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { error: unknown };
    expect(typeof payload.error).toBe('string');
  });
});
