import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Formatting is Prettier's job (`npm run lint` runs it after ESLint), so no stylistic rules here.
export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'next-env.d.ts',
    // Generated or downloaded at run time, not written by us.
    'fixtures/**',
    'data/**',
    'models/**',
    'public/ort/**',
    'public/pdfjs/**',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
