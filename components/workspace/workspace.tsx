'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';

import { useDetection } from '@/hooks/use-detection';
import { resolveEngine, useAutoEngine, useDigest, type DigestView } from '@/hooks/use-digest';
import type { HistoryEntry } from '@/hooks/use-history';
import { useOnline } from '@/hooks/use-online';
import { useServiceWorker } from '@/hooks/use-service-worker';
import { TYPING_PAUSE_MS, useSettledValue } from '@/hooks/use-settled-value';
import { useStoredState } from '@/hooks/use-stored-state';
import { UNDETERMINED, type LanguageCode } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';
import type { DigestRequest } from '@/lib/pipeline/digest';
import { cleanArticle } from '@/lib/pipeline/document';
import type { WorkerSettings } from '@/lib/pipeline/protocol';
import { isArticleText } from '@/lib/schemas/rules';
import { ArticleFileDrop } from '../reading/article-file-drop';
import { MyShares } from '../share/my-shares';
import { Button } from '../ui/button';
import { reveal } from '../ui/reveal';
import { SkipLink } from '../ui/skip-link';
import { ArticleInput, replaceAsEdit } from './article-input';
import { DigestOptions } from './digest-options';
import { LanguageProvider, type LanguageOption } from './language-context';
import { OfflineBanner } from './offline-banner';
import { RemovedLines } from './removed-lines';
import { RunControls } from './run-controls';
import { RunProgress } from './run-progress';
import { SAMPLE_ARTICLE } from './sample-article';
import { SourceLanguage, type SourceChoice } from './source-language';
import { TargetPicker } from './target-picker';
import { UrlImport, type ExtractedArticle } from './url-import';
import {
  DEFAULT_OPTIONS,
  OPTIONS_KEY,
  parseWorkspaceOptions,
  TEXT_KEY,
  type WorkspaceOptions,
} from './workspace-options';

interface Props {
  /** From the server: where the browser engine gets its models. */
  settings: WorkerSettings;
  languages: LanguageOption[];
}

// Not needed before a run: the panes and what they bring (romanization for pronunciation, Markdown export)
// load once the article's language is known, as the models do, so that Run finds them here (and the service
// worker has them for a run offline).
const loadResultsView = () => import('../results/results-view').then((module) => module.ResultsView);
const ResultsView = dynamic(loadResultsView);
// Shown only after a finished run, and it brings the share schema (and with it zod): loaded then, not on the
// first visit.
const ShareButton = dynamic(() => import('../share/share-button').then((module) => module.ShareButton));
// Its entries live in this browser's IndexedDB, so there is nothing to render on the server; and it brings
// idb-keyval, which the first paint does not need.
// Memoised here, as the form's parts are in their own files: the workspace renders again on every keystroke
// and every progress event of a run, and neither changes what these show.
const History = memo(
  dynamic(() => import('../reading/history').then((module) => module.History), { ssr: false }),
);
const SavedShares = memo(MyShares);

function parseText(stored: unknown): string {
  return typeof stored === 'string' ? stored : '';
}

/** The page people come for: paste or import an article, choose, run, read the results side by side. */
export function Workspace({ settings, languages }: Props) {
  useServiceWorker();
  return (
    <LanguageProvider languages={languages}>
      <WorkspaceForm settings={settings} />
    </LanguageProvider>
  );
}

function WorkspaceForm({ settings }: { settings: WorkerSettings }) {
  const t = useTranslations('Workspace');
  const [text, setText] = useStoredState(TEXT_KEY, parseText, '', 'tab');
  const [options, setOptions] = useStoredState(OPTIONS_KEY, parseWorkspaceOptions, DEFAULT_OPTIONS);
  // Not stored: a language chosen for one article is wrong for the next one pasted.
  const [source, setSource] = useState<SourceChoice>('auto');
  const [runLanguage, setRunLanguage] = useState<string>();
  const online = useOnline();
  // Offline a Server choice cannot run: Auto (the browser, then) stands in for it, and the stored choice
  // comes back with the network.
  const engineChoice = !online && options.engine === 'server' ? 'auto' : options.engine;
  // Detection goes where the run will: in the browser, the article stays on this device.
  const engine = resolveEngine(engineChoice, useAutoEngine());
  const { detection, pending } = useDetection(text, engine);
  // A result reopened from history is shown instead of the last run's, until the next run.
  const [reopened, setReopened] = useState<HistoryEntry>();
  const reopenedView = useMemo<DigestView | undefined>(
    () => reopened && { status: 'done', request: reopened.request, result: reopened.result },
    [reopened],
  );
  const { state, run, cancel, prepare } = useDigest(settings);
  // The results (a thousand sentences at 100k characters) render behind Run, Cancel and the progress, which
  // answer at once; the panes follow in a render that yields to the next keystroke or click.
  const shown = useDeferredValue(state);

  // Cleaning a long article takes milliseconds: done when typing pauses, as detection is.
  const settledText = useSettledValue(text, TYPING_PAUSE_MS);
  const removed = useMemo(() => cleanArticle(settledText).removed, [settledText]);

  // While typing, the last detection stands (it is redone within a pause): chips and badge do not flicker.
  const detected = detection && detection.language !== UNDETERMINED ? detection.language : undefined;
  const language: LanguageCode | undefined = source === 'auto' ? detected : source;
  // Translating into the article's own language is pointless: such a target is skipped, not failed.
  const targets = options.targets.filter((code) => code !== language);
  const request: DigestRequest = {
    text,
    source: source === 'auto' ? undefined : source,
    targets,
    summary: { mode: options.mode, type: options.type, length: options.length },
    translate: options.translate,
  };
  // Undetermined and not chosen: the server would only fail to detect it again.
  const unknownLanguage = source === 'auto' && !pending && detection?.language === UNDETERMINED;
  const blocker = blockerOf(request, options.targets.length, unknownLanguage);
  const sourceSelect = useRef<HTMLSelectElement>(null);
  const running = state.status === 'running';

  // Once the article's language is known, the browser engine starts fetching the models this run will need,
  // so that Run finds them downloaded (or on their way) rather than starting the downloads itself.
  const plan =
    language && !pending && !blocker ? { source: language, targets, summary: request.summary } : undefined;
  const planKey = plan && JSON.stringify([plan, engineChoice]);
  const prepareNow = useEffectEvent(() => {
    if (plan) prepare(plan, engineChoice);
  });
  useEffect(() => {
    if (!planKey) return;
    prepareNow();
    // A failed fetch is not an error yet: rendering the results asks again.
    loadResultsView().catch(() => undefined);
  }, [planKey]);

  // On Run, the run's status and progress move to the top of the screen, with the results right below them.
  // If the progress has grown so tall that the results start in the lower half, the first result to arrive
  // brings them up. Once per run each, and not for a finished run brought back when the page remounts.
  const runArea = useRef<HTMLDivElement>(null);
  const resultsArea = useRef<HTMLDivElement>(null);
  const revealed = useRef({ progress: state.run, results: state.run });
  const hasResult =
    state.status === 'done' ||
    (running && (state.parts.summary !== undefined || Object.keys(state.parts.translations).length > 0));
  useEffect(() => {
    if (running && revealed.current.progress !== state.run) {
      revealed.current.progress = state.run;
      reveal(runArea.current, 'start');
    }
    if (hasResult && revealed.current.results !== state.run) {
      revealed.current.results = state.run;
      const top = resultsArea.current?.getBoundingClientRect().top;
      if (top !== undefined && top > window.innerHeight / 2) reveal(resultsArea.current, 'start');
    }
  }, [running, hasResult, state.run]);

  // Stable callbacks, so the memoised parts of the form skip the renders that do not concern them.
  const changeOptions = useCallback(
    (change: Partial<WorkspaceOptions>) => setOptions((current) => ({ ...current, ...change })),
    [setOptions],
  );
  const changeTargets = useCallback(
    (next: LanguageCode[]) => changeOptions({ targets: next }),
    [changeOptions],
  );

  const reopen = useCallback((entry: HistoryEntry) => {
    setReopened(entry);
    // The results take the place of the last run's: bring them into view, as Run does.
    requestAnimationFrame(() => document.getElementById('results-heading')?.scrollIntoView());
  }, []);

  const article = useRef<HTMLTextAreaElement>(null);
  // The reader's text that the sample or an import replaced, until they undo it or edit on.
  const [replaced, setReplaced] = useState<string>();

  const editText = useCallback(
    (next: string) => {
      setText(next);
      setReplaced(undefined);
    },
    [setText],
  );

  /** Puts `next` in the article as an edit Ctrl+Z can undo; returns the text it replaced. */
  function replaceText(next: string): string {
    const previous = text;
    if (!article.current || !replaceAsEdit(article.current, next)) editText(next);
    return previous;
  }

  function loadText(next: string) {
    const previous = replaceText(next);
    setSource('auto');
    // Typed or pasted text is never lost silently: an Undo offer stays until the reader moves on.
    if (previous.trim() !== '' && previous !== next) setReplaced(previous);
  }

  function undoReplace() {
    if (replaced !== undefined) replaceText(replaced);
    setReplaced(undefined);
  }

  const runButton = useRef<HTMLButtonElement>(null);

  function stop() {
    cancel();
    // Cancel is about to disappear: if it had the focus, Run takes it, rather than the page.
    if (runArea.current?.contains(document.activeElement)) runButton.current?.focus();
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (blocker === 'noLanguage') sourceSelect.current?.focus();
    if (running || blocker) return;
    setRunLanguage(language);
    setReopened(undefined);
    void run(request, engineChoice);
  }

  // Ctrl/Cmd+Enter runs from anywhere on the page, not only from inside the form; Escape cancels a run.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape' && running) {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // Memoised, as the memoised parts they are given to compare them by identity.
  const shownOptions = useMemo(() => ({ ...options, engine: engineChoice }), [options, engineChoice]);
  const share = useMemo(
    () =>
      shown.status === 'done' && (
        <ShareButton
          text={shown.request.text}
          result={shown.result}
          options={{ summary: shown.request.summary, translate: shown.request.translate }}
        />
      ),
    [shown],
  );

  const showsResults = reopened !== undefined || state.status !== 'idle';

  return (
    <div className="relative grid gap-10">
      {/* The article's form is a long way to Tab through to reach the results. */}
      {showsResults && <SkipLink href="#results-heading">{t('skipToResults')}</SkipLink>}
      <OfflineBanner offline={!online} />
      <section aria-labelledby="article-heading" className="workspace grid gap-4">
        <div className="flex flex-wrap items-center gap-2">
          {/* Focusable: the results' "Skip to article" lands here. */}
          <h2 id="article-heading" tabIndex={-1} className="me-auto text-xl font-semibold tracking-tight">
            {t('heading')}
          </h2>
          <Button onClick={() => loadText(SAMPLE_ARTICLE)}>{t('sample')}</Button>
          <UrlImport onImported={(article) => loadText(importedText(article))} />
        </div>

        <form onSubmit={submit} aria-labelledby="article-heading" className="workspace-form grid gap-6">
          <div className="grid content-start gap-3">
            <ArticleFileDrop onOpened={(opened) => loadText(importedText(opened))}>
              <ArticleInput text={text} onChange={editText} lang={language} textareaRef={article} />
            </ArticleFileDrop>
            <div role="status" className="flex min-h-0 flex-wrap items-center gap-3 text-sm empty:hidden">
              {replaced !== undefined && (
                <>
                  <span className="text-neutral-700 dark:text-neutral-300">{t('replaced')}</span>
                  <Button size="sm" onClick={undoReplace}>
                    {t('undo')}
                  </Button>
                </>
              )}
            </div>
            <SourceLanguage
              detection={detection}
              pending={pending}
              hasText={text.trim() !== ''}
              value={source}
              onChange={setSource}
              selectRef={sourceSelect}
            />
            <RemovedLines removed={removed} />
          </div>
          <div className="grid content-start gap-5">
            <TargetPicker targets={options.targets} onChange={changeTargets} source={language} />
            <DigestOptions options={shownOptions} onChange={changeOptions} />
          </div>
          <div ref={runArea} className="workspace-run grid scroll-mt-4 gap-4">
            <RunControls
              state={state}
              blocker={blocker && t(`blocker.${blocker}`)}
              asks={blocker === 'noLanguage'}
              onCancel={stop}
              runButtonRef={runButton}
            />
            {state.status === 'running' && <RunProgress run={state} />}
          </div>
        </form>
      </section>

      {reopened && reopenedView ? (
        <ResultsView key={reopened.id} view={reopenedView} articleHref="#article-heading" />
      ) : (
        shown.status !== 'idle' && (
          <div ref={resultsArea} className="scroll-mt-4">
            <ResultsView view={shown} language={runLanguage} articleHref="#article-heading" share={share} />
          </div>
        )
      )}
      <History finished={state.status === 'done' ? state : undefined} onReopen={reopen} />
      <SavedShares />
    </div>
  );
}

type Blocker = 'noText' | 'tooLong' | 'noTargets' | 'sameLanguage' | 'noLanguage';

/**
 * Why the request cannot run yet, by the API's rules (only the text and the number of targets can break them:
 * every other field comes from a picker that offers only what the API's schema accepts), or because the
 * article's language is neither detected nor chosen.
 */
function blockerOf(
  request: DigestRequest,
  chosenTargets: number,
  unknownLanguage: boolean,
): Blocker | undefined {
  if (request.text.trim() === '') return 'noText';
  if (unknownLanguage) return 'noLanguage';
  if (chosenTargets === 0) return 'noTargets';
  if (request.targets.length === 0) return 'sameLanguage';
  if (!isArticleText(request.text)) return 'tooLong';
  if (request.targets.length > LIMITS.targets) return 'noTargets';
  return undefined;
}

/** An imported page as article text: its title as the first paragraph, as when a reader copies a page. */
function importedText(article: ExtractedArticle): string {
  const text = article.text.trim();
  return text.startsWith(article.title.trim()) ? text : `${article.title.trim()}\n\n${text}`;
}
