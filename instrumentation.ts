/**
 * Runs once when a Next.js server process starts (Next.js convention): checks the configuration
 * and starts what the server runs beside the pages. The code lives in lib/shared.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
}
