/**
 * One value per process. Next.js gives every route bundle its own copy of our modules and dev mode reloads
 * them, so a module-level variable would make one database connection, job queue or model cache per bundle
 * (and lose it on every reload); the value is kept on globalThis under a registered symbol instead.
 */
export interface ProcessGlobal<T> {
  /** The value, made on first use. */
  get(): T;
  /** The value if it has been made, without making it. */
  peek(): T | undefined;
  /** Forgets the value: the next get() makes a new one. */
  clear(): void;
}

export function processGlobal<T>(name: string, create: () => T): ProcessGlobal<T> {
  const key = Symbol.for(`bitext.${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return {
    get: () => (holder[key] ??= create()),
    peek: () => holder[key],
    clear: () => {
      delete holder[key];
    },
  };
}
