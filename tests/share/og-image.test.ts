import { beforeAll, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-og-`);
});

import Image from '@/app/[locale]/s/[id]/opengraph-image';
import { charactersOf, parseUnicodeRange, subsetsFor, typeset } from '@/app/[locale]/s/[id]/og-fonts';
import { shareRequest } from '@/lib/schemas/share';
import { shareStore } from '@/lib/store';
import { seedShareRequest } from '../support/share-request';

const SAMPLES = {
  Cyrillic: 'Лавров: Россия не ведёт тайных переговоров о Сирии',
  Han: '拉夫罗夫：俄罗斯没有就叙利亚问题进行任何秘密谈判',
  Devanagari: 'लावरोव: रूस सीरिया के बारे में कोई गुप्त वार्ता नहीं कर रहा है',
};

const ZWSP = '\u200B';

describe('parseUnicodeRange', () => {
  it('reads single code points and ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+2116')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x2116, 0x2116],
    ]);
  });
});

describe('typeset', () => {
  it.each(Object.entries(SAMPLES))('has a glyph for every %s character of a title', async (script, text) => {
    const { texts, fonts } = await typeset([text]);
    const drawn = new Set(fonts.flatMap((f) => [...charactersOf(f.data)]));
    const missing = Array.from(text).filter((char) => !/\s/.test(char) && !drawn.has(char.codePointAt(0)!));
    expect(missing, script).toEqual([]);
    expect(texts[0]!.replace(/[\u200B\u093F]/g, '')).toBe(text.replace(/\u093F/g, ''));
  });

  it('loads only the slices of the CJK font a text needs, as WOFF', async () => {
    const { fonts } = await typeset([SAMPLES.Han]);
    const cjk = fonts.filter((f) => f.name.startsWith('noto-sans-sc-'));
    expect(cjk.length).toBeGreaterThan(0);
    // 24 distinct characters cannot need more than 24 slices, in two weights.
    expect(cjk.length).toBeLessThanOrEqual(2 * 24);
    for (const font of fonts) expect(font.data.subarray(0, 4).toString('latin1')).toBe('wOFF');
  });

  it('keeps Latin text to the one Latin font', async () => {
    const subsets = await subsetsFor('Bitext: Lavrov — “no secret talks”');
    expect(subsets.map((s) => `${s.family}/${s.name}`)).toEqual(['noto-sans/latin']);
  });

  it('puts the Devanagari vowel sign I before the consonants it follows, as it is drawn', async () => {
    const { texts } = await typeset(['हिन्दी', 'स्थिति', 'क़िला', 'कहा कि']);
    expect(texts).toEqual([`\u093Fहन्दी`, `\u093Fस्थ\u093Fत`, `\u093Fक़ला`, `कहा ${ZWSP}\u093Fक`]);
  });

  it('leaves out what no font has, rather than have satori fetch a font for it', async () => {
    const { texts } = await typeset(['Talks 😀 resume تجربة 新闻']);
    expect(texts).toEqual(['Talks  resume  新闻']);
  });
});

describe('the preview image', () => {
  let id: string;
  beforeAll(async () => {
    const request = shareRequest.parse({
      ...(await seedShareRequest()),
      title: 'हिन्दी में समाचार 😀 — تجربة — 新闻',
    });
    id = (await shareStore().create(request)).id;
  });

  it('is a 1200×630 PNG, drawn without fetching anything', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const response = await Image({ params: Promise.resolve({ locale: 'hi', id }) });
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // Satori loads its own layout engine from a data: URL; anything else would be a font download.
    const fetched = fetch.mock.calls.map(([url]) => String(url)).filter((url) => !url.startsWith('data:'));
    expect(fetched).toEqual([]);
    fetch.mockRestore();
  });
});
