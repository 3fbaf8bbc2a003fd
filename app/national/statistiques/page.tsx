import type { Metadata } from "next";
import { StatisticsReport } from "@/components/statistics/StatisticsReport";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Statistiques – Service national" };

export default async function NationalStatisticsPage() {
  await requireUser({ space: "national" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Statistiques de traitement</h1>
      <StatisticsReport />
    </div>
  );
}
