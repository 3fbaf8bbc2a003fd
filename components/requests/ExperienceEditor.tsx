"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { helpLinkForField } from "@/lib/help/anchors";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { RadioGroup, TextAreaField, TextField } from "@/components/ui/Field";
import { hasDraft, useDraftStorage } from "@/components/ui/use-draft-storage";
import { useErrorTitle } from "@/components/ui/use-error-title";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import { EMPTY_EXPERIENCE, experienceFormSchema, type ExperienceFormData, type ExperienceFormValues } from "@/lib/catalogue/domain/experience-form";
import { cappedBy } from "@/lib/shared/forms";
import { deleteExperienceAction, saveExperienceAction } from "@/lib/requests/actions";
import { formatCalendarDate } from "@/lib/shared/dates";

/** Each text field stops at its schema's cap (lib/shared/forms.ts); the caps do not depend on the day. */
const capped = cappedBy(experienceFormSchema());

export type SavedExperience = {
  id: string;
  employer: string;
  jobTitle: string;
  startDate: string;
  endDate: string;
  workingTimePercent: number;
  inField: boolean;
  activities: string;
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

const experienceDraftKey = (requestId: string, experienceId?: string) => `d3:experience:${requestId}:${experienceId ?? "nouvelle"}`;

function ExperienceForm({ requestId, experience, onDone }: { requestId: string; experience?: SavedExperience; onDone: () => void }) {
  const router = useRouter();
  const schema = useMemo(() => experienceFormSchema(), []);
  const form = useForm<ExperienceFormValues, unknown, ExperienceFormData>({
    resolver: zodResolver(schema),
    defaultValues: experience ? toFormValues(experience) : EMPTY_EXPERIENCE,
  });
  const storage = useDraftStorage(experienceDraftKey(requestId, experience?.id), form);
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
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-300 bg-slate-50 p-4" aria-label={experience ? "Modifier l'expérience" : "Ajouter une expérience"}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
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

/** The experiences of an analysis: read-only, or editable in a draft and after a correction request. */
export function ExperienceEditor({ requestId, experiences, editable }: { requestId: string; experiences: SavedExperience[]; editable: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(experiences.length === 0 && editable ? "new" : null);
  // A form left with a local copy (an expired session, a reload) opens again with what was typed.
  useEffect(() => {
    if (!editable) return;
    const withDraft = experiences.find((e) => hasDraft(experienceDraftKey(requestId, e.id)));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see below
    if (withDraft) setEditing(withDraft.id);
    else if (hasDraft(experienceDraftKey(requestId))) setEditing("new");
    // Once, when the page opens; the browser's storage is only readable after hydration, hence an effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <div className="space-y-3">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {experiences.length === 0 ? <p>Aucune expérience déclarée pour l&apos;instant.</p> : null}
      <ul className="space-y-3">
        {experiences.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 bg-white p-4">
            {editing === e.id ? (
              <ExperienceForm requestId={requestId} experience={e} onDone={() => setEditing(null)} />
            ) : (
              <>
                <p className="font-semibold">
                  {e.jobTitle} – {e.employer}
                </p>
                <p className="text-sm text-slate-700">
                  Du {formatCalendarDate(e.startDate)} au {formatCalendarDate(e.endDate)}, {e.workingTimePercent} %, {e.inField ? "dans le domaine" : "hors domaine"}
                </p>
                <p className="mt-1 whitespace-pre-line text-sm">{e.activities}</p>
                {editable ? (
                  <div className="mt-2 flex gap-3">
                    <Button type="button" variant="secondary" onClick={() => setEditing(e.id)}>
                      Modifier<span className="sr-only"> l&apos;expérience {e.jobTitle}</span>
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={async () => {
                        if (!window.confirm(`Supprimer l'expérience « ${e.jobTitle} » ?`)) return;
                        const result = await deleteExperienceAction({ requestId, experienceId: e.id });
                        if (!result.ok) setFailure(result.message);
                        router.refresh();
                      }}
                    >
                      Supprimer<span className="sr-only"> l&apos;expérience {e.jobTitle}</span>
                    </Button>
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {editable ? (
        editing === "new" ? (
          <ExperienceForm requestId={requestId} onDone={() => setEditing(null)} />
        ) : (
          <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
            Ajouter une expérience
          </Button>
        )
      ) : null}
    </div>
  );
}
