import { COMPOSITION_NOT_VERIFIED, type EligibilityVerdict, type GroupVerdict } from "@/lib/catalogue/domain/eligibility";

const OBTAINED_BY: Record<string, string> = { PASSED: "réussie", EQUIVALENCE: "par équivalence", VES: "par VES", VAE: "par VAE" };

function Mark({ ok }: { ok: boolean }) {
  return (
    <span aria-hidden="true" className={`mr-2 inline-block w-5 text-center font-bold ${ok ? "text-green-800" : "text-red-800"}`}>
      {ok ? "✓" : "✗"}
    </span>
  );
}

function Group({ group, depth }: { group: GroupVerdict; depth: number }) {
  return (
    <li className={depth > 0 ? "mt-2" : "mt-3"}>
      <p className="font-medium">
        <Mark ok={group.satisfied} />
        {group.label}
        <span className="sr-only">{group.satisfied ? " : validé" : " : incomplet"}</span>
        <span className="ml-2 text-sm font-normal text-slate-700">({group.countedEcts} ECTS comptés)</span>
      </p>
      {group.countedUnits.length > 0 && group.children.length === 0 ? (
        <ul className="ml-7 text-sm text-slate-800">
          {group.countedUnits.map((u) => (
            <li key={u.code}>
              {u.code} {u.title ? `– ${u.title}` : ""} : {OBTAINED_BY[u.obtainedBy]} en {u.year}
              {u.grade !== undefined ? ` (${u.grade.toLocaleString("fr-FR")}/20)` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {group.missing ? <p className="ml-7 text-sm text-red-900">Manque : {group.missing}</p> : null}
      {group.children.length > 0 ? (
        <ul className="ml-7 border-l border-slate-200 pl-3">
          {group.children.map((child, i) => (
            <Group key={`${child.label}-${i}`} group={child} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The engine's verdict, block by block, as the learner and the centre see it. */
export function EligibilityView({ verdict }: { verdict: EligibilityVerdict }) {
  return (
    <div>
      {!verdict.compositionVerified ? (
        <p className="mt-2 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm" data-testid="composition-not-verified">
          {COMPOSITION_NOT_VERIFIED}
        </p>
      ) : null}
      <ul>
        {verdict.requirement.children.map((group, i) => (
          <Group key={`${group.label}-${i}`} group={group} depth={0} />
        ))}
      </ul>
      <p className="mt-4 font-medium">
        <Mark ok={verdict.experience.state !== "missing"} />
        Expérience professionnelle : {verdict.experience.message}
      </p>
    </div>
  );
}
