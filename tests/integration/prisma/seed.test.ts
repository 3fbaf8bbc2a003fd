import { execFileSync } from "node:child_process";
import { db } from "@/lib/shared/db";
import { DEMO_ACCOUNTS, seed } from "@/prisma/seed";

test("the seed loads the real catalogue and one demo account per role, and can run twice", async () => {
  await seed(db);
  await seed(db);
  expect(await db.diploma.count({ where: { key: "LG02501A", requestable: true } })).toBe(1);
  const roles = new Set((await db.user.findMany({ where: { identifier: { in: DEMO_ACCOUNTS.map((a) => a.identifier) } }, select: { role: true } })).map((u) => u.role));
  expect([...roles].sort()).toEqual(["ADMIN", "AGENT_CENTRE", "AGENT_NATIONAL", "AUDITEUR"]);
  expect(await db.user.count({ where: { identifier: { in: DEMO_ACCOUNTS.map((a) => a.identifier) } } })).toBe(DEMO_ACCOUNTS.length);
}, 60_000);

test("the seed refuses to run in production", () => {
  let failure: { status?: number; stderr?: string } = {};
  try {
    execFileSync("npx", ["tsx", "prisma/seed.ts"], { env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    failure = error as typeof failure;
  }
  expect(failure.status).toBe(1);
  expect(failure.stderr).toContain("ne se chargent pas en production");
}, 60_000);
