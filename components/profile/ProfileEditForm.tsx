"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ProfileFields } from "@/components/profile/ProfileFields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import { useDraftStorage } from "@/components/ui/use-draft-storage";
import { UNAVAILABLE_MESSAGE } from "@/lib/shared/result";
import type { CountryOption } from "@/lib/profile/domain/countries";
import type { ProfileFormValues } from "@/lib/profile/domain/profile";
import { lazyZodResolver } from "@/components/ui/lazy-validation";
import type { FieldCaps } from "@/lib/shared/forms";
import { updateProfileAction } from "@/lib/profile/actions";

type CentreOption = { code: string; name: string };

/**
 * Mon profil. Once a request is submitted (`locked`), only the address, email, phone and the
 * email preference are in the form; the civil status is shown above it, read-only, by the page.
 */
export function ProfileEditForm({
  initial,
  version: initialVersion,
  emailOnMessages: initialEmailOnMessages,
  locked,
  centres,
  countries,
  caps,
}: {
  initial: ProfileFormValues;
  version: number;
  emailOnMessages: boolean;
  locked: boolean;
  centres: CentreOption[];
  countries: CountryOption[];
  /** fieldCaps(profileSchema()), from the page. */
  caps: FieldCaps;
}) {
  const router = useRouter();
  // The same rules as the server: the contact details alone, or the whole profile.
  // Downloaded on the form's first focus (lazy-validation.ts).
  const resolver = useMemo(
    () => lazyZodResolver<ProfileFormValues>(() => import("@/lib/profile/domain/profile").then((profile) => (locked ? profile.contactDetailsSchema() : profile.profileSchema()))),
    [locked],
  );
  const form = useForm<ProfileFormValues>({ resolver, defaultValues: initial });
  const { outcome, submit, clear } = useActionOutcome(form, UNAVAILABLE_MESSAGE);
  // A local copy tied to the profile's version: kept across an expired session, never restored over a newer profile.
  const draft = useDraftStorage(`d3:profil:${initialVersion}`, form);
  const [version, setVersion] = useState(initialVersion);
  const [emailOnMessages, setEmailOnMessages] = useState(initialEmailOnMessages);
  const preferenceId = useId();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = form;

  const onSubmit = handleSubmit(
    async (values) => {
      await submit(
        () => updateProfileAction({ version, emailOnMessages, values }),
        (result) => {
          setVersion(result.value.version);
          draft.clear();
          reset(values);
          router.refresh();
          return "Votre profil est enregistré.";
        },
      );
    },
    clear,
  );

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-6">
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      {errors.root ? <Alert tone="error">{errors.root.message}</Alert> : null}
      <ErrorSummary errors={errors} submitted={submitCount > 0} />
      <ProfileFields register={register} errors={errors} countries={countries} centres={centres} civilStatus={!locked} caps={caps} />

      <fieldset className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">Courriels</legend>
        <div className="flex items-start gap-3">
          <input
            id={preferenceId}
            type="checkbox"
            className="mt-1 h-5 w-5"
            checked={emailOnMessages}
            onChange={(event) => setEmailOnMessages(event.target.checked)}
            aria-describedby={`${preferenceId}-hint`}
          />
          <div>
            <label htmlFor={preferenceId} className="font-medium">
              Recevoir aussi un courriel pour chaque message de mon centre
            </label>
            <p id={`${preferenceId}-hint`} className="mt-1 text-sm text-slate-700">
              Chaque changement d&apos;étape de vos demandes vous est toujours envoyé par courriel, quel que soit ce choix. Les messages restent lisibles sur la
              page de chaque dossier.
            </p>
          </div>
        </div>
      </fieldset>

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enregistrement…" : "Enregistrer mes changements"}
      </Button>
    </form>
  );
}
