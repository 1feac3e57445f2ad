import { BitextError } from '@/lib/errors';

/** A Word document's paragraphs as plain text (mammoth's raw text: one blank line between paragraphs). */
export async function readDocx(data: ArrayBuffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer` (JSZip takes an ArrayBuffer too).
    const input = { arrayBuffer: data, buffer: data as unknown as Buffer };
    const { value } = await mammoth.extractRawText(input);
    return value;
  } catch (error) {
    throw new BitextError('file_corrupt', `The Word document could not be read (${String(error)}).`);
  }
}
