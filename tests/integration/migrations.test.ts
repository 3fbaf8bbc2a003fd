import { execFileSync } from "node:child_process";

const database = (globalThis as { D3_TEST_DATABASE?: "sqlite" | "postgres" }).D3_TEST_DATABASE ?? "sqlite";

test(`the ${database} migration history gives exactly the current models`, () => {
  // Replays every migration on a shadow database and diffs the result against prisma/models.prisma.
  const output = execFileSync("npx", ["tsx", "prisma/scripts/migrations.ts", "check", database], {
    env: { ...process.env, MIGRATION_POSTGRES_URL: process.env.TEST_POSTGRES_URL ?? "" },
    encoding: "utf8",
    stdio: "pipe",
  });
  expect(output).not.toContain("ne correspond pas");
}, 60_000);
