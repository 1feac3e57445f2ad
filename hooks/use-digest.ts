'use client';

import {
  startTransition,
  useCallback,
  useEffect,
  useEffectEvent,
  useReducer,
  useRef,
  useSyncExternalStore,
} from 'react';

import { CANCELLED, toWireError, type WireError } from '@/lib/errors';
import type {
  DigestPartial,
  DigestPlan,
  DigestRequest,
  DigestResult,
  LanguageResult,
} from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import type { DigestSummary } from '@/lib/pipeline/parts';
import type { WorkerSettings } from '@/lib/pipeline/protocol';
import { useOnline } from './use-online';
import { usePipelineWorker } from './use-pipeline-worker';
import { useServerDigest, type DigestHandlers } from './use-server-digest';

export type EngineChoice = 'auto' | 'browser' | 'server';
export type Engine = Exclude<EngineChoice, 'auto'>;

export interface StepCount {
  done: number;
  total: number;
}

/** Bytes of each file of one model (transformers.js reports files one by one). */
export interface ModelDownload {
  files: Record<string, StepCount>;
  ready: boolean;
}

/** What a run has made so far: the summary and each language, as each arrives. */
export interface DigestParts {
  summary?: DigestSummary;
  translations: Record<string, LanguageResult>;
}

/** What a running run is doing. */
export interface RunActivity {
  downloads: Record<string, ModelDownload>;
  summarizing?: StepCount;
  /** Sentence progress per target language. */
  translating: Record<string, StepCount>;
}

/**
 * A run as the results show it, one shape per status. A finished run holds its result and nothing beside
 * it: its parts are the result's (see partsOf). A share is shown as a finished run.
 */
export type DigestView =
  | {
      status: 'running';
      request: DigestRequest;
      parts: DigestParts;
      activity: RunActivity;
      /** The server job's worker died and another started it again: what it had shown was dropped. */
      restarted?: true;
    }
  | { status: 'done'; request: DigestRequest; result: DigestResult }
  | { status: 'failed'; request: DigestRequest; parts: DigestParts; error: WireError }
  | { status: 'cancelled'; request: DigestRequest; parts: DigestParts };

/** Which run a state belongs to (events of an earlier, cancelled one are dropped) and where it ran. */
interface RunInfo {
  run: number;
  engine: Engine;
}

/** The workspace's run: its view, which run and engine, and when it started (then how long it took, in ms). */
export type DigestState =
  | { status: 'idle'; run: number }
  | (RunInfo & Extract<DigestView, { status: 'running' }> & { startedAt: number })
  | (RunInfo & Extract<DigestView, { status: 'done' }> & { elapsed: number })
  | (RunInfo & Extract<DigestView, { status: 'failed' | 'cancelled' }>);

export function partsOf(view: DigestView): DigestParts {
  return view.status === 'done'
    ? { summary: view.result.summary, translations: view.result.translations }
    : view.parts;
}

type Action =
  | { type: 'start'; run: number; engine: Engine; request: DigestRequest; at: number }
  | { type: 'restore'; state: Extract<DigestState, { status: 'done' }> }
  | { type: 'progress'; run: number; event: ProgressEvent }
  | { type: 'partial'; run: number; partial: DigestPartial }
  | { type: 'restarted'; run: number }
  | { type: 'done'; run: number; result: DigestResult; at: number }
  | { type: 'failed'; run: number; error: WireError };

const IDLE: DigestState = { status: 'idle', run: 0 };

export function reduceDigest(state: DigestState, action: Action): DigestState {
  if (action.type === 'start') {
    const { run, engine, request, at } = action;
    return {
      status: 'running',
      run,
      engine,
      request,
      startedAt: at,
      parts: { translations: {} },
      activity: { downloads: {}, translating: {} },
    };
  }
  if (action.type === 'restore') return state.status === 'idle' ? action.state : state;
  if (state.status !== 'running' || action.run !== state.run) return state;
  const { run, engine, request, parts } = state;
  switch (action.type) {
    case 'progress':
      return { ...state, activity: withProgress(state.activity, action.event) };
    case 'partial': {
      const { partial } = action;
      return {
        ...state,
        parts:
          partial.part === 'summary'
            ? { ...parts, summary: partial.summary }
            : { ...parts, translations: { ...parts.translations, [partial.language]: partial.result } },
      };
    }
    case 'restarted':
      return {
        ...state,
        restarted: true,
        parts: { translations: {} },
        activity: { downloads: {}, translating: {} },
      };
    case 'done':
      return {
        status: 'done',
        run,
        engine,
        request,
        result: action.result,
        elapsed: action.at - state.startedAt,
      };
    case 'failed':
      return action.error.code === 'cancelled'
        ? { status: 'cancelled', run, engine, request, parts }
        : { status: 'failed', run, engine, request, parts, error: action.error };
    default:
      return action satisfies never;
  }
}

function withProgress(activity: RunActivity, event: ProgressEvent): RunActivity {
  if (event.type === 'model') {
    const previous = activity.downloads[event.model] ?? { files: {}, ready: false };
    const download: ModelDownload =
      event.status === 'ready' || !event.file
        ? { ...previous, ready: true }
        : {
            ...previous,
            files: { ...previous.files, [event.file]: { done: event.loaded, total: event.total } },
          };
    return { ...activity, downloads: { ...activity.downloads, [event.model]: download } };
  }
  const count = { done: event.done, total: event.total };
  if (event.task === 'summarize') return { ...activity, summarizing: count };
  if (!event.language) return activity;
  return { ...activity, translating: { ...activity.translating, [event.language]: count } };
}

/** Whether this device can run the models itself: WebAssembly, workers, and memory for ~100 MB models. */
function canRunInBrowser(): boolean {
  // Chromium reports RAM in GB (rounded down, capped at 8); other browsers do not, and then we do not guess.
  const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return typeof WebAssembly === 'object' && typeof Worker === 'function' && (memory ?? 0) >= 4;
}

/** The reader's data-saver setting (Chromium's Network Information API; other browsers do not say). */
function savesData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

const noSubscription = () => () => undefined;

/**
 * Which engine Auto would pick here; undefined while rendering on the server, which cannot know. Offline the
 * server is out of reach: the browser is all there is, whatever this device's memory.
 */
export function useAutoEngine(): Engine | undefined {
  const online = useOnline();
  const pick = useSyncExternalStore(
    noSubscription,
    () => (canRunInBrowser() ? 'browser' : 'server'),
    () => undefined,
  );
  return pick && !online ? 'browser' : pick;
}

/** The engine a run chosen as `choice` goes to, given Auto's pick here; undefined until that is known. */
export function resolveEngine(choice: EngineChoice, auto: Engine | undefined): Engine | undefined {
  return choice === 'auto' ? auto : choice;
}

/*
 * The last finished run outlives the page component: switching the UI locale remounts the page, and the
 * reader should find their result still there. Client-side navigation keeps modules loaded; a reload finds
 * the run in this tab's sessionStorage instead (see SavedRun).
 */
let lastFinished: DigestState | undefined;

/**
 * What a reload of this tab finds: the last finished run, or the server job a run was following (which runs
 * on without the page, so the page follows it again). A run in the browser dies with the page.
 */
type SavedRun =
  | { status: 'done'; engine: Engine; request: DigestRequest; result: DigestResult; elapsed: number }
  | { status: 'running'; job: string; request: DigestRequest; startedAt: number };

const SAVED_RUN_KEY = 'bitext.run';

function saveRun(run: SavedRun | undefined): void {
  try {
    if (run) window.sessionStorage.setItem(SAVED_RUN_KEY, JSON.stringify(run));
    else window.sessionStorage.removeItem(SAVED_RUN_KEY);
  } catch {
    // Full (a long article in many languages) or disabled storage: a reload then starts clean, as before.
  }
}

/** This tab's saved run; only this page writes it, so a shape check is enough (no zod on a first visit). */
function loadRun(): SavedRun | undefined {
  try {
    const run = JSON.parse(window.sessionStorage.getItem(SAVED_RUN_KEY) ?? 'null') as SavedRun | null;
    if (run?.status === 'done' && run.result && run.request) return run;
    if (run?.status === 'running' && typeof run.job === 'string' && run.request) return run;
  } catch {
    // Unreadable: as if nothing was saved.
  }
  return undefined;
}

/**
 * One digest at a time, on whichever engine: state that fills in as the run goes (model downloads,
 * sentence progress, the summary, each language), `run`, and `cancel`.
 */
export function useDigest(settings: WorkerSettings) {
  const worker = usePipelineWorker();
  const server = useServerDigest();
  const [state, dispatch] = useReducer(reduceDigest, IDLE, () => lastFinished ?? IDLE);
  const runs = useRef(state.run);
  const autoEngine = useAutoEngine();

  useEffect(() => {
    if (state.status === 'done') {
      lastFinished = state;
      const { engine, request, result, elapsed } = state;
      saveRun({ status: 'done', engine, request, result, elapsed });
    } else if (state.status === 'failed' || state.status === 'cancelled') saveRun(undefined);
  }, [state]);

  // A reload cannot take a run in this browser along: the reader is asked first.
  const browserRunning = state.status === 'running' && state.engine === 'browser';
  useEffect(() => {
    if (!browserRunning) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [browserRunning]);

  // What a run sends is rendered as a transition: React renders it in slices between frames (a 100k article's
  // panes are too big for one), and a keystroke or Cancel (urgent) goes first. Transitions render together,
  // so a stream of progress events does not keep restarting the render of a partial.
  const handlersFor = useCallback(
    (id: number, request: DigestRequest): DigestHandlers => ({
      onProgress: (event) => startTransition(() => dispatch({ type: 'progress', run: id, event })),
      onPartial: (partial) => startTransition(() => dispatch({ type: 'partial', run: id, partial })),
      onRestarted: () => startTransition(() => dispatch({ type: 'restarted', run: id })),
      onAccepted: (job) => saveRun({ status: 'running', job, request, startedAt: Date.now() }),
    }),
    [],
  );

  const settle = useCallback(async (id: number, work: Promise<DigestResult>) => {
    try {
      const result = await work;
      const at = performance.now();
      startTransition(() => dispatch({ type: 'done', run: id, result, at }));
    } catch (error) {
      dispatch({ type: 'failed', run: id, error: toWireError(error) });
    }
  }, []);

  // Once, on mount: a server run this tab was following before a reload or a locale switch is followed
  // again, its parts so far replayed by the server; else the run finished before a reload comes back.
  const restore = useEffectEvent(() => {
    const saved = loadRun();
    if (saved?.status === 'running') {
      const id = ++runs.current;
      const at = performance.now() - (Date.now() - saved.startedAt);
      dispatch({ type: 'start', run: id, engine: 'server', request: saved.request, at });
      void settle(id, server.attach(saved.job, handlersFor(id, saved.request)));
    } else if (saved?.status === 'done') {
      dispatch({ type: 'restore', state: { ...saved, run: runs.current } });
    }
  });
  useEffect(() => restore(), []);

  const engineFor = useCallback(
    (choice: EngineChoice): Engine => resolveEngine(choice, autoEngine) ?? 'server',
    [autoEngine],
  );

  const run = useCallback(
    async (request: DigestRequest, choice: EngineChoice) => {
      const id = ++runs.current;
      const engine = engineFor(choice);
      saveRun(undefined);
      dispatch({ type: 'start', run: id, engine, request, at: performance.now() });
      const handlers = handlersFor(id, request);
      await settle(
        id,
        engine === 'browser' ? worker.run(request, settings, handlers) : server.run(request, handlers),
      );
    },
    [engineFor, handlersFor, server, settings, settle, worker],
  );

  /**
   * Models a run of this plan will need start loading now, if it will run in this browser, unless the reader
   * asked the browser to save data: then nothing is downloaded before they press Run.
   */
  const prepare = useCallback(
    (plan: DigestPlan, choice: EngineChoice) => {
      if (engineFor(choice) === 'browser' && !savesData()) worker.prepare(plan, settings);
    },
    [engineFor, settings, worker],
  );

  const cancel = useCallback(() => {
    // Show "cancelled" at once; the engine's own rejection for this run arrives later and is ignored.
    dispatch({ type: 'failed', run: runs.current, error: CANCELLED });
    worker.cancel();
    server.cancel();
  }, [server, worker]);

  return { state, run, cancel, prepare };
}
