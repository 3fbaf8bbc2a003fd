import { rmSync } from "node:fs";

afterAll(async () => {
  const db = (globalThis as { d3Database?: { $disconnect(): Promise<void> } }).d3Database;
  await db?.$disconnect();
  const url = process.env.DATABASE_URL ?? "";
  if (url.startsWith("file:") && url.includes("/.data/test/")) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(url.slice("file:".length) + suffix, { force: true });
  }
});
