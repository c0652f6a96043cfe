// Runs once when the Next server starts. On the embedded database (one process owns it) the
// web server is also the worker; on PostgreSQL workers run as processes of their own
// (`npm start` starts one beside the server, `npm run worker` more).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEmbeddedWorker } = await import("./server/jobs/embedded-worker");
  await startEmbeddedWorker();
}
