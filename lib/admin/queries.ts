import { db } from "@/lib/shared/db";

/** The figures of the administration's landing page. */
export async function adminOverview() {
  const [centres, staff, inactiveStaff, learners, diplomas, units, results, auditLastWeek] = await Promise.all([
    db.centre.count(),
    db.user.count({ where: { role: { not: "AUDITEUR" }, active: true } }),
    db.user.count({ where: { role: { not: "AUDITEUR" }, active: false } }),
    db.learnerProfile.count(),
    db.diploma.count(),
    db.catalogueUnit.count(),
    db.unitResult.count(),
    db.auditLog.count({ where: { at: { gte: new Date(Date.now() - 7 * 24 * 3600_000) } } }),
  ]);
  return { centres, staff, inactiveStaff, learners, diplomas, units, results, auditLastWeek };
}

/** Every centre with how many agents and learners belong to it. */
export async function listCentresForAdmin() {
  const [centres, agents, learners] = await Promise.all([
    db.centre.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true, region: true, contactEmail: true, verified: true } }),
    db.user.groupBy({ by: ["centreCode"], where: { role: "AGENT_CENTRE", active: true }, _count: { _all: true } }),
    db.learnerProfile.groupBy({ by: ["centreCode"], _count: { _all: true } }),
  ]);
  const agentCounts = new Map(agents.map((a) => [a.centreCode, a._count._all]));
  const learnerCounts = new Map(learners.map((l) => [l.centreCode, l._count._all]));
  return centres.map((c) => ({ ...c, agents: agentCounts.get(c.code) ?? 0, learners: learnerCounts.get(c.code) ?? 0 }));
}

export type AdminCentre = Awaited<ReturnType<typeof listCentresForAdmin>>[number];

/** Staff accounts, active first, then by name. Learners' accounts come from the ENF directory. */
export function listStaffAccounts() {
  return db.user.findMany({
    where: { role: { not: "AUDITEUR" } },
    orderBy: [{ active: "desc" }, { displayName: "asc" }],
    select: { id: true, identifier: true, displayName: true, email: true, role: true, active: true, centreCode: true, centre: { select: { name: true } }, createdAt: true },
  });
}

export type StaffAccount = Awaited<ReturnType<typeof listStaffAccounts>>[number];
