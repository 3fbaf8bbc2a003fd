import type { OutgoingEmail } from "./transport";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1e3a8a;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#374151">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(action.url)}</p>`
    : "";
  return `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#111827;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${body}
${button}
<p style="font-size:13px;color:#374151">Ce message est envoyé automatiquement par D3, le service de demandes de diplôme du Cnam. Merci de ne pas y répondre.</p>
</body></html>`;
}

export function passwordResetEmail(to: string, displayName: string, link: string): OutgoingEmail {
  const paragraphs = [
    `Bonjour ${displayName},`,
    "Vous avez demandé à choisir un nouveau mot de passe pour votre compte D3.",
    "Ce lien est valable une heure et ne peut servir qu'une fois.",
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
  ];
  return {
    to,
    subject: "D3 – Choisir un nouveau mot de passe",
    text: `${paragraphs.slice(0, 2).join("\n\n")}\n\nOuvrez ce lien pour choisir votre nouveau mot de passe :\n${link}\n\n${paragraphs.slice(2).join("\n\n")}\n`,
    html: layout("Choisir un nouveau mot de passe", paragraphs, { label: "Choisir un nouveau mot de passe", url: link }),
  };
}

/**
 * A new staff account's first email. With D3's own passwords it carries a link to choose the
 * password, valid `days` days; with the ENF's directory there is no password to choose and it says
 * to log in with the ENF account.
 */
export function welcomeEmail(input: {
  to: string;
  displayName: string;
  identifier: string;
  role: string;
  access: { kind: "choose-password"; link: string; days: number } | { kind: "enf"; loginUrl: string };
}): OutgoingEmail {
  const opening = [
    `Bonjour ${input.displayName},`,
    `Un compte D3, le service de demandes de diplôme du Cnam, a été ouvert pour vous (${input.role.toLowerCase()}).`,
    `Votre identifiant : ${input.identifier}`,
  ];
  const access =
    input.access.kind === "choose-password"
      ? [
          "Pour vous connecter, choisissez d'abord votre mot de passe avec le lien ci-dessous.",
          `Ce lien est valable ${input.access.days} jours et ne peut servir qu'une fois. Passé ce délai, demandez un nouveau lien avec « Mot de passe oublié ? » sur la page de connexion.`,
        ]
      : [
          "Connectez-vous avec votre compte de l'Espace Numérique de Formation (ENF) : votre identifiant ci-dessus et le mot de passe de l'ENF. D3 ne vous demandera pas d'autre mot de passe.",
        ];
  const action =
    input.access.kind === "choose-password"
      ? { label: "Choisir mon mot de passe", url: input.access.link, intro: "Ouvrez ce lien pour choisir votre mot de passe :" }
      : { label: "Se connecter à D3", url: input.access.loginUrl, intro: "Page de connexion :" };
  const paragraphs = [...opening, ...access, "Si vous ne vous attendiez pas à ce compte, signalez-le à l'administrateur de D3 de votre établissement."];
  return {
    to: input.to,
    subject: "D3 – Votre compte a été ouvert",
    text: `${[...opening, ...access].join("\n\n")}\n\n${action.intro}\n${action.url}\n\n${paragraphs.at(-1)}\n`,
    html: layout("Votre compte D3 a été ouvert", paragraphs, { label: action.label, url: action.url }),
  };
}

export function requestChangeEmail(input: {
  to: string;
  displayName: string;
  what: string;
  diploma: string;
  state: string;
  learnerAction: string | null;
  comment: string | null;
  link: string;
}): OutgoingEmail {
  const paragraphs = [
    `Bonjour ${input.displayName},`,
    `Votre ${input.what.charAt(0).toLowerCase()}${input.what.slice(1)} (${input.diploma}) est maintenant à l'étape : ${input.state}.`,
    ...(input.comment ? [`Message : ${input.comment}`] : []),
    ...(input.learnerAction ? [`À faire de votre côté : ${input.learnerAction}`] : []),
  ];
  return {
    to: input.to,
    subject: `D3 – ${input.what} : ${input.state}`,
    text: `${paragraphs.join("\n\n")}\n\nSuivre votre dossier : ${input.link}\n`,
    html: layout(`${input.what} : ${input.state}`, paragraphs, { label: "Suivre mon dossier", url: input.link }),
  };
}

export function staffAlertEmail(input: { to: string; displayName: string; subject: string; text: string; link: string }): OutgoingEmail {
  const paragraphs = [`Bonjour ${input.displayName},`, input.text];
  return {
    to: input.to,
    subject: `D3 – ${input.subject}`,
    text: `${paragraphs.join("\n\n")}\n\nOuvrir le dossier : ${input.link}\n`,
    html: layout(input.subject, paragraphs, { label: "Ouvrir le dossier", url: input.link }),
  };
}

export function messageEmail(input: { to: string; displayName: string; what: string; author: string; link: string }): OutgoingEmail {
  const paragraphs = [`Bonjour ${input.displayName},`, `${input.author} vous a écrit au sujet de : ${input.what}.`, "Pour lire le message et y répondre, ouvrez le dossier."];
  return {
    to: input.to,
    subject: `D3 – Nouveau message : ${input.what}`,
    text: `${paragraphs.join("\n\n")}\n\n${input.link}\n`,
    html: layout("Nouveau message", paragraphs, { label: "Lire le message", url: input.link }),
  };
}
