// The reference of npm run bench:pages: an App Router app of the same Next.js version with nothing
// of ours, so that the app's pages are measured against what the framework itself costs.
export default function RootLayout({ children }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
