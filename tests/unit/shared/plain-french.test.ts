/**
 * Issue 13, point 8: no internal code nor English word in what people read: emails, decision
 * letters, and the labels every screen, email and letter takes its words from.
 */
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import { RESET_TOKEN_MESSAGES } from "@/lib/auth/domain/reset-token";
import { summariseAuditDetails } from "@/lib/admin/domain/audit-summary";
import { LETTER_LABELS, type Decision } from "@/lib/requests/letters/decision";
import { DEFAULT_APPEAL_TEXT, DEFAULT_SIGNATORY } from "@/lib/requests/letters/settings";
import { letterParagraphs, requestLabel, signature, subject, type LetterData } from "@/lib/requests/letters/wording";
import { HOLDER_LABELS, KIND_LABELS, LEARNER_ACTIONS, MODE_LABELS, STATE_LABELS, TRANSITION_LABELS } from "@/lib/requests/domain/request-lifecycle";
import { messageEmail, passwordResetEmail, requestChangeEmail, staffAlertEmail, welcomeEmail } from "@/lib/shared/mail/templates";
import type { OutgoingEmail } from "@/lib/shared/mail/transport";
import { htmlText, internalCodesIn } from "../../support/plain-words";

const LINK = "https://d3.lecnam.net/demandes/demande";

describe("internalCodesIn finds what must not be shown", () => {
  test.each([
    ["transition : recordHandover ; de : SENT_TO_CENTRE", ["SENT_TO_CENTRE", "recordHandover", "transition :"]],
    ["Version du dossier 3", ["Version du dossier"]],
    ["Au format de prisma/data/cnam-catalogue.json", ["prisma/", ".json"]],
    ["Lancez npm run jobs:outbox", ["npm run", "jobs:outbox"]],
    ["Statut : pending", ["pending"]],
    ["Licence-DEPRECATED-BY-CNAMINATOR", ["DEPRECATED"]],
  ])("« %s »", (text, found) => {
    expect(internalCodesIn(text).sort()).toEqual([...found].sort());
  });

  test("plain French passes, with its codes of units and requests", () => {
    expect(internalCodesIn("Votre demande D3-2026-000001 (LG02501A – Licence informatique) est à l'étape « Diplôme envoyé au centre » ; il vous manque NFA031.")).toEqual([]);
  });
});

function emailWords(email: OutgoingEmail): string[] {
  return [email.subject, email.text, htmlText(email.html)];
}

describe("emails", () => {
  const emails: [string, OutgoingEmail][] = [
    ["password reset", passwordResetEmail("a@b.fr", "Zoé Lefèvre", LINK)],
    ["welcome, D3's passwords", welcomeEmail({ to: "a@b.fr", displayName: "Sophie Bernard", identifier: "sophie.bernard", role: ROLE_LABELS.AGENT_CENTRE, access: { kind: "choose-password", link: LINK, days: 7 } })],
    ["welcome, ENF", welcomeEmail({ to: "a@b.fr", displayName: "Claire Moreau", identifier: "claire.moreau", role: ROLE_LABELS.AGENT_NATIONAL, access: { kind: "enf", loginUrl: LINK } })],
    ...Object.entries(STATE_LABELS).map(([state, label]): [string, OutgoingEmail] => [
      `request change to ${state}`,
      requestChangeEmail({ to: "a@b.fr", displayName: "Zoé Lefèvre", what: `${KIND_LABELS.DIPLOMA} D3-2026-000001`, diploma: "LG02501A Licence informatique", state: label, learnerAction: LEARNER_ACTIONS[state as keyof typeof LEARNER_ACTIONS], comment: "Merci de joindre l'attestation.", link: LINK }),
    ]),
    ["staff alert", staffAlertEmail({ to: "a@b.fr", displayName: "Sophie Bernard", subject: "Nouvelle demande déposée : D3-2026-000001", text: `${KIND_LABELS.EXPERIENCE} D3-2026-000001 – LG02501A.`, link: LINK })],
    ["message", messageEmail({ to: "a@b.fr", displayName: "Zoé Lefèvre", what: `${KIND_LABELS.DIPLOMA} D3-2026-000001`, author: "Le service qui instruit votre demande", link: LINK })],
  ];

  test.each(emails)("%s: French words only", (_name, email) => {
    expect(emailWords(email).flatMap(internalCodesIn)).toEqual([]);
  });

  test("the welcome email is not the reset email, and states its link's lifetime", () => {
    const [, welcome] = emails[1]!;
    expect(welcome.text).toContain("Un compte D3");
    expect(welcome.text).toContain("valable 7 jours");
    expect(welcome.text).not.toContain("Vous avez demandé");
    const [, enf] = emails[2]!;
    expect(enf.text).toContain("Espace Numérique de Formation");
    expect(enf.text).not.toMatch(/mot de passe avec le lien|valable/);
  });
});

describe("decision letters", () => {
  const learner = { civility: "MADAME" as const, firstNames: "Zoé", birthName: "LEFÈVRE", usageName: null, learnerNumber: "100200300", address: { line: "3 place de l'Église", postalCode: "69003", city: "Lyon", country: "France" } };
  const decisions: Decision[] = [
    { kind: "EXPERIENCE_FAVOURABLE" },
    { kind: "EXPERIENCE_FAVOURABLE_WITH_CONDITION", internshipMonths: 4, conditionText: "Stage de 4 mois." },
    { kind: "EXPERIENCE_UNFAVOURABLE", reason: "Expérience trop courte." },
    { kind: "DIPLOMA_VALIDATED" },
    { kind: "REFUSED", reason: "Pièces manquantes.", by: "CENTRE" },
    { kind: "REFUSED", reason: "Pièces manquantes.", by: "NATIONAL" },
  ];
  const requests: LetterData["request"][] = [
    { number: "D3-2026-000001", kind: "DIPLOMA", mode: null },
    { number: "D3-2026-000002", kind: "EXPERIENCE", mode: "ANTICIPEE" },
    { number: "D3-2026-000002", kind: "EXPERIENCE", mode: "CONJOINTE" },
  ];
  const cases = decisions.flatMap((decision) => requests.map((request) => [decision.kind, request.kind, request.mode, decision, request] as const));

  test.each(cases)("%s on %s (%s): French words only", (_kind, _requestKind, _mode, decision, request) => {
    const data: LetterData = {
      decision,
      decidedAt: new Date("2026-06-03T08:15:00Z"),
      request,
      linkedNumber: request.mode === "CONJOINTE" ? "D3-2026-000001" : null,
      learner,
      centre: { name: "Cnam Paris" },
      diploma: { code: "LG02501A", title: "Licence informatique" },
      signatory: DEFAULT_SIGNATORY,
      appealText: DEFAULT_APPEAL_TEXT,
    };
    const { decision: said, detail, next } = letterParagraphs(data);
    const words = [...said, ...(detail ? [detail.label, detail.text] : []), ...next, subject(decision, request), signature(decision, "Cnam Paris"), requestLabel(request)];
    expect(words.flatMap(internalCodesIn)).toEqual([]);
  });

  test("labels, signatory and appeal routes", () => {
    expect([...Object.values(LETTER_LABELS), DEFAULT_SIGNATORY.name, DEFAULT_SIGNATORY.title, DEFAULT_APPEAL_TEXT].flatMap(internalCodesIn)).toEqual([]);
  });
});

describe("the labels screens, emails and letters are made of", () => {
  test.each([
    ["states", STATE_LABELS],
    ["transitions", TRANSITION_LABELS],
    ["kinds", KIND_LABELS],
    ["modes", MODE_LABELS],
    ["holders", HOLDER_LABELS],
    ["learner actions", LEARNER_ACTIONS],
    ["roles", ROLE_LABELS],
    ["link messages", RESET_TOKEN_MESSAGES],
  ])("%s", (_name, labels: Record<string, string | null>) => {
    expect(Object.values(labels).flatMap((label) => internalCodesIn(label ?? ""))).toEqual([]);
  });

  test("the audit journal's summary of a state change", () => {
    expect(internalCodesIn(summariseAuditDetails({ transition: "recordHandover", from: "SENT_TO_CENTRE", to: "HANDED_OVER", role: "AGENT_CENTRE", status: "VALIDATED" }))).toEqual([]);
    expect(internalCodesIn(summariseAuditDetails({ transition: "someFutureCommand", from: "SOME_NEW_STATE" }))).toEqual([]);
  });
});
