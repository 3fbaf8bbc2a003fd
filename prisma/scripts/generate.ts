/** Generates both Prisma clients (SQLite and PostgreSQL): the app picks one at run time from DATABASE_URL. */
import { prisma } from "./prisma-cli";

prisma(["generate"], { folder: "sqlite", url: "file:./.data/generate-only.sqlite" });
// The PostgreSQL datasource reads env("DATABASE_URL") even to generate; no connection is made.
prisma(["generate"], { folder: "postgres", url: "postgresql://generate:only@localhost:5432/generate" });
