"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { chooseExperienceRouteAction } from "@/lib/requests/actions";

type Route = { id: string; label: string };

/**
 * "Votre parcours": where the diploma's experience rule depends on the learner's route (the
 * licence: direct access to L3, or the full L1–L3 route), the learner says which applies. The
 * experience is then compared with that route's rule; the analysis cannot be submitted without it.
 */
export function ExperienceRouteChoice({ requestId, routes, current, editable }: { requestId: string; routes: Route[]; current: string | null; editable: boolean }) {
  const [value, setValue] = useState(current ?? "");
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const legendId = useId();
  const errorId = useId();
  const chosen = routes.find((route) => route.id === current);

  if (!editable) return <p data-testid="experience-route">Votre parcours : {chosen ? chosen.label : "non indiqué"}</p>;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    if (!value) {
      setError("Choisissez votre parcours dans la liste.");
      return;
    }
    setPending(true);
    try {
      const result = await chooseExperienceRouteAction({ requestId, route: value });
      if (result.ok) {
        setError(undefined);
        setNotice({ tone: "success", text: "Votre parcours est enregistré." });
      } else if (result.fieldErrors?.route) setError(result.fieldErrors.route);
      else setNotice({ tone: "error", text: result.message });
    } catch {
      setNotice({ tone: "error", text: "Le service est momentanément indisponible : réessayez dans quelques minutes." });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded border border-slate-200 p-4" data-testid="experience-route-form">
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend id={legendId} className="font-semibold">
          Votre parcours
        </legend>
        <p className="text-sm text-slate-700">La durée d&apos;expérience demandée n&apos;est pas la même selon votre parcours : indiquez celui qui s&apos;applique à vous.</p>
        {error ? (
          <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
        <div className="mt-2 space-y-1">
          {routes.map((route) => (
            <label key={route.id} className="flex items-start gap-2">
              <input
                type="radio"
                name="route"
                value={route.id}
                checked={value === route.id}
                onChange={() => {
                  setValue(route.id);
                  setError(undefined);
                }}
                className="mt-1"
              />
              <span>{route.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer mon parcours"}
      </Button>
    </form>
  );
}
