"use client";

import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ProfileFields } from "@/components/profile/ProfileFields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { useActionOutcome } from "@/components/ui/use-action-outcome";
import { UNAVAILABLE_MESSAGE } from "@/lib/shared/result";
import type { CountryOption } from "@/lib/profile/domain/countries";
import type { ProfileData, ProfileFormValues } from "@/lib/profile/domain/profile";
import { completeProfileAction } from "@/lib/profile/actions";
import { lazyZodResolver } from "@/components/ui/lazy-validation";
import type { FieldCaps } from "@/lib/shared/forms";

type CentreOption = { code: string; name: string };

/** The schema the action parses with, downloaded on the form's first focus (lazy-validation.ts). */
const resolver = lazyZodResolver<ProfileFormValues, ProfileData>(() => import("@/lib/profile/domain/profile").then((profile) => profile.profileSchema()));

/** initial: EMPTY_PROFILE; caps: fieldCaps(profileSchema()) — both from the page, so that the schema's module stays on the server until the form is used. */
export function ProfileForm({ centres, countries, initial, caps }: { centres: CentreOption[]; countries: CountryOption[]; initial: ProfileFormValues; caps: FieldCaps }) {
  const form = useForm<ProfileFormValues, unknown, ProfileData>({ resolver, defaultValues: initial });
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
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="mt-6 space-y-6">
      {failure ? <Alert tone="error">{failure.text}</Alert> : null}
      {errors.root ? <Alert tone="error">{errors.root.message}</Alert> : null}
      <ErrorSummary errors={errors} submitted={submitCount > 0} />
      <ProfileFields register={register} errors={errors} countries={countries} centres={centres} civilStatus caps={caps} centrePlaceholder />

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Enregistrement…" : "Enregistrer mon profil"}
      </Button>
    </form>
  );
}
