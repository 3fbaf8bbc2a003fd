/**
 * Data of the browser sweep of every request state (tests/e2e/every-state.spec.ts), made through
 * the real use cases on the database named by DATABASE_URL:
 *   all <suffix>   one learner of Cnam Paris per state (identifier « <state's French name>.<suffix>.auditeur », password
 *                  E2E_PASSWORD), each with a joint diploma request of the licence driven to it →
 *                  [{"identifier","state","id","number","national","diploma":{"state","number"}}]: the request in that state (the diploma
 *                  request or its analysis), and whether the national service sees it.
 */
import { db } from "../../lib/shared/db";
import { foldText } from "../../lib/shared/text";
import { STATE_LABELS, type RequestState } from "../../lib/requests/domain/states";
import { saveExperience, sendInternshipProof, startRequest, withdrawRequest } from "../../lib/requests/learner-requests";
import { createE2eLearner, runAsStaff, runCommandLine, submitJointRequest, type StaffCommand } from "./e2e-data";
import { EXPERIENCE_INPUT, addDocumentRows } from "./requests";

type Learner = Awaited<ReturnType<typeof createE2eLearner>>;
type Made = { id: string; analysisId: string };

const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;

const centre = (command: StaffCommand) => runAsStaff("sophie.bernard", command);
const national = (command: StaffCommand) => runAsStaff("claire.moreau", command);

async function draft(learner: Learner): Promise<Made> {
  const started = await startRequest(learner, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
  await saveExperience(learner, started.requestId, EXPERIENCE_INPUT);
  await addDocumentRows(analysis.id, learner.id);
  return { id: started.requestId, analysisId: analysis.id };
}

const submitted = async (learner: Learner): Promise<Made> => JSON.parse(await submitJointRequest(learner)) as Made;

async function forwarded(learner: Learner): Promise<Made> {
  const made = await submitted(learner);
  for (const requestId of [made.id, made.analysisId]) {
    await centre({ type: "takeInCharge", requestId });
    await centre({ type: "forward", requestId, opinion: "FAVOURABLE", comment: "Dossier complet." });
  }
  return made;
}

async function favourable(learner: Learner): Promise<Made> {
  const made = await forwarded(learner);
  await national({ type: "decideExperience", requestId: made.analysisId, outcome: "FAVOURABLE", units: ["UAAL0T"] });
  return made;
}

async function withCondition(learner: Learner): Promise<Made> {
  const made = await forwarded(learner);
  await national({ type: "decideExperience", requestId: made.analysisId, outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: "4", conditionText: "Stage de 4 mois en développement logiciel.", units: ["UAAL0T"] });
  return made;
}

async function validated(learner: Learner): Promise<Made> {
  const made = await favourable(learner);
  await national({ type: "validateDiploma", requestId: made.id });
  return made;
}

async function edited(learner: Learner): Promise<Made> {
  const made = await validated(learner);
  await national({ type: "recordEdition", requestId: made.id });
  return made;
}

async function sent(learner: Learner): Promise<Made> {
  const made = await edited(learner);
  await national({ type: "recordDispatch", requestId: made.id });
  return made;
}

/** Which request of the pair is in the state, and whether the national service has it. */
const SCENARIOS: { state: RequestState; of: "id" | "analysisId"; national: boolean; make: (learner: Learner) => Promise<Made> }[] = [
  { state: "DRAFT", of: "id", national: false, make: draft },
  { state: "SUBMITTED", of: "id", national: false, make: submitted },
  {
    state: "IN_REVIEW",
    of: "id",
    national: false,
    make: async (learner) => {
      const made = await submitted(learner);
      await centre({ type: "takeInCharge", requestId: made.id });
      return made;
    },
  },
  {
    state: "CORRECTION_REQUESTED",
    of: "id",
    national: false,
    make: async (learner) => {
      const made = await submitted(learner);
      await centre({ type: "takeInCharge", requestId: made.id });
      await centre({ type: "askForCorrection", requestId: made.id, comment: "Joignez la copie de votre diplôme de baccalauréat." });
      return made;
    },
  },
  { state: "FORWARDED", of: "id", national: true, make: forwarded },
  { state: "FAVOURABLE", of: "analysisId", national: true, make: favourable },
  { state: "FAVOURABLE_WITH_CONDITION", of: "analysisId", national: true, make: withCondition },
  {
    state: "CONDITION_REVIEW",
    of: "analysisId",
    national: true,
    make: async (learner) => {
      const made = await withCondition(learner);
      for (const category of ["INTERNSHIP_AGREEMENT", "INTERNSHIP_REPORT"] as const) {
        await db.requestDocument.create({
          data: { requestId: made.analysisId, category, originalName: `${category.toLowerCase()}.pdf`, storageKey: `e2e-${made.analysisId}-${category}`, mimeType: "application/pdf", size: 1234, sha256: "0".repeat(64), uploadedById: learner.id },
        });
      }
      const proof = await sendInternshipProof(learner, made.analysisId, await version(made.analysisId));
      if (!proof.ok) throw new Error(`sendInternshipProof : ${JSON.stringify(proof)}`);
      return made;
    },
  },
  {
    state: "UNFAVOURABLE",
    of: "analysisId",
    national: true,
    make: async (learner) => {
      const made = await forwarded(learner);
      await national({ type: "decideExperience", requestId: made.analysisId, outcome: "UNFAVOURABLE", reason: "L'expérience décrite ne couvre pas les compétences de la licence." });
      return made;
    },
  },
  { state: "VALIDATED", of: "id", national: true, make: validated },
  { state: "EDITED", of: "id", national: true, make: edited },
  { state: "SENT_TO_CENTRE", of: "id", national: true, make: sent },
  {
    state: "HANDED_OVER",
    of: "id",
    national: true,
    make: async (learner) => {
      const made = await sent(learner);
      await centre({ type: "recordHandover", requestId: made.id });
      return made;
    },
  },
  {
    state: "REFUSED",
    of: "id",
    national: false,
    make: async (learner) => {
      const made = await submitted(learner);
      await centre({ type: "takeInCharge", requestId: made.id });
      await centre({ type: "refuse", requestId: made.id, reason: "Le relevé de notes fourni ne correspond pas à votre dossier." });
      return made;
    },
  },
  {
    state: "WITHDRAWN",
    of: "id",
    national: false,
    make: async (learner) => {
      const made = await submitted(learner);
      const withdrawn = await withdrawRequest(learner, made.id, await version(made.id), "Je dépose plus tard.");
      if (!withdrawn.ok) throw new Error(`withdraw : ${JSON.stringify(withdrawn)}`);
      return made;
    },
  },
];

async function all(suffix: string): Promise<string> {
  const made = [];
  for (const scenario of SCENARIOS) {
    // The state's French name, as a word (« brouillon », « complementdemande »): the pages that list
    // learners must say nothing in code or English (tests/e2e/plain-words.spec.ts runs after).
    const identifier = `${foldText(STATE_LABELS[scenario.state]).toLowerCase().replace(/[^a-z]/g, "")}.${suffix}.auditeur`;
    const pair = await scenario.make(await createE2eLearner(identifier));
    const id = pair[scenario.of];
    const { state, number } = await db.request.findUniqueOrThrow({ where: { id }, select: { state: true, number: true } });
    if (state !== scenario.state) throw new Error(`${identifier} : ${state} au lieu de ${scenario.state}`);
    // The learner's page of a joint analysis is that of the pair, named after the diploma request.
    const diploma = await db.request.findUniqueOrThrow({ where: { id: pair.id }, select: { state: true, number: true } });
    made.push({ identifier, state, id, number, national: scenario.national, diploma });
  }
  return JSON.stringify(made);
}

if (require.main === module) {
  runCommandLine({ all: (suffix) => all(suffix ?? "etat") });
}
