import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  // Native bindings and ONNX runtimes load their own binaries at run time; bundling them breaks that.
  serverExternalPackages: ['@huggingface/transformers', 'onnxruntime-node', 'better-sqlite3'],
};

export default withNextIntl(nextConfig);
