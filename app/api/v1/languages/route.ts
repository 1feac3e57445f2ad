import { listLanguages } from '@/lib/server/languages';

// The answer depends on the model profile, read at run time, not at build time.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ languages: listLanguages() });
}
