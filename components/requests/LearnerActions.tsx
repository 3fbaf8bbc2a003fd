"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { expectDeposit } from "@/components/requests/DepositFocus";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Described, TextAreaField, describedBy } from "@/components/ui/Field";
import { deleteDraftAction, restartRequestAction, resubmitRequestAction, sendInternshipProofAction, submitRequestAction, withdrawRequestAction } from "@/lib/requests/actions";
import type { Result } from "@/lib/shared/result";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/shared/forms";
import { HONOUR_STATEMENT } from "@/lib/requests/domain/honour-statement";
import { VALIDATION_UNAVAILABLE } from "@/components/ui/lazy-validation";
import { requestSchemas } from "@/lib/requests/schemas-on-demand";
import { countOf } from "@/lib/shared/text";

type Failure = { ok: false; message: string; missing?: string[]; fieldErrors?: FieldErrors };

function FailureAlert({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <Alert tone="error">
      <p>{failure.message}</p>
      {failure.missing?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {failure.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function useAction() {
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  async function run(action: () => Promise<Result<unknown>>) {
    setPending(true);
    setFailure(null);
    try {
      const result = await action();
      if (!result.ok) setFailure({ ok: false, message: result.message, missing: result.missing, fieldErrors: result.fieldErrors });
      router.refresh();
    } catch (error) {
      // redirect() from a server action surfaces here as a navigation, not a failure.
      if ((error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) throw error;
      setFailure({ ok: false, message: "Le service est momentanément indisponible. Réessayez dans quelques minutes." });
    } finally {
      setPending(false);
    }
  }
  return { failure, pending, run };
}

/**
 * « Déposer »: the statement on honour, checked by the action's own schema before anything is sent
 * (the message sits under the box, which takes the focus), then the deposit; the confirmation that
 * replaces the form takes the focus (DepositFocus).
 */
export function SubmitDraft({ requestId, version, label }: { requestId: string; version: number; label: string }) {
  const { failure, pending, run } = useAction();
  const [certified, setCertified] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const boxRef = useRef<HTMLInputElement>(null);
  const shownError = error ?? failure?.fieldErrors?.certified;
  const id = useId();

  async function deposit() {
    const schemas = await requestSchemas().catch(() => null);
    const checked = schemas?.submitSchema.safeParse({ requestId, version, certified });
    if (!checked?.success) {
      setError(checked ? fieldErrorsFrom(checked.error.issues).certified : VALIDATION_UNAVAILABLE);
      boxRef.current?.focus();
      return;
    }
    setError(undefined);
    expectDeposit(requestId);
    await run(async () => {
      const result = await submitRequestAction(checked.data);
      if (!result.ok) {
        expectDeposit(null);
        if (result.fieldErrors?.certified) boxRef.current?.focus();
      }
      return result;
    });
  }

  return (
    <div className="space-y-3">
      {failure && !failure.fieldErrors?.certified ? <FailureAlert failure={failure} /> : null}
      <div>
        <div className="flex items-start gap-2">
          <input
            ref={boxRef}
            id={id}
            name="certified"
            type="checkbox"
            className="mt-1 h-5 w-5 shrink-0"
            checked={certified}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={describedBy(id, HONOUR_STATEMENT.warning, shownError)}
            // The deposit is checked with its action's schema, downloaded once the statement on honour is touched.
            onFocus={requestSchemas.preload}
            onChange={(event) => {
              setCertified(event.target.checked);
              if (event.target.checked) setError(undefined);
            }}
          />
          <label htmlFor={id} className="font-medium">
            {HONOUR_STATEMENT.text}
          </label>
        </div>
        <div className="pl-7">
          <Described id={id} hint={HONOUR_STATEMENT.warning} error={shownError} />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="button" disabled={pending} onClick={() => void deposit()}>
          {pending ? "Dépôt en cours…" : label}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => {
            if (window.confirm("Supprimer ce brouillon et tout ce qu'il contient ?")) void run(() => deleteDraftAction({ requestId }));
          }}
        >
          Supprimer le brouillon
        </Button>
      </div>
    </div>
  );
}

/** reasonMax: the withdrawal schema's cap on « Motif », from the page. */
export function WithdrawRequest({ requestId, version, reasonMax }: { requestId: string; version: number; reasonMax: number | undefined }) {
  const { failure, pending, run } = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Abandonner cette demande
      </Button>
    );
  }
  return (
    <div className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4">
      <FailureAlert failure={failure} />
      <p className="font-medium">Abandonner la demande ? Elle restera dans votre historique, mais ne sera plus instruite.</p>
      <TextAreaField label="Motif" optional rows={2} maxLength={reasonMax} error={failure?.fieldErrors?.reason} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="flex gap-3">
        {/* Secondary: abandoning is never the page's main next step (the resubmission may be shown above). */}
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => withdrawRequestAction({ requestId, version, reason }))}>
          Confirmer l&apos;abandon
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Ne pas abandonner
        </Button>
      </div>
    </div>
  );
}

/** commentMax: the resubmission schema's cap on the message, from the page. */
export function ResubmitRequest({ requestId, version, commentMax }: { requestId: string; version: number; commentMax: number | undefined }) {
  const { failure, pending, run } = useAction();
  const [comment, setComment] = useState("");
  return (
    <div className="space-y-3">
      <FailureAlert failure={failure} />
      <TextAreaField label="Message pour votre centre" optional rows={3} maxLength={commentMax} error={failure?.fieldErrors?.comment} value={comment} onChange={(e) => setComment(e.target.value)} />
      <Button type="button" disabled={pending} onClick={() => run(() => resubmitRequestAction({ requestId, version, comment }))}>
        {pending ? "Envoi…" : "Renvoyer ma demande complétée"}
      </Button>
    </div>
  );
}

/** After a favourable opinion under condition: the internship agreement and report, joined above, go to the centre. */
export function SendInternshipProof({ requestId, version }: { requestId: string; version: number }) {
  const { failure, pending, run } = useAction();
  return (
    <div className="space-y-3">
      <FailureAlert failure={failure} />
      <Button type="button" disabled={pending} onClick={() => run(() => sendInternshipProofAction({ requestId, version }))}>
        {pending ? "Envoi…" : "Envoyer la convention et le rapport de stage à mon centre"}
      </Button>
    </div>
  );
}

/**
 * "Faire une nouvelle demande à partir de celle-ci", for a closed request: says what will be carried
 * over, and only then, on the learner's confirmation, opens the prefilled draft.
 */
export function RestartRequest({ requestId, experiences, documents }: { requestId: string; experiences: number; documents: number }) {
  const { failure, pending, run } = useAction();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Faire une nouvelle demande à partir de celle-ci
      </Button>
    );
  }
  const carried =
    experiences + documents > 0
      ? `Seront reprises : ${countOf(experiences, "expérience")} et ${countOf(documents, "pièce justificative", "pièces justificatives")} (les pièces refusées ne sont pas reprises).`
      : "Aucune expérience ni pièce à reprendre : le brouillon sera vide.";
  return (
    <div className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4">
      <FailureAlert failure={failure} />
      <p className="font-medium">Une nouvelle demande sera ouverte en brouillon pour le même diplôme.</p>
      <p>{carried} Vous pourrez tout vérifier et modifier avant de la déposer.</p>
      <div className="flex gap-3">
        <Button type="button" disabled={pending} onClick={() => run(() => restartRequestAction({ requestId }))}>
          {pending ? "Ouverture…" : "Confirmer et ouvrir le brouillon"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Annuler
        </Button>
      </div>
    </div>
  );
}
