import { detectLanguage } from '@/lib/detect';
import { detectRequest } from '@/lib/schemas/api';
import { handle, readJson } from '@/lib/server/http';

export function POST(request: Request) {
  return handle(async () => {
    const { text } = await readJson(request, detectRequest);
    return detectLanguage(text);
  });
}
