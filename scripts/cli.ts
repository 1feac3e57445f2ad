/**
 * bitext CLI: `npm run -s cli -- <detect|summarize|translate|digest> <file|-> [--to ru,zh-Hans,hi]
 * [--mode extractive|abstractive] [--type key-points|tldr|headline] [--length short|medium|long] [--romanize]
 * [--json]`.
 * Progress goes to stderr, the result to stdout, so `--json` output can be piped. `--json` prints what the
 * matching endpoint answers (translate: one answer per target, in order).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { detectLanguage } from '@/lib/detect';
import { isBitextError } from '@/lib/errors';
import type { ProgressEvent } from '@/lib/pipeline/events';
import { digest } from '@/lib/pipeline/digest';
import { summaryFailed } from '@/lib/pipeline/parts';
import { summarizeText, translateText, type TextTranslation } from '@/lib/pipeline/tasks';
import type { Segment } from '@/lib/pipeline/translate';
import { serverPipelineContext } from '@/lib/server/engine';
import { supportedLanguage } from '@/lib/server/http';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';

const USAGE = `Usage: npm run -s cli -- <detect|summarize|translate|digest> <file|-> [options]
  --to ru,zh-Hans,hi     target languages (translate, digest)
  --from en              source language (default: detected)
  --mode extractive|abstractive   summary mode (default extractive)
  --type key-points|tldr|headline (default key-points)
  --length short|medium|long      (default medium)
  --romanize             add each sentence's Latin form (Chinese, Hindi, Russian, Ukrainian)
  --json                 print JSON`;

const optionsSchema = z.object({
  command: z.enum(['detect', 'summarize', 'translate', 'digest']),
  input: z.string(),
  to: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((code) => supportedLanguage(code.trim())) : [])),
  from: z.string().optional(),
  mode: z.enum(SUMMARY_MODES).default('extractive'),
  type: z.enum(SUMMARY_TYPES).default('key-points'),
  length: z.enum(SUMMARY_LENGTHS).default('medium'),
  romanize: z.boolean().default(false),
  json: z.boolean().default(false),
});

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      mode: { type: 'string' },
      type: { type: 'string' },
      length: { type: 'string' },
      romanize: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 2) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const parsed = optionsSchema.safeParse({ ...values, command: positionals[0], input: positionals[1] });
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n\n${USAGE}`);
    process.exit(2);
  }
  return parsed.data;
}

async function readInput(input: string): Promise<string> {
  if (input !== '-') return readFile(input, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reportProgress(event: ProgressEvent): void {
  if (event.type === 'model') {
    const detail =
      event.status === 'ready'
        ? 'ready'
        : `${event.file} ${(event.loaded / 1e6).toFixed(1)}/${(event.total / 1e6).toFixed(1)} MB`;
    process.stderr.write(`model ${event.model}: ${detail}\n`);
  } else {
    const what = event.language ? `${event.task} → ${event.language}` : event.task;
    process.stderr.write(`${what}: ${event.done}/${event.total}\n`);
  }
}

/** Doubtful translations on stderr, so the reader of plain output knows too (`--json` carries the flag). */
function reportDoubts(target: string, segments: readonly Segment[]): void {
  for (const { target: text, doubtful } of segments)
    if (doubtful) process.stderr.write(`${target}: doubtful (${doubtful}): ${text}\n`);
}

/** The translation as printed: its paragraphs, or with romanisation each sentence over its Latin form. */
function translationLines(result: TextTranslation): string {
  if (!result.segments.some((s) => s.latin !== undefined)) return result.translation;
  return result.segments
    .map((s) => (s.latin === undefined ? s.target : `${s.target}\n${s.latin}`))
    .join('\n\n');
}

async function run(): Promise<number> {
  const options = parseCli(process.argv.slice(2));
  const text = await readInput(options.input);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const context = { ...serverPipelineContext(controller.signal), onProgress: reportProgress };
  const source = supportedLanguage(options.from);
  const summary = { mode: options.mode, type: options.type, length: options.length };
  const print = (value: unknown, human: string) =>
    process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);

  switch (options.command) {
    case 'detect': {
      const detection = detectLanguage(text);
      print(detection, `${detection.language} (${(detection.confidence * 100).toFixed(0)}%)`);
      return 0;
    }
    case 'summarize': {
      const result = await summarizeText(text, { ...summary, language: source }, context);
      print(result, result.summary);
      return 0;
    }
    case 'translate': {
      if (options.to.length === 0) throw new Error('translate needs --to');
      const results = [];
      for (const target of options.to)
        results.push(await translateText({ text }, { source, target, romanize: options.romanize }, context));
      print(results, results.map((r) => `[${r.target}]\n${translationLines(r)}`).join('\n\n'));
      for (const r of results) reportDoubts(r.target, r.segments);
      return 0;
    }
    case 'digest': {
      const result = await digest(
        { text, source, targets: options.to, summary, translate: 'both', romanize: options.romanize },
        context,
      );
      const failed = [
        ...(summaryFailed(result.summary) ? [['summary', result.summary] as const] : []),
        ...Object.entries(result.translations).filter(([, t]) => t.error),
      ];
      for (const [part, t] of failed)
        process.stderr.write(`${part}: ${t.error?.code}: ${t.error?.message}\n`);
      for (const [code, t] of Object.entries(result.translations)) reportDoubts(code, t.segments ?? []);
      // The whole result, as GET /api/v1/digests/{id} gives it once done.
      print(
        result,
        [
          `Language: ${result.language}`,
          summaryFailed(result.summary) ? result.summary.error.code : result.summary.text,
          ...Object.entries(result.translations).map(
            ([code, t]) => `\n[${code}]\n${t.summary?.text ?? t.error?.code ?? ''}`,
          ),
        ].join('\n'),
      );
      return failed.length > 0 ? 1 : 0;
    }
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isBitextError(error)) {
      console.error(`${error.code}: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
