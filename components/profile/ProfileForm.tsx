"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, ProfileFields } from "@/components/profile/ProfileFields";
import { useServerFieldErrors } from "@/components/ui/use-server-field-errors";
import type { CountryOption } from "@/lib/profile/domain/countries";
import { EMPTY_PROFILE, profileSchema, type ProfileData, type ProfileFormValues } from "@/lib/profile/domain/profile";
import { completeProfileAction } from "@/lib/profile/actions";

type CentreOption = { code: string; name: string };

export function ProfileForm({ centres, countries }: { centres: CentreOption[]; countries: CountryOption[] }) {
  const schema = useMemo(() => profileSchema(), []);
  const form = useForm<ProfileFormValues, unknown, ProfileData>({ resolver: zodResolver(schema), defaultValues: EMPTY_PROFILE });
  const showServerErrors = useServerFieldErrors(form);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const errorCount = Object.keys(errors).length;

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        const result = await completeProfileAction(values);
        if (result.ok) {
          // A full page load, not router.push: the session has just ended and the cached signed-in pages must go.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
          window.location.assign("/profil-enregistre");
          return;
        }
        if (result.fieldErrors) showServerErrors(result.fieldErrors);
        else setFailure(result.message);
      } catch {
        setFailure("Le service est momentanément indisponible : votre saisie est conservée, réessayez dans quelques minutes.");
      }
    },
    () => setFailure(null),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <ErrorSummary count={errorCount} submitted={submitCount > 0} />
      <ProfileFields register={register} errors={errors} countries={countries} centres={centres} civilStatus centrePlaceholder />

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enregistrement…" : "Enregistrer mon profil"}
      </Button>
    </form>
  );
}
