import { Client } from "pg";

/**
 * Each PostgreSQL test file works in a database of its own, copied from a migrated template
 * (CREATE DATABASE … TEMPLATE is a file copy: fast), so that files running in parallel never see
 * each other's rows.
 */
export function templateDatabaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_template`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function withAdminClient<T>(baseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createFromTemplate(baseUrl: string, name: string): Promise<void> {
  const template = databaseName(templateDatabaseUrl(baseUrl));
  await withAdminClient(baseUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // Two copies started at the same instant: the template is briefly busy.
        if (attempt < 20 && /being accessed by other users/.test(String((error as Error).message))) {
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
          continue;
        }
        throw error;
      }
    }
  });
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await withAdminClient(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Empties a database the tests or a benchmark may wipe, then deploys it again (migrations, job schema). */
export async function freshSchema(url: string): Promise<void> {
  // The job queue keeps its tables in a schema of its own: jobs of an earlier run must not run
  // against the new data.
  await withAdminClient(url, (client) => client.query("DROP SCHEMA IF EXISTS graphile_worker CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public"));
  const { deployDatabase } = await import("../../prisma/scripts/prisma-cli");
  await deployDatabase(url, { stdio: "pipe" });
}
