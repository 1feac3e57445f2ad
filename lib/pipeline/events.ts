/**
 * Progress events, the same in the browser worker and on the server (streamed as SSE there).
 */
export interface ModelProgressEvent {
  type: 'model';
  model: string;
  /** The file being fetched; absent once the model is ready. */
  file?: string;
  status: 'download' | 'ready';
  loaded: number;
  total: number;
}

export interface StepProgressEvent {
  type: 'step';
  task: 'summarize' | 'translate';
  /** The target language for translation steps. */
  language?: string;
  done: number;
  total: number;
}

export type ProgressEvent = ModelProgressEvent | StepProgressEvent;
export type OnProgress = (event: ProgressEvent) => void;
