"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import { centreSchema, type CentreData, type CentreFormValues } from "@/lib/admin/schemas";
import { createCentreAction, updateCentreAction } from "@/lib/admin/actions";

const EMPTY: CentreFormValues = { code: "", name: "", region: "", contactEmail: "" };

/** Creates a centre, or updates one (`existing`): its code, the stable key, is then read-only. */
export function CentreForm({ existing }: { existing?: CentreFormValues }) {
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<CentreFormValues, unknown, CentreData>({ resolver: zodResolver(centreSchema), defaultValues: existing ?? EMPTY });
  const showServerErrors = useServerFieldErrors(form);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const result = existing ? await updateCentreAction({ ...values, code: existing.code }) : await createCentreAction(values);
      if (result.ok) {
        setOutcome({ tone: "success", text: existing ? `Centre ${result.value.code} enregistré.` : `Centre ${result.value.code} créé.` });
        if (!existing) reset(EMPTY);
      } else if (result.fieldErrors) showServerErrors(result.fieldErrors);
      else setOutcome({ tone: "error", text: result.message });
    } catch {
      setOutcome({ tone: "error", text: "Le service est momentanément indisponible. Réessayez dans quelques minutes." });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <TextField
        label="Code du centre"
        hint={existing ? "Le code est la clé du centre : il ne change pas." : "Lettres A à Z, chiffres et tirets, par exemple NOUVELLE-AQUITAINE. Il ne pourra plus changer."}
        readOnly={Boolean(existing)}
        autoCapitalize="characters"
        spellCheck={false}
        error={errors.code?.message}
        {...register("code")}
      />
      <TextField label="Nom" hint="Par exemple : Cnam Nouvelle-Aquitaine." error={errors.name?.message} {...register("name")} />
      <TextField label="Région" error={errors.region?.message} {...register("region")} />
      <TextField label="Courriel de contact" optional type="email" autoComplete="off" hint="Adresse donnée aux auditeurs du centre." error={errors.contactEmail?.message} {...register("contactEmail")} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : existing ? "Enregistrer les modifications" : "Créer le centre"}
        </Button>
        {existing ? <Link href="/admin/centres">Annuler</Link> : null}
      </div>
    </form>
  );
}
