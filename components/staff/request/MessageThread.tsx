"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useDraftText } from "@/components/ui/use-draft-storage";
import { postMessageAction } from "@/lib/requests/actions";
import type { StaffSpace } from "@/lib/requests/domain/commands";
import { invalidInput, messageSchema } from "@/lib/requests/schemas";
import { TextAreaField } from "./form-parts";
import { SERVER_ACTIONS, UNAVAILABLE } from "./use-staff-action";

export type ThreadMessage = { id: string; author: string; body: string; /** Formatted by the server. */ at: string };
export type MessageSender = StaffSpace | "auditeur";

const FORM_TEXT: Record<"staff" | "learner", { label: string; hint: string }> = {
  staff: { label: "Message à l'auditeur", hint: "L'auditeur le lit sur sa demande ; il en est averti par courriel s'il l'a souhaité." },
  learner: { label: "Votre message à votre centre", hint: "Une question, une précision sur votre dossier : votre centre d'inscription le lira sur votre demande." },
};

function send(sender: MessageSender, requestId: string, body: string) {
  return sender === "auditeur" ? postMessageAction({ requestId, body }) : SERVER_ACTIONS[sender]({ type: "postMessage", requestId, body });
}

/**
 * The messages exchanged between the learner and the staff about one request, oldest first, and
 * the form to write one (the learner on their request page, the staff on theirs). The text typed
 * stays when sending fails.
 */
export function MessageThread({ requestId, messages, sender, canWrite }: { requestId: string; messages: ThreadMessage[]; sender: MessageSender; canWrite: boolean }) {
  const router = useRouter();
  // A local copy: after an expired session and a new login, the message is still there.
  const [body, setBody, clearBody] = useDraftText(`d3:message:${requestId}`);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const text = FORM_TEXT[sender === "auditeur" ? "learner" : "staff"];

  const showError = (message: string) => {
    flushSync(() => setError(message));
    fieldRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const checked = messageSchema.safeParse({ requestId, body });
    if (!checked.success) return showError(invalidInput(checked.error).fieldErrors.body ?? "Écrivez votre message.");
    setPending(true);
    try {
      const result = await send(sender, requestId, body);
      if (result.ok) {
        clearBody();
        setError(undefined);
        setNotice({ tone: "success", text: "Message envoyé." });
        router.refresh();
      } else if (result.fieldErrors?.body) {
        showError(result.fieldErrors.body);
      } else {
        setNotice({ tone: "error", text: result.message });
      }
    } catch (caught) {
      if ((caught as { digest?: string })?.digest?.startsWith("NEXT_")) throw caught;
      setNotice({ tone: "error", text: UNAVAILABLE });
    } finally {
      setPending(false);
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
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
          {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
          <TextAreaField
            ref={fieldRef}
            label={text.label}
            hint={text.hint}
            name="body"
            rows={3}
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              setError(undefined);
            }}
            error={error}
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Envoi…" : "Envoyer le message"}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
