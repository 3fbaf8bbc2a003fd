import { Fragment } from "react";
import { ButtonAnchor } from "@/components/ui/Button";
import { DepositHeading } from "@/components/requests/DepositFocus";
import { depositConfirmation } from "@/lib/requests/deposit";
import type { RequestDetail } from "@/lib/requests/queries";

/**
 * At the top of the learner's page once a request is deposited, until the centre takes it in
 * charge: the numbers, the date, where the confirmation email went, what happens next, and the
 * récépissé. Its heading takes the focus right after « Déposer » (DepositFocus).
 */
export async function DepositConfirmation({ request, linked }: { request: RequestDetail; linked: RequestDetail | null }) {
  const confirmation = await depositConfirmation(request, linked);
  if (!confirmation) return null;
  const both = confirmation.numbers.length > 1;
  return (
    <section aria-labelledby="depot-confirme" className="rounded border-l-4 border-green-700 bg-green-50 p-5" data-testid="deposit-confirmation">
      <DepositHeading requestId={confirmation.requestId} id="depot-confirme" className="text-xl font-bold text-green-900 focus:outline-2 focus:outline-offset-4">
        {both ? "Vos deux demandes sont déposées" : "Votre demande est déposée"}
      </DepositHeading>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {confirmation.numbers.map(({ label, number }) => (
          <Fragment key={number}>
            <dt className="font-medium">{both ? `Numéro (${label.toLowerCase()})` : "Numéro de la demande"}</dt>
            <dd className="font-semibold">{number}</dd>
          </Fragment>
        ))}
        <dt className="font-medium">Déposée le</dt>
        <dd>{confirmation.depositedAt}</dd>
        <dt className="font-medium">Confirmation envoyée à</dt>
        <dd className="break-all">{confirmation.email}</dd>
        <dt className="font-medium">Et maintenant ?</dt>
        <dd>
          {confirmation.nextStep}
          {confirmation.usualDuration ? (
            <span className="mt-1 block">
              Délai habituel avant que votre centre prenne en charge la demande : {confirmation.usualDuration.charAt(0).toLowerCase()}
              {confirmation.usualDuration.slice(1)}.
            </span>
          ) : null}
        </dd>
      </dl>
      <p className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
        <ButtonAnchor href={confirmation.receipt.href}>{confirmation.receipt.label}</ButtonAnchor>
        <a href={confirmation.receipt.accessibleHref}>
          Version accessible (page web)<span className="sr-only"> du récépissé</span>
        </a>
      </p>
      <p className="mt-2 text-sm text-slate-800">Gardez le récépissé : il prouve la date de votre dépôt.</p>
    </section>
  );
}
