import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DocumentsPanel } from "@/components/requests/DocumentsPanel";
import { uploadDocumentAction, removeDocumentAction } from "@/lib/requests/actions";

jest.mock("@/lib/requests/actions", () => ({ uploadDocumentAction: jest.fn(), removeDocumentAction: jest.fn() }));
const upload = jest.mocked(uploadDocumentAction);
const remove = jest.mocked(removeDocumentAction);

Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return new Promise((resolve) => { const r = new FileReader(); r.onload = () => resolve(r.result as ArrayBuffer); r.readAsArrayBuffer(this); });
};
const docs = [{ id: "d1", category: "CV" as const, originalName: "CV Zoé.pdf", size: 2048, status: "REFUSED" as const, statusReason: "Illisible" }];

test("validation, server errors, removal", async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<DocumentsPanel requestId="r1" editable documents={docs} />);
  expect(screen.getByText("Refusé")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "CV Zoé.pdf (PDF, 2 Ko)" })).toHaveAttribute("href", "/documents/d1");
  await user.click(screen.getByRole("button", { name: "Ajouter la pièce" }));
  const select = screen.getByLabelText("Type de pièce");
  expect(select).toHaveAttribute("aria-invalid", "true");
  expect(select).toHaveFocus();
  expect(select).toHaveAccessibleDescription(expect.stringContaining("choisissez"));
  await user.selectOptions(select, "EMPLOYER_ATTESTATION");
  const input = screen.getByLabelText("Fichier");
  await user.upload(input, new File(["hello text"], "x.pdf", { type: "application/pdf" }));
  await user.click(screen.getByRole("button", { name: "Ajouter la pièce" }));
  await waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
  expect(input).toHaveFocus();
  expect(input).toHaveAccessibleDescription(expect.stringContaining("n'est ni un PDF"));
  expect(select).toHaveValue("EMPLOYER_ATTESTATION");
  expect(upload).not.toHaveBeenCalled();

  upload.mockResolvedValueOnce({ ok: false, code: "INVALID_INPUT", message: "x", fieldErrors: { file: "Erreur serveur" } });
  await user.upload(input, new File(["%PDF-1.4 x"], "ok.pdf", { type: "application/pdf" }));
  await user.click(screen.getByRole("button", { name: "Ajouter la pièce" }));
  await waitFor(() => expect(input).toHaveAccessibleDescription(expect.stringContaining("Erreur serveur")));
  expect((upload.mock.calls[0]![0] as FormData).get("category")).toBe("EMPLOYER_ATTESTATION");
  expect(select).toHaveValue("EMPLOYER_ATTESTATION");

  upload.mockResolvedValueOnce({ ok: true, value: { documentId: "d2" } });
  await user.click(screen.getByRole("button", { name: "Ajouter la pièce" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("« ok.pdf » a été ajouté"));

  remove.mockResolvedValueOnce({ ok: true, value: {} });
  await user.click(screen.getByRole("button", { name: "Supprimer « CV Zoé.pdf »" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("supprimé"));
});

test("read-only", () => {
  render(<DocumentsPanel requestId="r1" editable={false} documents={docs} />);
  expect(screen.queryByRole("button")).toBeNull();
  expect(screen.queryByLabelText("Fichier")).toBeNull();
});

test("while a file is sent: a progress bar and « Envoi en cours… » in a live region, gone when the server answers", async () => {
  const user = userEvent.setup({ applyAccept: false });
  let answer: (value: Awaited<ReturnType<typeof uploadDocumentAction>>) => void = () => undefined;
  upload.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
  const { container } = render(<DocumentsPanel requestId="r1" editable documents={[]} />);
  await user.selectOptions(screen.getByLabelText("Type de pièce"), "CV");
  await user.upload(screen.getByLabelText("Fichier"), new File(["%PDF-1.4 ".padEnd(3000, "x")], "cv.pdf", { type: "application/pdf" }));
  await user.click(screen.getByRole("button", { name: "Ajouter la pièce" }));

  const live = container.querySelector("[aria-live=polite]");
  await waitFor(() => expect(live).toHaveTextContent("Envoi de « cv.pdf » (3 Ko) en cours… Gardez cette page ouverte."));
  expect(live?.querySelector("progress")).not.toBeNull();
  expect(screen.getByRole("button", { name: "Envoi en cours…" })).toBeDisabled();

  answer({ ok: true, value: { documentId: "d2" } });
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("« cv.pdf » a été ajouté"));
  expect(live).toBeEmptyDOMElement();
});
