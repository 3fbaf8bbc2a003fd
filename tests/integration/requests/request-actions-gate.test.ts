/**
 * The staff and learner request actions through the real session gate: the role of the session
 * decides, refused ones never reach a use case (anonymous → login page, another space → 403).
 */
import { centreBulkAction, centreRequestAction, nationalBulkAction, nationalRequestAction, postMessageAction, withdrawRequestAction } from "@/lib/requests/actions";
import { signIn, signOut } from "../../support/session-gate";
import { createLearner, createStaff, LICENCE_UNITS } from "../../support/requests";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

async function staff(role: "AGENT_CENTRE" | "AGENT_NATIONAL" | "ADMIN") {
  return (await createStaff(role, role === "AGENT_CENTRE" ? "PARIS" : undefined)).id;
}

const bulkForm = (operation: string) => {
  const form = new FormData();
  form.set("operation", operation);
  form.append("item", "missing-request:1");
  return form;
};

const ACTIONS = {
  centre: { allowed: "AGENT_CENTRE", run: () => centreRequestAction({ type: "takeInCharge", requestId: "missing-request", version: 1 }) },
  national: { allowed: "AGENT_NATIONAL", run: () => nationalRequestAction({ type: "validateDiploma", requestId: "missing-request", version: 1 }) },
  centreBulk: { allowed: "AGENT_CENTRE", run: () => centreBulkAction(null, bulkForm("takeInCharge")) },
  nationalBulk: { allowed: "AGENT_NATIONAL", run: () => nationalBulkAction(null, bulkForm("recordEdition")) },
} as const;

describe.each(Object.entries(ACTIONS))("%s", (_name, { allowed, run }) => {
  test("anonymous: sent to the login page", async () => {
    signOut();
    await expect(run()).rejects.toMatchObject({ digest: expect.stringContaining("/connexion") });
  });

  test("the allowed role reaches the use case; another role is refused with 403", async () => {
    await signIn(await staff(allowed));
    const result = await run();
    expect(result.ok ? result : result.code).toEqual(expect.anything());
    if (!result.ok) expect(result.code).toBe("NOT_FOUND");
    for (const other of (["AGENT_CENTRE", "AGENT_NATIONAL", "ADMIN"] as const).filter((role) => role !== allowed)) {
      await signIn(await staff(other));
      await expect(run()).rejects.toMatchObject({ forbidden: true });
    }
  });
});

test("learner actions: staff are refused with 403; a learner's input is parsed before the use case", async () => {
  await signIn(await staff("AGENT_CENTRE"));
  await expect(withdrawRequestAction({ requestId: "r", version: 1 })).rejects.toMatchObject({ forbidden: true });
  await expect(postMessageAction({ requestId: "r", body: "Bonjour" })).rejects.toMatchObject({ forbidden: true });
  const { actor } = await createLearner({ units: LICENCE_UNITS });
  await signIn(actor.id);
  expect(await withdrawRequestAction({ requestId: "r", version: -1 } as never)).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { version: expect.any(String) } });
  expect(await postMessageAction({ requestId: "r", body: "  " })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { body: expect.any(String) } });
  expect(await withdrawRequestAction({ requestId: "r", version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
});
