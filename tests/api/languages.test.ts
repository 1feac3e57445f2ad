import { describe, expect, it, vi } from 'vitest';

// Real models (the default profile), non-commercial ones allowed (the default).
vi.hoisted(() => {
  process.env.BITEXT_MODEL_PROFILE = 'default';
});

import { GET as languages } from '@/app/api/v1/languages/route';

describe('GET /api/v1/languages', () => {
  it("names each target's models with their licences, NLLB-200's non-commercial one included", async () => {
    const body = (await (await languages()).json()) as {
      languages: { code: string; targets: string[]; routes: Record<string, unknown> }[];
    };
    const en = body.languages.find((l) => l.code === 'en')!;
    expect(en.targets).toContain('pt');
    expect(en.routes.pt).toEqual([{ model: 'Xenova/nllb-200-distilled-600M', license: 'CC-BY-NC-4.0' }]);
    expect(en.routes['zh-Hans']).toEqual([{ model: 'Xenova/opus-mt-en-zh', license: 'Apache-2.0' }]);
    expect(Object.keys(en.routes)).toEqual(en.targets);
  });
});
