// Nothing at start: without this file, next build picks up the app's own instrumentation.ts from
// the repository's root (its configuration check and job runner), and the reference is not bare.
export function register() {}
