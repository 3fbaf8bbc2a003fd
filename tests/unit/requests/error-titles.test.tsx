import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DocumentsPanel } from "@/components/requests/DocumentsPanel";
import { ActionsPanel } from "@/components/staff/request/ActionsPanel";
import { MessageThread } from "@/components/staff/request/MessageThread";
import { messageSchema } from "@/lib/requests/schemas";
import { maxLengthFor } from "@/lib/shared/forms";

jest.mock("@/lib/requests/actions", () => ({
  uploadDocumentAction: jest.fn(),
  removeDocumentAction: jest.fn(),
  centreRequestAction: jest.fn(),
  nationalRequestAction: jest.fn(),
  postMessageAction: jest.fn(),
}));
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

const TITLE = "Demande D3-2026-000123 – Déposée – D3 – Cnam";
beforeEach(() => {
  document.title = TITLE;
});

test("a document sent without its type or file: the page's title starts with « Erreur – » until corrected", async () => {
  const user = userEvent.setup();
  const { unmount } = render(<DocumentsPanel requestId="r1" editable documents={[]} />);
  expect(document.title).toBe(TITLE);
  await user.click(screen.getByRole("button", { name: "Ajouter la pièce" }));
  expect(document.title).toBe(`Erreur – ${TITLE}`);
  await user.selectOptions(screen.getByLabelText("Type de pièce"), "CV");
  // The file is still missing: still an error.
  expect(document.title).toBe(`Erreur – ${TITLE}`);
  unmount();
  expect(document.title).toBe(TITLE);
});

test("a staff action sent without its mandatory comment: « Erreur – », then the title back once typed", async () => {
  const user = userEvent.setup();
  render(<ActionsPanel space="centre" requestId="r1" version={2} available={["askForCorrection"]} colleagues={[]} />);
  await user.click(screen.getByRole("button", { name: "Demander un complément" }));
  await user.click(screen.getByRole("button", { name: "Envoyer la demande de complément" }));
  expect(document.title).toBe(`Erreur – ${TITLE}`);
  await user.type(screen.getByLabelText("Ce qui manque ou est à corriger"), "L'attestation");
  expect(document.title).toBe(TITLE);
});

test("a message sent empty: « Erreur – » while its error shows", async () => {
  const user = userEvent.setup();
  render(<MessageThread requestId="r1" messages={[]} sender="auditeur" canWrite bodyMax={maxLengthFor(messageSchema, "body")} />);
  await user.click(screen.getByRole("button", { name: "Envoyer le message" }));
  expect(document.title).toBe(`Erreur – ${TITLE}`);
});
