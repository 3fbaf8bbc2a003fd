import { loadOnce } from "@/lib/shared/load-once";

/**
 * NextAuth's browser client (signIn, signOut, getSession), downloaded when one of them is called
 * rather than with every page: with its Babel runtime and error classes it weighs ≈ 9 KB compressed,
 * and the header, the session watch and the login form need it only on a click. Call
 * `authClient.preload` when a click is likely (focus, pointer over the button).
 */
export const authClient = loadOnce(() => import("next-auth/react"));
