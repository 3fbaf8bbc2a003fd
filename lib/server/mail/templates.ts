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
