import { describe, expect, it } from 'vitest';
import { chooseDevice } from '@/lib/pipeline/device';
import { digest, placementsOf, type DigestPlan } from '@/lib/pipeline/digest';
import { configureFixtureModels, readArticle } from '../support/fixture-models';

const gpu = { isFallbackAdapter: false, shaderF16: true };
const swiftshader = { isFallbackAdapter: true, shaderF16: false };

describe('chooseDevice (the browser engine)', () => {
  it('takes WebGPU on a real GPU adapter, WebAssembly on a software one or none', () => {
    expect(chooseDevice('auto', gpu)).toEqual({ device: 'webgpu', shaderF16: true });
    expect(chooseDevice('auto', swiftshader)).toEqual({ device: 'wasm', shaderF16: false });
    expect(chooseDevice('auto', undefined)).toEqual({ device: 'wasm', shaderF16: false });
  });

  it('follows BITEXT_BROWSER_DEVICE: webgpu takes any adapter, wasm none', () => {
    expect(chooseDevice('webgpu', swiftshader)).toEqual({ device: 'webgpu', shaderF16: false });
    expect(chooseDevice('webgpu', undefined)).toEqual({ device: 'wasm', shaderF16: false });
    expect(chooseDevice('wasm', gpu)).toEqual({ device: 'wasm', shaderF16: false });
  });
});

describe('placementsOf: device and dtype chosen together for every model of a run', () => {
  const plan: DigestPlan = {
    source: 'en',
    targets: ['ru'],
    summary: { mode: 'abstractive', type: 'key-points', length: 'short' },
  };

  it('runs q8 on WebAssembly, never on WebGPU', () => {
    expect(placementsOf(plan, { profile: 'default', device: 'wasm' })).toEqual([
      { device: 'wasm', dtype: 'q8' },
    ]);
    expect(placementsOf(plan, { profile: 'default', device: 'webgpu', shaderF16: true })).toEqual([
      { device: 'webgpu', dtype: 'fp16' },
      { device: 'webgpu', dtype: 'fp32' },
    ]);
  });

  it('moves fp16 models to WebAssembly (q8) when the adapter has no fp16 shaders; fp32 ones stay', () => {
    expect(placementsOf(plan, { profile: 'default', device: 'webgpu', shaderF16: false })).toEqual([
      { device: 'wasm', dtype: 'q8' },
      { device: 'webgpu', dtype: 'fp32' },
    ]);
  });

  it('reports what ran with the result', async () => {
    const result = await digest(
      {
        text: readArticle('en-sana-lavrov.txt'),
        source: 'en',
        targets: ['ru'],
        summary: { mode: 'extractive', type: 'key-points', length: 'short' },
        translate: 'summary',
      },
      configureFixtureModels(),
    );
    expect(result.runtime).toEqual([{ device: 'cpu', dtype: 'q8' }]);
  });
});
