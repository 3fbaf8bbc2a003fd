import type { Role } from "./policy";

/** The logged-in user as the header shows it: name, role and its label, unread notifications, seconds left in the session. */
export type Me = { displayName: string; role: Role; roleLabel: string; unread: number; sessionSecondsLeft: number };
