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
import { BULK_FORM_ID } from "./form-id";

type BulkAction = (previous: Result<BulkReport> | null, formData: FormData) => Promise<Result<BulkReport>>;

type Props =
  | { space: "centre"; action: BulkAction; colleagues: { id: string; displayName: string }[] }
  | { space: "national"; action: BulkAction };

/**
 * The bulk actions panel. The row checkboxes live in the server-rendered table and join this form
 * through their `form` attribute; the only script here is the action state (pending, results) and
 * "Tout cocher". Without JavaScript the form still posts to the server action.
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
  }

  function tickAll(checked: boolean) {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM_ID}"][name="item"]:not(:disabled)`)) box.checked = checked;
  }

  return (
    <form id={BULK_FORM_ID} action={formAction} onSubmit={submit} aria-labelledby="actions-groupees-titre" className="space-y-4 rounded border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="actions-groupees-titre" className="text-lg font-semibold">
        Actions groupées
      </h2>
      <p className="text-sm text-slate-700">Cochez des demandes dans le tableau ci-dessous, puis choisissez l&apos;action. Chaque demande est traitée séparément.</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => tickAll(true)}>
          Tout cocher
        </Button>
        <Button type="button" variant="secondary" onClick={() => tickAll(false)}>
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
  );
}
