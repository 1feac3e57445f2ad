import { libreResponse } from '@/lib/libretranslate/respond';
import { libreLanguages } from '@/lib/libretranslate/settings';

// The answer depends on the model profile, read at run time, not at build time.
export const dynamic = 'force-dynamic';

// Open to all, key or not, as in LibreTranslate: Mastodon asks for it without its key.
export function GET() {
  return libreResponse(async () => libreLanguages());
}
