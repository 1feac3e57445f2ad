import { notFound } from 'next/navigation';
import { ImageResponse } from 'next/og';

import { getLanguage } from '@/lib/langs';
import { excerpt, sharePreview } from '@/lib/share-links';
import { loadShare } from './load-share';
import { OG_FONT_FAMILY, typeset } from './og-fonts';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

const nativeName = (code: string) => getLanguage(code)?.nativeName ?? code;

/**
 * The link preview: the article's title and the start of its summary, under the languages it reads in, each
 * named in its own script ("English → Русский · 简体中文 · हिन्दी").
 */
export default async function Image({ params }: Props) {
  const { id } = await params;
  const loaded = await loadShare(id);
  if (loaded.status !== 'found') notFound();
  const { share } = loaded;
  const preview = sharePreview(share);
  const { texts, fonts } = await typeset([
    `${nativeName(share.source.language)} → ${Object.keys(share.translations).map(nativeName).join(' · ')}`,
    excerpt(preview.title, 90),
    excerpt(preview.summary, 220),
  ]);
  const [languages, title, summary] = texts;

  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: '#ffffff',
        color: '#171717',
        fontFamily: OG_FONT_FAMILY,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 24, fontSize: 30 }}>
        <span style={{ fontWeight: 700, color: '#1d4ed8' }}>Bitext</span>
        <span style={{ color: '#525252' }}>{languages}</span>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 28 }}>
        <div style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.2 }}>{title}</div>
        <div style={{ fontSize: 30, lineHeight: 1.45, color: '#404040' }}>{summary}</div>
      </div>
    </div>,
    { ...size, fonts },
  );
}
