/** A loader that downloads once (see loadOnce), and `preload()` to start it ahead, ignoring a failure (the next call retries). */
export type Loader<T> = (() => Promise<T>) & { preload: () => void };

/**
 * A loader that runs once and shares its promise (a dynamic import, typically), and runs again on
 * the next call after a failure: a download cut once is not a feature lost for the whole visit.
 * `preload` starts it when its use is likely (a focus, the pointer over a button).
 */
export function loadOnce<T>(load: () => Promise<T>): Loader<T> {
  let pending: Promise<T> | null = null;
  const get = () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  return Object.assign(get, { preload: () => void get().catch(() => undefined) });
}
