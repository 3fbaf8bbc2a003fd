"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { RadioGroup, TextAreaField, TextField } from "@/components/ui/Field";
import { lazyZodResolver } from "@/components/ui/lazy-validation";
import { useDraftStorage } from "@/components/ui/use-draft-storage";
import { useErrorTitle } from "@/components/ui/use-error-title";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import type { SavedExperience } from "@/components/requests/ExperienceList";
import { experienceDraftKey } from "@/components/requests/experience-draft-key";
import type { ExperienceFormData, ExperienceFormValues } from "@/lib/catalogue/domain/experience-form";
import { helpLinkForField } from "@/lib/help/anchors";
import { saveExperienceAction } from "@/lib/requests/actions";
import { cappedWith, type FieldCaps } from "@/lib/shared/forms";

/**
 * Adding or changing one experience: react-hook-form, downloaded with this module when a form is
 * first shown (ExperienceEditor loads it), not with every request page.
 */
export const EMPTY_EXPERIENCE: ExperienceFormValues = {
  employer: "",
  jobTitle: "",
  startDate: "",
  endDate: "",
  workingTimePercent: "100",
  inField: "" as ExperienceFormValues["inField"],
  activities: "",
};


const toFormValues = (e: SavedExperience): ExperienceFormValues => ({
  employer: e.employer,
  jobTitle: e.jobTitle,
  startDate: e.startDate,
  endDate: e.endDate,
  workingTimePercent: String(e.workingTimePercent),
  inField: e.inField ? "oui" : "non",
  activities: e.activities,
});

/** focusFirst: opened by « Ajouter » or « Modifier », whose button is gone: the focus goes to the first field rather than to the page. */
export function ExperienceForm({ requestId, experience, caps, focusFirst = false, onDone }: { requestId: string; experience?: SavedExperience; caps: FieldCaps; focusFirst?: boolean; onDone: () => void }) {
  const router = useRouter();
  const capped = cappedWith(caps);
  // The schema the action parses with, downloaded on the form's first focus (lazy-validation.ts); built per form, as it reads today's date.
  const resolver = useMemo(() => lazyZodResolver<ExperienceFormValues, ExperienceFormData>(() => import("@/lib/catalogue/domain/experience-form").then((experience) => experience.experienceFormSchema())), []);
  const form = useForm<ExperienceFormValues, unknown, ExperienceFormData>({
    resolver,
    defaultValues: experience ? toFormValues(experience) : EMPTY_EXPERIENCE,
  });
  const storage = useDraftStorage(experienceDraftKey(requestId, experience?.id), form);
  useEffect(() => {
    if (focusFirst) form.setFocus("employer");
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const showServerErrors = useServerFieldErrors(form);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  useErrorTitle(submitCount > 0 && Object.keys(errors).length > 0);

  const onSubmit = handleSubmit(async () => {
    setFailure(null);
    try {
      const result = await saveExperienceAction({ requestId, values: form.getValues(), ...(experience ? { experienceId: experience.id } : {}) });
      if (result.ok) {
        storage.clear();
        onDone();
        router.refresh();
        return;
      }
      setFailure(result.message);
      showServerErrors(result.fieldErrors);
    } catch {
      setFailure("Le service est momentanément indisponible : votre saisie est conservée, réessayez dans quelques minutes.");
    }
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4 rounded border border-slate-300 bg-slate-50 p-4" aria-label={experience ? "Modifier l'expérience" : "Ajouter une expérience"}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {errors.root ? <Alert tone="error">{errors.root.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Employeur" error={errors.employer?.message} {...capped(register("employer"))} />
        <TextField label="Intitulé du poste" error={errors.jobTitle?.message} {...capped(register("jobTitle"))} />
        <TextField label="Date de début" type="date" error={errors.startDate?.message} {...capped(register("startDate"))} />
        <TextField label="Date de fin" type="date" hint="Pour un emploi en cours, la date du jour." error={errors.endDate?.message} {...capped(register("endDate"))} />
        <TextField
          label="Temps de travail (%)"
          inputMode="numeric"
          hint={
            <>
              100 pour un temps plein, 50 pour un mi-temps. <Link href={helpLinkForField("workingTimePercent")}>Comment le calculer ?</Link>
            </>
          }
          error={errors.workingTimePercent?.message}
          {...register("workingTimePercent")}
        />
        <RadioGroup
          legend="Dans le domaine du diplôme ?"
          help={<Link href={helpLinkForField("inField")}>Comment savoir ?</Link>}
          options={[
            { value: "oui", label: "Oui" },
            { value: "non", label: "Non" },
          ]}
          error={errors.inField?.message}
          {...register("inField")}
        />
      </div>
      <TextAreaField
        label="Activités"
        rows={5}
        hint="Vos missions et responsabilités, les outils et méthodes employés, votre niveau d'autonomie."
        error={errors.activities?.message}
        {...capped(register("activities"))}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : experience ? "Enregistrer les modifications" : "Ajouter cette expérience"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            storage.clear();
            onDone();
          }}
        >
          Annuler
        </Button>
      </div>
    </form>
  );
}
