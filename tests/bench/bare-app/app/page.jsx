import { connection } from "next/server";

// Rendered at each request, as the app's pages are (they read the session).
export default async function Page() {
  await connection();
  return (
    <main>
      <h1>Page de référence</h1>
      <p>Rendue le {new Date().toISOString()}.</p>
    </main>
  );
}
