"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { confirmLearnerNumberFormAction } from "@/lib/profile/actions";

/** One learner's declared number, confirmed by an agent of the centre from its records. */
export function ConfirmLearnerNumberForm({ userId, learnerNumber, name }: { userId: string; learnerNumber: string; name: string }) {
  const [state, action, pending] = useActionState(confirmLearnerNumberFormAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="learnerNumber" value={learnerNumber} />
      <Button type="submit" variant="secondary" disabled={pending || state?.ok === true} aria-label={`Confirmer le numéro ${learnerNumber} de ${name}`}>
        {state?.ok ? "Numéro confirmé" : pending ? "Confirmation…" : "Confirmer le numéro"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Numéro confirmé : les résultats importés pour ce numéro iront à cet auditeur.</Alert> : null}
    </form>
  );
}
