/** Applies the migrations of the database named by DATABASE_URL (SQLite file by default). */
import { prisma } from "./prisma-cli";

prisma(["migrate", "deploy"]);
