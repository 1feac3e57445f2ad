import { romanizeText } from '@/lib/romanize/text';
import { romanizeRequest } from '@/lib/schemas/api';
import { handle, readJson, supportedLanguage } from '@/lib/server/http';

export function POST(request: Request) {
  return handle(async () => {
    const { text, language } = await readJson(request, romanizeRequest);
    return romanizeText(text, supportedLanguage(language));
  });
}
