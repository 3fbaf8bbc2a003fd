/**
 * Imports a catalogue file into the database (DATABASE_URL, or the embedded one), all or nothing:
 *   npm run catalogue:import -- [file]      (default: prisma/data/cnam-catalogue.json)
 * Every rejected record is reported with its path in the file; exit code 1 then.
 */
import { readFileSync } from "node:fs";
import { withDatabase } from "../../prisma/scripts/with-database";
import { createDatabaseClient } from "../shared/db/database";
import { importCatalogue } from "./import-catalogue";

async function main(url: string) {
  const file = process.argv[2] ?? "prisma/data/cnam-catalogue.json";
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`Lecture impossible de ${file} : ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const db = createDatabaseClient(url);
  try {
    const report = await importCatalogue(db, json);
    if (!report.ok) {
      console.error(`${file} : ${report.errors.length} erreur(s), rien n'a été importé.`);
      for (const error of report.errors) console.error(`  ${error.path} : ${error.message}`);
      process.exitCode = 1;
      return;
    }
    console.log(`${file} importé : ${report.diplomas} diplômes (${report.requestable} demandables), ${report.units} unités, ${report.centres} centres.`);
  } finally {
    await db.$disconnect();
  }
}

void withDatabase(main);
