import { db } from "@/lib/shared/db";
import type { Transaction } from "@/lib/shared/db/database";
import { appUrl } from "@/lib/shared/env";
import { enqueueEmail } from "@/lib/shared/mail/outbox";
import type { OutgoingEmail } from "@/lib/shared/mail/transport";
import { enqueue } from "@/lib/shared/jobs/queue";
import { messageEmail, requestChangeEmail, staffAlertEmail } from "@/lib/shared/mail/templates";
import { learnerEmailOf } from "@/lib/requests/domain/deposit";
import { emailsEachDeposit } from "./domain/deposit-digest";
import { KIND_LABELS, STATE_LABELS, describeState, type RequestState, type TransitionName } from "@/lib/requests/domain/request-lifecycle";

/** What a notification needs to know of a request: whom to tell, how to name it, where to link. */
function requestToNotify(tx: Transaction, requestId: string) {
  return tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      number: true,
      kind: true,
      centreCode: true,
      assignedAgentId: true,
      learnerId: true,
      diplomaRequestId: true,
      learner: { select: { email: true, displayName: true, profile: { select: { email: true, emailOnMessages: true } } } },
      diploma: { select: { code: true, title: true } },
    },
  });
}

/** Transitions made by the learner that the centre's agents must hear about. */
const LEARNER_ALERTS: Partial<Record<TransitionName, string>> = {
  submit: "Nouvelle demande déposée",
  resubmit: "Demande complétée par l'auditeur",
  sendInternshipProof: "Convention et rapport de stage reçus : condition du jury à vérifier",
};

/**
 * In the transaction of a state change, only the job that tells about it (the history row holds
 * the change): the change is told if and only if it commits, and the transaction, which may hold
 * the year's number counter, writes one row whatever the number of agents of the centre.
 */
export function notifyRequestChange(tx: Transaction, eventId: number): Promise<void> {
  return enqueue(tx, "notify-request-change", { eventId });
}

/** `email` null: the in-app notification only (an agent who chose the daily digest, or no email, for deposits). */
type Recipient = { userId: string; title: string; body: string; link: string; email: OutgoingEmail | null };

/**
 * The `notify-request-change` job, in one short transaction of its own: an email and an in-app
 * notification to the learner at every change of state, and to the centre's agents when the
 * learner submits or resubmits. Only what is needed is said: the number, the kind of request, the
 * new state, a link. Run twice (retried after its worker died, or by two workers at once), it adds
 * nothing: a notification is unique per history row and recipient, and an email is written only
 * with a notification this run created. Returns the number of recipients told.
 */
export async function notifyRequestChangeNow(eventId: number): Promise<number> {
  const event = await db.requestEvent.findUnique({ where: { id: eventId }, select: { requestId: true, at: true, transition: true, toState: true, comment: true } });
  // Gone with its request (a request is deleted only as a draft, or by an erasure).
  if (!event) return 0;
  return db.$transaction(async (tx) => {
    const recipients = await recipientsOf(tx, { ...event, transition: event.transition as TransitionName });
    const created = await tx.notification.createManyAndReturn({
      data: recipients.map(({ userId, title, body, link }) => ({ userId, requestId: event.requestId, eventId, title, body, link, createdAt: event.at })),
      skipDuplicates: true,
      select: { userId: true },
    });
    const told = new Set(created.map((row) => row.userId));
    for (const recipient of recipients) if (told.has(recipient.userId) && recipient.email) await enqueueEmail(tx, recipient.email);
    return told.size;
  });
}

type Change = { requestId: string; transition: TransitionName; toState: RequestState; comment: string | null };

async function recipientsOf(tx: Transaction, change: Change): Promise<Recipient[]> {
  const request = await requestToNotify(tx, change.requestId);
  // A joint analysis is followed on its diploma request's page.
  const pageId = request.diplomaRequestId ?? request.id;
  const reference = request.number ?? "brouillon";
  const what = `${KIND_LABELS[request.kind]} ${reference}`;
  const { learnerAction } = describeState(change.toState);
  const learner: Recipient = {
    userId: request.learnerId,
    title: `${what} : ${STATE_LABELS[change.toState]}`,
    body: learnerAction ?? `Votre demande est maintenant à l'étape « ${STATE_LABELS[change.toState]} ».`,
    link: `/demandes/${pageId}`,
    email: requestChangeEmail({
      to: learnerEmailOf(request.learner),
      displayName: request.learner.displayName,
      what,
      diploma: `${request.diploma.code ?? ""} ${request.diploma.title}`.trim(),
      state: STATE_LABELS[change.toState],
      learnerAction,
      comment: ["CORRECTION_REQUESTED", "REFUSED", "UNFAVOURABLE"].includes(change.toState) ? change.comment : null,
      link: `${appUrl()}/demandes/${pageId}`,
    }),
  };

  const alert = LEARNER_ALERTS[change.transition];
  if (!alert) return [learner];
  const agents = await tx.user.findMany({
    where: {
      role: "AGENT_CENTRE",
      active: true,
      centreCode: request.centreCode,
      // A resubmission goes back to the agent who asked for the correction.
      ...(change.transition === "resubmit" && request.assignedAgentId ? { id: request.assignedAgentId } : {}),
    },
    select: { id: true, email: true, displayName: true, depositEmails: true },
  });
  const link = `/centre/demandes/${request.id}`;
  const subject = `${alert} : ${reference}`;
  // A deposit is emailed at once only to the agents who chose so (the others have the daily digest, or no email).
  const emailed = (agent: (typeof agents)[number]) => change.transition !== "submit" || emailsEachDeposit(agent.depositEmails);
  return [
    learner,
    ...agents.map((agent) => ({
      userId: agent.id,
      title: subject,
      body: what,
      link,
      email: emailed(agent) ? staffAlertEmail({ to: agent.email, displayName: agent.displayName, subject, text: `${what} – ${request.diploma.code ?? request.diploma.title}.`, link: `${appUrl()}${link}` }) : null,
    })),
  ];
}

/**
 * A new message: from the centre or the national level, the learner gets an in-app notification,
 * and an email if they asked for one in their profile; from the learner, the agent in charge (or,
 * when nobody has taken the request yet, every agent of the centre) gets both.
 */
export async function notifyMessage(tx: Transaction, message: { requestId: string; authorId: string; fromLearner: boolean }): Promise<void> {
  const request = await requestToNotify(tx, message.requestId);
  const what = `${KIND_LABELS[request.kind]} ${request.number ?? ""}`.trim();
  if (!message.fromLearner) {
    const link = `/demandes/${request.diplomaRequestId ?? request.id}`;
    await tx.notification.create({ data: { userId: request.learnerId, requestId: request.id, title: `Nouveau message : ${what}`, body: "Votre centre vous a écrit.", link } });
    if (request.learner.profile?.emailOnMessages ?? true) {
      await enqueueEmail(
        tx,
        messageEmail({ to: request.learner.profile?.email ?? request.learner.email, displayName: request.learner.displayName, what, author: "Le service qui instruit votre demande", link: `${appUrl()}${link}` }),
      );
    }
    return;
  }
  const agents = await tx.user.findMany({
    where: { role: "AGENT_CENTRE", active: true, centreCode: request.centreCode, ...(request.assignedAgentId ? { id: request.assignedAgentId } : {}) },
    select: { id: true, email: true, displayName: true },
  });
  const link = `/centre/demandes/${request.id}`;
  for (const agent of agents) {
    await tx.notification.create({ data: { userId: agent.id, requestId: request.id, title: `Message de l'auditeur : ${what}`, body: request.learner.displayName, link } });
    await enqueueEmail(tx, messageEmail({ to: agent.email, displayName: agent.displayName, what, author: "L'auditeur", link: `${appUrl()}${link}` }));
  }
}
