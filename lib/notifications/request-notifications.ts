import type { Transaction } from "@/lib/server/database";
import { appUrl } from "@/lib/server/config";
import { enqueueEmail } from "@/lib/server/mail/outbox";
import { messageEmail, requestChangeEmail, staffAlertEmail } from "@/lib/server/mail/templates";
import { KIND_LABELS, STATE_LABELS, describeState, type RequestState, type TransitionName } from "@/lib/domain/request-lifecycle";

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

type Change = { requestId: string; from: RequestState; to: RequestState; transition: TransitionName; comment?: string | null };

/** Transitions made by the learner that the centre's agents must hear about. */
const LEARNER_ALERTS: Partial<Record<TransitionName, string>> = {
  submit: "Nouvelle demande déposée",
  resubmit: "Demande complétée par l'auditeur",
};

/**
 * Written in the transaction of the state change, so that an email exists if and only if the
 * change does: an email and an in-app notification to the learner at every change of state, and
 * to the centre's agents when the learner submits or resubmits. Only what is needed is said: the
 * number, the kind of request, the new state, a link.
 */
export async function notifyRequestChange(tx: Transaction, change: Change): Promise<void> {
  const request = await requestToNotify(tx, change.requestId);
  // A joint analysis is followed on its diploma request's page.
  const pageId = request.diplomaRequestId ?? request.id;
  const reference = request.number ?? "brouillon";
  const what = `${KIND_LABELS[request.kind]} ${reference}`;
  const { learnerAction } = describeState(change.to);
  const learnerLink = `${appUrl()}/demandes/${pageId}`;

  await tx.notification.create({
    data: {
      userId: request.learnerId,
      requestId: request.id,
      title: `${what} : ${STATE_LABELS[change.to]}`,
      body: learnerAction ?? `Votre demande est maintenant à l'étape « ${STATE_LABELS[change.to]} ».`,
      link: `/demandes/${pageId}`,
    },
  });
  await enqueueEmail(
    tx,
    requestChangeEmail({
      to: request.learner.profile?.email ?? request.learner.email,
      displayName: request.learner.displayName,
      what,
      diploma: `${request.diploma.code ?? ""} ${request.diploma.title}`.trim(),
      state: STATE_LABELS[change.to],
      learnerAction,
      comment: change.to === "CORRECTION_REQUESTED" || change.to === "REFUSED" || change.to === "UNFAVOURABLE" ? (change.comment ?? null) : null,
      link: learnerLink,
    }),
  );

  const alert = LEARNER_ALERTS[change.transition];
  if (!alert) return;
  const agents = await tx.user.findMany({
    where: {
      role: "AGENT_CENTRE",
      active: true,
      centreCode: request.centreCode,
      // A resubmission goes back to the agent who asked for the correction.
      ...(change.transition === "resubmit" && request.assignedAgentId ? { id: request.assignedAgentId } : {}),
    },
    select: { id: true, email: true, displayName: true },
  });
  const staffLink = `${appUrl()}/centre/demandes/${request.id}`;
  for (const agent of agents) {
    await tx.notification.create({ data: { userId: agent.id, requestId: request.id, title: `${alert} : ${reference}`, body: what, link: `/centre/demandes/${request.id}` } });
    await enqueueEmail(tx, staffAlertEmail({ to: agent.email, displayName: agent.displayName, subject: `${alert} : ${reference}`, text: `${what} – ${request.diploma.code ?? request.diploma.title}.`, link: staffLink }));
  }
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
