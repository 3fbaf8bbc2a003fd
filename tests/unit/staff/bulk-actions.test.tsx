import { act, fireEvent, render, screen } from "@testing-library/react";
import { BulkActionsForm } from "@/components/staff/queue/BulkActionsForm";
import { SelectAllBox } from "@/components/staff/queue/SelectAllBox";
import { BULK_FORM_ID } from "@/components/staff/queue/form-id";

const action = jest.fn(async () => ({ ok: true as const, value: { summary: "", lines: [] } }));

function page() {
  return render(
    <div>
      <table>
        <thead>
          <tr>
            <th>
              <SelectAllBox />
            </th>
          </tr>
        </thead>
        <tbody>
          {["a", "b", "c"].map((id) => (
            <tr key={id}>
              <td>
                <input type="checkbox" form={BULK_FORM_ID} name="item" value={`${id}:1`} aria-label={`Sélectionner la demande ${id}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <BulkActionsForm space="national" action={action} />
    </div>,
  );
}

test("the bulk panel is hidden until a row is ticked, and the selection is announced", () => {
  page();
  const panel = screen.getByTestId("bulk-actions");
  const live = screen.getByTestId("bulk-selection-live");
  expect(panel).not.toBeVisible();
  expect(live).toHaveAttribute("aria-live", "polite");
  expect(live).toHaveTextContent("");

  act(() => {
    fireEvent.click(screen.getByLabelText("Sélectionner la demande a"));
  });
  expect(panel).toBeVisible();
  expect(live).toHaveTextContent("1 demande sélectionnée");

  act(() => {
    fireEvent.click(screen.getByLabelText("Sélectionner la demande c"));
  });
  expect(live).toHaveTextContent("2 demandes sélectionnées");

  act(() => {
    fireEvent.click(screen.getByLabelText("Sélectionner la demande a"));
    fireEvent.click(screen.getByLabelText("Sélectionner la demande c"));
  });
  expect(panel).not.toBeVisible();
  expect(live).toHaveTextContent("");
});

test("« select all » in the header ticks every row; « Tout décocher » hides the panel and gives the focus back to it", () => {
  page();
  const all = screen.getByLabelText("Sélectionner toutes les demandes de la page");
  act(() => {
    fireEvent.click(all);
  });
  expect(screen.getByTestId("bulk-selection-live")).toHaveTextContent("3 demandes sélectionnées");
  expect(screen.getByLabelText("Sélectionner la demande b")).toBeChecked();
  act(() => {
    fireEvent.click(screen.getByRole("button", { name: "Tout décocher" }));
  });
  expect(screen.getByTestId("bulk-actions")).not.toBeVisible();
  expect(document.activeElement).toBe(all);
});
