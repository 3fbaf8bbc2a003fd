/** Generates the Prisma client (generated/prisma). */
import { prisma } from "./prisma-cli";

// The datasource reads env("DATABASE_URL") even to generate; no connection is made.
prisma(["generate"], { url: "postgresql://generate:only@localhost:5432/generate" });
