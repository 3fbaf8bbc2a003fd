import { act, fireEvent, render, screen } from "@testing-library/react";
import { DepositEmailsForm } from "@/components/notifications/DepositEmailsForm";
import { depositEmailsInput } from "@/lib/notifications/schemas";
import { failure, ok, type Result } from "@/lib/shared/result";

type Answer = Result<{ depositEmails: "EACH_DEPOSIT" | "DAILY_DIGEST" | "NONE" }>;

/** The server action as the form calls it: the real schema, then a recorded choice. */
function fakeAction(recorded: string[]) {
  return jest.fn(async (_previous: Answer | null, formData: FormData): Promise<Answer> => {
    const parsed = depositEmailsInput.safeParse({ depositEmails: formData.get("depositEmails") ?? undefined });
    if (!parsed.success) return failure("INVALID_INPUT", "Vérifiez les champs signalés.", { fieldErrors: { depositEmails: parsed.error.issues[0]!.message } });
    recorded.push(parsed.data.depositEmails);
    return ok({ depositEmails: parsed.data.depositEmails });
  });
}

test("the three choices, the saved one checked, each with its explanation", () => {
  render(<DepositEmailsForm current="DAILY_DIGEST" action={fakeAction([])} />);
  expect(screen.getByRole("radiogroup", { name: "Quand un auditeur de votre centre dépose une demande" })).toBeInTheDocument();
  expect(screen.getByLabelText("Un récapitulatif quotidien")).toBeChecked();
  expect(screen.getByLabelText("Recevoir un courriel à chaque dépôt")).not.toBeChecked();
  expect(screen.getByLabelText("Aucun courriel")).toHaveAccessibleDescription(/restent visibles dans la liste du centre/);
});

test("a new choice is sent and confirmed, and stays checked", async () => {
  const recorded: string[] = [];
  render(<DepositEmailsForm current="DAILY_DIGEST" action={fakeAction(recorded)} />);
  fireEvent.click(screen.getByLabelText("Recevoir un courriel à chaque dépôt"));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
  });
  expect(recorded).toEqual(["EACH_DEPOSIT"]);
  expect(await screen.findByRole("status")).toHaveTextContent("Votre choix est enregistré : recevoir un courriel à chaque dépôt.");
  expect(screen.getByLabelText("Recevoir un courriel à chaque dépôt")).toBeChecked();
});

test("a refused choice: the French message is tied to the group", async () => {
  const action = jest.fn(async (): Promise<Answer> => failure("INVALID_INPUT", "Vérifiez les champs signalés.", { fieldErrors: { depositEmails: "Choisissez comment être prévenu des nouvelles demandes." } }));
  render(<DepositEmailsForm current="NONE" action={action} />);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
  });
  const group = screen.getByRole("radiogroup");
  expect(group).toHaveAttribute("aria-invalid", "true");
  expect(group).toHaveAccessibleDescription("Choisissez comment être prévenu des nouvelles demandes.");
});

test("the schema refuses anything but the three choices, in French", () => {
  expect(depositEmailsInput.safeParse({ depositEmails: "WEEKLY" })).toMatchObject({ success: false, error: { issues: [{ message: "Choisissez comment être prévenu des nouvelles demandes." }] } });
  expect(depositEmailsInput.safeParse({ depositEmails: "NONE" }).success).toBe(true);
});
