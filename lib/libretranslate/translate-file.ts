import 'server-only';
import path from 'node:path';
import { BitextError } from '@/lib/errors';
import type { PipelineContext } from '@/lib/pipeline/context';
import { translatedFiles } from './files';
import { htmlText, translateHtml } from './html';
import { fromLibreCode } from './languages';
import { checkCharLimit, decodeUtf8, type FileFields } from './request';
import { resolveSources, translateTexts } from './translate';

/** The formats /translate_file reads, by extension, with the type the download is served as. */
const FORMATS = {
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
} as const;

export const SUPPORTED_FILE_FORMATS = Object.keys(FORMATS);

const isFormat = (ext: string): ext is keyof typeof FORMATS => ext in FORMATS;

/** Translates an uploaded file and keeps the result for download; returns its id. */
export async function translateFile(
  { file, source, target }: FileFields,
  context: PipelineContext,
): Promise<string> {
  if (!file.name) throw new BitextError('bad_request', 'Invalid request: empty file');
  const ext = path.extname(file.name).toLowerCase();
  if (!isFormat(ext)) {
    throw new BitextError(
      'unsupported_content',
      `Invalid request: file format not supported (${SUPPORTED_FILE_FORMATS.join(', ')} are)`,
    );
  }
  const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  const prose = ext === '.html' ? htmlText(text) : text;
  checkCharLimit([prose]);
  const languages = { source: resolveSources([prose], source)[0]!.language, target: fromLibreCode(target) };
  const translate = (texts: string[]) => translateTexts(texts, languages, context);

  let translated: string;
  if (ext === '.html') {
    [translated = ''] = await translateHtml([text], translate, 'document');
  } else {
    // The file's own leading and trailing blank lines stay, so a translated file diffs cleanly.
    const [body = ''] = await translate([text]);
    translated = `${/^\s*/u.exec(text)![0]}${body}${/\s*$/u.exec(text)![0]}`;
  }
  return translatedFiles().save({
    name: file.name,
    contentType: FORMATS[ext],
    body: new TextEncoder().encode(translated),
  });
}
