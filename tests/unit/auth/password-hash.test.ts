/**
 * Password hashing with bounded concurrency (lib/auth/password-hash.ts): one hash at a time by
 * default, so that a flood of logins cannot take both cores from the pages, and a bounded queue.
 */
type HashModule = typeof import("@/lib/auth/password-hash");

function load(env: Record<string, string>): HashModule {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let loaded: HashModule | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<HashModule>("@/lib/auth/password-hash");
  });
  process.env = saved;
  return loaded!;
}

describe("password hashing", () => {
  it("checks one password at a time by default; the others wait their turn, and all are answered", async () => {
    const hashing = load({});
    const stored = await hashing.hashPassword("le bon mot de passe");
    const checks = ["le bon mot de passe", "faux 1", "faux 2", "faux 3", "faux 4"].map((password) => hashing.verifyPassword(stored, password));
    expect(hashing.passwordHashLoad()).toEqual({ running: 1, waiting: 4 });
    await expect(Promise.all(checks)).resolves.toEqual([true, false, false, false, false]);
    expect(hashing.passwordHashLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it("runs PASSWORD_HASH_CONCURRENCY checks at once", async () => {
    const hashing = load({ PASSWORD_HASH_CONCURRENCY: "2" });
    const stored = await hashing.hashPassword("secret");
    const checks = [1, 2, 3].map(() => hashing.verifyPassword(stored, "secret"));
    expect(hashing.passwordHashLoad()).toEqual({ running: 2, waiting: 1 });
    await expect(Promise.all(checks)).resolves.toEqual([true, true, true]);
  });

  it("refuses a login's check at once when PASSWORD_HASH_QUEUE checks already wait, but never a new password's hash", async () => {
    const hashing = load({ PASSWORD_HASH_QUEUE: "2" });
    const stored = await hashing.hashPassword("secret");
    const accepted = [1, 2, 3].map(() => hashing.verifyPassword(stored, "secret"));
    await expect(hashing.verifyPassword(stored, "secret")).rejects.toBeInstanceOf(hashing.PasswordHashBusyError);
    const newHash = hashing.hashPassword("nouveau mot de passe");
    expect(hashing.passwordHashLoad()).toEqual({ running: 1, waiting: 3 });
    await expect(Promise.all(accepted)).resolves.toEqual([true, true, true]);
    await expect(hashing.verifyPassword(await newHash, "nouveau mot de passe")).resolves.toBe(true);
  });

  it("a failed check frees its slot (a malformed stored hash is a wrong password)", async () => {
    const hashing = load({});
    await expect(hashing.verifyPassword("pas un hash argon2", "x")).resolves.toBe(false);
    expect(hashing.passwordHashLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
