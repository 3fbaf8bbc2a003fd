/** The bare reference app of npm run bench:pages (tests/support/bench-pages.ts). */
const config = {};
export default config;
