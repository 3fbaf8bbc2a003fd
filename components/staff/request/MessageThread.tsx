"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/Alert";
import { useErrorTitle } from "@/components/ui/use-error-title";
import { UploadStatus } from "@/components/ui/UploadStatus";
import { Button } from "@/components/ui/Button";
import { useDraftText } from "@/components/ui/use-draft-storage";
import { centreRequestAction, nationalRequestAction, postMessageAction } from "@/lib/requests/actions";
import { checkUploadedFile, cleanFileName } from "@/lib/requests/domain/documents";
import type { StaffSpace } from "@/lib/requests/domain/commands";
import { TextField } from "@/components/ui/Field";
import { TextAreaField } from "./form-parts";
import { requestSchemas } from "@/lib/requests/schemas-on-demand";
import { SERVER_ACTIONS, UNAVAILABLE } from "./use-staff-action";

export type ThreadMessage = {
  id: string;
  author: string;
  body: string;
  /** Formatted by the server. */
  at: string;
  /** A file sent with the message, downloaded like a pièce. */
  /** The link's text says the file's name, format and size: « cv.pdf (PDF, 120 Ko) ». */
  attachment: { id: string; label: string } | null;
};
export type MessageSender = StaffSpace | "auditeur";

const FORM_TEXT: Record<"staff" | "learner", { label: string; hint: string }> = {
  staff: { label: "Message à l'auditeur", hint: "L'auditeur le lit sur sa demande ; il en est averti par courriel s'il l'a souhaité." },
  learner: { label: "Votre message à votre centre", hint: "Une question, une précision sur votre dossier : votre centre d'inscription le lira sur votre demande." },
};

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** A message with a file goes as a form (a File crosses to a server action only inside FormData). */
function send(sender: MessageSender, requestId: string, body: string, file: File | null) {
  if (file) {
    const data = new FormData();
    data.set("requestId", requestId);
    data.set("body", body);
    data.set("attachment", file);
    if (sender === "auditeur") return postMessageAction(data);
    data.set("type", "postMessage");
    return (sender === "centre" ? centreRequestAction : nationalRequestAction)(data);
  }
  return sender === "auditeur" ? postMessageAction({ requestId, body }) : SERVER_ACTIONS[sender]({ type: "postMessage", requestId, body });
}

/** The file's first bytes, or null when this browser cannot read them (the server checks anyway). */
async function fileProblem(file: File): Promise<string | null> {
  try {
    const check = checkUploadedFile(cleanFileName(file.name), file.size, new Uint8Array(await file.slice(0, 8).arrayBuffer()));
    return check.ok ? null : check.message;
  } catch {
    return null;
  }
}

/**
 * The messages exchanged between the learner and the staff about one request, oldest first, and
 * the form to write one (the learner on their request page, the staff on theirs). The text typed
 * stays when sending fails.
 */
/** bodyMax: the message schema's cap, from the page (maxLengthFor(messageSchema, "body")); the schema itself is downloaded on the form's first focus. */
export function MessageThread({ requestId, messages, sender, canWrite, bodyMax }: { requestId: string; messages: ThreadMessage[]; sender: MessageSender; canWrite: boolean; bodyMax: number | undefined }) {
  const router = useRouter();
  // A local copy: after an expired session and a new login, the message is still there.
  const [body, setBody, clearBody] = useDraftText(`d3:message:${requestId}`);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [sending, setSending] = useState<{ name: string; size: number } | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  useErrorTitle(Boolean(error || fileError));
  const headingId = useId();
  const text = FORM_TEXT[sender === "auditeur" ? "learner" : "staff"];

  const showError = (message: string) => {
    flushSync(() => setError(message));
    fieldRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const schemas = await requestSchemas().catch(() => null);
    if (!schemas) return setNotice({ tone: "error", text: UNAVAILABLE });
    const checked = schemas.messageSchema.safeParse({ requestId, body });
    if (!checked.success) return showError(schemas.invalidInput(checked.error).fieldErrors.body ?? "Écrivez votre message.");
    const chosen = fileRef.current?.files?.[0];
    const file = chosen && !(chosen.size === 0 && chosen.name === "") ? chosen : null;
    const problem = file ? await fileProblem(file) : null;
    if (problem) {
      flushSync(() => setFileError(problem));
      fileRef.current?.focus();
      return;
    }
    setPending(true);
    setSending(file && { name: cleanFileName(file.name), size: file.size });
    try {
      const result = await send(sender, requestId, body, file);
      if (result.ok) {
        clearBody();
        if (fileRef.current) fileRef.current.value = "";
        setFileError(undefined);
        setError(undefined);
        setNotice({ tone: "success", text: "Message envoyé." });
        router.refresh();
      } else if (result.fieldErrors?.body) {
        showError(result.fieldErrors.body);
      } else if (result.fieldErrors?.attachment) {
        flushSync(() => setFileError(result.fieldErrors?.attachment));
        fileRef.current?.focus();
      } else {
        setNotice({ tone: "error", text: result.message });
      }
    } catch (caught) {
      if ((caught as { digest?: string })?.digest?.startsWith("NEXT_")) throw caught;
      setNotice({ tone: "error", text: UNAVAILABLE });
    } finally {
      setPending(false);
      setSending(null);
    }
  };

  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={headingId} className="text-lg font-semibold">
        Messages
      </h2>
      {messages.length === 0 ? (
        <p className="mt-2 text-slate-700">Aucun message pour l&apos;instant.</p>
      ) : (
        <ol className="mt-2 space-y-3" aria-label="Messages échangés">
          {messages.map((message) => (
            <li key={message.id} className="rounded border border-slate-200 p-3">
              <p className="text-sm text-slate-700">
                {message.author} – {message.at}
              </p>
              <p className="whitespace-pre-line">{message.body}</p>
              {message.attachment ? (
                <p className="mt-1 text-sm">
                  Pièce jointe :{" "}
                  <a href={`/documents/${encodeURIComponent(message.attachment.id)}`} download>
                    {message.attachment.label}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <form onSubmit={onSubmit} onFocus={requestSchemas.preload} noValidate className="mt-4 space-y-3">
          {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
          <TextAreaField
            ref={fieldRef}
            label={text.label}
            hint={text.hint}
            name="body"
            maxLength={bodyMax}
            rows={3}
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              setError(undefined);
            }}
            error={error}
          />
          <TextField
            ref={fileRef}
            label="Pièce jointe (facultatif)"
            name="attachment"
            type="file"
            accept={ACCEPT}
            hint="PDF, JPEG ou PNG, 10 Mo au plus."
            onChange={() => setFileError(undefined)}
            error={fileError}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Envoi…" : "Envoyer le message"}
          </Button>
          <UploadStatus file={sending} />
        </form>
      ) : null}
    </section>
  );
}
