import { translatedFiles } from '@/lib/libretranslate/files';
import { libreResponse } from '@/lib/libretranslate/respond';

interface Params {
  params: Promise<{ id: string }>;
}

/** The name as a header can carry it: ASCII in `filename`, the exact name in RFC 5987's `filename*`. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\w .()-]/gu, '_');
  return ascii === name
    ? `attachment; filename="${name}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// No key needed: the address itself is the secret (unguessable), as in LibreTranslate.
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return libreResponse(async () => {
    const file = await translatedFiles().read(id);
    return new Response(Buffer.from(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-disposition': disposition(file.name),
        'cache-control': 'private, no-store',
      },
    });
  });
}
