import archiver from "archiver";
import type { Readable } from "node:stream";
import { db } from "@/lib/shared/db";
import { decisionEvents, letterFor } from "@/lib/requests/letters";
import { openDocument } from "@/lib/requests/documents";
import { getRequestForViewer, type RequestDetail } from "@/lib/requests/queries";
import { receiptPdf } from "@/lib/requests/receipt";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/requests/domain/documents";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { KIND_LABELS, MODE_LABELS, STATE_LABELS, TRANSITION_LABELS, type TransitionName } from "@/lib/requests/domain/request-lifecycle";
import { formatLongDateTime, parisDay } from "@/lib/shared/dates";

/**
 * "Télécharger mes données" (RGPD, right of access and portability): one ZIP with everything D3
 * keeps about the learner, read through the same use cases and visibility rules as the pages
 * (the learner's own requests only), streamed as it is written: the files are never all in memory.
 */

export type LearnerExport = { fileName: string; stream: Readable };

const DOCUMENT_STATUS_LABELS = { TRANSMITTED: "Transmise", VALIDATED: "Validée", REFUSED: "Refusée" } as const;
const OBTAINED_BY_LABELS = { PASSED: "Examen réussi", EQUIVALENCE: "Équivalence", VES: "Validation des études supérieures (VES)", VAE: "Validation des acquis de l'expérience (VAE)" } as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A name unique in its folder: "cv.pdf", then "cv (2).pdf"… */
function uniqueName(taken: Set<string>, name: string): string {
  const dot = name.lastIndexOf(".");
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function requestFolder(request: RequestDetail): string {
  const what = request.kind === "DIPLOMA" ? "diplome" : "analyse-experience";
  return request.number ? `demandes/${request.number}-${what}` : `demandes/brouillon-${isoDate(request.createdAt)}-${what}-${request.id.slice(-6)}`;
}

function requestJson(request: RequestDetail, linked: RequestDetail | null, documentFiles: Map<string, string>) {
  return {
    numero: request.number,
    type: KIND_LABELS[request.kind],
    mode: request.mode ? MODE_LABELS[request.mode] : null,
    etat: STATE_LABELS[request.state],
    etatCode: request.state,
    diplome: { code: request.diploma.code, intitule: request.diploma.title },
    centreInstructeur: request.centre.name,
    creeeLe: request.createdAt,
    deposeeLe: request.submittedAt,
    transmiseAuNationalLe: request.forwardedAt,
    derniereEtapeLe: request.lastChangeAt,
    ...(linked ? { [request.kind === "DIPLOMA" ? "analyseConjointe" : "demandeDeDiplome"]: linked.number ?? "brouillon" } : {}),
    experiences: request.experiences.map((e) => ({
      employeur: e.employer,
      poste: e.jobTitle,
      du: e.startDate,
      au: e.endDate,
      tempsDeTravailPourcent: e.workingTimePercent,
      dansLaSpecialiteDuDiplome: e.inField,
      activites: e.activities,
    })),
    piecesJustificatives: request.documents.map((d) => ({
      type: DOCUMENT_CATEGORY_LABELS[d.category as DocumentCategory] ?? d.category,
      nom: d.originalName,
      format: d.mimeType,
      tailleOctets: d.size,
      deposeeLe: d.uploadedAt,
      statut: DOCUMENT_STATUS_LABELS[d.status as keyof typeof DOCUMENT_STATUS_LABELS] ?? d.status,
      motif: d.statusReason,
      fichier: documentFiles.get(d.id) ?? null,
    })),
  };
}

function historyJson(request: RequestDetail) {
  return request.events.map((e) => ({
    date: e.at,
    action: TRANSITION_LABELS[e.transition as TransitionName] ?? e.transition,
    etatPrecedent: STATE_LABELS[e.fromState],
    nouvelEtat: STATE_LABELS[e.toState],
    // As on the request's page: the learner sees the role of the staff, not their name.
    par: e.actorRole === "AUDITEUR" ? "Vous" : ROLE_LABELS[e.actorRole],
    commentaire: e.comment,
    details: e.payload ?? null,
  }));
}

function messagesJson(request: RequestDetail) {
  return request.messages.map((m) => ({ date: m.createdAt, auteur: m.author.role === "AUDITEUR" ? "Vous" : m.author.displayName, message: m.body }));
}

function readme(generatedAt: Date, folders: string[], missing: string[]): string {
  const lines = [
    "VOS DONNÉES DANS D3 – service de demandes de diplôme et d'analyse de l'expérience professionnelle du Cnam",
    "",
    `Export produit le ${formatLongDateTime(generatedAt)} (heure de Paris), à votre demande.`,
    "Il contient toutes les données que D3 conserve sur vous. Les fichiers .json se lisent avec un éditeur de texte ;",
    "les dates y sont écrites au format international (ISO 8601, en temps universel : ajoutez 1 h en hiver, 2 h en été pour l'heure de Paris).",
    "",
    "CONTENU",
    "",
    "LISEZMOI.txt       ce fichier.",
    "profil.json        votre compte (identifiant, adresse électronique, date de création, connexions récentes avec l'adresse IP)",
    "                   et votre profil : état civil, adresse, téléphone, numéro d'auditeur, centre d'inscription, préférences de courriel.",
    "resultats.json     vos résultats : unités obtenues, année, note, mode d'obtention.",
    "notifications.json les notifications affichées dans D3, lues ou non.",
    "demandes/          un dossier par demande (brouillons compris) :",
    "  demande.json             la demande : type, état, diplôme, dates, expériences professionnelles déclarées, pièces justificatives ;",
    "  historique.json          chaque changement d'état : date, action, par qui (vous, ou le rôle de l'agent), commentaire ;",
    "  messages.json            les messages échangés avec votre centre ou le service national ;",
    "  pieces-justificatives/   les fichiers que vous avez déposés, tels que reçus ;",
    "  recepisse-….pdf          le récépissé de dépôt, pour une demande déposée ;",
    "  courriers/               les courriers de décision (avis du jury, validation, refus).",
    "",
    folders.length > 0 ? `Demandes exportées : ${folders.length}` : "Vous n'avez aucune demande.",
    ...folders.map((folder) => `  ${folder}/`),
  ];
  if (missing.length > 0) {
    lines.push("", "FICHIERS INDISPONIBLES", "Ces fichiers n'ont pas pu être lus au moment de l'export ; votre centre d'inscription peut vous aider :", ...missing.map((m) => `  ${m}`));
  }
  lines.push(
    "",
    "VOS DROITS",
    "Pour faire rectifier une donnée inexacte, utilisez « Mon profil » dans D3 (adresse, téléphone, adresse électronique) ou adressez-vous à votre",
    "centre d'inscription (état civil figurant sur une demande déposée, résultats). Pour toute autre question sur vos données, contactez votre centre.",
    "",
  );
  return lines.join("\r\n");
}

/** The learner's data as a ZIP stream; null when the account is not a learner's. */
export async function exportLearnerData(userId: string, now: Date = new Date()): Promise<LearnerExport | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, identifier: true, displayName: true, email: true, role: true, createdAt: true, profile: { include: { centre: { select: { name: true } } } } },
  });
  if (!user || user.role !== "AUDITEUR") return null;
  const viewer: Viewer = { id: user.id, role: "AUDITEUR", centreCode: null };

  const [logins, results, notifications, requestIds] = await Promise.all([
    db.loginAttempt.findMany({ where: { identifier: user.identifier }, orderBy: { at: "desc" }, select: { at: true, outcome: true, ip: true } }),
    db.unitResult.findMany({ where: { learnerId: user.id }, orderBy: [{ year: "asc" }, { unitCode: "asc" }] }),
    db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { createdAt: true, title: true, body: true, link: true, readAt: true } }),
    db.request.findMany({ where: { learnerId: user.id }, orderBy: { createdAt: "asc" }, select: { id: true } }),
  ]);
  const units = await db.catalogueUnit.findMany({ where: { code: { in: results.map((r) => r.unitCode) } }, select: { code: true, title: true } });
  const unitTitles = new Map(units.map((u) => [u.code, u.title]));
  const { profile } = user;

  const archive = archiver("zip", { zlib: { level: 6 } });
  const missing: string[] = [];
  const folders: string[] = [];

  archive.append(
    json({
      compte: {
        identifiant: user.identifier,
        nomAffiche: user.displayName,
        adresseElectroniqueDuCompte: user.email,
        creeLe: user.createdAt,
        connexions: logins.map((l) => ({ date: l.at, resultat: { SUCCESS: "réussie", FAILURE: "échouée", REFUSED: "refusée (identifiant bloqué)", UNAVAILABLE: "non vérifiée (annuaire injoignable)" }[l.outcome], adresseIp: l.ip })),
      },
      profil: profile && {
        civilite: profile.civility === "MADAME" ? "Madame" : "Monsieur",
        nomDeNaissance: profile.birthName,
        nomDUsage: profile.usageName,
        prenoms: profile.firstNames,
        dateDeNaissance: isoDate(profile.birthDate),
        communeDeNaissance: profile.birthCity,
        paysDeNaissance: profile.birthCountry,
        nationalite: profile.nationality,
        adresse: { voie: profile.addressLine, codePostal: profile.postalCode, commune: profile.city, pays: profile.country },
        adresseElectronique: profile.email,
        telephone: profile.phone,
        numeroAuditeur: profile.learnerNumber,
        centreDInscription: profile.centre.name,
        courrielPourChaqueMessage: profile.emailOnMessages,
        creeLe: profile.createdAt,
        modifieLe: profile.updatedAt,
      },
    }),
    { name: "profil.json", date: now },
  );
  archive.append(
    json(
      results.map((r) => ({
        unite: r.unitCode,
        intitule: unitTitles.get(r.unitCode) ?? null,
        annee: r.year,
        note: r.grade,
        obtenuePar: OBTAINED_BY_LABELS[r.obtainedBy],
        centre: r.centreCode,
      })),
    ),
    { name: "resultats.json", date: now },
  );
  archive.append(
    json(notifications.map((n) => ({ date: n.createdAt, titre: n.title, texte: n.body, lien: n.link, lueLe: n.readAt }))),
    { name: "notifications.json", date: now },
  );

  for (const { id } of requestIds) {
    const found = await getRequestForViewer(viewer, id);
    if (!found) continue;
    const { request, linked } = found;
    const folder = requestFolder(request);
    folders.push(folder);
    const taken = new Set<string>();
    const documentFiles = new Map<string, string>();
    for (const document of request.documents) {
      const opened = await openDocument(viewer, document.id);
      const name = `pieces-justificatives/${uniqueName(taken, opened?.fileName ?? document.originalName)}`;
      if (!opened) {
        missing.push(`${folder}/${name}`);
        continue;
      }
      documentFiles.set(document.id, name);
      archive.append(opened.stream, { name: `${folder}/${name}`, date: document.uploadedAt });
    }
    archive.append(json(requestJson(request, linked, documentFiles)), { name: `${folder}/demande.json`, date: now });
    archive.append(json(historyJson(request)), { name: `${folder}/historique.json`, date: now });
    archive.append(json(messagesJson(request)), { name: `${folder}/messages.json`, date: now });
    // The receipt covers a diploma request and its joint analysis: it is filed with the diploma request.
    if (!request.diplomaRequestId) {
      const receipt = await receiptPdf(viewer, request.id);
      if (receipt) archive.append(receipt.pdf, { name: `${folder}/${receipt.fileName}`, date: request.submittedAt ?? now });
    }
    for (const entry of decisionEvents(request)) {
      const letter = await letterFor(viewer, request.id, entry.eventId);
      if (letter) archive.append(letter.pdf, { name: `${folder}/courriers/${letter.fileName}`, date: entry.decidedAt });
      else missing.push(`${folder}/courriers/${entry.fileName}`);
    }
  }
  archive.append(readme(now, folders, missing), { name: "LISEZMOI.txt", date: now });
  // Not awaited: the archive is written as the response reads it; an error ends the stream with it.
  archive.finalize().catch((error) => archive.destroy(error as Error));
  return { fileName: `mes-donnees-d3-${parisDay(now)}.zip`, stream: archive };
}
