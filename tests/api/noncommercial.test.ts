import { describe, expect, it, vi } from 'vitest';

// The server engine reads its environment once, on first use: set it before any import. Real models, none
// of them present: every answer here is decided before a model would load.
await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'default';
  process.env.BITEXT_ALLOW_REMOTE_MODELS = '0';
  process.env.BITEXT_MODELS_DIR = mkdtempSync(`${tmpdir()}/bitext-no-models-`);
  process.env.BITEXT_ALLOW_NONCOMMERCIAL = '0';
});

import { GET as languages } from '@/app/api/v1/languages/route';
import { POST as translate } from '@/app/api/v1/translate/route';
import { postRequest } from '../support/requests';

interface Listed {
  code: string;
  targets: string[];
  routes: Record<string, { model: string; license: string }[]>;
}

async function listed(code: string): Promise<Listed> {
  const body = (await (await languages()).json()) as { languages: Listed[] };
  return body.languages.find((l) => l.code === code)!;
}

describe('BITEXT_ALLOW_NONCOMMERCIAL=0', () => {
  it('lists no target that only NLLB-200 (CC-BY-NC-4.0) serves, and routes the others without it', async () => {
    const en = await listed('en');
    expect(en.targets).toContain('ru');
    expect(en.targets).not.toContain('pt');
    expect(en.routes.ru).toEqual([{ model: 'Xenova/opus-mt-en-ru', license: 'Apache-2.0' }]);
    expect((await listed('ru')).routes.hi).toEqual([
      { model: 'Xenova/opus-mt-ru-en', license: 'CC-BY-4.0' },
      { model: 'Xenova/opus-mt-en-hi', license: 'Apache-2.0' },
    ]);
  });

  it('answers a translation only NLLB-200 could make with 422 noncommercial_disallowed', async () => {
    const response = await translate(
      postRequest('http://127.0.0.1/api/v1/translate', {
        text: 'The minister spoke on Monday.',
        source: 'en',
        target: 'pt',
      }),
    );
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('noncommercial_disallowed');
    expect(error.message).toMatch(/nllb-200.*CC-BY-NC-4\.0.*BITEXT_ALLOW_NONCOMMERCIAL/i);
  });
});
