/**
 * The system Chromium that e2e tests and benchmarks drive (Playwright's own browser download needs a
 * network CI does not have), and the flags every run uses.
 */
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    `No Chromium found. Install it (Debian/Ubuntu: apt-get install chromium) so that ` +
      `${DEBIAN_CHROMIUM} exists, or set PLAYWRIGHT_CHROMIUM_PATH to a Chrome or Chromium binary.`,
  );
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // speechSynthesis voices through speech-dispatcher (espeak-ng), where installed: "Listen" is tested with them.
  '--enable-speech-dispatcher',
  // Any host but loopback fails to resolve, so a page that reaches for the internet fails loudly.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** The same with WebGPU on SwiftShader's software adapter (a fallback adapter: no GPU needed). */
export const CHROMIUM_WEBGPU_ARGS = [
  ...CHROMIUM_ARGS.filter((arg) => arg !== '--disable-gpu'),
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
];
