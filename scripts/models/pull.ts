/**
 * Download model files from a hub into a local models folder, the layout transformers.js reads with
 * `env.localModelPath`. Resumable (a `.part` file continues with an HTTP Range request) and verified
 * (the final size must match what the server announced).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { modelFiles, type Device, type Dtype, type ModelSpec } from '@/lib/models/registry';

export interface PullProgress {
  model: string;
  file: string;
  loaded: number;
  total: number;
  skipped?: boolean;
}

export interface PullOptions {
  hubUrl: string;
  modelsDir: string;
  /** The devices the models will run on (default the CPU's q8): `webgpu` adds the WebGPU dtype's files. */
  devices?: readonly Device[];
  onProgress?: (progress: PullProgress) => void;
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

export function fileUrl(hubUrl: string, model: string, file: string): string {
  return new URL(`${model}/resolve/main/${file}`, hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`).href;
}

async function expectedSize(url: string): Promise<number> {
  const response = await fetch(url, { method: 'HEAD', redirect: 'follow' });
  const length = Number(response.headers.get('content-length'));
  if (!response.ok || !Number.isFinite(length) || length <= 0) {
    throw new Error(`${url}: HTTP ${response.status}, no usable Content-Length`);
  }
  return length;
}

async function pullFile(model: string, file: string, options: PullOptions): Promise<void> {
  const url = fileUrl(options.hubUrl, model, file);
  const target = path.join(options.modelsDir, model, file);
  const partial = `${target}.part`;
  const total = await expectedSize(url);
  if ((await sizeOf(target)) === total) {
    options.onProgress?.({ model, file, loaded: total, total, skipped: true });
    return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  let offset = (await sizeOf(partial)) ?? 0;
  if (offset > total) offset = 0;
  const response = await fetch(url, { headers: offset > 0 ? { Range: `bytes=${offset}-` } : {} });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  // A server that ignores Range sends the whole file (200): start over rather than append.
  if (response.status !== 206) offset = 0;
  let loaded = offset;
  const counted = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).on(
    'data',
    (chunk: Buffer) => {
      loaded += chunk.length;
      options.onProgress?.({ model, file, loaded, total });
    },
  );
  try {
    await pipeline(counted, createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w' }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${model}/${file}: download interrupted at ${loaded} of ${total} bytes (${reason}); run again to resume`);
  }
  const size = await sizeOf(partial);
  if (size !== total) {
    throw new Error(`${model}/${file}: got ${size} bytes, expected ${total}; run again to resume`);
  }
  await rename(partial, target);
}

/** The dtypes the devices load; the CPU's q8 always, because the server and WebAssembly need it. */
export function dtypesFor(spec: ModelSpec, devices: readonly Device[] = []): Dtype[] {
  return [...new Set([spec.dtype.cpu, ...devices.map((device) => spec.dtype[device])])];
}

/** Every file the devices need, each once (the configs and tokenizer are shared by all dtypes). */
export function filesFor(spec: ModelSpec, devices?: readonly Device[]): string[] {
  return [...new Set(dtypesFor(spec, devices).flatMap((dtype) => modelFiles(spec, dtype)))];
}

export async function pullModels(specs: readonly ModelSpec[], options: PullOptions): Promise<void> {
  for (const spec of specs) {
    for (const file of filesFor(spec, options.devices)) await pullFile(spec.id, file, options);
  }
}
