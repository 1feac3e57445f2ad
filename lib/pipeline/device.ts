/**
 * Which backend the browser engine runs on. Pure: the worker reads the WebGPU adapter and passes the facts.
 * The dtype each model gets on that device is the registry's (placementFor).
 */

/** BITEXT_BROWSER_DEVICE. */
export type DevicePreference = 'auto' | 'wasm' | 'webgpu';

/** What the browser's WebGPU adapter says about itself. */
export interface AdapterFacts {
  /** A software rasteriser such as SwiftShader. */
  isFallbackAdapter: boolean;
  /** The `shader-f16` feature: fp16 weights can run. */
  shaderF16: boolean;
}

export interface DeviceChoice {
  device: 'wasm' | 'webgpu';
  shaderF16: boolean;
}

/**
 * auto: WebGPU on a real GPU adapter; a fallback adapter would be slower than WebAssembly. webgpu: any
 * adapter (tests use SwiftShader's). wasm: never WebGPU. Without an adapter, WebAssembly.
 */
export function chooseDevice(preference: DevicePreference, adapter: AdapterFacts | undefined): DeviceChoice {
  const usable =
    adapter && (preference === 'webgpu' || (preference === 'auto' && !adapter.isFallbackAdapter));
  return usable ? { device: 'webgpu', shaderF16: adapter.shaderF16 } : { device: 'wasm', shaderF16: false };
}
