/**
 * A unique index refused the write: Prisma reports it as P2002, and a query through `pg` (the
 * job runner, raw SQL) as PostgreSQL's SQLSTATE 23505. Callers turn it into an expected failure
 * ("already taken", "a request is already open") instead of an error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === "P2002" || code === "23505";
}
