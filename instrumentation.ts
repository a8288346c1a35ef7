// Runs once when the server starts (Next.js instrumentation hook): guards the HTTP methods Next.js
// cannot take, and checks REDIS_URL.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Methods Next.js cannot route (TRACE, PROPFIND, …) are answered 405 before it sees them.
  const { installMethodGuard } = await import("./lib/http/method-guard.server");
  installMethodGuard();
  const { checkSharedStateAtStartup } = await import("./lib/store/startup.server");
  await checkSharedStateAtStartup();
}
