import {
  DEFAULT_DEPOSIT_EMAILS,
  DIGEST_CLAIMS_KEPT_DAYS,
  DEPOSIT_EMAIL_LABELS,
  buildDepositDigest,
  dayBounds,
  digestDay,
  digestLines,
  emailsEachDeposit,
  oldestKeptClaimDay,
  type DigestDeposit,
} from "@/lib/notifications/domain/deposit-digest";

const licence = { code: "LG02501A", title: "Licence Informatique" };
const deposit = (overrides: Partial<DigestDeposit> & { id: string; number: string }): DigestDeposit => ({ kind: "DIPLOMA", mode: null, diplomaRequestId: null, diploma: licence, ...overrides });

describe("how long a digest's claim is kept", () => {
  test("a month back from the day sent, across month and year ends and a leap day", () => {
    expect(DIGEST_CLAIMS_KEPT_DAYS).toBe(31);
    expect(oldestKeptClaimDay("2026-11-30")).toBe("2026-10-30");
    expect(oldestKeptClaimDay("2027-01-15")).toBe("2026-12-15");
    expect(oldestKeptClaimDay("2028-03-31")).toBe("2028-02-29");
  });
});

describe("which day a digest lists", () => {
  test("the Paris day before the run, whatever UTC says", () => {
    expect(digestDay(new Date("2026-11-30T05:00:00Z"))).toBe("2026-11-29");
    // 00:30 in Paris on 1 December is still 30 November in UTC: the digest lists the 30th.
    expect(digestDay(new Date("2026-11-30T23:30:00Z"))).toBe("2026-11-30");
    expect(digestDay(new Date("2027-01-01T05:00:00Z"))).toBe("2026-12-31");
  });

  test("a day's bounds follow daylight saving time (23 hours on the last Sunday of March)", () => {
    const { from, to } = dayBounds("2026-03-29");
    expect(from.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(to.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(dayBounds("2026-11-29")).toEqual({ from: new Date("2026-11-28T23:00:00Z"), to: new Date("2026-11-29T23:00:00Z") });
  });
});

describe("the digest's content", () => {
  const input = { displayName: "Sophie Bernard", centreName: "Cnam Paris", day: "2026-11-29", queueUrl: "https://d3.example.fr/centre" };

  test("nothing deposited: no email", () => {
    expect(buildDepositDigest({ ...input, deposits: [] })).toBeNull();
  });

  test("a joint analysis on its diploma request's line; an anticipated analysis on its own", () => {
    const email = buildDepositDigest({
      ...input,
      deposits: [
        deposit({ id: "a", number: "D3-2026-000123" }),
        deposit({ id: "b", number: "D3-2026-000124", kind: "EXPERIENCE", mode: "CONJOINTE", diplomaRequestId: "a" }),
        deposit({ id: "c", number: "D3-2026-000125", kind: "EXPERIENCE", mode: "ANTICIPEE", diploma: { code: null, title: "Titre RNCP <Manager>" } }),
      ],
    })!;
    expect(email.lines).toEqual([
      "D3-2026-000123 : délivrance du diplôme LG02501A – Licence Informatique, avec l'analyse de l'expérience D3-2026-000124",
      "D3-2026-000125 : analyse anticipée de l'expérience pour le diplôme Titre RNCP <Manager>",
    ]);
    expect(email.subject).toBe("D3 – Récapitulatif : 3 demandes déposées le 29 novembre 2026");
    expect(email.text).toContain("Bonjour Sophie Bernard,");
    expect(email.text).toContain("3 demandes ont été déposées le 29 novembre 2026 dans votre centre (Cnam Paris) :");
    expect(email.text).toContain("- D3-2026-000125 : analyse anticipée");
    expect(email.text).toContain("Ouvrir la liste : https://d3.example.fr/centre");
    expect(email.html).toContain("<li>D3-2026-000125 : analyse anticipée de l&#39;expérience pour le diplôme Titre RNCP &lt;Manager&gt;</li>");
    expect(email.html).not.toContain("<Manager>");
  });

  test("one deposit: singular wording", () => {
    const email = buildDepositDigest({ ...input, deposits: [deposit({ id: "a", number: "D3-2026-000001" })] })!;
    expect(email.subject).toBe("D3 – Récapitulatif : 1 demande déposée le 29 novembre 2026");
    expect(email.text).toContain("Une demande a été déposée le 29 novembre 2026");
  });

  test("a joint analysis whose diploma request is not listed keeps a line of its own", () => {
    expect(digestLines([deposit({ id: "b", number: "D3-2026-000124", kind: "EXPERIENCE", mode: "CONJOINTE", diplomaRequestId: "elsewhere" })])).toEqual([
      "D3-2026-000124 : analyse de l'expérience pour le diplôme LG02501A – Licence Informatique",
    ]);
  });
});

test("the choices: only « à chaque dépôt » emails at once; the daily digest is the default", () => {
  expect(emailsEachDeposit("EACH_DEPOSIT")).toBe(true);
  expect(emailsEachDeposit("DAILY_DIGEST")).toBe(false);
  expect(emailsEachDeposit("NONE")).toBe(false);
  expect(DEFAULT_DEPOSIT_EMAILS).toBe("DAILY_DIGEST");
  expect(Object.values(DEPOSIT_EMAIL_LABELS)).toEqual(["Recevoir un courriel à chaque dépôt", "Un récapitulatif quotidien", "Aucun courriel"]);
});
