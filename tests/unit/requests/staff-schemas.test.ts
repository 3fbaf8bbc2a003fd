import { invalidInput, messageSchema, staffActionSchema, toExperienceDecision, type DecideExperienceData } from "@/lib/requests/schemas";

const base = { requestId: "r1", version: 3 };

function errorsOf(input: unknown) {
  const parsed = staffActionSchema.safeParse(input);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return invalidInput(parsed.error).fieldErrors;
}

function parse(input: unknown) {
  const parsed = staffActionSchema.safeParse(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

test("actions without input need only the request and its version", () => {
  for (const type of ["takeInCharge", "validateDiploma", "recordEdition", "recordDispatch", "recordHandover"]) {
    expect(parse({ type, ...base })).toEqual({ type, ...base });
  }
  expect(staffActionSchema.safeParse({ type: "takeInCharge", requestId: "r1" }).success).toBe(false);
  expect(staffActionSchema.safeParse({ type: "takeInCharge", requestId: "r1", version: "3" }).success).toBe(false);
  expect(staffActionSchema.safeParse({ type: "takeInCharge", requestId: "", version: 3 }).success).toBe(false);
  expect(staffActionSchema.safeParse({ type: "takeInCharge", requestId: "x".repeat(65), version: 3 }).success).toBe(false);
  expect(staffActionSchema.safeParse({ type: "deleteEverything", ...base }).success).toBe(false);
});

test("a correction request, a refusal and an assignment need their text, trimmed", () => {
  expect(errorsOf({ type: "askForCorrection", ...base, comment: "   " })).toEqual({ comment: expect.stringContaining("ce qui manque") });
  expect(errorsOf({ type: "askForCorrection", ...base })).toEqual({ comment: expect.stringContaining("ce qui manque") });
  expect(parse({ type: "askForCorrection", ...base, comment: "  Attestation illisible.  " })).toMatchObject({ comment: "Attestation illisible." });
  expect(errorsOf({ type: "askForCorrection", ...base, comment: "x".repeat(5001) })).toEqual({ comment: expect.stringContaining("caractères au plus") });
  expect(errorsOf({ type: "refuse", ...base, reason: "" })).toEqual({ reason: expect.stringContaining("motif du refus") });
  expect(errorsOf({ type: "assign", ...base, assigneeId: "" })).toEqual({ assigneeId: expect.stringContaining("gestionnaire") });
});

test("forwarding needs the centre's opinion and its reasons", () => {
  expect(errorsOf({ type: "forward", ...base, opinion: "", comment: "" })).toEqual({
    opinion: expect.stringContaining("avis du centre"),
    comment: expect.stringContaining("Motivez"),
  });
  expect(errorsOf({ type: "forward", ...base, opinion: "MAYBE", comment: "ok" })).toHaveProperty("opinion");
  expect(parse({ type: "forward", ...base, opinion: "RESERVED", comment: "Attestations partielles." })).toMatchObject({ opinion: "RESERVED" });
});

test("the jury's decision: what each outcome requires", () => {
  const decide = (fields: object) => ({ type: "decideExperience", ...base, ...fields });
  expect(errorsOf(decide({}))).toEqual({ outcome: expect.stringContaining("décision du jury") });
  expect(parse(decide({ outcome: "FAVOURABLE" }))).toMatchObject({ outcome: "FAVOURABLE" });
  for (const months of ["", "0", "2,5", "-1", "abc", "1000"]) {
    expect(errorsOf(decide({ outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: months, conditionText: "Stage en entreprise" }))).toEqual({
      internshipMonths: expect.stringContaining("nombre entier"),
    });
  }
  expect(errorsOf(decide({ outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: "3", conditionText: " " }))).toEqual({ conditionText: expect.stringContaining("condition") });
  expect(errorsOf(decide({ outcome: "UNFAVOURABLE", reason: "" }))).toEqual({ reason: expect.stringContaining("motif") });
  // The fields of the other outcomes are ignored, not refused.
  expect(parse(decide({ outcome: "UNFAVOURABLE", reason: "Expérience hors domaine.", internshipMonths: "x" }))).toMatchObject({ reason: "Expérience hors domaine." });
});

test("the jury's decision in the state machine's terms", () => {
  const data = (fields: object) => parse({ type: "decideExperience", ...base, ...fields }) as DecideExperienceData;
  expect(toExperienceDecision(data({ outcome: "FAVOURABLE", reason: "ignored" }))).toEqual({ outcome: "FAVOURABLE", units: [] });
  expect(toExperienceDecision(data({ outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: " 4 ", conditionText: " Stage de développement " }))).toEqual({
    outcome: "FAVOURABLE_WITH_CONDITION",
    internshipMonths: 4,
    conditionText: "Stage de développement",
    units: [],
  });
  expect(toExperienceDecision(data({ outcome: "FAVOURABLE", units: ["UAEP04"] }))).toEqual({ outcome: "FAVOURABLE", units: ["UAEP04"] });
  expect(toExperienceDecision(data({ outcome: "UNFAVOURABLE", reason: "Hors domaine" }))).toEqual({ outcome: "UNFAVOURABLE", reason: "Hors domaine" });
});

test("a document is validated as is, refused with a reason", () => {
  const review = (fields: object) => ({ type: "reviewDocument", requestId: "r1", documentId: "d1", ...fields });
  expect(parse(review({ status: "VALIDATED" }))).toMatchObject({ status: "VALIDATED" });
  expect(errorsOf(review({ status: "REFUSED", reason: "  " }))).toEqual({ reason: expect.stringContaining("motif du refus de la pièce") });
  expect(parse(review({ status: "REFUSED", reason: " Illisible " }))).toMatchObject({ reason: "Illisible" });
  expect(errorsOf(review({ status: "LOST" }))).toHaveProperty("status");
  expect(errorsOf(review({ documentId: "", status: "VALIDATED" }))).toHaveProperty("documentId");
});

test("messages: not empty, 5 000 characters at most", () => {
  expect(messageSchema.safeParse({ requestId: "r1", body: " \n " }).success).toBe(false);
  expect(messageSchema.safeParse({ requestId: "r1", body: "x".repeat(5001) }).success).toBe(false);
  expect(messageSchema.parse({ requestId: "r1", body: " Bonjour " })).toEqual({ requestId: "r1", body: "Bonjour" });
  expect(parse({ type: "postMessage", requestId: "r1", body: "Bonjour" })).toEqual({ type: "postMessage", requestId: "r1", body: "Bonjour" });
});
