import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, LegalSection } from "@/components/legal/LegalPage";
import { legalSettings } from "@/lib/shared/legal";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };
// The contact is read from the server's configuration when the page is asked for.
export const dynamic = "force-dynamic";

/**
 * The declaration required of public services (loi n° 2005-102, article 47; RGAA 4.1). Its
 * status comes from the project's own checks (tests/e2e: axe on every page, keyboard, 320 px);
 * no complete audit of the 106 criteria was made, so no rate is given.
 */
export default function AccessibilityPage() {
  const { accessibilityEmail } = legalSettings();
  return (
    <LegalPage title="Déclaration d'accessibilité" updated="novembre 2026">
      <p>
        Le Conservatoire national des arts et métiers (Cnam) s&apos;engage à rendre ses services en ligne accessibles, conformément à l&apos;article 47 de la loi n° 2005-102 du 11
        février 2005. Cette déclaration s&apos;applique au service D3 — Diplômes et expérience.
      </p>

      <LegalSection title="État de conformité">
        <p>
          D3 est <strong>partiellement conforme</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA), version 4.1, en raison des non-conformités
          énumérées ci-dessous.
        </p>
      </LegalSection>

      <LegalSection title="Résultats des tests">
        <p>
          Cet état repose sur un audit interne de novembre 2026, pas encore sur un audit complet des 106 critères par un organisme indépendant : le taux de conformité
          n&apos;est donc pas encore calculé. L&apos;audit interne a consisté à :
        </p>
        <ul>
          <li>analyser chaque page, pour chaque profil (auditeur, gestionnaire de centre, agent national, administrateur), avec l&apos;outil automatique axe-core (règles WCAG 2.1 A et AA) : aucune erreur détectée ;</li>
          <li>parcourir les démarches au clavier seul, sans souris ;</li>
          <li>afficher chaque page sur une largeur de 320 pixels, pour vérifier qu&apos;aucun défilement horizontal n&apos;est nécessaire ;</li>
          <li>vérifier que chaque page a un titre unique et que la fin de session est annoncée et peut être repoussée.</li>
        </ul>
      </LegalSection>

      <LegalSection title="Contenus non accessibles">
        <p>Non-conformités connues :</p>
        <ul>
          <li>Les documents PDF (récépissé de dépôt, courriers de décision) ne sont pas balisés et ne sont pas encore tous accompagnés d&apos;une version HTML équivalente (critère 13.3).</li>
          <li>Certains messages qui apparaissent après une action ne sont pas encore tous annoncés par les lecteurs d&apos;écran avec ce qui a changé (critère 7.5).</li>
          <li>Les tests avec des lecteurs d&apos;écran (NVDA, VoiceOver) et par des personnes en situation de handicap restent à faire : des défauts que les outils automatiques ne voient pas peuvent subsister.</li>
        </ul>
      </LegalSection>

      <LegalSection title="Plan d'amélioration">
        <ul>
          <li>Premier trimestre 2027 : version HTML accessible de chaque document PDF, à la même place que le PDF ; PDF balisés, polices incorporées.</li>
          <li>Premier trimestre 2027 : annonces des changements d&apos;état d&apos;une demande revues avec un lecteur d&apos;écran.</li>
          <li>Deuxième trimestre 2027 : audit complet RGAA 4.1 par un organisme indépendant, puis publication du taux de conformité et mise à jour de cette déclaration.</li>
        </ul>
      </LegalSection>

      <LegalSection title="Établissement de cette déclaration">
        <p>Technologies utilisées : HTML, CSS, JavaScript. Environnement de test : navigateur Chromium, sur ordinateur et en largeur de téléphone (320 et 375 pixels).</p>
      </LegalSection>

      <LegalSection title="Retour d'information et contact">
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre
          forme :{" "}
          {accessibilityEmail ? <a href={`mailto:${accessibilityEmail}`}>{accessibilityEmail}</a> : <>votre centre d&apos;inscription</>}. Les coordonnées des centres sont
          dans l&apos;<Link href="/aide">Aide</Link>.
        </p>
      </LegalSection>

      <LegalSection title="Voies de recours">
        <p>Si vous nous avez signalé un défaut d&apos;accessibilité qui vous empêche d&apos;accéder à un contenu ou à un service et que vous n&apos;avez pas obtenu de réponse satisfaisante, vous pouvez :</p>
        <ul>
          <li>
            écrire un message au Défenseur des droits (<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>) ;
          </li>
          <li>contacter le délégué du Défenseur des droits dans votre région ;</li>
          <li>envoyer un courrier, gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
        </ul>
      </LegalSection>
    </LegalPage>
  );
}
