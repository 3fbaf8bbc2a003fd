import { db } from "@/lib/shared/db";
import { completeProfile } from "@/lib/profile/complete-profile";
import { searchKey } from "@/lib/shared/text";
import { learnerDisplayName } from "@/lib/requests/domain/learner-copy";
import type { RequestState } from "@/lib/requests/domain/request-lifecycle";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { QUEUE_MATCH_CAP, csvDownload, exportQueueCsv, parseQueueFilters, queueCounts, queueFor, type QueueFilters } from "@/lib/requests/staff-queries";
import { createStaff, ensureCatalogue, staffTransition, submitJointDiplomaRequest } from "../../support/requests";
import { createUser, ensureCentre, uniqueSuffix, validProfileInput } from "../../support/factories";

// The PostgreSQL database is shared by every test file: each test works in centres of its own, and
// national queries are narrowed to them with the `centre` filter.

const LICENCE = "LG02501A";
let otherDiploma: string;

beforeAll(async () => {
  await ensureCatalogue();
  otherDiploma = (await db.diploma.findFirstOrThrow({ where: { key: { not: LICENCE } }, select: { key: true } })).key;
});

async function newCentre() {
  const code = `T-${uniqueSuffix()}`.toUpperCase();
  await ensureCentre(code);
  return code;
}

async function learnerOf(centreCode: string, names: { firstNames?: string; birthName?: string; usageName?: string } = {}) {
  const user = await createUser();
  const profile = validProfileInput({ centreCode, ...names });
  const saved = await completeProfile(user.id, profile);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return { id: user.id, ...profile };
}

type Learner = Awaited<ReturnType<typeof learnerOf>>;

type Seed = {
  learner: Learner;
  state?: RequestState;
  kind?: "DIPLOMA" | "EXPERIENCE";
  diplomaKey?: string;
  submittedAt?: Date;
  lastChangeAt?: Date;
  forwarded?: boolean;
  assignedAgentId?: string | null;
  /** A number of the real shape (D3-2026-000123); otherwise one unique to this test run. */
  number?: string;
};

let sequence = 0;

/** Requests written directly (createMany), as the submission would have left them. */
async function seedRequests(centreCode: string, seeds: Seed[]): Promise<string[]> {
  // Upper case, as real numbers are: a search by number reads the unique index, case folded to it.
  const prefix = `D3-T${uniqueSuffix()}`.toUpperCase();
  const data = seeds.map((seed) => {
    const number = seed.number ?? `${prefix}-${String(++sequence).padStart(6, "0")}`;
    const state = seed.state ?? "SUBMITTED";
    const submittedAt = state === "DRAFT" ? null : (seed.submittedAt ?? new Date("2026-03-10T10:00:00Z"));
    const { learner } = seed;
    return {
      number: state === "DRAFT" ? null : number,
      kind: seed.kind ?? "DIPLOMA",
      mode: seed.kind === "EXPERIENCE" ? ("ANTICIPEE" as const) : null,
      state,
      learnerId: learner.id,
      centreCode,
      diplomaKey: seed.diplomaKey ?? LICENCE,
      submittedAt,
      forwardedAt: seed.forwarded ? (submittedAt ?? new Date()) : null,
      lastChangeAt: seed.lastChangeAt ?? submittedAt ?? new Date(),
      assignedAgentId: seed.assignedAgentId ?? null,
      searchText: searchKey([number, learner.firstNames, learner.birthName, learner.usageName, learner.learnerNumber].filter(Boolean).join(" ")),
    };
  });
  await db.request.createMany({ data });
  return data.map((row) => row.number ?? "");
}

const filters = (params: Record<string, string> = {}): QueueFilters => parseQueueFilters(params);

async function numbers(viewer: Viewer, params: Record<string, string> = {}): Promise<string[]> {
  return (await queueFor(viewer, filters(params), 1000)).rows.map((row) => row.number).sort();
}

async function readAll(viewer: Viewer, params: Record<string, string>, pageSize: number) {
  const seen: string[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await queueFor(viewer, filters({ ...params, ...(after ? { after } : {}) }), pageSize);
    seen.push(...page.rows.map((row) => row.id));
    after = page.nextCursor ?? undefined;
    pages += 1;
  } while (after && pages < 100);
  return { seen, pages };
}

describe("parseQueueFilters", () => {
  test("keeps good values and drops bad ones without throwing", () => {
    expect(
      parseQueueFilters({ kind: "DIPLOMA", state: "IN_REVIEW", from: "2026-01-31", to: "2026-02-30", assigned: "everyone", q: "  Lefèvre ", sort: "sideways", centre: ["PARIS", "LYON"] }),
    ).toEqual({ kind: "DIPLOMA", state: "IN_REVIEW", from: "2026-01-31", q: "Lefèvre", centre: "PARIS", sort: "recent" });
  });

  test("DRAFT is never a staff filter", () => {
    expect(parseQueueFilters({ state: "DRAFT" }).state).toBeUndefined();
  });

  test("odd inputs give the default queue", () => {
    expect(parseQueueFilters({ kind: "x".repeat(10_000), after: "not a cursor!", q: "" })).toEqual({ sort: "recent" });
  });
});

describe("scope", () => {
  test("a centre agent sees the submitted requests of their centre, never drafts nor another centre's", async () => {
    const [centre, other] = [await newCentre(), await newCentre()];
    const learner = await learnerOf(centre);
    const stranger = await learnerOf(other);
    const mine = await seedRequests(centre, [{ learner }, { learner, state: "IN_REVIEW", diplomaKey: otherDiploma }, { learner, state: "REFUSED", kind: "EXPERIENCE" }]);
    await seedRequests(centre, [{ learner, state: "DRAFT", kind: "EXPERIENCE", diplomaKey: otherDiploma }]);
    await seedRequests(other, [{ learner: stranger }]);
    const agent = await createStaff("AGENT_CENTRE", centre);

    const page = await queueFor(agent, filters());
    expect(page.rows.map((row) => row.number).sort()).toEqual([...mine].sort());
    expect(page.counts).toEqual({ byState: { SUBMITTED: 1, IN_REVIEW: 1, REFUSED: 1 }, total: 3 });
    // A centre agent cannot widen the scope with the national filter.
    expect(await numbers(agent, { centre: other })).toEqual([...mine].sort());
  });

  test("the national level sees forwarded requests only, from every centre", async () => {
    const [centre, other] = [await newCentre(), await newCentre()];
    const [learner, stranger] = [await learnerOf(centre), await learnerOf(other)];
    const forwarded = await seedRequests(centre, [{ learner, state: "FORWARDED", forwarded: true }]);
    await seedRequests(centre, [{ learner, state: "IN_REVIEW", kind: "EXPERIENCE" }]);
    const elsewhere = await seedRequests(other, [{ learner: stranger, state: "VALIDATED", forwarded: true }]);
    const national = await createStaff("AGENT_NATIONAL");

    const page = await queueFor(national, filters({ centre }));
    expect(page.rows.map((row) => row.number)).toEqual(forwarded);
    expect(page.rows[0]).toMatchObject({ centreName: `Cnam ${centre}`, learnerName: "Zoé Hélène Lefèvre", learnerNumber: learner.learnerNumber, diplomaCode: LICENCE });
    expect(await numbers(national, { centre: other })).toEqual(elsewhere);
    expect((await queueFor(national, filters())).rows.map((row) => row.number)).toEqual(expect.arrayContaining([...forwarded, ...elsewhere]));
  });

  test("learners and administrators get nothing", async () => {
    const centre = await newCentre();
    const learner = await learnerOf(centre);
    await seedRequests(centre, [{ learner, state: "FORWARDED", forwarded: true }]);
    const admin = await createStaff("ADMIN");
    for (const viewer of [{ id: learner.id, role: "AUDITEUR" as const, centreCode: null }, admin, { id: "x", role: "AGENT_CENTRE" as const, centreCode: null }]) {
      expect(await queueFor(viewer, filters())).toEqual({ rows: [], nextCursor: null, counts: { byState: {}, total: 0 } });
    }
  });
});

describe("filters", () => {
  let centre: string;
  let agent: Viewer;
  let all: Record<string, string>;

  beforeAll(async () => {
    centre = await newCentre();
    agent = await createStaff("AGENT_CENTRE", centre);
    const colleague = await createStaff("AGENT_CENTRE", centre);
    const lefevre = await learnerOf(centre, { birthName: "Lefèvre", firstNames: "Zoé" });
    const nguyen = await learnerOf(centre, { birthName: "Nguyen", usageName: "Étienne-Durand", firstNames: "Anaïs" });
    const [a, b, c, d, e] = await seedRequests(centre, [
      { learner: lefevre, kind: "DIPLOMA", state: "SUBMITTED", submittedAt: new Date("2026-01-14T22:30:00Z") }, // 14 Jan 23:30 in Paris
      { learner: lefevre, kind: "EXPERIENCE", state: "IN_REVIEW", submittedAt: new Date("2026-01-14T23:30:00Z"), assignedAgentId: agent.id }, // 15 Jan 00:30 in Paris
      { learner: nguyen, kind: "DIPLOMA", state: "IN_REVIEW", diplomaKey: otherDiploma, submittedAt: new Date("2026-02-01T09:00:00Z"), assignedAgentId: colleague.id },
      { learner: nguyen, kind: "EXPERIENCE", state: "CORRECTION_REQUESTED", submittedAt: new Date("2026-03-01T09:00:00Z") },
      { learner: nguyen, kind: "DIPLOMA", state: "FORWARDED", forwarded: true, submittedAt: new Date("2026-07-01T09:00:00Z") },
    ]);
    all = { a: a!, b: b!, c: c!, d: d!, e: e! };
  });

  const expectNumbers = async (params: Record<string, string>, keys: string) => {
    expect(await numbers(agent, params)).toEqual(keys.split("").map((key) => all[key]).sort());
  };

  test("kind, state and diploma", async () => {
    await expectNumbers({ kind: "EXPERIENCE" }, "bd");
    await expectNumbers({ state: "IN_REVIEW" }, "bc");
    await expectNumbers({ diploma: otherDiploma }, "c");
    await expectNumbers({ kind: "DIPLOMA", state: "IN_REVIEW" }, "c");
  });

  test("submission dates are calendar days in Paris, both ends included", async () => {
    await expectNumbers({ from: "2026-01-15" }, "bcde");
    await expectNumbers({ to: "2026-01-14" }, "a");
    await expectNumbers({ from: "2026-01-15", to: "2026-03-01" }, "bcd");
    // Summer time (UTC+2): 1 July 09:00 UTC is 11:00 in Paris.
    await expectNumbers({ from: "2026-07-01", to: "2026-07-01" }, "e");
  });

  test("assignment: to me, or to nobody", async () => {
    await expectNumbers({ assigned: "me" }, "b");
    await expectNumbers({ assigned: "none" }, "ade");
  });

  test("search by name, accents and case aside, by learner number and by request number", async () => {
    await expectNumbers({ q: "lefevre" }, "ab");
    await expectNumbers({ q: "LEFÈVRE zoé" }, "ab");
    await expectNumbers({ q: "etienne anais" }, "cde");
    await expectNumbers({ q: "nguyen lefevre" }, "");
    const nguyenNumber = (await queueFor(agent, filters({ q: "nguyen" }))).rows[0]!.learnerNumber!;
    await expectNumbers({ q: nguyenNumber.toLowerCase() }, "cde");
    await expectNumbers({ q: all.c!.toLowerCase() }, "c");
  });

  test("search by request number, whole or its beginning, in any case, alone or with a name", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const lefevre = await learnerOf(centre, { birthName: "Lefèvre", firstNames: "Zoé" });
    const nguyen = await learnerOf(centre, { birthName: "Nguyen", firstNames: "Anaïs" });
    const [x, y, z] = await seedRequests(centre, [
      { learner: lefevre, number: "D3-2031-004210" },
      { learner: nguyen, number: "D3-2031-004217" },
      { learner: lefevre, number: "D3-2031-004300" },
    ]);
    const ids = (params: Record<string, string>) => numbers(agent, params);
    expect(await ids({ q: "D3-2031-004217" })).toEqual([y]);
    expect(await ids({ q: "d3-2031-0042" })).toEqual([x, y]);
    expect(await ids({ q: "d3-2031-" })).toEqual([x, y, z]);
    expect(await ids({ q: "D3-2031-004 Lefèvre" })).toEqual([x, z]);
    expect(await ids({ q: "d3-2031-0043 nguyen" })).toEqual([]);
    expect((await queueCounts(agent, filters({ q: "d3-2031-0042" }))).total).toBe(2);
  });

  test("the searches can use the indexes: the words of a centre or of the national level in submission order, the unique index for numbers", async () => {
    // The test database is small enough for sequential scans to win; forbidding them shows whether
    // an index can serve the query at all. The queries are of the shape the queue writes.
    const plans = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const explain = async (query: string, ...values: string[]) =>
        (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...values)).map((row) => row["QUERY PLAN"]).join("\n");
      const words = (scope: string) =>
        `SELECT d."requestId", d.state, d."submittedAt", d."lastChangeAt" FROM "RequestSearchWord" d WHERE ${scope} AND d.word >= $1 AND d.word < $2
         AND d.state <> 'DRAFT' AND d."submittedAt" IS NOT NULL ORDER BY d.word DESC, d."submittedAt" DESC, d."requestId" DESC LIMIT 1001`;
      return {
        centre: await explain(words(`d."centreCode" = 'T-SOMEWHERE'`), "lef", "leg"),
        national: await explain(words("d.forwarded = true"), "lef", "leg"),
        number: await explain(`SELECT id FROM "Request" WHERE "number" >= $1 AND "number" < $2 AND "number" LIKE $3`, "D3-2031-0042", "D3-2031-0042z", "D3-2031-0042%"),
      };
    });
    // One range of one index, read in the order of the LIMIT: no sort, no other centre's entries.
    expect(plans.centre).not.toMatch(/Sort/);
    expect(plans.centre).toMatch(
      /Index Only Scan Backward using "RequestSearchWord_centreCode_word_[^"]*"[^\n]*\n\s+Index Cond: \(\("centreCode" = 'T-SOMEWHERE'::text\) AND \(word >= 'lef'::text\) AND \(word < 'leg'::text\)/,
    );
    expect(plans.national).not.toMatch(/Sort/);
    expect(plans.national).toMatch(/Index Only Scan Backward using "RequestSearchWord_forwarded_word_[^"]*"[^\n]*\n\s+Index Cond: \(\(forwarded = true\) AND \(word >= 'lef'::text\) AND \(word < 'leg'::text\)/);
    expect(plans.number).toMatch(/Index (Only )?Scan using "Request_number_key"[^\n]*\n\s+Index Cond: \(\(number >= 'D3-2031-0042'::text\) AND \(number < 'D3-2031-0042z'::text\)\)/);
  });

  test("counts per state follow every filter but the state", async () => {
    expect((await queueFor(agent, filters({ state: "IN_REVIEW", q: "nguyen" }))).counts).toEqual({
      byState: { IN_REVIEW: 1, CORRECTION_REQUESTED: 1, FORWARDED: 1 },
      total: 3,
    });
    expect(await queueCounts(agent, filters({ kind: "DIPLOMA" }))).toEqual({ byState: { SUBMITTED: 1, IN_REVIEW: 1, FORWARDED: 1 }, total: 3 });
  });
});

describe("keyset pagination", () => {
  let centre: string;
  let agent: Viewer;
  let national: Viewer;
  let rows: { id: string; submittedAt: Date | null; lastChangeAt: Date }[];

  beforeAll(async () => {
    centre = await newCentre();
    agent = await createStaff("AGENT_CENTRE", centre);
    national = await createStaff("AGENT_NATIONAL");
    const learner = await learnerOf(centre);
    // 120 requests on a handful of instants: most rows tie on the sort column, only the id orders them.
    await seedRequests(
      centre,
      Array.from({ length: 120 }, (_, i): Seed => ({
        learner,
        state: i % 3 === 0 ? "SUBMITTED" : "FORWARDED",
        forwarded: i % 3 !== 0,
        submittedAt: new Date(Date.UTC(2026, 0, 1 + (i % 7))),
        lastChangeAt: new Date(Date.UTC(2026, 1, 1 + (i % 5))),
      })),
    );
    rows = await db.request.findMany({ where: { centreCode: centre }, select: { id: true, submittedAt: true, lastChangeAt: true } });
  });

  test.each([
    ["recent", "submittedAt", -1],
    ["oldest", "submittedAt", 1],
    ["changed", "lastChangeAt", -1],
  ] as const)("sort %s: every row exactly once, in order, page after page", async (sort, column, direction) => {
    const { seen, pages } = await readAll(agent, { sort }, 13);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(120);
    expect(new Set(seen)).toEqual(new Set(rows.map((row) => row.id)));
    // Ties are ordered by id in the database's own collation: the sort column must never go back.
    const timeOf = new Map(rows.map((row) => [row.id, row[column]!.getTime()]));
    const times = seen.map((id) => timeOf.get(id)!);
    expect(times).toEqual([...times].sort((x, y) => direction * (x - y)));
  });

  test("the national queue pages the same way over its own scope", async () => {
    const { seen } = await readAll(national, { centre, sort: "oldest" }, 25);
    expect(seen).toHaveLength(80);
    expect(new Set(seen).size).toBe(80);
  });

  test("counts come with the first page only", async () => {
    const first = await queueFor(agent, filters(), 10);
    expect(first.counts).toEqual({ byState: { SUBMITTED: 40, FORWARDED: 80 }, total: 120 });
    expect((await queueFor(agent, filters({ after: first.nextCursor! }), 10)).counts).toBeNull();
  });

  test("the last page has no cursor; a page of exactly the remaining rows too", async () => {
    expect((await queueFor(agent, filters(), 120)).nextCursor).toBeNull();
    expect((await queueFor(agent, filters(), 119)).nextCursor).not.toBeNull();
  });

  test("a tampered or foreign cursor is ignored: the queue starts from the top", async () => {
    const first = await queueFor(agent, filters(), 10);
    const cursor = first.nextCursor!;
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString());
    for (const after of [
      cursor.slice(0, -3),
      "eyJub3QiOiJqc29u",
      forge({ ...decoded, v: "yesterday" }),
      forge({ ...decoded, i: { $gt: "" } }),
      forge({ ...decoded, s: "oldest" }),
      forge("just a string"),
    ]) {
      const page = await queueFor(agent, filters({ after }), 10);
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    }
  });
});

describe("search by the beginnings of words", () => {
  let centre: string;
  let agent: Viewer;
  let national: Viewer;
  let all: Record<string, string>;

  beforeAll(async () => {
    centre = await newCentre();
    agent = await createStaff("AGENT_CENTRE", centre);
    national = await createStaff("AGENT_NATIONAL");
    const martin = await learnerOf(centre, { birthName: "Martin", firstNames: "Léa" });
    const martinez = await learnerOf(centre, { birthName: "Martínez", firstNames: "Hugo" });
    const lefevre = await learnerOf(centre, { birthName: "Lefèvre", usageName: "Martin-Dupré", firstNames: "Jean-Pierre" });
    const obrien = await learnerOf(centre, { birthName: "O'Brien", firstNames: "Œdipe" });
    const [a, b, c, d] = await seedRequests(centre, [{ learner: martin }, { learner: martinez, forwarded: true, state: "FORWARDED" }, { learner: lefevre }, { learner: obrien }]);
    all = { a: a!, b: b!, c: c!, d: d! };
  });

  const expectNumbers = async (params: Record<string, string>, keys: string, viewer = agent) => {
    expect(await numbers(viewer, params)).toEqual(keys.split("").filter(Boolean).map((key) => all[key]).sort());
  };

  test("a search word finds the words it begins, not the words it is inside (on purpose: it was any substring before)", async () => {
    await expectNumbers({ q: "martin" }, "abc");
    await expectNumbers({ q: "mar" }, "abc");
    await expectNumbers({ q: "martine" }, "b");
    await expectNumbers({ q: "lef" }, "c");
    await expectNumbers({ q: "l" }, "ac");
    await expectNumbers({ q: "efev" }, "");
    await expectNumbers({ q: "artin" }, "");
  });

  test("without accents or case, on both sides", async () => {
    await expectNumbers({ q: "MARTÍNEZ" }, "b");
    await expectNumbers({ q: "martinez" }, "b");
    await expectNumbers({ q: "LÉ" }, "ac");
    await expectNumbers({ q: "œdi" }, "d");
  });

  test("compound names: each part is a word, and the whole name finds the same", async () => {
    await expectNumbers({ q: "dupre" }, "c");
    await expectNumbers({ q: "pierre" }, "c");
    await expectNumbers({ q: "Martin-Dupré" }, "c");
    await expectNumbers({ q: "jean-p" }, "c");
    await expectNumbers({ q: "brien" }, "d");
    await expectNumbers({ q: "O'Brien" }, "d");
    await expectNumbers({ q: "o’brien" }, "d");
  });

  test("several words: every one must begin a word of the request, in any order", async () => {
    await expectNumbers({ q: "martin lea" }, "a");
    await expectNumbers({ q: "lea martin" }, "a");
    await expectNumbers({ q: "hugo mar" }, "b");
    await expectNumbers({ q: "mar jean lef" }, "c");
    await expectNumbers({ q: "martin hugo lea" }, "");
    // A request with two words beginning with the search word is listed and counted once.
    const page = await queueFor(agent, filters({ q: "m" }));
    expect(page.rows.map((row) => row.number).sort()).toEqual([all.a, all.b, all.c].sort());
    expect(page.counts).toEqual({ byState: { SUBMITTED: 2, FORWARDED: 1 }, total: 3 });
  });

  test("learner numbers by their beginning; punctuation alone finds nothing", async () => {
    const { learnerNumber } = (await db.learnerProfile.findFirstOrThrow({ where: { birthName: "O'Brien", centreCode: centre }, select: { learnerNumber: true } }));
    await expectNumbers({ q: learnerNumber!.slice(0, 6).toLowerCase() }, "d");
    await expectNumbers({ q: "-- '" }, "");
    expect((await queueFor(agent, filters({ q: "-- '" }))).counts).toEqual({ byState: {}, total: 0 });
  });

  test("the national level searches its forwarded requests only, with or without the centre filter", async () => {
    await expectNumbers({ q: "martin", centre }, "b", national);
    expect((await queueFor(national, filters({ q: "martinez" }))).rows.map((row) => row.number)).toContain(all.b);
    expect((await queueFor(national, filters({ q: "lefevre", centre }))).rows).toEqual([]);
  });

  test("the CSV export matches the same way as the screen", async () => {
    let text = "";
    for await (const line of exportQueueCsv(agent, filters({ q: "mar jean" }))) text += line;
    expect(text.split("\r\n").slice(1, -1).map((line) => line.split(";")[0])).toEqual([all.c]);
  });
});

describe("search words follow the requests", () => {
  /** Every difference between RequestSearchWord and the words the requests should have, in one statement. */
  const differences = () =>
    db.$queryRaw<unknown[]>`
      SELECT * FROM (
        SELECT r.id AS "requestId", w.word, w."allWords", r."centreCode", r."forwardedAt" IS NOT NULL AS forwarded, r.state, r.kind, r."submittedAt", r."lastChangeAt"
        FROM "Request" r CROSS JOIN LATERAL request_search_words(r."searchText") w
      ) AS expected
      FULL JOIN "RequestSearchWord" AS kept USING ("requestId", word)
      WHERE expected."requestId" IS NULL OR kept."requestId" IS NULL
         OR (expected."allWords", expected."centreCode", expected.forwarded, expected.state, expected.kind, expected."submittedAt", expected."lastChangeAt")
            IS DISTINCT FROM (kept."allWords", kept."centreCode", kept.forwarded, kept.state, kept.kind, kept."submittedAt", kept."lastChangeAt")`;

  const wordsOf = async (requestId: string) => (await db.requestSearchWord.findMany({ where: { requestId }, select: { word: true }, orderBy: { word: "asc" } })).map((row) => row.word);
  const allWordsOf = async (requestId: string) => new Set((await db.requestSearchWord.findMany({ where: { requestId }, select: { allWords: true } })).map((row) => row.allWords));

  test("the words of a request: its names and learner number cut at punctuation, without the request number", async () => {
    const centre = await newCentre();
    const learner = await learnerOf(centre, { birthName: "Lefèvre", usageName: "Martin-Dupré", firstNames: "Zoé" });
    const [number] = await seedRequests(centre, [{ learner }]);
    const { id } = await db.request.findUniqueOrThrow({ where: { number }, select: { id: true } });
    const words = [learner.learnerNumber.toLowerCase(), "dupre", "lefevre", "martin", "zoe"].sort();
    expect(await wordsOf(id)).toEqual(words);
    // Every entry carries all the words, each after a space, in some order.
    const [allWords, ...others] = [...(await allWordsOf(id))];
    expect(others).toEqual([]);
    expect(allWords!.startsWith(" ")).toBe(true);
    expect(allWords!.slice(1).split(" ").sort()).toEqual(words);
  });

  test("inserts, updates of the text and of the copied columns, and deletes keep them equal to the requests", async () => {
    const [centre, other] = [await newCentre(), await newCentre()];
    const learner = await learnerOf(centre, { birthName: "Nguyen", firstNames: "Anaïs" });
    const agent = await createStaff("AGENT_CENTRE", centre);
    const [x, y, z] = await seedRequests(centre, [{ learner }, { learner }, { learner, state: "DRAFT" }]);
    expect(await differences()).toEqual([]);

    // A new searchText (as the submission writes it) replaces the words.
    await db.request.updateMany({ where: { number: x }, data: { searchText: searchKey(`${x} Anaïs Tran-Nguyen 123`) } });
    expect(await numbers(agent, { q: "tran" })).toEqual([x]);
    // The columns the queues scope, filter and sort by follow, one request or many at once.
    await db.request.updateMany({ where: { number: y }, data: { state: "FORWARDED", forwardedAt: new Date(), lastChangeAt: new Date("2026-05-01T00:00:00Z") } });
    await db.request.updateMany({ where: { centreCode: centre, state: "SUBMITTED" }, data: { kind: "EXPERIENCE", mode: "ANTICIPEE", submittedAt: new Date("2026-04-01T00:00:00Z") } });
    expect((await queueFor(agent, filters({ q: "nguyen" }))).counts).toEqual({ byState: { SUBMITTED: 1, FORWARDED: 1 }, total: 2 });
    expect(await numbers(agent, { q: "nguyen", kind: "EXPERIENCE", from: "2026-04-01", to: "2026-04-01" })).toEqual([x]);
    await db.request.updateMany({ where: { state: "DRAFT", centreCode: centre }, data: { centreCode: other } });
    // Updates that touch none of them leave the words alone.
    await db.request.updateMany({ where: { centreCode: centre }, data: { version: { increment: 1 } } });
    expect(await differences()).toEqual([]);

    const { id } = await db.request.findUniqueOrThrow({ where: { number: y }, select: { id: true } });
    await db.request.deleteMany({ where: { number: { in: [x!, y!] } } });
    expect(await wordsOf(id)).toEqual([]);
    expect(await numbers(agent, { q: "nguyen" })).toEqual([]);
    expect(z).toBe("");
    expect(await differences()).toEqual([]);
  });

  test("a submitted request is found by its learner's name as soon as the submission commits; a transition moves its words", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const { requestId, analysisId } = await submitJointDiplomaRequest({ centreCode: centre });
    const page = await queueFor(agent, filters({ q: "zoe lefe" }));
    expect(page.rows.map((row) => row.id).sort()).toEqual([requestId, analysisId].sort());
    expect(page.counts).toEqual({ byState: { SUBMITTED: 2 }, total: 2 });
    expect((await staffTransition(agent, analysisId, { type: "takeInCharge", expectedVersion: 2 })).ok).toBe(true);
    expect((await queueFor(agent, filters({ q: "zoe lefe" }))).counts).toEqual({ byState: { SUBMITTED: 1, IN_REVIEW: 1 }, total: 2 });
    expect(await differences()).toEqual([]);
  });
});

describe("counts per state", () => {
  test("RequestCount follows every insert, update and delete, and equals counting the requests", async () => {
    const [centre, other] = [await newCentre(), await newCentre()];
    const learner = await learnerOf(centre);
    const agent = await createStaff("AGENT_CENTRE", centre);
    const national = await createStaff("AGENT_NATIONAL");
    await seedRequests(centre, [{ learner }, { learner }, { learner, state: "IN_REVIEW" }, { learner, state: "DRAFT" }, { learner, kind: "EXPERIENCE", state: "IN_REVIEW" }]);
    expect(await queueCounts(agent, filters())).toEqual({ byState: { SUBMITTED: 2, IN_REVIEW: 2 }, total: 4 });

    await db.request.updateMany({ where: { centreCode: centre, state: "IN_REVIEW", kind: "DIPLOMA" }, data: { state: "FORWARDED", forwardedAt: new Date() } });
    await db.request.updateMany({ where: { centreCode: centre, state: "SUBMITTED" }, data: { state: "REFUSED" } });
    // A learner who moves takes their drafts to the new centre.
    await db.request.updateMany({ where: { centreCode: centre, state: "DRAFT" }, data: { centreCode: other } });
    // Changes that leave the counted columns alone.
    await db.request.updateMany({ where: { centreCode: centre }, data: { version: { increment: 1 }, lastChangeAt: new Date() } });
    await db.request.deleteMany({ where: { centreCode: centre, kind: "EXPERIENCE" } });

    expect(await queueCounts(agent, filters())).toEqual({ byState: { REFUSED: 2, FORWARDED: 1 }, total: 3 });
    expect(await queueCounts(agent, filters({ kind: "EXPERIENCE" }))).toEqual({ byState: {}, total: 0 });
    expect(await queueCounts(national, filters({ centre }))).toEqual({ byState: { FORWARDED: 1 }, total: 1 });
    // Counting the rows themselves (the path of the other filters) gives the same numbers.
    expect(await queueCounts(agent, filters({ from: "2000-01-01" }))).toEqual({ byState: { REFUSED: 2, FORWARDED: 1 }, total: 3 });

    // Over the whole table, in one statement (one snapshot): no key counted differently.
    const differences = await db.$queryRaw<unknown[]>`
      SELECT * FROM (SELECT "centreCode", "forwardedAt" IS NOT NULL AS forwarded, state, kind, count(*)::int AS count FROM "Request" GROUP BY 1, 2, 3, 4) AS actual
      FULL JOIN (SELECT * FROM "RequestCount" WHERE count <> 0) AS kept USING ("centreCode", forwarded, state, kind)
      WHERE actual.count IS DISTINCT FROM kept.count`;
    expect(differences).toEqual([]);
  });
});

describe("bounded work: counts and searches over many matches", () => {
  // A cap of 5 stands for QUEUE_MATCH_CAP (1 000): 8 Lefèvre requests and 3 Nguyen ones.
  const CAP = 5;
  let centre: string;
  let agent: Viewer;
  let lefevres: string[];
  let nguyens: string[];

  beforeAll(async () => {
    centre = await newCentre();
    agent = await createStaff("AGENT_CENTRE", centre);
    const lefevre = await learnerOf(centre, { birthName: "Lefèvre", firstNames: "Zoé" });
    const nguyen = await learnerOf(centre, { birthName: "Nguyen", firstNames: "Anaïs" });
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i));
    lefevres = await seedRequests(centre, Array.from({ length: 8 }, (_, i): Seed => ({ learner: lefevre, state: i % 2 ? "IN_REVIEW" : "SUBMITTED", submittedAt: day(i) })));
    nguyens = await seedRequests(centre, Array.from({ length: 3 }, (_, i): Seed => ({ learner: nguyen, state: "IN_REVIEW", submittedAt: day(10 + i) })));
  });

  test("the cap is 1 000", () => {
    expect(QUEUE_MATCH_CAP).toBe(1000);
  });

  test("below the cap, counts and searches are exact and say nothing of a cap", async () => {
    const page = await queueFor(agent, filters({ q: "nguyen" }), 2, CAP);
    expect(page.counts).toEqual({ byState: { IN_REVIEW: 3 }, total: 3 });
    expect(page.searchCap).toBeUndefined();
    expect(page.rows.map((row) => row.number)).toEqual([nguyens[2], nguyens[1]]);
    const next = await queueFor(agent, filters({ q: "nguyen", after: page.nextCursor! }), 2, CAP);
    expect(next.rows.map((row) => row.number)).toEqual([nguyens[0]]);
    expect(next.nextCursor).toBeNull();
    expect(await queueCounts(agent, filters({ from: "2026-01-12" }), CAP)).toEqual({ byState: { IN_REVIEW: 2 }, total: 2 });
    // Exactly the cap is not beyond it.
    expect(await queueCounts(agent, filters({ from: "2026-01-07" }), CAP)).toEqual({ byState: { IN_REVIEW: 4, SUBMITTED: 1 }, total: 5 });
  });

  test("counts over a date or assignment filter stop after the cap, and say so", async () => {
    const counts = await queueCounts(agent, filters({ assigned: "none" }), CAP);
    expect(counts).toMatchObject({ total: CAP, capped: true });
    expect(Object.values(counts.byState).reduce((sum, n) => sum + n, 0)).toBe(CAP);
    // Without such filters the counts come from RequestCount: exact whatever their size.
    expect(await queueCounts(agent, filters(), CAP)).toEqual({ byState: { SUBMITTED: 4, IN_REVIEW: 7 }, total: 11 });
  });

  test("a search beyond the cap lists its first matches only, every page of them once, and says so", async () => {
    const first = await queueFor(agent, filters({ q: "lefevre" }), 2, CAP);
    expect(first.counts).toMatchObject({ total: CAP, capped: true });
    expect(first.searchCap).toBe(CAP);
    const seen = [...first.rows.map((row) => row.number)];
    let after = first.nextCursor;
    while (after) {
      const page = await queueFor(agent, filters({ q: "lefevre", after }), 2, CAP);
      expect(page).toMatchObject({ counts: null, searchCap: CAP });
      seen.push(...page.rows.map((row) => row.number));
      after = page.nextCursor;
    }
    expect(seen).toHaveLength(CAP);
    expect(new Set(seen).size).toBe(CAP);
    expect(seen.every((number) => lefevres.includes(number))).toBe(true);
    // Listed in the order of the sort, like any page.
    const submitted = new Map(lefevres.map((number, i) => [number, i]));
    expect(seen.map((number) => submitted.get(number)!)).toEqual(seen.map((number) => submitted.get(number)!).sort((x, y) => y - x));
    // The state filter picks among those matches.
    const inReview = await queueFor(agent, filters({ q: "lefevre", state: "IN_REVIEW" }), 50, CAP);
    expect(inReview.rows.every((row) => row.state === "IN_REVIEW")).toBe(true);
    expect(inReview.rows.length).toBeLessThanOrEqual(CAP);
  });

  test("a search page whose cursor row has left the matches goes on after its sort value", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const learner = await learnerOf(centre, { birthName: "Lefèvre" });
    const day = (i: number) => new Date(Date.UTC(2026, 1, 1 + i));
    const [x, y, z] = await seedRequests(centre, [0, 1, 2].map((i): Seed => ({ learner, submittedAt: day(i) })));
    const first = await queueFor(agent, filters({ q: "lefevre" }), 1, CAP);
    expect(first.rows.map((row) => row.number)).toEqual([z]);
    await db.request.updateMany({ where: { number: z }, data: { searchText: "gone" } });
    expect((await queueFor(agent, filters({ q: "lefevre", after: first.nextCursor! }), 5, CAP)).rows.map((row) => row.number)).toEqual([y, x]);
  });

  test("wildcards typed in a search are plain characters", async () => {
    for (const q of ["lef_vre", "lef%vre", "d3-t%"]) expect((await queueFor(agent, filters({ q }), 50, CAP)).rows).toEqual([]);
  });

  test("the CSV export is not capped: it streams every match", async () => {
    let text = "";
    for await (const line of exportQueueCsv(agent, filters({ q: "lefevre" }), 3)) text += line;
    expect(text.split("\r\n").length - 2).toBe(8);
  });
});

describe("CSV export", () => {
  const collect = async (lines: AsyncGenerator<string>) => {
    let text = "";
    for await (const line of lines) text += line;
    return text;
  };

  test("BOM, French headers, `;`, CRLF, quoting and Paris dates", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const tricky = await learnerOf(centre);
    // Beyond what the profile form accepts, as a directory import could bring.
    await db.learnerProfile.update({ where: { userId: tricky.id }, data: { birthName: 'O"Brien; Smith', firstNames: "=Léa\nMarie" } });
    const [number] = await seedRequests(centre, [{ learner: tricky, state: "IN_REVIEW", submittedAt: new Date("2026-07-01T22:15:00Z"), lastChangeAt: new Date("2026-01-05T08:00:00Z") }]);

    const text = await collect(exportQueueCsv(agent, filters()));
    expect(text.startsWith("\uFEFFNuméro;Type;État;Diplôme;Auditeur;N° auditeur;Centre;Déposée le;Dernière étape;Gestionnaire\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines[1]).toBe(
      `${number};Diplôme;En instruction;LG02501A – Licence informatique (niveau L3 transcrit);"'=Léa\nMarie O""Brien; Smith";${tricky.learnerNumber};;02/07/2026 00:15;05/01/2026 09:00;`,
    );
  });

  test("streams page by page: the first lines come before the rest is read", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const learner = await learnerOf(centre);
    await seedRequests(centre, Array.from({ length: 1100 }, (_, i): Seed => ({ learner, submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) })));

    const findMany = jest.spyOn(db.request, "findMany");
    try {
      const lines = exportQueueCsv(agent, filters({ q: "lefevre" }));
      await lines.next(); // headers: nothing read yet
      expect(findMany).toHaveBeenCalledTimes(0);
      for (let i = 0; i < 500; i++) await lines.next();
      expect(findMany).toHaveBeenCalledTimes(1);
      await lines.next();
      expect(findMany).toHaveBeenCalledTimes(2);
      let rest = 0;
      while (!(await lines.next()).done) rest += 1;
      expect(rest).toBe(599);
      expect(findMany).toHaveBeenCalledTimes(3);
      expect(findMany.mock.calls.every(([args]) => (args as { take: number }).take === 501)).toBe(true);
    } finally {
      findMany.mockRestore();
    }
  });

  test("the HTTP body is the same stream, as an attachment", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    await seedRequests(centre, [{ learner: await learnerOf(centre) }]);
    const response = csvDownload(exportQueueCsv(agent, filters()), new Date("2026-12-31T23:30:00Z"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="demandes-2027-01-01.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")).toHaveLength(3);
  });
});

describe("the learner's name and number on a queue row", () => {
  test("a submission copies them onto its requests; the rows read the copy", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const { requestId, analysisId, user } = await submitJointDiplomaRequest({ centreCode: centre });
    const profile = await db.learnerProfile.findUniqueOrThrow({ where: { userId: user.id } });
    const expected = { learnerName: learnerDisplayName(profile, "?"), learnerNumber: profile.learnerNumber };
    for (const id of [requestId, analysisId]) {
      expect(await db.request.findUniqueOrThrow({ where: { id }, select: { learnerName: true, learnerNumber: true } })).toEqual(expected);
    }
    // The copy is what the rows show, on a search page (SQL) and on the plain page (Prisma) alike.
    await db.request.updateMany({ where: { id: { in: [requestId, analysisId] } }, data: { learnerName: "Nom copié", learnerNumber: "COPIE-1" } });
    for (const page of [await queueFor(agent, filters({ q: profile.birthName })), await queueFor(agent, filters())]) {
      expect(page.rows.map((row) => [row.learnerName, row.learnerNumber])).toEqual([
        ["Nom copié", "COPIE-1"],
        ["Nom copié", "COPIE-1"],
      ]);
    }
  });

  test("without a copy (a request written before it existed), the rows say the same as the rule over the profile and the account", async () => {
    const centre = await newCentre();
    const agent = await createStaff("AGENT_CENTRE", centre);
    const withUsage = await learnerOf(centre, { firstNames: "Zoé Anne", birthName: "Lefèvre", usageName: "Martin" });
    const withoutUsage = await learnerOf(centre, { firstNames: "Étienne", birthName: "Nguyen", usageName: "" });
    const noProfile = await createUser();
    const [a, b, bare] = await seedRequests(centre, [{ learner: withUsage }, { learner: withoutUsage }, { learner: { id: noProfile.id } as Learner }]);
    const expected = new Map([
      [a, ["Zoé Anne Martin", withUsage.learnerNumber]],
      [b, ["Étienne Nguyen", withoutUsage.learnerNumber]],
      [bare, [noProfile.displayName, null]],
    ]);
    for (const page of [await queueFor(agent, filters({ q: a!.toLowerCase().slice(0, -3) })), await queueFor(agent, filters())]) {
      expect(new Map(page.rows.map((row) => [row.number, [row.learnerName, row.learnerNumber]]))).toEqual(expected);
    }
    // learnerDisplayName, the rule the submission copies with, agrees with the SQL that fills a missing copy.
    expect(learnerDisplayName({ firstNames: "Zoé Anne", birthName: "Lefèvre", usageName: "Martin" }, "x")).toBe("Zoé Anne Martin");
    expect(learnerDisplayName({ firstNames: "Étienne", birthName: "Nguyen", usageName: "" }, "x")).toBe("Étienne Nguyen");
    expect(learnerDisplayName(null, noProfile.displayName)).toBe(noProfile.displayName);
  });
});
