/**
 * Language detection: how often each candidate library names the language of the short sentences (5–10
 * words) and of the passages and whole articles in tests/detect, per language; how well Bitext's
 * confidence is calibrated (on every prefix, in steps of five characters); and what the libraries weigh.
 * Bitext's detector and its two parts (eld, franc) always run; tinyld and cld3-asm (the other libraries
 * measured when eld was chosen) run when installed: `npm install --no-save tinyld cld3-asm`.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { eld } from 'eld/extrasmall';
import { franc } from 'franc';
import { detectLanguage } from '@/lib/detect';
import { ELD_CHINESE, KEY_OF_FRANC } from '@/lib/detect/candidates';
import { chineseScriptShares } from '@/lib/detect/chinese-script';
import { LANGUAGES } from '@/lib/langs';
import { LONG_CASES, SHORT_CASES, type DetectionCase } from '@/tests/detect/detection-cases';
import type { BenchRow, BenchSection } from './report';
import { round } from './stats';

/** A library's answer as one of our codes (or anything else when it names another language). */
type Detect = (text: string) => string;

/** Libraries answer Chinese as one language; Bitext's Han-script rule splits them all alike. */
function splitChinese(text: string): string {
  const { hans, hant } = chineseScriptShares(text);
  return hant > hans ? 'zh-Hant' : 'zh-Hans';
}

/** ISO 639-1 answers ("zh", "zh-Latn" and "zh-TW" are Chinese). */
function fromIso1(code: string, text: string): string {
  return code.split('-')[0] === ELD_CHINESE ? splitChinese(text) : code;
}

async function optional(name: string): Promise<unknown> {
  // A specifier in a variable: these packages are not dependencies, and the bench runs without them.
  return import(name).catch(() => undefined);
}

async function libraries(): Promise<{ detectors: Record<string, Detect>; missing: string[] }> {
  const detectors: Record<string, Detect> = {
    bitext: (text) => detectLanguage(text).language,
    'eld/extrasmall': (text) => fromIso1(eld.detect(text).language, text),
    franc: (text) => fromIso1(KEY_OF_FRANC.get(franc(text, { minLength: 1 })) ?? 'und', text),
  };
  const missing: string[] = [];
  const tinyld = (await optional('tinyld')) as { detect(text: string): string } | undefined;
  if (tinyld) detectors.tinyld = (text) => fromIso1(tinyld.detect(text), text);
  else missing.push('tinyld');
  const cld3 = (await optional('cld3-asm')) as
    | {
        loadModule(): Promise<{
          create(min: number, max: number): { findLanguage(t: string): { language: string } };
        }>;
      }
    | undefined;
  if (cld3) {
    const identifier = (await cld3.loadModule()).create(0, 1000);
    detectors['cld3-asm'] = (text) => fromIso1(identifier.findLanguage(text).language, text);
  } else missing.push('cld3-asm');
  return { detectors, missing };
}

function score(detect: Detect, cases: readonly DetectionCase[]) {
  const byLanguage = new Map<string, { right: number; total: number }>();
  let right = 0;
  let unsure = 0;
  for (const { language, text } of cases) {
    const answer = detect(text);
    const tally = byLanguage.get(language) ?? { right: 0, total: 0 };
    tally.total++;
    if (answer === language) {
      tally.right++;
      right++;
    }
    if (answer === 'und' || answer === '') unsure++;
    byLanguage.set(language, tally);
  }
  return { right, total: cases.length, unsure, byLanguage: Object.fromEntries(byLanguage) };
}

function accuracyRow(name: string, set: string, result: ReturnType<typeof score>): BenchRow {
  const weak = LANGUAGES.flatMap(({ code }) => {
    const tally = result.byLanguage[code];
    return tally && tally.right < tally.total ? [`${code} ${tally.right}/${tally.total}`] : [];
  });
  return {
    metric: `${name}: ${set} right`,
    value: round((100 * result.right) / result.total, 1),
    unit: '%',
    note: `${result.right}/${result.total}, ${result.unsure} undetermined${weak.length ? `; missed in ${weak.join(', ')}` : ''}`,
  };
}

/** How often Bitext is right at each level of the confidence it states, on prefixes of every case. */
function calibration() {
  const bins = [0.7, 0.8, 0.9, 0.95, 1.000001].map((upper, i, all) => ({
    from: i ? all[i - 1]! : 0,
    upper,
    right: 0,
    total: 0,
  }));
  let undetermined = 0;
  for (const { language, text } of [...SHORT_CASES, ...LONG_CASES]) {
    for (let length = 15; length <= Math.min(text.length, 400); length += 5) {
      const detection = detectLanguage(text.slice(0, length));
      if (detection.language === 'und') {
        undetermined++;
        continue;
      }
      const bin = bins.find((b) => detection.confidence >= b.from && detection.confidence < b.upper)!;
      bin.total++;
      if (detection.language === language) bin.right++;
    }
  }
  return { bins, undetermined };
}

const NODE_MODULES = new URL('../../node_modules/', import.meta.url);

/** Raw and gzip bytes of the package files (under node_modules) that a bundle takes in. */
async function weight(files: string[]) {
  const contents = await Promise.all(files.map((file) => readFile(new URL(file, NODE_MODULES))));
  const raw = contents.reduce((sum, c) => sum + c.length, 0);
  const gzip = contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0);
  return { raw, gzip };
}

export async function benchDetect(): Promise<BenchSection> {
  const { detectors, missing } = await libraries();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { missing };
  for (const [name, detect] of Object.entries(detectors)) {
    const short = score(detect, SHORT_CASES);
    const long = score(detect, LONG_CASES);
    rows.push(accuracyRow(name, 'short sentences', short), accuracyRow(name, 'passages and articles', long));
    details[name] = { short, long };
  }
  if (missing.length)
    rows.push({
      metric: 'not measured',
      value: missing.length,
      unit: '',
      note: `npm install --no-save ${missing.join(' ')}`,
    });

  const { bins, undetermined } = calibration();
  for (const bin of bins.filter((b) => b.total)) {
    rows.push({
      metric: `bitext: right when ${bin.from}–${Math.min(1, bin.upper)} sure`,
      value: round((100 * bin.right) / bin.total, 1),
      unit: '%',
      note: `${bin.right}/${bin.total} prefixes`,
    });
  }
  rows.push({ metric: 'bitext: prefixes left undetermined', value: undetermined, unit: '' });

  const sizes = {
    'eld/extrasmall': await weight(
      [
        'entries/static.extrasmall.js',
        'ngrams/extrasmall.js',
        'languageDetector.js',
        'LanguageResult.js',
        'avgScore.js',
        'dictionary.js',
        'isoLanguages.js',
        'languageData.js',
        'regexPatterns.js',
        'saveLanguageSubset.dev.js',
      ].map((file) => `eld/src/${file}`),
    ),
    franc: await weight(
      [
        'franc/index.js',
        'franc/data.js',
        'franc/expressions.js',
        'trigram-utils',
        'n-gram',
        'collapse-white-space',
      ].map((file) => (file.includes('/') ? file : `${file}/index.js`)),
    ),
  };
  for (const [name, { raw, gzip }] of Object.entries(sizes)) {
    rows.push({
      metric: `${name}: size`,
      value: round(gzip / 1024, 0),
      unit: 'kB gzip',
      note: `${round(raw / 1024, 0)} kB raw`,
    });
  }
  details.sizes = sizes;
  details.calibration = { bins, undetermined };
  return { name: 'detect', rows, details };
}
