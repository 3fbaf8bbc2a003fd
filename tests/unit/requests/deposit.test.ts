import { applyTransition } from "@/lib/requests/domain/request-lifecycle";
import { HONOUR_STATEMENT, depositSummary, learnerEmailOf, nextStepAfterDeposit, showsDepositConfirmation } from "@/lib/requests/domain/deposit";
import { submitSchema } from "@/lib/requests/schemas";

const experience = (over: Partial<{ employer: string; jobTitle: string; startDate: string; endDate: string; workingTimePercent: number; inField: boolean }> = {}) => ({
  employer: "Société Générale",
  jobTitle: "Développeur",
  startDate: "2023-01-01",
  endDate: "2024-12-31",
  workingTimePercent: 100,
  inField: true,
  ...over,
});

const diplomaRequest = {
  kind: "DIPLOMA" as const,
  mode: null,
  diploma: { code: "LG02501A", title: "Licence informatique" },
  centre: { name: "Cnam Paris" },
  experiences: [],
  documents: [],
};
const jointAnalysis = {
  ...diplomaRequest,
  kind: "EXPERIENCE" as const,
  mode: "CONJOINTE" as const,
  experiences: [experience(), experience({ employer: "Mairie de Lyon", jobTitle: "Technicien", startDate: "2021-01-01", endDate: "2021-06-30", workingTimePercent: 50, inField: false })],
  documents: [
    { category: "CV", originalName: "CV Zoé Lefèvre.pdf" },
    { category: "EMPLOYER_ATTESTATION", originalName: "attestation.png" },
  ],
};

describe("the statement on honour", () => {
  test("the deposit's schema refuses a box left empty or missing, with the message for the box", () => {
    for (const certified of [false, undefined]) {
      const result = submitSchema.safeParse({ requestId: "r1", version: 1, certified });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["certified"], message: HONOUR_STATEMENT.missing })]);
    }
    expect(submitSchema.safeParse({ requestId: "r1", version: 1, certified: true }).success).toBe(true);
  });

  test("the state machine refuses a deposit without it, and records which statement was ticked", () => {
    const draft = { kind: "EXPERIENCE" as const, mode: "ANTICIPEE" as const, state: "DRAFT" as const, version: 0 };
    const command = { type: "submit" as const, actorRole: "AUDITEUR" as const, expectedVersion: 0 };
    expect(applyTransition(draft, { ...command, certified: false })).toEqual({ ok: false, error: { code: "INVALID_PAYLOAD", message: HONOUR_STATEMENT.missing } });
    expect(applyTransition(draft, { ...command, certified: true })).toMatchObject({ ok: true, to: "SUBMITTED", history: { payload: { honourStatement: HONOUR_STATEMENT.version } } });
  });

  test("is plain French, in the first person", () => {
    expect(HONOUR_STATEMENT.text).toMatch(/^Je certifie sur l'honneur /);
  });
});

describe("depositSummary", () => {
  test("a diploma request with its joint analysis: both requests, the centre, each experience, the totals and each pièce by name", () => {
    const summary = depositSummary(diplomaRequest, jointAnalysis);
    expect(summary.requests).toEqual(["Demande de délivrance de diplôme", "Demande d'analyse de l'expérience professionnelle – analyse conjointe à la demande de diplôme"]);
    expect(summary.diploma).toBe("LG02501A – Licence informatique");
    expect(summary.centre).toBe("Cnam Paris");
    expect(summary.experience).toEqual({
      count: "2 expériences déclarées",
      entries: [
        { title: "Société Générale (Développeur)", period: "du 01/01/2023 au 31/12/2024", time: "à temps plein, dans le domaine du diplôme" },
        { title: "Mairie de Lyon (Technicien)", period: "du 01/01/2021 au 30/06/2021", time: "à 50 %, hors du domaine du diplôme" },
      ],
      totals: "2 ans dans le domaine du diplôme et 3 mois hors du domaine, en équivalent temps plein",
    });
    expect(summary.documents).toEqual([
      { category: "Curriculum vitae", name: "CV Zoé Lefèvre.pdf" },
      { category: "Attestation d'employeur ou certificat de travail", name: "attestation.png" },
    ]);
  });

  test("the same from the analysis's side: the diploma request still comes first", () => {
    expect(depositSummary(jointAnalysis, diplomaRequest).requests[0]).toBe("Demande de délivrance de diplôme");
  });

  test("a diploma request alone has no experience part; an analysis without experience has no totals", () => {
    expect(depositSummary(diplomaRequest, null)).toMatchObject({ requests: ["Demande de délivrance de diplôme"], experience: null, documents: [] });
    expect(depositSummary({ ...jointAnalysis, mode: "ANTICIPEE", experiences: [] }, null).experience).toEqual({ count: "0 expérience déclarée", entries: [], totals: null });
    // Only the part that was declared is named.
    expect(depositSummary({ ...jointAnalysis, experiences: [experience()] }, null).experience?.totals).toBe("2 ans dans le domaine du diplôme, en équivalent temps plein");
  });
});

describe("the confirmation", () => {
  const at = new Date("2026-11-30T13:05:00Z");
  test("shows while the deposit is the news: deposited, not yet taken in charge", () => {
    expect(showsDepositConfirmation({ state: "SUBMITTED", number: "D3-2026-000001", submittedAt: at })).toBe(true);
    expect(showsDepositConfirmation({ state: "DRAFT", number: null, submittedAt: null })).toBe(false);
    expect(showsDepositConfirmation({ state: "IN_REVIEW", number: "D3-2026-000001", submittedAt: at })).toBe(false);
  });

  test("names the address the emails go to: the profile's, else the account's", () => {
    expect(learnerEmailOf({ email: "compte@cnam.fr", profile: { email: "moi@exemple.fr" } })).toBe("moi@exemple.fr");
    expect(learnerEmailOf({ email: "compte@cnam.fr", profile: null })).toBe("compte@cnam.fr");
  });

  test("says who examines the deposit and who decides next", () => {
    expect(nextStepAfterDeposit("DIPLOMA", false, "Cnam Paris")).toMatch(/^Votre centre d'inscription \(Cnam Paris\) va vérifier vos unités\. .*service national, qui valide le diplôme/);
    expect(nextStepAfterDeposit("DIPLOMA", true, "Cnam Paris")).toMatch(/vos unités, vos expériences et vos pièces\. .*le jury rend son avis/);
    expect(nextStepAfterDeposit("EXPERIENCE", false, "Cnam Paris")).toMatch(/vos expériences et vos pièces\. .*au jury/);
  });
});
