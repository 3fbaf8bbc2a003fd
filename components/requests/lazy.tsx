"use client";

import dynamic from "next/dynamic";

/**
 * The request page's larger client components, each in its own chunk: a page downloads only those it
 * renders (the editor on a draft, the message form once submitted), where a plain import would send
 * every one of them with every request page. Server-rendered as before: no flash, no layout shift.
 */
export const ExperienceEditor = dynamic(() => import("@/components/requests/ExperienceEditor").then((module) => module.ExperienceEditor));
export const MessageThread = dynamic(() => import("@/components/staff/request/MessageThread").then((module) => module.MessageThread));
