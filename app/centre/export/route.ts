import { queueExportHandler } from "@/lib/requests/queue-export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = queueExportHandler("centre");
