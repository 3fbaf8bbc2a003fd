import type { Metadata } from "next";
import { StatisticsReport } from "@/components/statistics/StatisticsReport";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Statistiques – Administration" };

export default async function AdminStatisticsPage() {
  await requireUser({ space: "admin" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Statistiques</h1>
      <StatisticsReport />
    </div>
  );
}
