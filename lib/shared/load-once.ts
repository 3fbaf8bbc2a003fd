/**
 * A loader that runs once and shares its promise (a dynamic import, typically), and runs again on
 * the next call after a failure: a download cut once is not a feature lost for the whole visit.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
