import type { ModelPolicy, ModelProfile } from '@/lib/models/registry';
import type { ModelHost } from '@/lib/models/remedy';
import type { OnProgress } from './events';
import type { Device } from './load';

/** What a pipeline run needs from its host (server engine or browser worker). */
export interface PipelineContext extends ModelPolicy {
  profile: ModelProfile;
  device?: Device;
  /** The WebGPU adapter runs fp16 shaders (which dtype a model gets there depends on it). */
  shaderF16?: boolean;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** Where this host gets its models, for the remedy `model_unavailable` carries (default: the server). */
  modelHost?: ModelHost;
  batchSize?: number;
  /** onnxruntime intra-op threads per model (Node only; unset = onnxruntime's default, one per core). */
  threads?: number;
}
