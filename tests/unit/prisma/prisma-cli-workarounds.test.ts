import { PG_TYPE_REMAP, executeWholeScript, pgConfigFromUrl, remapFieldTypes, unrefLongTimers } from "@/prisma/cli-workarounds";

describe("Prisma 6.19 CLI workarounds", () => {
  test("long timers stop keeping the process alive; short ones still do", () => {
    const original = globalThis.setTimeout;
    try {
      unrefLongTimers(10_000);
      const long = setTimeout(() => undefined, 60_000);
      const short = setTimeout(() => undefined, 50);
      expect(long.hasRef()).toBe(false);
      expect(short.hasRef()).toBe(true);
      clearTimeout(long);
      clearTimeout(short);
    } finally {
      globalThis.setTimeout = original;
    }
  });

  test("PostgreSQL `name` and `\"char\"` columns are reported as text", () => {
    const result = remapFieldTypes({ fields: [{ dataTypeID: 19 }, { dataTypeID: 18 }, { dataTypeID: 1003 }, { dataTypeID: 23 }] });
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 25, 1009, 23]);
    expect(PG_TYPE_REMAP[19]).toBe(25);
  });

  test("a migration script is sent whole: a function body keeps its semicolons", async () => {
    const script = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  DELETE FROM t;\n  RETURN NULL;\nEND;\n$$;\nCREATE TABLE u (id int);`;
    const query = jest.fn(async () => undefined);
    const onError = jest.fn((error: unknown) => {
      throw error;
    }) as unknown as (error: unknown) => never;
    await executeWholeScript.call({ client: { query }, onError }, script);
    expect(query.mock.calls).toEqual([[script]]);
    const failing = { client: { query: async () => Promise.reject(new Error("syntax error")) }, onError };
    await expect(executeWholeScript.call(failing, script)).rejects.toThrow("syntax error");
  });

  test("connection settings are read from the URL, with an optional other database", () => {
    expect(pgConfigFromUrl("postgresql://d%403:p%3Ass@db.example:6543/d3_prod", "shadow")).toEqual({
      host: "db.example",
      port: 6543,
      user: "d@3",
      password: "p:ss",
      database: "shadow",
      allowExitOnIdle: true,
    });
    expect(pgConfigFromUrl("postgresql://u:p@localhost/d3").database).toBe("d3");
  });
});
