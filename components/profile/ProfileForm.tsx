"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ProfileFields } from "@/components/profile/ProfileFields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import { UNAVAILABLE_MESSAGE } from "@/lib/shared/result";
import type { CountryOption } from "@/lib/profile/domain/countries";
import { EMPTY_PROFILE, profileSchema, type ProfileData, type ProfileFormValues } from "@/lib/profile/domain/profile";
import { completeProfileAction } from "@/lib/profile/actions";

type CentreOption = { code: string; name: string };

export function ProfileForm({ centres, countries }: { centres: CentreOption[]; countries: CountryOption[] }) {
  const schema = useMemo(() => profileSchema(), []);
  const form = useForm<ProfileFormValues, unknown, ProfileData>({ resolver: zodResolver(schema), defaultValues: EMPTY_PROFILE });
  const { outcome: failure, submit, clear: clearFailure } = useActionOutcome(form, UNAVAILABLE_MESSAGE);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = form;

  const onSubmit = handleSubmit(
    async (values) => {
      await submit(
        () => completeProfileAction(values),
        () => {
          // A full page load, not router.push: the session has just ended and the cached signed-in pages must go.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
          window.location.assign("/profil-enregistre");
        },
      );
    },
    clearFailure,
  );

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6">
      {failure ? <Alert tone="error">{failure.text}</Alert> : null}
      <ErrorSummary errors={errors} submitted={submitCount > 0} />
      <ProfileFields register={register} errors={errors} countries={countries} centres={centres} civilStatus centrePlaceholder />

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enregistrement…" : "Enregistrer mon profil"}
      </Button>
    </form>
  );
}
