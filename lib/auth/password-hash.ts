import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost:
// 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * How many hashes run at once in this process (PASSWORD_HASH_CONCURRENCY, default 1). argon2 runs
 * on libuv's thread pool, off the event loop, but each hash keeps a core busy for tens of
 * milliseconds: on two cores, a flood of logins would otherwise take both and starve every page
 * (issue 15: 7 wrong logins a second took the home page's p95 from 53 ms to 12.8 s). One at a time
 * leaves the other core to the pages; logins beyond that wait their turn.
 */
const CONCURRENCY = positiveInteger(process.env.PASSWORD_HASH_CONCURRENCY, 1);
/**
 * Logins waiting for a hash beyond which the next one is refused at once (PASSWORD_HASH_QUEUE,
 * default 64, about 3 s of waiting): memory and waits stay bounded whatever arrives.
 */
const QUEUE_LIMIT = positiveInteger(process.env.PASSWORD_HASH_QUEUE, 64);

function positiveInteger(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Thrown when too many hashes are already waiting: the caller answers « réessayez ». */
export class PasswordHashBusyError extends Error {
  constructor() {
    super("Too many password hashes waiting");
    this.name = "PasswordHashBusyError";
  }
}

let running = 0;
const waiting: (() => void)[] = [];

/** `work` once a slot is free; `refuseWhenFull`: throw PasswordHashBusyError rather than queue beyond QUEUE_LIMIT. */
async function bounded<T>(work: () => Promise<T>, refuseWhenFull: boolean): Promise<T> {
  if (running >= CONCURRENCY) {
    if (refuseWhenFull && waiting.length >= QUEUE_LIMIT) throw new PasswordHashBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Hashes waiting and running now (for tests and the health page). */
export function passwordHashLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

/** A new password's hash (reset, new account): rare, made by a signed-in or emailed person, it waits its turn. */
export function hashPassword(password: string): Promise<string> {
  return bounded(() => hash(password, OPTIONS), false);
}

/** A login's check; throws PasswordHashBusyError when QUEUE_LIMIT logins already wait. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return bounded(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, true);
}

// Verified against when the identifier is unknown, so that the answer takes as long either way.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hashPassword("decoy-password-never-used");
  await verifyPassword(await decoy, password);
}
