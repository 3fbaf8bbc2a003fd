"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The focus after « Déposer »: the form says which request it is depositing before it calls the
 * action (the page's new content may arrive with the action's answer), and the confirmation's
 * heading, once shown for that request, takes the focus, so that a screen reader reads it and a
 * keyboard user continues from there. A reload shows the confirmation without moving the focus.
 */
let depositing: string | null = null;

export function expectDeposit(requestId: string | null): void {
  depositing = requestId;
}

export function DepositHeading({ requestId, id, className, children }: { requestId: string; id: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (depositing !== requestId) return;
    depositing = null;
    ref.current?.focus();
  }, [requestId]);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
