/** The lengths a password must keep (new password form, login form, their schemas). No zod here: the forms show these numbers without downloading it. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
