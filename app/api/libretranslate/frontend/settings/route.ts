import { libreResponse } from '@/lib/libretranslate/respond';
import { frontendSettings } from '@/lib/libretranslate/settings';

// BITEXT_REQUIRE_API_KEY is read at run time, not at build time.
export const dynamic = 'force-dynamic';

export function GET() {
  return libreResponse(async () => frontendSettings());
}
