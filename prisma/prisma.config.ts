import path from "node:path";
import { defineConfig } from "prisma/config";
import { PgCliAdapter, unrefLongTimers } from "./cli-workarounds";
import { databaseUrl } from "../lib/shared/db/database-url";

unrefLongTimers();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(__dirname, "schema"),
  migrations: { path: path.join(__dirname, "migrations") },
  adapter: async () => PgCliAdapter.create(databaseUrl()),
});
