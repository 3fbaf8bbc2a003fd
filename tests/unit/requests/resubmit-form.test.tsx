import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ResubmitRequest } from "@/components/requests/LearnerActions";
import { resubmitRequestAction } from "@/lib/requests/actions";
import { MAX_COMMENT_LENGTH, resubmitSchema } from "@/lib/requests/schemas";
import { maxLengthFor } from "@/lib/shared/forms";

jest.mock("@/lib/requests/actions", () => ({
  resubmitRequestAction: jest.fn(),
  deleteDraftAction: jest.fn(),
  restartRequestAction: jest.fn(),
  sendInternshipProofAction: jest.fn(),
  submitRequestAction: jest.fn(),
  withdrawRequestAction: jest.fn(),
}));
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));
const resubmit = jest.mocked(resubmitRequestAction);

/**
 * Issue 14, finding 8: the resubmission comment stops at the schema's cap in the browser, and the
 * server's refusal of a longer one (a crafted request) is shown next to the field.
 */
test("the comment field has the schema's cap as maxLength, and the server's field message is tied to it", async () => {
  const user = userEvent.setup();
  // The page hands the schema's cap to the client component (LearnerActionsBlock): the browser gets the number, not the schema.
  render(<ResubmitRequest requestId="r1" version={4} commentMax={maxLengthFor(resubmitSchema, "comment")} />);
  const field = screen.getByLabelText(/Message pour votre centre/);
  expect(field).toHaveAttribute("maxLength", String(MAX_COMMENT_LENGTH));

  const message = `${MAX_COMMENT_LENGTH.toLocaleString("fr-FR")} caractères au plus.`;
  resubmit.mockResolvedValue({ ok: false, code: "INVALID_INPUT", message: "Vérifiez les champs signalés.", fieldErrors: { comment: message } });
  await user.type(field, "Voici l'attestation.");
  await user.click(screen.getByRole("button", { name: /Renvoyer ma demande/ }));
  await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
  expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
  expect(resubmit).toHaveBeenCalledWith({ requestId: "r1", version: 4, comment: "Voici l'attestation." });
});
