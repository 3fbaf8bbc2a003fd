"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import { centreSchema, type CentreData, type CentreFormValues } from "@/lib/admin/schemas";
import { cappedBy } from "@/lib/shared/forms";

/** Each text field stops at its schema's cap (lib/shared/forms.ts). */
const capped = cappedBy(centreSchema);
import { createCentreAction, updateCentreAction } from "@/lib/admin/actions";

const EMPTY: CentreFormValues = { code: "", name: "", region: "", contactEmail: "" };

/** Creates a centre, or updates one (`existing`): its code, the stable key, is then read-only. */
export function CentreForm({ existing }: { existing?: CentreFormValues }) {
  const form = useForm<CentreFormValues, unknown, CentreData>({ resolver: zodResolver(centreSchema), defaultValues: existing ?? EMPTY });
  const { outcome, submit } = useActionOutcome(form);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = form;

  const onSubmit = handleSubmit((values) =>
    submit(
      () => (existing ? updateCentreAction({ ...values, code: existing.code }) : createCentreAction(values)),
      (result) => {
        if (existing) return `Centre ${result.value.code} enregistré.`;
        reset(EMPTY);
        return `Centre ${result.value.code} créé.`;
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <ErrorSummary errors={errors} submitted={submitCount > 0} />
      <TextField
        label="Code du centre"
        hint={existing ? "Le code est la clé du centre : il ne change pas." : "Lettres A à Z, chiffres et tirets, par exemple NOUVELLE-AQUITAINE. Il ne pourra plus changer."}
        readOnly={Boolean(existing)}
        autoCapitalize="characters"
        spellCheck={false}
        error={errors.code?.message}
        {...capped(register("code"))}
      />
      <TextField label="Nom" hint="Par exemple : Cnam Nouvelle-Aquitaine." error={errors.name?.message} {...capped(register("name"))} />
      <TextField label="Région" error={errors.region?.message} {...capped(register("region"))} />
      <TextField label="Courriel de contact" optional type="email" autoComplete="off" hint="Adresse donnée aux auditeurs du centre." error={errors.contactEmail?.message} {...capped(register("contactEmail"))} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : existing ? "Enregistrer les modifications" : "Créer le centre"}
        </Button>
        {existing ? <Link href="/admin/centres">Annuler</Link> : null}
      </div>
    </form>
  );
}
