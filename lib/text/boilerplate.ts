/**
 * Strips the page furniture that comes along when a reader copies an article from a news site: share buttons,
 * "Check Also" link lists, bylines, cookie banners. It errs towards keeping text — a line is removed only when
 * its whole content is a known marker, or when its position and shape leave no doubt (a lone name under the
 * headline). Everything removed is returned with its line number so the UI can show it and offer it back.
 */

export const BOILERPLATE_REASONS = [
  'related-links',
  'share',
  'byline',
  'navigation',
  'subscribe',
  'advertisement',
  'cookie-notice',
] as const;
export type BoilerplateReason = (typeof BOILERPLATE_REASONS)[number];

export interface RemovedLine {
  /** The line as it was in the input. */
  line: string;
  /** Its 0-based line number in the input. */
  index: number;
  reason: BoilerplateReason;
}

/** Headings that introduce a list of other stories ("Check Also", "Читайте также", "相关阅读", "यह भी पढ़ें"). */
const RELATED_HEADING =
  /^(check also|related|related (articles|stories|posts|news|content|coverage|reading|topics)|more (stories|news|articles)|more from .{1,40}|you (may|might) also like|recommended( for you)?|see also|read more|read also|also read|more on this story|читайте также|смотрите также|по теме|материалы по теме|相关阅读|相关新闻|相关文章|相关报道|推荐阅读|延伸阅读|यह भी पढ़ें|ये भी पढ़ें|और पढ़ें|संबंधित खबरें|संबंधित ख़बरें)$/iu;

/**
 * The same markers inline with one linked title: "Read more: Talks stall in Geneva". A dash or bar counts only
 * with spaces round it, so "Related-party deals…" stays.
 */
const RELATED_LINK =
  /^(read more|read also|also read|see also|related|читайте также|смотрите также|по теме|相关阅读|延伸阅读|推荐阅读|यह भी पढ़ें|ये भी पढ़ें|और पढ़ें)(\s*[:：]|\s+[|–—-]\s)\s*\S/iu;

const SHARE =
  /^(share|share this( article| story| post| page)?|share on \p{L}+|tweet( this)?|email|print|facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|поделиться|分享|分享到|微信|微博|शेयर करें)$/iu;

const SUBSCRIBE =
  /^(subscribe( now| today)?$|subscribe (to|for) (our|the) |sign up (for|to) (our|the) |follow us( on| at| for|$)|подпишитесь на |подписывайтесь на |关注我们|订阅我们|हमें फॉलो करें|सब्सक्राइब करें)/iu;

const ADVERTISEMENT = /^(advertisement|advertising|sponsored( content)?|реклама|广告|विज्ञापन)$/iu;

const NAVIGATION =
  /^(skip to (main )?content|back to top|(previous|next) (article|post|story)|home|menu|главная|首页|返回顶部|上一篇|下一篇)$/iu;
// Breadcrumbs ("Home › World › Middle East") and tag lists ("Tags: Syria, Russia").
const NAVIGATION_LINE = /^((home|главная|首页)\s*[›»>/|]|(tags|теги|标签)\s*[:：])/iu;

// Only the way banners phrase it, at the start of the line; an article *about* cookie rules reads otherwise.
const COOKIE_NOTICE =
  /^(we|this (web)?site|our (web)?site) uses? cookies\b|^accept (all )?cookies$|^cookie (settings|preferences|policy)$|\bagree to (our|the) use of cookies\b|^мы используем (файлы )?cookie/iu;

/** A labelled credit line: "Author: …", "责任编辑：张三", "Reporting by … ; Editing by …". */
const CREDIT_LINE =
  /^((author|автор|редактор|责任编辑|编辑|作者|记者|लेखक|संपादक)\s*[:：]\s*\S|(additional )?(reporting|writing|editing) by )/iu;

/** Lines of page furniture are short; anything longer is prose even if it starts like a marker. */
const MAX_MARKER_LENGTH = 250;
/** "Subscribe to our newsletter…" is a button or a one-liner; a longer line is a sentence that happens to start so. */
const MAX_CALL_TO_ACTION_LENGTH = 100;

/** The line without decoration, so "— Advertisement —" and "Related articles:" match their markers. */
function core(line: string): string {
  return line.trim().replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}

/** Reasons that follow from a line's content alone, wherever it stands. */
function markerReason(line: string): BoilerplateReason | undefined {
  const text = line.trim();
  if (text.length > MAX_MARKER_LENGTH) return undefined;
  const bare = core(text);
  if (RELATED_HEADING.test(bare) || RELATED_LINK.test(text)) return 'related-links';
  if (SHARE.test(bare)) return 'share';
  if (SUBSCRIBE.test(bare) && bare.length <= MAX_CALL_TO_ACTION_LENGTH) return 'subscribe';
  if (ADVERTISEMENT.test(bare)) return 'advertisement';
  if (NAVIGATION.test(bare) || NAVIGATION_LINE.test(text)) return 'navigation';
  if (COOKIE_NOTICE.test(text)) return 'cookie-notice';
  if (CREDIT_LINE.test(text) || (/^by\s/iu.test(text) && isPersonName(text.slice(3)))) return 'byline';
  return undefined;
}

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*(?:[-’'][\p{Lu}\p{Ll}][\p{Ll}\p{M}]*)*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const NAME_PARTICLES = new Set('al bin da de del der di el ibn la le van von'.split(' '));

/** "Hazem Sabbagh", "John F. Kennedy", "Staffan de Mistura": 2–4 capitalised words, nothing else. */
function isPersonName(line: string): boolean {
  const words = line.trim().split(/\s+/u);
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (!NAME_WORD.test(first) || !NAME_WORD.test(last)) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NAME_WORD.test(word)) capitalised++;
    else if (!INITIAL.test(word) && !NAME_PARTICLES.has(word)) return false;
  }
  return capitalised >= 2 && capitalised <= 4;
}

/** Non-space characters: the measure of how much article is on either side of a heading. */
function contentLength(lines: readonly string[]): number {
  return lines.join('').replace(/\s+/gu, '').length;
}

// A line that ends like a finished sentence. A teaser cut short with "…" does not; link titles rarely do.
const FINISHED_SENTENCE = /[.!?。！？।॥]["'”’»)）\]]*$/u;

/**
 * A "Check Also" heading ends the article when what follows it is shorter than what precedes it and holds no
 * finished sentence (only link titles and "…" teasers); then everything after it goes with it. Elsewhere the
 * heading line alone goes, since body text may follow.
 */
function findTrailingSection(lines: readonly string[], firstContentLine: number): number {
  for (let i = firstContentLine + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > MAX_MARKER_LENGTH || !RELATED_HEADING.test(core(line))) continue;
    const tail = lines.slice(i + 1);
    const isShort = contentLength(tail) < contentLength(lines.slice(0, i));
    if (isShort && !tail.some((next) => FINISHED_SENTENCE.test(next.trim()))) return i;
  }
  return lines.length;
}

export function stripBoilerplate(text: string): { body: string; removed: RemovedLine[] } {
  const lines = text.split(/\r\n?|\n/u);
  const reasons = new Map<number, BoilerplateReason>();
  const firstContentLine = lines.findIndex((line) => line.trim() !== '');

  const trailingStart = findTrailingSection(lines, firstContentLine);
  lines.forEach((line, index) => {
    if (line.trim() === '' || index === firstContentLine) return;
    const reason = markerReason(line) ?? (index >= trailingStart ? 'related-links' : undefined);
    if (reason) reasons.set(index, reason);
  });

  // A lone name is a byline only where bylines sit: right under the headline, or last in the article.
  const kept = lines.flatMap((line, index) => (line.trim() !== '' && !reasons.has(index) ? [index] : []));
  if (kept.length > 2) {
    const underHeadline = kept[1] ?? -1;
    if (isPersonName(lines[underHeadline] ?? '')) reasons.set(underHeadline, 'byline');
    const last = kept.at(-1) ?? -1;
    if (last !== underHeadline && isPersonName(lines[last] ?? '')) reasons.set(last, 'byline');
  }

  const removed = [...reasons]
    .sort(([a], [b]) => a - b)
    .map(([index, reason]) => ({ line: lines[index] ?? '', index, reason }));
  const body = lines
    .filter((_, index) => !reasons.has(index))
    .join('\n')
    .replace(/\n(?:[^\S\n]*\n){2,}/gu, '\n\n')
    .trim();
  return { body, removed };
}
