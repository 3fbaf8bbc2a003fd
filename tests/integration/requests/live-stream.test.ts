/** @jest-environment node */
/**
 * The live event stream of a request page (app/api/demandes/[id]/flux): it ends soon after its
 * session does (logout, a deactivated account), and one user cannot hold more than a few at once.
 * The probe found a stream still delivering events after logout, and 1 500 streams of one learner
 * (+130 MB, a MaxListeners warning).
 */
import { randomUUID } from "node:crypto";
import { GET } from "@/app/api/demandes/[id]/flux/route";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { openStreamCount } from "@/lib/requests/live-streams";
import { db } from "@/lib/shared/db";
import { requestEvents } from "@/lib/shared/events";
import { createUser, ensureCentre } from "../../support/factories";
import { ensureCatalogue } from "../../support/requests";

jest.mock("@/lib/auth/session", () => ({ getCurrentUser: jest.fn() }));
const sessionUser = jest.mocked(getCurrentUser);

const decoder = new TextDecoder();

beforeAll(async () => {
  await ensureCentre("PARIS");
  await ensureCatalogue();
});
afterAll(async () => {
  await requestEvents().close();
});
afterEach(() => {
  delete process.env.STREAM_SESSION_CHECK_MS;
  delete process.env.STREAM_MAX_PER_USER;
});

/** A learner with a session row and a draft of their own, signed in for the route. */
async function signedInLearnerWithRequest(): Promise<{ user: CurrentUser; requestId: string }> {
  const created = await createUser();
  const sessionId = randomUUID();
  await db.session.create({ data: { id: sessionId, userId: created.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const request = { id: await insertDraft(created.id) };
  const user: CurrentUser = { id: created.id, sessionId, identifier: created.identifier, displayName: created.displayName, role: "AUDITEUR", centreCode: null, profileComplete: true };
  sessionUser.mockResolvedValue(user);
  return { user, requestId: request.id };
}

/** An anticipated analysis draft, in SQL (these tests are about its documents and streams, not its lifecycle). */
async function insertDraft(learnerId: string): Promise<string> {
  const id = `test${randomUUID().replace(/-/g, "")}`;
  await db.$executeRaw`INSERT INTO "Request" (id, kind, mode, state, "learnerId", "centreCode", "diplomaKey", "updatedAt")
    VALUES (${id}, 'EXPERIENCE'::"RequestKind", 'ANTICIPEE'::"ExperienceMode", 'DRAFT'::"RequestState", ${learnerId}, 'PARIS', 'LG02501A', now())`;
  return id;
}

function open(requestId: string, controller = new AbortController()) {
  return { response: GET(new Request(`http://localhost/api/demandes/${requestId}/flux`, { signal: controller.signal }), { params: Promise.resolve({ id: requestId }) }), controller };
}

/** Reads a stream until it ends or `ms` pass; returns what arrived and whether it ended (the reader stays usable). */
async function readFor(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<{ text: string; ended: boolean }> {
  let text = "";
  const deadline = Date.now() + ms;
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) {
      // A read still pending when the time is up keeps its place: the next readFor awaits it.
      if (pending) pendingReads.set(reader, pending);
      return { text, ended: false };
    }
    pending ??= pendingReads.get(reader) ?? reader.read();
    pendingReads.delete(reader);
    let timer: NodeJS.Timeout | undefined;
    const chunk = await Promise.race([pending, new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left)))]);
    clearTimeout(timer);
    if (chunk === "timeout") continue;
    pending = null;
    if (chunk.done) return { text, ended: true };
    text += decoder.decode(chunk.value);
  }
}
const pendingReads = new Map<ReadableStreamDefaultReader<Uint8Array>, Promise<ReadableStreamReadResult<Uint8Array>>>();

test("a stream ends soon after its session is deleted (logout), with an « ended » event", async () => {
  process.env.STREAM_SESSION_CHECK_MS = "200";
  const { user, requestId } = await signedInLearnerWithRequest();
  const response = await open(requestId).response;
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toContain("private");
  const reading = readFor(response.body!.getReader(), 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await db.session.delete({ where: { id: user.sessionId } });
  const { text, ended } = await reading;
  expect(text).toContain("event: change");
  expect(ended).toBe(true);
  expect(text).toContain("event: ended");
  expect(openStreamCount(user.id)).toBe(0);
}, 30_000);

test("a stream ends when the account is deactivated, and stays open while the session is valid", async () => {
  process.env.STREAM_SESSION_CHECK_MS = "200";
  const { user, requestId } = await signedInLearnerWithRequest();
  const response = await open(requestId).response;
  const reader = response.body!.getReader();
  // Several checks pass while the session is valid: the stream stays.
  expect((await readFor(reader, 1_000)).ended).toBe(false);
  await db.user.update({ where: { id: user.id }, data: { active: false } });
  expect((await readFor(reader, 10_000)).ended).toBe(true);
}, 30_000);

test("one user holds at most STREAM_MAX_PER_USER streams: more are refused with 429; closing one frees its place", async () => {
  process.env.STREAM_MAX_PER_USER = "5";
  const { user, requestId } = await signedInLearnerWithRequest();
  const opened = await Promise.all(Array.from({ length: 8 }, () => open(requestId)).map(async ({ response, controller }) => ({ response: await response, controller })));
  const accepted = opened.filter((o) => o.response.status === 200);
  expect(accepted).toHaveLength(5);
  expect(opened.filter((o) => o.response.status === 429)).toHaveLength(3);
  expect(openStreamCount(user.id)).toBe(5);
  // Another user is not affected by this one's streams.
  const other = await signedInLearnerWithRequest();
  const theirs = open(other.requestId);
  expect((await theirs.response).status).toBe(200);
  theirs.controller.abort();
  sessionUser.mockResolvedValue(user);

  accepted[0]!.controller.abort();
  expect(openStreamCount(user.id)).toBe(4);
  const again = open(requestId);
  expect((await again.response).status).toBe(200);
  again.controller.abort();
  for (const { controller } of accepted) controller.abort();
  expect(openStreamCount(user.id)).toBe(0);
}, 30_000);

test("1 500 openings by one learner keep 5 streams and raise no MaxListeners warning", async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  const { user, requestId } = await signedInLearnerWithRequest();
  const controllers: AbortController[] = [];
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 1_500; i += 100) {
      const batch = Array.from({ length: 100 }, () => open(requestId));
      controllers.push(...batch.map((b) => b.controller));
      statuses.push(...(await Promise.all(batch.map(async (b) => (await b.response).status))));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1_495);
    expect(openStreamCount(user.id)).toBe(5);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  } finally {
    process.off("warning", onWarning);
    for (const controller of controllers) controller.abort();
  }
}, 120_000);
