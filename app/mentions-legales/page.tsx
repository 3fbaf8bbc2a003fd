import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage, LegalSection } from "@/components/legal/LegalPage";
import { CNAM_ADDRESS, legalSettings } from "@/lib/shared/legal";

export const metadata: Metadata = { title: "Mentions légales" };
// The host is read from the server's configuration when the page is asked for.
export const dynamic = "force-dynamic";

export default function LegalNoticePage() {
  const { host } = legalSettings();
  return (
    <LegalPage title="Mentions légales" updated="novembre 2026">
      <LegalSection title="Éditeur">
        <p>
          Conservatoire national des arts et métiers (Cnam), grand établissement public à caractère scientifique, culturel et professionnel placé sous la tutelle du
          ministère chargé de l&apos;enseignement supérieur.
        </p>
        <p>Adresse : {CNAM_ADDRESS}.</p>
        <p>Le service D3 — Diplômes et expérience permet aux auditeurs et auditrices du Cnam de demander la délivrance d&apos;un diplôme et l&apos;analyse de leur expérience professionnelle.</p>
      </LegalSection>
      <LegalSection title="Directeur de la publication">
        <p>L&apos;administrateur général du Cnam.</p>
      </LegalSection>
      <LegalSection title="Hébergement">
        <p>{host}.</p>
      </LegalSection>
      <LegalSection title="Propriété intellectuelle">
        <p>
          Les textes de ce service sont la propriété du Cnam. Leur reproduction est autorisée pour un usage personnel ou non commercial, avec la mention de la source. La
          police de caractères Inter est distribuée sous la licence SIL Open Font License.
        </p>
      </LegalSection>
      <LegalSection title="Données personnelles et accessibilité">
        <p>
          L&apos;usage de vos données est décrit sur la page <Link href="/donnees-personnelles">Données personnelles</Link> ; l&apos;état d&apos;accessibilité du service sur
          la page <Link href="/accessibilite">Accessibilité</Link>.
        </p>
      </LegalSection>
    </LegalPage>
  );
}
