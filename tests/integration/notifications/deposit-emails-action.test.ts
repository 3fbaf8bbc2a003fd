/**
 * Espace centre › Mes courriels through the real session gate: only centre agents, each changing
 * only their own choice.
 */
import { saveDepositEmailsAction } from "@/lib/notifications/actions";
import { depositEmailsOf } from "@/lib/notifications/preferences";
import { db } from "@/lib/shared/db";
import { createStaff } from "../../support/requests";
import { describeGates, signIn } from "../../support/session-gate";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

const form = (value: string) => {
  const data = new FormData();
  data.set("depositEmails", value);
  return data;
};

describeGates({
  saveDepositEmails: { allowed: ["AGENT_CENTRE"], run: () => saveDepositEmailsAction(form("NONE")), reached: (result) => expect(result).toEqual({ ok: true, value: { depositEmails: "NONE" } }) },
});

test("an agent's choice is saved on their account only; a wrong value is refused next to the field", async () => {
  const [me, colleague] = [await createStaff("AGENT_CENTRE", "PARIS"), await createStaff("AGENT_CENTRE", "PARIS")];
  expect(await depositEmailsOf(me.id)).toBe("DAILY_DIGEST");
  await signIn(me.id);
  expect(await saveDepositEmailsAction(form("WEEKLY"))).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { depositEmails: "Choisissez comment être prévenu des nouvelles demandes." } });
  expect(await saveDepositEmailsAction(form("EACH_DEPOSIT"))).toEqual({ ok: true, value: { depositEmails: "EACH_DEPOSIT" } });
  expect(await depositEmailsOf(me.id)).toBe("EACH_DEPOSIT");
  expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id }, select: { depositEmails: true } })).depositEmails).toBe("DAILY_DIGEST");
});
