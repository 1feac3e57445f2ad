import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';

const dataDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-keys-`);
  process.env.BITEXT_REQUIRE_API_KEY = '1';
  return process.env.BITEXT_DATA_DIR;
});

import { POST as detect } from '@/app/api/libretranslate/detect/route';
import { GET as settings } from '@/app/api/libretranslate/frontend/settings/route';
import { GET as languages } from '@/app/api/libretranslate/languages/route';
import { POST as translateFile } from '@/app/api/libretranslate/translate_file/route';
import { POST as translate } from '@/app/api/libretranslate/translate/route';
import { POST as webTranslate } from '@/app/api/v1/translate/route';
import { fileRequest, jsonRequest, read } from '../support/libretranslate';
import { postRequest } from '../support/requests';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm run keys -- …`, as an operator types it, on this test's database. */
async function keys(...args: string[]) {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  return promisify(execFile)(tsx, ['--conditions=react-server', 'scripts/keys.ts', ...args], {
    cwd: root,
    env: { ...process.env, BITEXT_DATA_DIR: dataDir },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const HELLO = { q: 'Hello', source: 'en', target: 'ru' };

describe('BITEXT_REQUIRE_API_KEY=1', () => {
  it('answers 403 without a valid key on translate, detect and translate_file', async () => {
    for (const response of [
      translate(jsonRequest('/translate', HELLO)),
      translate(jsonRequest('/translate', { ...HELLO, api_key: '' })),
      translate(jsonRequest('/translate', { ...HELLO, api_key: 'made-up' })),
      detect(jsonRequest('/detect', { q: 'Hello there, how are you today?' })),
      translateFile(fileRequest({ source: 'en', target: 'ru' }, { name: 'a.txt', text: 'Hello' })),
    ]) {
      const { status, body } = await read(response);
      expect(status).toBe(403);
      expect(body.error).toMatch(/API key/);
    }
  });

  it('still lists languages and settings (Mastodon asks for them without a key), and says a key is required', async () => {
    expect((await languages()).status).toBe(200);
    expect((await read(settings())).body).toMatchObject({ keyRequired: true, apiKeys: true });
  });

  it('leaves the web UI alone', async () => {
    const response = await webTranslate(
      postRequest('http://127.0.0.1/api/v1/translate', { text: 'Hello.', source: 'en', target: 'ru' }),
    );
    expect(response.status).toBe(200);
  });

  it('keys made with `npm run keys` work, keep their own rate, are listed without the secret and can be revoked', async () => {
    const created = await keys('create', '--name', 'mastodon', '--rate', '2/min');
    expect(created.code).toBe(0);
    const key = /^\s*key:\s*(\S+)\s*$/m.exec(created.stdout)?.[1];
    expect(key).toBeTruthy();

    for (let i = 0; i < 2; i++) {
      const { status, body } = await read(translate(jsonRequest('/translate', { ...HELLO, api_key: key })));
      expect({ status, body }).toEqual({ status: 200, body: { translatedText: 'Хелло' } });
    }
    const limited = await read(translate(jsonRequest('/translate', { ...HELLO, api_key: key })));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60'); // the key's one-minute window

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/mastodon\s+2\/min/);
    expect(listed.stdout).not.toContain(key!);

    expect((await keys('create', '--name', 'mastodon')).code).not.toBe(0);
    expect((await keys('create', '--name', 'other', '--rate', 'fast')).code).not.toBe(0);

    const revoked = await keys('revoke', 'mastodon');
    expect(revoked.code).toBe(0);
    expect((await translate(jsonRequest('/translate', { ...HELLO, api_key: key }))).status).toBe(403);
    expect((await keys('revoke', 'mastodon')).code).not.toBe(0);
    expect((await keys('list')).stdout).not.toMatch(/mastodon/);
  });
});
