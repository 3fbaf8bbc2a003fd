"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { RadioGroup, SelectField } from "@/components/ui/Field";
import { TextAreaField } from "@/components/staff/request/form-parts";
import { CENTRE_OPINIONS, CENTRE_OPINION_LABELS } from "@/lib/requests/schemas";
import { commandSchema } from "@/lib/requests/domain/commands";
import { maxLengthFor } from "@/lib/shared/forms";
import type { BulkReport } from "@/lib/requests/bulk-results";
import type { Result } from "@/lib/shared/result";
import { BULK_FORM_ID, SELECT_ALL_ID } from "./form-id";
import { selectionChanged, tickAll, useTickedCount } from "./selection";
import { countOf, plural } from "@/lib/shared/text";

type BulkAction = (previous: Result<BulkReport> | null, formData: FormData) => Promise<Result<BulkReport>>;

type Props =
  | { space: "centre"; action: BulkAction; colleagues: { id: string; displayName: string }[] }
  | { space: "national"; action: BulkAction };

/**
 * The bulk actions panel, after the table. The row checkboxes live in the server-rendered table and
 * join this form through their `form` attribute. With scripts the panel shows once a row is ticked
 * (held at the bottom of the window while the rows scroll) or while it shows results, and « n
 * demandes sélectionnées » is announced; without them it is always shown and posts to the server
 * action.
 */
export function BulkActionsForm(props: Props) {
  const [state, formAction, pending] = useActionState<Result<BulkReport> | null, FormData>(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  // Sent by hand so that React does not reset the form afterwards: after an error, the ticked rows
  // and the typed opinion stay. Processed rows come back unticked (their checkbox is keyed by version).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
    selectionChanged();
  }

  const ticked = useTickedCount();
  const scripted = ticked !== null;
  const shown = !scripted || ticked > 0 || pending || state !== null;
  const selection = ticked ? `${countOf(ticked, "demande")} ${plural(ticked, "sélectionnée")}` : "";

  return (
    <>
      {/* Present from the start, so that screen readers announce each change of its text. */}
      <p aria-live="polite" className="sr-only" data-testid="bulk-selection-live">
        {selection}
      </p>
      <form
        id={BULK_FORM_ID}
        action={formAction}
        onSubmit={submit}
        hidden={!shown}
        // Idle: nothing ticked, sent nor shown. The page's CSS hides it when the browser runs scripts (globals.css).
        data-idle={ticked || pending || state !== null ? undefined : ""}
        aria-labelledby="actions-groupees-titre"
        data-testid="bulk-actions"
        className={`space-y-4 rounded border bg-white p-4 shadow-sm ${scripted && ticked ? "sticky bottom-0 z-10 max-h-[60vh] overflow-y-auto border-brand-700 shadow-lg" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h2 id="actions-groupees-titre" className="text-lg font-semibold">
            Actions groupées
          </h2>
          {scripted ? (
            <p className="font-medium" aria-hidden="true">
              {selection || "Aucune demande sélectionnée"}
            </p>
          ) : null}
        </div>
        <p className="text-sm text-slate-700">
          {scripted ? "Chaque demande sélectionnée est traitée séparément." : "Cochez des demandes dans le tableau ci-dessus, puis choisissez l'action. Chaque demande est traitée séparément."}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => tickAll(true)}>
            Tout cocher
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              tickAll(false);
              // The panel hides with the selection: the focus goes back to the table's « select all » box.
              document.getElementById(SELECT_ALL_ID)?.focus();
            }}
          >
            Tout décocher
          </Button>
        </div>

        {state && !state.ok ? (
          <Alert tone="error" title={state.message}>
            {errors.items ? <p>{errors.items}</p> : null}
          </Alert>
        ) : null}

        {props.space === "centre" ? (
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="flex items-end">
              <Button type="submit" name="operation" value="takeInCharge" disabled={pending}>
                Prendre en charge
              </Button>
            </div>
            <fieldset className="space-y-2">
              <legend className="font-semibold">Attribuer à…</legend>
              <SelectField label="Gestionnaire" name="assigneeId" defaultValue="" error={errors.assigneeId}>
                <option value="">Choisir…</option>
                {props.colleagues.map((colleague) => (
                  <option key={colleague.id} value={colleague.id}>
                    {colleague.displayName}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" name="operation" value="assign" variant="secondary" disabled={pending}>
                Attribuer
              </Button>
            </fieldset>
            <fieldset className="space-y-2">
              <legend className="font-semibold">Transmettre au national</legend>
              <RadioGroup legend="Avis du centre" name="opinion" error={errors.opinion} options={CENTRE_OPINIONS.map((value) => ({ value, label: CENTRE_OPINION_LABELS[value] }))} />
              <TextAreaField label="Avis motivé" name="comment" rows={3} maxLength={maxLengthFor(commandSchema("forward"), "comment")} error={errors.comment} />
              <Button type="submit" name="operation" value="forward" variant="secondary" disabled={pending}>
                Transmettre au national
              </Button>
            </fieldset>
          </div>
        ) : (
          <div>
            <Button type="submit" name="operation" value="recordEdition" disabled={pending}>
              Marquer comme édités
            </Button>
            <p className="mt-1 text-sm text-slate-700">Pour les diplômes validés : chacun reçoit son numéro de diplôme.</p>
          </div>
        )}

        <div aria-live="polite">
          {pending ? <p>Traitement en cours…</p> : null}
          {state?.ok ? (
            <div className="space-y-2">
              <p className="font-semibold">{state.value.summary}</p>
              <ul className="space-y-1" data-testid="bulk-results">
                {state.value.lines.map((line) => (
                  <li key={line.requestId} className={line.ok ? "text-green-900" : "text-red-800"}>
                    <span aria-hidden="true">{line.ok ? "✓ " : "✗ "}</span>
                    {line.number} : {line.text}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </form>
    </>
  );
}
