/**
 * @jest-environment node
 *
 * Issue 14, finding 11: random input (fast-check) into every server action, every route handler and
 * every page that reads its path or query, through the real server code, session gate and
 * PostgreSQL. Nothing may answer a 500: an action answers a Result whose code is not UNEXPECTED
 * (or Next's redirect / 403 / 404 signal), a route handler a status below 500 and a body that reads
 * to its end, a page renders or signals 404/403/redirect; and nothing may be logged at error level.
 *
 * The actions are every function exported by lib/<feature>/actions.ts; the routes every
 * app/**\/route.ts(x); the pages every app/**\/page.tsx with params or searchParams (found on disk,
 * so that a new one is fuzzed without editing this file). The number of runs is bounded (FUZZ_RUNS,
 * default 12 per target) so the file takes well under a minute on a busy machine.
 * NextAuth's own route (app/api/auth/[...nextauth]) needs Next's request scope: it is left to the
 * browser-level probe of the build (tests/e2e/security.spec.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { ERROR_CODES } from "@/lib/shared/result";
import { TRANSITIONS } from "@/lib/requests/domain/commands";
import { db } from "@/lib/shared/db";
import { saveFile } from "@/lib/shared/storage";
import { signIn, signOut } from "../../support/session-gate";
import { createStaff, submitJointDiplomaRequest } from "../../support/requests";

type LogLine = { level: number; msg?: string; event?: string };
const errorLines: LogLine[] = [];

jest.mock("@/lib/shared/log", () => {
  const actual = jest.requireActual("@/lib/shared/log");
  // Every line at error level or above, whatever logger (child or not) wrote it.
  const log = actual.createLogger({ write: (line: string) => errorLines.push(JSON.parse(line)) }, "error");
  return { ...actual, log, requestLogger: async (bindings: Record<string, unknown> = {}) => log.child(bindings) };
});
jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => ({
  ...jest.requireActual("../../support/next-scope").navigation,
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
// @react-pdf/renderer is ESM only: loaded by Node itself, as in letters.test.ts.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);

jest.setTimeout(120_000);
process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "d3-fuzz-"));
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const ROOT = path.resolve(__dirname, "../../..");

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, match);
    return match(name) ? [full] : [];
  });
}

/** Next's navigation signals (redirect, 403, 404): a normal answer, not a 500. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT;") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"));
}

// ——— What a client can send ———

let knownIds: string[] = [];

/** What broke the server before (issue 14): NUL, broken Unicode, a lone `%`, a huge text. */
const poison = fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfff", "%E9", "%", "x".repeat(30_000), "é€😀");

const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  { weight: 4, arbitrary: poison },
  fc.constantFrom("", " ", "%00", "'; DROP TABLE \"Request\"; --", "<script>alert(1)</script>", "../../etc/passwd", "$K1", "-1", "1e309"),
  fc.constantFrom(...TRANSITIONS, "reviewDocument", "postMessage", "DIPLOMA", "EXPERIENCE", "CV", "VALIDATED", "REFUSED", "FAVOURABLE", "AGENT_CENTRE", "PARIS", "LG02501A"),
  fc.constant(null).map(() => knownIds[0] ?? "id"),
  fc.nat(20).map((i) => knownIds[i % Math.max(knownIds.length, 1)] ?? "id"),
);

const FIELDS = [
  "requestId", "experienceId", "documentId", "id", "version", "body", "comment", "reason", "type", "operation", "item", "items",
  "kind", "diplomaKey", "values", "category", "file", "fichier", "code", "name", "region", "contactEmail", "identifier",
  "displayName", "email", "role", "centreCode", "userId", "active", "token", "password", "confirmation", "emailOnMessages",
  "status", "assigneeId", "opinion", "outcome", "internshipMonths", "conditionText", "expectedVersion", "birthName",
  "firstNames", "birthDate", "phone", "learnerNumber", "employer", "activities",
] as const;

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);
const value = fc.oneof({ weight: 5, arbitrary: leaf }, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), leaf, { maxKeys: 4 }));

/** An object or form: mostly the fields the action names in its field errors, some others. */
function fieldsFor(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = keys.length > 0 ? keys : FIELDS;
  return fc
    .tuple(
      fc.record(Object.fromEntries(known.map((key) => [key, value])), { requiredKeys: [] }),
      fc.dictionary(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FIELDS) }, fc.string({ maxLength: 8 })), value, { maxKeys: 3 }),
    )
    .map(([named, extra]) => ({ ...extra, ...named }));
}

/** A form field's text, as a browser would send any value typed or crafted. */
function asText(item: unknown): string {
  if (typeof item === "object" && item !== null && !(item instanceof Date)) return JSON.stringify(item) ?? "";
  return item instanceof Date ? (Number.isNaN(item.getTime()) ? "Invalid Date" : item.toISOString()) : String(item);
}

function toFormData(entries: Record<string, unknown>, files: boolean[]): FormData {
  const form = new FormData();
  Object.entries(entries).forEach(([key, raw], index) => {
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      const text = asText(item);
      if (files[index]) form.append(key, new File([text], `${text.slice(0, 50)}.pdf`, { type: "application/pdf" }));
      else form.append(key, text);
    }
  });
  return form;
}

/** A body as the browser (or anyone) may send it: an object, a form, or something else entirely. */
function bodyFor(keys: readonly string[]): fc.Arbitrary<unknown> {
  const fields = fieldsFor(keys);
  return fc.oneof(
    { weight: 5, arbitrary: fields },
    { weight: 4, arbitrary: fc.tuple(fields, fc.array(fc.boolean(), { maxLength: 8 })).map(([entries, files]) => toFormData(entries, files)) },
    leaf,
    fc.array(leaf, { maxLength: 3 }),
  );
}

// ——— Who sends it ———

type Role = "ANONYMOUS" | "AUDITEUR" | "AGENT_CENTRE" | "AGENT_NATIONAL" | "ADMIN";
const users: Partial<Record<Role, string>> = {};

async function actAs(role: Role): Promise<void> {
  if (role === "ANONYMOUS") return signOut();
  await signIn(users[role]!);
}

function expectNoErrorLogged(target: string, input: unknown): void {
  if (errorLines.length === 0) return;
  const lines = errorLines.splice(0);
  throw new Error(`${target}: logged at error level for ${show(input)}: ${JSON.stringify(lines).slice(0, 1500)}`);
}

function show(input: unknown): string {
  if (input instanceof FormData) return `FormData ${JSON.stringify([...input.entries()].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 80) : `File(${v.name.slice(0, 40)})`]))}`;
  try {
    return JSON.stringify(input, (_k, v: unknown) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v)) ?? String(input);
  } catch {
    return String(input);
  }
}

beforeAll(async () => {
  const learner = await submitJointDiplomaRequest();
  // The fixture's documents get real stored files (the "Télécharger mes données" export reads them).
  for (const row of await db.requestDocument.findMany({ where: { requestId: learner.analysisId }, select: { id: true } })) {
    const saved = await saveFile(new TextEncoder().encode("%PDF-1.4 fuzz"));
    await db.requestDocument.update({ where: { id: row.id }, data: { storageKey: saved.storageKey, sha256: saved.sha256, size: saved.size } });
  }
  const document = await db.requestDocument.findFirst({ where: { requestId: learner.analysisId }, select: { id: true } });
  const event = await db.requestEvent.findFirst({ where: { requestId: learner.requestId }, select: { id: true } });
  users.AUDITEUR = learner.user.id;
  users.AGENT_CENTRE = (await createStaff("AGENT_CENTRE", "PARIS")).id;
  users.AGENT_NATIONAL = (await createStaff("AGENT_NATIONAL")).id;
  users.ADMIN = (await createStaff("ADMIN")).id;
  knownIds = [learner.requestId, learner.analysisId, document?.id, event ? String(event.id) : undefined, "PARIS", "LG02501A"].filter((id): id is string => !!id);
  errorLines.splice(0);
});

afterEach(() => {
  errorLines.splice(0);
});

// ——— Server actions ———

const actionModules = filesUnder(path.join(ROOT, "lib"), (name) => name === "actions.ts").filter((file) => readFileSync(file, "utf8").startsWith('"use server"'));
const actions = actionModules.flatMap((file) => {
  const exported = jest.requireActual<Record<string, unknown>>(file);
  const feature = path.relative(path.join(ROOT, "lib"), path.dirname(file));
  return Object.entries(exported)
    .filter((entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => typeof entry[1] === "function")
    .map(([name, action]) => ({ name: `${feature}.${name}`, action }));
});

/**
 * The first role whose call is not refused by the session gate (the one whose input gets parsed),
 * and the fields the action names when sent nothing (its field errors): what to fuzz.
 */
async function probe(action: (...args: unknown[]) => Promise<unknown>): Promise<{ role: Role; keys: string[] }> {
  for (const role of ["ANONYMOUS", "AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const) {
    await actAs(role);
    try {
      const answer = (await action({}, new FormData())) as { fieldErrors?: Record<string, string> } | undefined;
      return { role, keys: Object.keys(answer?.fieldErrors ?? {}).filter((key) => key !== "") };
    } catch (error) {
      if (!isNavigation(error)) return { role, keys: [] };
    }
  }
  return { role: "ADMIN", keys: [] };
}

test("the actions are found", () => {
  expect(actions.length).toBeGreaterThanOrEqual(30);
  expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["requests.resubmitRequestAction", "admin.createCentreAction", "auth.resetPasswordAction", "requests.centreBulkAction"]));
});

describe.each(actions.map((a) => [a.name, a.action] as const))("server action %s", (name, action) => {
  test("answers a Result (never UNEXPECTED) or a navigation signal, and logs no error, whatever it is sent", async () => {
    const { role, keys } = await probe(action);
    errorLines.splice(0);
    const body = bodyFor(keys);
    await fc.assert(
      fc.asyncProperty(body, body, async (first, second) => {
        await actAs(role);
        let answer: unknown;
        try {
          // A defineAction takes (input); a form's action (previous state, form data) or (form data): both positions are fuzzed.
          answer = await action(first, second);
        } catch (error) {
          if (isNavigation(error)) return;
          throw new Error(`${name} threw (HTTP 500) for ${show([first, second])}: ${String(error)}`);
        }
        expectNoErrorLogged(name, [first, second]);
        if (answer === undefined) return;
        const result = answer as { ok?: unknown; code?: unknown };
        expect(typeof result.ok).toBe("boolean");
        if (result.ok === false) {
          expect(ERROR_CODES).toContain(result.code);
          if (result.code === "UNEXPECTED") throw new Error(`${name} answered UNEXPECTED for ${show([first, second])}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ——— Route handlers and pages ———

const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "callbackUrl", "jeton", "avant", "apercu", "etat", "state", "kind", "diploma", "from", "to", "assigned", "centre", "sort", "after", "acteur", "action", "demande", "du", "au", "modifier", "compte"), fc.string({ maxLength: 6 })), nastyText), { maxLength: 5 });

function urlWith(pathname: string, entries: [string, string][]): string {
  const url = new URL(pathname, "http://localhost");
  for (const [key, item] of entries) url.searchParams.append(key, item);
  return url.toString();
}

function searchParamsOf(entries: [string, string][]): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, item] of entries) {
    const previous = result[key];
    result[key] = previous === undefined ? item : Array.isArray(previous) ? [...previous, item] : [previous, item];
  }
  return result;
}

/** The dynamic segments of an app/ file's route: "[id]" → id. */
function segmentsOf(file: string): string[] {
  return [...path.relative(path.join(ROOT, "app"), file).matchAll(/\[(?!\.\.\.)([^\]]+)\]/g)].map((m) => m[1]!);
}

const pathValue = fc.oneof(nastyText, fc.constantFrom("%E9", "%", "%00", "a%2Fb"));
const roles = fc.constantFrom<Role>("ANONYMOUS", "AUDITEUR", "AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN");

const routes = filesUnder(path.join(ROOT, "app"), (name) => /^route\.tsx?$/.test(name)).filter((file) => !file.includes("[...nextauth]"));

test("the route handlers are found", () => {
  expect(routes.length).toBeGreaterThanOrEqual(10);
});

describe.each(routes.map((file) => [path.relative(ROOT, file), file] as const))("route handler %s", (_name, file) => {
  test("answers below 500 with a body that reads to its end, and logs no error", async () => {
    const handlers = jest.requireActual<Record<string, unknown>>(file);
    const names = segmentsOf(file);
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    await fc.assert(
      fc.asyncProperty(roles, fc.tuple(...names.map(() => pathValue)), query, async (role, values, entries) => {
        await actAs(role);
        const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""]));
        for (const method of ["GET", "POST"].filter((m) => typeof handlers[m] === "function")) {
          const handler = handlers[method] as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
          const request = new Request(urlWith(route, entries), { method });
          const response = await handler(request, { params: Promise.resolve(params) });
          const input = { role, params, entries };
          if (response.status >= 500 && !(response.status === 503 && response.headers.get("Retry-After"))) throw new Error(`${route} ${method} answered ${response.status} for ${show(input)}`);
          // A stream cut by an error fails here (the CSV export cut by a NUL did).
          const reader = response.body?.getReader();
          if (reader) {
            try {
              // A live stream never ends: its first event is enough.
              if (response.headers.get("content-type")?.startsWith("text/event-stream")) await reader.read().finally(() => reader.cancel());
              else for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
            } catch (error) {
              throw new Error(`${route} ${method}: the body broke off for ${show(input)}: ${String(error)}`);
            }
          }
          expectNoErrorLogged(`${route} ${method}`, input);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

const pages = filesUnder(path.join(ROOT, "app"), (name) => name === "page.tsx").filter((file) => /\bparams\b|searchParams/.test(readFileSync(file, "utf8")));

test("the pages that read their path or query are found", () => {
  expect(pages.length).toBeGreaterThanOrEqual(12);
});

describe.each(pages.map((file) => [path.relative(ROOT, file), file] as const))("page %s", (_name, file) => {
  test("renders or signals 404/403/redirect, and logs no error", async () => {
    const page = jest.requireActual<{ default: (props: unknown) => Promise<unknown> }>(file).default;
    const names = segmentsOf(file);
    await fc.assert(
      fc.asyncProperty(roles, fc.tuple(...names.map(() => pathValue)), query, async (role, values, entries) => {
        await actAs(role);
        const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""]));
        const input = { role, params, entries };
        try {
          await page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParamsOf(entries)) });
        } catch (error) {
          if (!isNavigation(error)) throw new Error(`${path.relative(ROOT, file)} threw (HTTP 500) for ${show(input)}: ${String(error)}`);
        }
        expectNoErrorLogged(path.relative(ROOT, file), input);
      }),
      { numRuns: RUNS },
    );
  });
});
