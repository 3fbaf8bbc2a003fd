"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Described, describedBy } from "@/components/ui/Field";
import { DEPOSIT_EMAIL_CHOICES, DEPOSIT_EMAIL_HINTS, DEPOSIT_EMAIL_LABELS, type DepositEmailChoice } from "@/lib/notifications/domain/deposit-digest";
import type { Result } from "@/lib/shared/result";

type SaveDepositEmails = (previous: Result<{ depositEmails: DepositEmailChoice }> | null, formData: FormData) => Promise<Result<{ depositEmails: DepositEmailChoice }>>;

/**
 * Espace centre › Mes courriels: how the agent hears of new deposits. A plain form posting to the
 * server action (it works without scripts); the choice shown is the saved one, or the one just sent.
 */
export function DepositEmailsForm({ current, action }: { current: DepositEmailChoice; action: SaveDepositEmails }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const error = state && !state.ok ? (state.fieldErrors?.depositEmails ?? state.message) : undefined;
  const chosen = state?.ok ? state.value.depositEmails : current;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.ok ? <Alert tone="success">Votre choix est enregistré : {DEPOSIT_EMAIL_LABELS[state.value.depositEmails].toLowerCase()}.</Alert> : null}
      <fieldset role="radiogroup" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} className="space-y-3">
        <legend className="text-lg font-semibold">Quand un auditeur de votre centre dépose une demande</legend>
        {DEPOSIT_EMAIL_CHOICES.map((choice) => (
          <div key={`${choice}-${chosen}`} className="flex items-start gap-3">
            <input
              type="radio"
              id={`${id}-${choice}`}
              name="depositEmails"
              value={choice}
              defaultChecked={choice === chosen}
              aria-describedby={`${id}-${choice}-hint`}
              className="mt-0.5 h-5 w-5 shrink-0"
            />
            <div>
              <label htmlFor={`${id}-${choice}`} className="font-medium">
                {DEPOSIT_EMAIL_LABELS[choice]}
              </label>
              <p id={`${id}-${choice}-hint`} className="text-sm text-slate-700">
                {DEPOSIT_EMAIL_HINTS[choice]}
              </p>
            </div>
          </div>
        ))}
        <Described id={id} error={error} />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer"}
      </Button>
    </form>
  );
}
