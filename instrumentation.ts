/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installShutdownHandler } = await import('@/lib/server/shutdown');
    installShutdownHandler();
  }
}
