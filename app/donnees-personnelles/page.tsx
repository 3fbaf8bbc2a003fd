import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, LegalSection } from "@/components/legal/LegalPage";
import { SESSION_MAX_AGE_S } from "@/lib/auth/login";
import { DEFAULT_REMINDER_SETTINGS, reminderSettingsFrom } from "@/lib/notifications/domain/reminders";
import { CNAM_ADDRESS, legalSettings } from "@/lib/shared/legal";
import { countOf } from "@/lib/shared/text";

export const metadata: Metadata = { title: "Données personnelles" };
// The durations and the contact are read from the server's configuration when the page is asked for.
export const dynamic = "force-dynamic";

export default function PersonalDataPage() {
  const { dpoEmail } = legalSettings();
  const read = reminderSettingsFrom(process.env);
  const reminders = read.ok ? read.settings : DEFAULT_REMINDER_SETTINGS;
  const sessionHours = SESSION_MAX_AGE_S / 3600;
  return (
    <LegalPage title="Données personnelles" updated="novembre 2026">
      <LegalSection title="Responsable du traitement">
        <p>Le Conservatoire national des arts et métiers (Cnam), {CNAM_ADDRESS}, représenté par son administrateur général.</p>
      </LegalSection>

      <LegalSection title="À quoi servent vos données">
        <ul>
          <li>Instruire vos demandes de délivrance de diplôme et d&apos;analyse de votre expérience professionnelle : vérifier les unités obtenues, examiner les pièces, recueillir l&apos;avis du jury, éditer et remettre le diplôme.</li>
          <li>Vous informer de l&apos;avancement de vos demandes (notifications et courriels) et échanger avec votre centre d&apos;inscription.</li>
          <li>Protéger le service : connexion, limitation des tentatives, journal des actions des personnels.</li>
          <li>Produire des statistiques sans nom (nombre de demandes par état et par centre, délais de traitement).</li>
        </ul>
      </LegalSection>

      <LegalSection title="Base légale">
        <p>
          Ces traitements sont nécessaires à l&apos;exécution d&apos;une mission d&apos;intérêt public dont est investi le Cnam, la délivrance des diplômes (règlement général sur la
          protection des données, article 6, paragraphe 1, point e).
        </p>
      </LegalSection>

      <LegalSection title="Données traitées">
        <ul>
          <li>Identité et état civil : civilité, noms, prénoms, date, commune et pays de naissance, nationalité (ils figurent sur le diplôme).</li>
          <li>Coordonnées : adresse postale, adresse électronique, téléphone.</li>
          <li>Scolarité : numéro d&apos;auditeur, centre d&apos;inscription, unités obtenues et leurs notes.</li>
          <li>Vos demandes : expériences professionnelles déclarées, pièces justificatives, messages, décisions et courriers.</li>
          <li>Connexions : identifiant, date, adresse IP et résultat de chaque tentative.</li>
        </ul>
      </LegalSection>

      <LegalSection title="Qui les reçoit">
        <p>
          Les personnels habilités de votre centre d&apos;inscription, du service national des diplômes et du jury, et les administrateurs du service, chacun pour ce qui le
          concerne. Les données ne sont ni vendues, ni transmises hors de l&apos;Union européenne.
        </p>
      </LegalSection>

      <LegalSection title="Combien de temps elles sont conservées">
        <ul>
          <li>
            Demande commencée mais jamais déposée (brouillon) : un rappel vous est envoyé après {countOf(reminders.draftReminderDays, "jour")} sans activité ; sans suite, le
            brouillon est supprimé après {countOf(reminders.draftPurgeDays, "jour")} sans activité, avec ses expériences, ses pièces et ses notifications.
          </li>
          <li>
            Demandes déposées, pièces, messages, décisions et profil : conservés tant que le service les utilise. D3 ne les supprime pas encore automatiquement ; la durée
            d&apos;utilité administrative (dossier de délivrance du diplôme) est en cours de fixation avec le délégué à la protection des données, et la suppression
            automatique suivra.
          </li>
          <li>Session de connexion : {countOf(sessionHours, "heure")} au plus, prolongeable à votre demande ; elle est supprimée à la déconnexion.</li>
          <li>Compteurs de tentatives de connexion par adresse IP : 24 heures. Journal des connexions et journal des actions des personnels : conservés sans suppression automatique à ce jour.</li>
          <li>
            Copie de ce que vous saisissez dans un formulaire : gardée dans votre navigateur seulement, jusqu&apos;à l&apos;enregistrement ou votre déconnexion, pour ne rien perdre
            si la session expire.
          </li>
        </ul>
      </LegalSection>

      <LegalSection title="Vos droits">
        <p>
          Vous pouvez accéder à vos données, les faire rectifier, demander la limitation de leur traitement ou vous y opposer pour des raisons tenant à votre situation
          particulière. Vos coordonnées se modifient dans <Link href="/auditeur/profil">Mon profil</Link>, où le lien « Télécharger mes données » vous remet tout ce que D3
          conserve sur vous.
        </p>
        <p>
          Pour exercer vos droits ou pour toute question, écrivez au délégué à la protection des données du Cnam :{" "}
          {dpoEmail ? (
            <>
              <a href={`mailto:${dpoEmail}`}>{dpoEmail}</a>, ou par courrier :{" "}
            </>
          ) : null}
          Délégué à la protection des données, Cnam, {CNAM_ADDRESS}.
        </p>
        <p>
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l&apos;informatique et des libertés (CNIL),
          3 place de Fontenoy, 75007 Paris, <a href="https://www.cnil.fr/fr/plaintes">www.cnil.fr</a>.
        </p>
      </LegalSection>

      <LegalSection title="Cookies">
        <p>
          D3 ne dépose que les cookies nécessaires à la connexion (la session et la protection contre les requêtes falsifiées) : ils ne servent ni à la mesure
          d&apos;audience ni à la publicité et ne demandent donc pas de consentement. Aucun outil de mesure d&apos;audience n&apos;est utilisé.
        </p>
      </LegalSection>
    </LegalPage>
  );
}
