import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/AdminNav";

/** The administration's pages share their navigation; each page checks the session itself. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
