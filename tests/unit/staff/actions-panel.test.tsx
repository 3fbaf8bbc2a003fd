import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ActionsPanel } from "@/components/staff/request/ActionsPanel";
import { centreRequestAction, nationalRequestAction } from "@/lib/requests/actions";

jest.mock("@/lib/requests/actions", () => ({ centreRequestAction: jest.fn(), nationalRequestAction: jest.fn(), postMessageAction: jest.fn() }));
const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const centre = jest.mocked(centreRequestAction);
const national = jest.mocked(nationalRequestAction);
const colleagues = [
  { id: "u1", displayName: "Sophie Bernard" },
  { id: "u2", displayName: "Paul Martin" },
];

beforeEach(() => jest.clearAllMocks());

test("only the actions available now are offered", () => {
  render(<ActionsPanel space="centre" requestId="r1" version={2} available={["view", "takeInCharge", "assign", "reviewDocument", "postMessage"]} colleagues={colleagues} />);
  const buttons = screen.getAllByRole("button").map((b) => b.textContent);
  expect(buttons).toEqual(["Prendre en charge", "Attribuer à…"]);
  expect(screen.queryByRole("button", { name: "Refuser" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Transmettre au national" })).toBeNull();
});

test("nothing to do: no panel at all", () => {
  const { container } = render(<ActionsPanel space="centre" requestId="r1" version={2} available={["view", "postMessage"]} colleagues={[]} />);
  expect(container).toBeEmptyDOMElement();
});

test("an inline confirmation, not a dialog of the browser; cancelling gives the focus back", async () => {
  const user = userEvent.setup();
  const confirm = jest.spyOn(window, "confirm");
  const { rerender } = render(<ActionsPanel space="centre" requestId="r1" version={2} available={["takeInCharge"]} colleagues={[]} />);
  const trigger = screen.getByRole("button", { name: "Prendre en charge" });
  await user.click(trigger);
  expect(trigger).toHaveAttribute("aria-expanded", "true");
  expect(screen.getByRole("heading", { name: "Prendre en charge" })).toHaveFocus();
  await user.click(screen.getByRole("button", { name: "Annuler" }));
  expect(trigger).toHaveFocus();
  expect(centre).not.toHaveBeenCalled();

  centre.mockResolvedValueOnce({ ok: true, value: { version: 3 } });
  await user.click(trigger);
  await user.click(screen.getByRole("button", { name: "Confirmer la prise en charge" }));
  expect(centre).toHaveBeenCalledWith({ type: "takeInCharge", requestId: "r1", version: 2 });
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Vous avez pris la demande en charge."));
  expect(refresh).toHaveBeenCalled();
  expect(confirm).not.toHaveBeenCalled();
  // Until the page shows the new version, the actions of the old state are not offered.
  expect(screen.queryByRole("button", { name: "Prendre en charge" })).toBeNull();
  expect(screen.getByText("Mise à jour du dossier…")).toBeInTheDocument();
  rerender(<ActionsPanel space="centre" requestId="r1" version={3} available={["assign", "askForCorrection"]} colleagues={[]} />);
  expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Attribuer à…", "Demander un complément"]);
  expect(screen.queryByRole("alert")).toBeNull();
});

test("the mandatory comment: its error is tied to its field and nothing is sent", async () => {
  const user = userEvent.setup();
  render(<ActionsPanel space="centre" requestId="r1" version={2} available={["askForCorrection", "forward", "refuse"]} colleagues={[]} />);
  await user.click(screen.getByRole("button", { name: "Demander un complément" }));
  await user.click(screen.getByRole("button", { name: "Envoyer la demande de complément" }));
  const comment = screen.getByLabelText("Ce qui manque ou est à corriger");
  expect(comment).toHaveAttribute("aria-invalid", "true");
  expect(comment).toHaveAccessibleDescription(expect.stringContaining("Indiquez ce qui manque ou ce qui est à corriger"));
  expect(comment).toHaveFocus();
  expect(centre).not.toHaveBeenCalled();

  await user.type(comment, "L'attestation");
  expect(comment).not.toHaveAttribute("aria-invalid");
});

test("forwarding: the opinion and its reasons, errors from the server next to their field", async () => {
  const user = userEvent.setup();
  render(<ActionsPanel space="centre" requestId="r1" version={5} available={["forward"]} colleagues={[]} />);
  await user.click(screen.getByRole("button", { name: "Transmettre au national" }));
  await user.click(screen.getByRole("button", { name: "Confirmer la transmission" }));
  expect(screen.getByRole("radiogroup", { name: "Avis du centre" })).toHaveAccessibleDescription(expect.stringContaining("favorable, réservé ou défavorable"));
  expect(screen.getByRole("radio", { name: "Favorable" })).toHaveFocus();
  expect(centre).not.toHaveBeenCalled();

  await user.click(screen.getByRole("radio", { name: "Réservé" }));
  await user.type(screen.getByLabelText("Motivation de l'avis"), "Deux attestations manquent.");
  centre.mockResolvedValueOnce({ ok: false, code: "INVALID_INPUT", message: "Refusé", fieldErrors: { comment: "L'avis motivé du centre est obligatoire." } });
  await user.click(screen.getByRole("button", { name: "Confirmer la transmission" }));
  expect(centre).toHaveBeenCalledWith({ type: "forward", requestId: "r1", version: 5, opinion: "RESERVED", comment: "Deux attestations manquent." });
  const comment = screen.getByLabelText("Motivation de l'avis");
  await waitFor(() => expect(comment).toHaveAccessibleDescription(expect.stringContaining("L'avis motivé du centre est obligatoire.")));
  expect(comment).toHaveValue("Deux attestations manquent.");
});

test("a stale version: the new state is shown, what was typed stays, and the next try sends the new version", async () => {
  const user = userEvent.setup();
  const props = { space: "centre" as const, requestId: "r1", available: ["askForCorrection", "refuse"], colleagues: [] };
  const { rerender } = render(<ActionsPanel {...props} version={3} />);
  await user.click(screen.getByRole("button", { name: "Demander un complément" }));
  await user.type(screen.getByLabelText("Ce qui manque ou est à corriger"), "Le CV n'est pas daté.");
  // The piece to send is ticked in the list; it is kept across the conflict too.
  await user.click(screen.getByRole("checkbox", { name: "Curriculum vitae" }));
  centre.mockResolvedValueOnce({ ok: false, code: "CONFLICT", message: "Ce dossier a été modifié entre-temps." });
  await user.click(screen.getByRole("button", { name: "Envoyer la demande de complément" }));

  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Ce dossier a été modifié entre-temps : voici son nouvel état."));
  expect(refresh).toHaveBeenCalledTimes(1);
  expect(screen.getByLabelText("Ce qui manque ou est à corriger")).toHaveValue("Le CV n'est pas daté.");

  // The page is rendered again with the request's new version: the text is still there.
  rerender(<ActionsPanel {...props} version={4} />);
  expect(screen.getByLabelText("Ce qui manque ou est à corriger")).toHaveValue("Le CV n'est pas daté.");
  centre.mockResolvedValueOnce({ ok: true, value: { version: 5 } });
  await user.click(screen.getByRole("button", { name: "Envoyer la demande de complément" }));
  expect(centre).toHaveBeenLastCalledWith({ type: "askForCorrection", requestId: "r1", version: 4, comment: "Le CV n'est pas daté.", pieces: ["CV"] });
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("La demande de complément a été envoyée"));
});

test("a change by someone else while a form is open is announced; an action no longer possible gives the text back", async () => {
  const user = userEvent.setup();
  const props = { space: "centre" as const, requestId: "r1", colleagues: [] };
  const { rerender } = render(<ActionsPanel {...props} version={3} available={["refuse", "forward"]} />);
  await user.click(screen.getByRole("button", { name: "Refuser" }));
  await user.type(screen.getByLabelText("Motif du refus"), "Unités manquantes.");
  rerender(<ActionsPanel {...props} version={4} available={["takeInCharge"]} />);
  expect(screen.getByRole("alert")).toHaveTextContent("Ce dossier a été modifié entre-temps : voici son nouvel état.");
  expect(screen.getByText("Cette action n'est plus possible dans le nouvel état du dossier.")).toBeInTheDocument();
  expect(screen.getByLabelText("Ce que vous aviez saisi")).toHaveValue("Unités manquantes.");
  expect(screen.queryByRole("button", { name: "Confirmer le refus" })).toBeNull();
});

test("national: the jury's decision under condition, and the diploma number after the edition", async () => {
  const user = userEvent.setup();
  const { rerender } = render(<ActionsPanel space="national" requestId="a1" version={7} available={["decideExperience", "refuse", "askForCorrection"]} colleagues={[]} />);
  await user.click(screen.getByRole("button", { name: "Décision du jury" }));
  await user.click(screen.getByRole("radio", { name: "Favorable sous condition (stage)" }));
  await user.type(screen.getByLabelText("Durée du stage (en mois)"), "0");
  await user.type(screen.getByLabelText("Condition"), "Stage en développement logiciel");
  await user.click(screen.getByRole("button", { name: "Enregistrer la décision" }));
  const months = screen.getByLabelText("Durée du stage (en mois)");
  expect(months).toHaveAccessibleDescription(expect.stringContaining("un nombre entier de mois, 1 au moins"));
  expect(months).toHaveFocus();
  expect(national).not.toHaveBeenCalled();

  await user.clear(months);
  await user.type(months, "3");
  national.mockResolvedValueOnce({ ok: true, value: {} });
  await user.click(screen.getByRole("button", { name: "Enregistrer la décision" }));
  expect(national).toHaveBeenCalledWith(expect.objectContaining({ type: "decideExperience", version: 7, outcome: "FAVOURABLE_WITH_CONDITION", internshipMonths: "3", conditionText: "Stage en développement logiciel" }));

  rerender(<ActionsPanel space="national" requestId="d1" version={9} available={["recordEdition"]} colleagues={[]} />);
  national.mockResolvedValueOnce({ ok: true, value: { diplomaNumber: "2026-000042" } });
  await user.click(screen.getByRole("button", { name: "Enregistrer l'édition" }));
  await user.click(screen.getByRole("button", { name: "Confirmer l'édition" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Numéro du diplôme : 2026-000042."));
});

test("an unreachable server keeps the form and what was typed", async () => {
  const user = userEvent.setup();
  render(<ActionsPanel space="centre" requestId="r1" version={2} available={["refuse"]} colleagues={[]} />);
  await user.click(screen.getByRole("button", { name: "Refuser" }));
  await user.type(screen.getByLabelText("Motif du refus"), "Hors délai");
  centre.mockRejectedValueOnce(new Error("network"));
  await user.click(screen.getByRole("button", { name: "Confirmer le refus" }));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("momentanément indisponible"));
  expect(screen.getByLabelText("Motif du refus")).toHaveValue("Hors délai");
});
