import { execFileSync } from "node:child_process";

test("the migration history gives exactly the current models", () => {
  // Replays every migration on a shadow database and diffs the result against prisma/schema.
  const output = execFileSync("npx", ["tsx", "prisma/scripts/migrations.ts", "check"], {
    env: { ...process.env, MIGRATION_POSTGRES_URL: process.env.TEST_POSTGRES_URL ?? "" },
    encoding: "utf8",
    stdio: "pipe",
  });
  expect(output).not.toContain("ne correspond pas");
}, 120_000);
