/** The arguments `models:pull` and `models:verify` share: languages (`ru zh hi`) and `--device webgpu`. */
import { LANGUAGES, baseLanguage, type LanguageCode } from '@/lib/langs';
import type { Device } from '@/lib/models/registry';

const DEVICES: readonly Device[] = ['cpu', 'wasm', 'webgpu'];

/** `--device webgpu` (repeatable) out of the arguments; the rest are languages. */
function splitArgs(args: string[]): { languages: string[]; devices: Device[] } {
  const languages: string[] = [];
  const devices: Device[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--device') {
      languages.push(args[i]!);
      continue;
    }
    const device = DEVICES.find((d) => d === args[i + 1]);
    if (!device) throw new Error(`--device takes one of ${DEVICES.join(', ')}; got "${args[i + 1] ?? ''}"`);
    devices.push(device);
    i++;
  }
  return { languages, devices };
}

/** "zh" means both Chinese scripts; exact codes ("zh-Hans") pick one. */
function resolveLanguages(args: string[]): LanguageCode[] {
  return args.flatMap((arg) => {
    const matches = LANGUAGES.filter((l) => l.code === arg || baseLanguage(l.code) === arg).map(
      (l) => l.code,
    );
    if (matches.length === 0) {
      throw new Error(`Unknown language "${arg}". Known: ${LANGUAGES.map((l) => l.code).join(', ')}`);
    }
    return matches;
  });
}

export function parseModelArgs(args: string[]): { languages: LanguageCode[]; devices: Device[] } {
  const { languages, devices } = splitArgs(args);
  return { languages: resolveLanguages(languages), devices };
}
