"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/requests/domain/documents";
import { downloadLabel } from "@/lib/shared/files";
import type { StaffSpace } from "@/lib/requests/domain/commands";
import { ChoiceField, TextAreaField } from "./form-parts";
import { MAX_COMMENT_LENGTH } from "@/lib/requests/schemas";
import { useStaffAction } from "./use-staff-action";

export type StaffDocument = {
  id: string;
  category: DocumentCategory;
  originalName: string;
  mimeType: string;
  size: number;
  status: "TRANSMITTED" | "VALIDATED" | "REFUSED";
  statusReason: string | null;
  /** Already formatted by the server, so that the page reads the same before and after hydration. */
  uploadedAt: string;
};

const STATUS_LABELS: Record<StaffDocument["status"], string> = { TRANSMITTED: "Transmis", VALIDATED: "Validé", REFUSED: "Refusé" };
const STATUS_TONES: Record<StaffDocument["status"], string> = {
  TRANSMITTED: "border-slate-500 text-slate-800",
  VALIDATED: "border-green-700 text-green-900",
  REFUSED: "border-red-700 text-red-900",
};
const REVIEW_OPTIONS = [
  { value: "VALIDATED", label: "Validée" },
  { value: "REFUSED", label: "Refusée" },
] as const;

const fileUrl = (document: StaffDocument, preview = false) => `/documents/${encodeURIComponent(document.id)}${preview ? "?apercu=1" : ""}`;

/**
 * The pièces justificatives as the staff instruct them: download, a preview in the page (images
 * as images, PDF in an <object>, both served with `Content-Security-Policy: sandbox`), and,
 * while the actor may review them, "validée" or "refusée" with a reason the learner reads.
 */
export function StaffDocuments({ space, requestId, documents, canReview }: { space: StaffSpace; requestId: string; documents: StaffDocument[]; canReview: boolean }) {
  if (documents.length === 0) return <p>Aucune pièce jointe.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-200" aria-label="Pièces jointes">
      {documents.map((document) => (
        <DocumentRow key={document.id} space={space} requestId={requestId} document={document} canReview={canReview} />
      ))}
    </ul>
  );
}

function DocumentRow({ space, requestId, document, canReview }: { space: StaffSpace; requestId: string; document: StaffDocument; canReview: boolean }) {
  const [previewing, setPreviewing] = useState(false);
  const previewId = useId();
  const isImage = document.mimeType.startsWith("image/");
  return (
    <li className="space-y-3 p-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium">{DOCUMENT_CATEGORY_LABELS[document.category] ?? document.category}</p>
          <p className="break-all">
            <a href={fileUrl(document)} download>
              {downloadLabel(document.originalName, document)}
            </a>{" "}
            <span className="text-sm text-slate-700">déposée le {document.uploadedAt}</span>
          </p>
          <p className="mt-1 text-sm">
            <span className={`inline-block rounded border px-2 py-0.5 font-medium ${STATUS_TONES[document.status]}`}>{STATUS_LABELS[document.status]}</span>
            {document.statusReason ? <span className="ml-2">Motif : {document.statusReason}</span> : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" aria-expanded={previewing} aria-controls={previewId} onClick={() => setPreviewing((open) => !open)}>
            {previewing ? "Masquer l'aperçu" : "Afficher l'aperçu"}
            <span className="sr-only"> de « {document.originalName} »</span>
          </Button>
          <a href={fileUrl(document, true)} target="_blank" rel="noopener noreferrer">
            Ouvrir dans un nouvel onglet<span className="sr-only"> « {document.originalName} »</span>
          </a>
        </div>
      </div>
      <div id={previewId}>
        {previewing ? (
          isImage ? (
            // eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not an optimisable asset
            <img src={fileUrl(document, true)} alt={`Aperçu de « ${document.originalName} »`} className="max-h-[36rem] max-w-full rounded border border-slate-300" />
          ) : (
            // Not an <iframe sandbox>: Chromium refuses to run its PDF viewer in a sandboxed frame. The
            // response itself carries `Content-Security-Policy: sandbox`; when the browser will not
            // show the PDF here (no viewer, framing refused), the fallback below is shown instead.
            <object
              data={fileUrl(document, true)}
              type="application/pdf"
              aria-label={`Aperçu de « ${document.originalName} »`}
              className="h-[36rem] w-full rounded border border-slate-300"
            >
              <p className="p-3">
                Ce navigateur ne peut pas afficher l&apos;aperçu ici :{" "}
                <a href={fileUrl(document, true)} target="_blank" rel="noopener noreferrer">
                  ouvrez « {document.originalName} » dans un nouvel onglet
                </a>
                .
              </p>
            </object>
          )
        ) : null}
      </div>
      {canReview ? <ReviewForm space={space} requestId={requestId} document={document} /> : null}
    </li>
  );
}

function ReviewForm({ space, requestId, document }: { space: StaffSpace; requestId: string; document: StaffDocument }) {
  const { send, pending } = useStaffAction(space);
  const [status, setStatus] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ status?: string; reason?: string }>({});
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const statusRef = useRef<HTMLInputElement | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const name = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const result = await send({ type: "reviewDocument", requestId, documentId: document.id, status: status as "VALIDATED" | "REFUSED", reason });
    if (result.ok) {
      setStatus("");
      setReason("");
      setErrors({});
      setNotice({ tone: "success", text: `Pièce « ${document.originalName} » ${status === "REFUSED" ? "refusée" : "validée"}.` });
      return;
    }
    const found = { status: result.fieldErrors?.status, reason: result.fieldErrors?.reason };
    if (found.status || found.reason) {
      flushSync(() => setErrors(found));
      (found.status ? statusRef.current : reasonRef.current)?.focus();
      return;
    }
    setNotice({ tone: "error", text: result.message });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Avis sur la pièce « ${document.originalName} »`} className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <ChoiceField
        legend="Cette pièce est"
        name={name}
        options={REVIEW_OPTIONS}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setErrors({});
        }}
        error={errors.status}
        firstRef={(element) => {
          statusRef.current = element;
        }}
      />
      {status === "REFUSED" ? (
        <TextAreaField
          ref={reasonRef}
          label="Motif du refus de la pièce"
          hint="L'auditeur le lira pour fournir une pièce conforme."
          rows={2}
          maxLength={MAX_COMMENT_LENGTH}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setErrors((current) => ({ ...current, reason: undefined }));
          }}
          error={errors.reason}
        />
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer l'avis sur la pièce"}
      </Button>
    </form>
  );
}
