"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { hasDraft } from "@/components/ui/use-draft-storage";
import { ExperienceSummary, type SavedExperience } from "@/components/requests/ExperienceList";
import { experienceDraftKey } from "@/components/requests/experience-draft-key";
import { deleteExperienceAction } from "@/lib/requests/actions";
import { loadOnce } from "@/lib/shared/load-once";
import type { FieldCaps } from "@/lib/shared/forms";

/**
 * The form, with react-hook-form, in its own chunk: downloaded when a form is shown (server-rendered
 * and sent with the page when one is open from the start), on the pointer over or the focus on
 * « Ajouter » / « Modifier » otherwise.
 */
const loadForm = loadOnce(() => import("@/components/requests/ExperienceForm"));
const ExperienceForm = dynamic(() => loadForm().then((module) => module.ExperienceForm), {
  loading: () => <p role="status">Chargement du formulaire…</p>,
});

/**
 * The experiences of an analysis where the learner may change them (a draft, after a correction
 * request); read-only elsewhere: ExperienceList. caps: fieldCaps(experienceFormSchema()), from the page (they do not depend on the day): each field stops at its schema's cap. */
export function ExperienceEditor({ requestId, experiences, caps }: { requestId: string; experiences: SavedExperience[]; caps: FieldCaps }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [openedByClick, setOpenedByClick] = useState(false);
  const open = (which: string | "new") => {
    setOpenedByClick(true);
    setEditing(which);
  };
  // No form is open at first, even on an empty list: « Ajouter une expérience » opens it, and brings
  // react-hook-form with it (15 KB compressed the page need not send to be read). A form left with a
  // local copy (an expired session, a reload) opens again with what was typed.
  useEffect(() => {
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
              <ExperienceForm requestId={requestId} experience={e} caps={caps} focusFirst={openedByClick} onDone={() => setEditing(null)} />
            ) : (
              <>
                <ExperienceSummary experience={e} />
                <div className="mt-2 flex gap-3">
                  <Button type="button" variant="secondary" onPointerEnter={loadForm.preload} onFocus={loadForm.preload} onClick={() => open(e.id)}>
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
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <ExperienceForm requestId={requestId} caps={caps} focusFirst={openedByClick} onDone={() => setEditing(null)} />
      ) : (
        <Button type="button" variant="secondary" onPointerEnter={loadForm.preload} onFocus={loadForm.preload} onClick={() => open("new")}>
          Ajouter une expérience
        </Button>
      )}
    </div>
  );
}
