import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

function Form({ submitted, errors }: { submitted: boolean; errors: Record<string, { message?: string } | undefined> }) {
  return (
    <form>
      <ErrorSummary errors={errors} submitted={submitted} />
      <label htmlFor="e">Adresse électronique</label>
      <input id="e" name="email" />
      <label htmlFor="p">Téléphone</label>
      <input id="p" name="phone" />
    </form>
  );
}

describe("ErrorSummary", () => {
  beforeEach(() => {
    document.title = "Mon profil – D3 – Cnam";
  });

  test("lists each error as a link that moves the focus to its field", async () => {
    render(<Form submitted errors={{ email: { message: "Adresse électronique : format invalide." }, phone: { message: "Téléphone : numéro invalide." }, city: undefined }} />);
    const summary = screen.getByRole("alert");
    expect(summary).toHaveTextContent("2 champs sont à corriger");
    const links = screen.getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["Adresse électronique : format invalide.", "Téléphone : numéro invalide."]);
    await userEvent.click(links[1]!);
    expect(screen.getByLabelText("Téléphone")).toHaveFocus();
  });

  test("the page's title starts with « Erreur – » while errors are shown, and gets back its own after", () => {
    const { rerender } = render(<Form submitted errors={{ email: { message: "Adresse électronique : format invalide." } }} />);
    expect(document.title).toBe("Erreur – Mon profil – D3 – Cnam");
    expect(screen.getByRole("alert")).toHaveTextContent("Un champ est à corriger");
    rerender(<Form submitted errors={{}} />);
    expect(document.title).toBe("Mon profil – D3 – Cnam");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("nothing before the form is sent", () => {
    render(<Form submitted={false} errors={{ email: { message: "x" } }} />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.title).toBe("Mon profil – D3 – Cnam");
  });
});
