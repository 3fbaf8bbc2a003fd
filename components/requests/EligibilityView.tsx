import { COMPOSITION_NOT_VERIFIED, COMPOSITION_NOT_VERIFIED_STAFF, type EligibilityVerdict } from "@/lib/catalogue/domain/eligibility";
import { BLOCK_STATUS, explainEligibility, type Audience, type BlockText, type Phrase } from "@/lib/catalogue/domain/eligibility-wording";

function Mark({ ok }: { ok: boolean }) {
  return (
    <span aria-hidden="true" className={`mr-2 inline-block w-5 text-center font-bold ${ok ? "text-green-800" : "text-red-800"}`}>
      {ok ? "✓" : "✗"}
    </span>
  );
}

function PhraseList({ phrases, nested = false }: { phrases: Phrase[]; nested?: boolean }) {
  return (
    <ul className={nested ? "mt-1 list-[circle] pl-6" : "mt-1 list-disc space-y-1 pl-6"}>
      {phrases.map((phrase, i) => (
        <li key={`${phrase.text}-${i}`}>
          {phrase.text}
          {phrase.list ? <PhraseList phrases={phrase.list} nested /> : null}
        </li>
      ))}
    </ul>
  );
}

function Block({ block, depth }: { block: BlockText; depth: number }) {
  return (
    <li className={depth > 0 ? "mt-2" : "mt-3"}>
      <p className="font-medium">
        {block.status ? <Mark ok={block.status === "done"} /> : null}
        {block.label}
        {block.status ? <span className="ml-2 text-sm font-normal text-slate-700">({BLOCK_STATUS[block.status]})</span> : null}
      </p>
      <p className={`${block.status ? "ml-7" : ""} text-sm text-slate-700`}>{block.rule}</p>
      {block.units.length > 0 ? (
        <ul className={`${block.status ? "ml-7" : ""} text-sm text-slate-800`}>
          {block.units.map((unit) => (
            <li key={unit}>{unit}</li>
          ))}
        </ul>
      ) : null}
      {block.children.length > 0 ? (
        <ul className="ml-7 border-l border-slate-200 pl-3">
          {block.children.map((child, i) => (
            <Block key={`${child.label}-${i}`} block={child} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The eligibility verdict in plain words (lib/catalogue/domain/eligibility-wording.ts): what is
 * missing first, the units failed with their grade, then each block of the diploma with the units
 * that count for it, and the experience. The staff page gives its own one-line summary, so the
 * staff audience skips the « Il manque encore » list.
 */
export function EligibilityView({ verdict, audience = "learner" }: { verdict: EligibilityVerdict; audience?: Audience }) {
  const text = explainEligibility(verdict, audience);
  // The learner's page puts the view under an h2, the staff page under an h3.
  const Heading = audience === "learner" ? "h3" : "h4";
  return (
    <div>
      {!verdict.compositionVerified ? (
        <p className="mt-2 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm" data-testid="composition-not-verified">
          {audience === "learner" ? COMPOSITION_NOT_VERIFIED : COMPOSITION_NOT_VERIFIED_STAFF}
        </p>
      ) : null}
      {audience === "learner" && text.complete ? <p className="mt-2 text-green-900">{text.complete}</p> : null}
      {audience === "learner" && text.missingIntro ? (
        <div className="mt-2" data-testid="missing-units">
          <p className="font-semibold">{text.missingIntro}</p>
          <PhraseList phrases={text.missing} />
        </div>
      ) : null}
      {text.failedIntro ? (
        <div className="mt-3" data-testid="failed-units">
          <p className="font-medium">{text.failedIntro}</p>
          <ul className="mt-1 list-disc pl-6">
            {text.failed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Heading className="mt-4 font-semibold">{text.blocksHeading}</Heading>
      <ul>
        {text.blocks.map((block, i) => (
          <Block key={`${block.label}-${i}`} block={block} depth={0} />
        ))}
      </ul>
      <p className="mt-4 font-medium">
        <Mark ok={text.experience.met} />
        {text.experience.text}
      </p>
    </div>
  );
}
