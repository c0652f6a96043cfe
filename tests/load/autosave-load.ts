// Signed-in preparers autosaving through the running server, driven by autocannon over
// loopback: one connection per preparer, each sending its saves one after another at most once a
// second (the editor saves a second after the last keystroke, one save at a time), the body of
// each built by its PreparerLedger and each answer handed back to it.
import autocannon from "autocannon";
import type { PreparerLedger } from "./ledger";

export type LoadRun = {
  /** Resolves with autocannon's result when the run ends (its duration, or stop()). */
  done: Promise<autocannon.Result>;
  /** Ends the run now: requests in flight get no answer (their ledgers resend them next run). */
  stop(): void;
};

export const SAVE_PATH = "/api/trpc/report.saveDraft";

export function runAutosaveLoad(options: { base: string; ledgers: PreparerLedger[]; seconds: number }): LoadRun {
  const { base, ledgers } = options;
  let next = 0;
  let finished: (result: autocannon.Result) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon({
    url: `${base}${SAVE_PATH}`,
    connections: ledgers.length,
    duration: options.seconds,
    connectionRate: 1,
    // Latency as measured: autocannon's correction assumes a rate per millisecond, not per second.
    ignoreCoordinatedOmission: true,
    // A stop takes effect at the next sample.
    sampleInt: 250,
    // A save waits this long for its answer before it is sent again (a browser waits longer):
    // two hundred saves at once on a busy two-core machine take tens of seconds.
    timeout: 120,
    setupClient(client) {
      const ledger = ledgers[next++ % ledgers.length]!;
      client.setRequests([
        {
          method: "POST",
          path: SAVE_PATH,
          headers: { "content-type": "application/json", origin: base, cookie: ledger.cookie },
          setupRequest: (request) => ({ ...request, body: ledger.nextBody() }),
          onResponse: (status, body) => ledger.onAnswer(status, body),
        },
      ]);
    },
  }, (error, result) => {
    for (const ledger of ledgers) ledger.runEnded();
    if (error) failed(error);
    else finished(result);
  });
  return { done, stop: () => instance.stop() };
}

/**
 * Sends every save still unsettled (no answer, or an error) again until the server answers it,
 * as the editor does when the preparer presses retry: afterwards each ledger knows exactly what
 * the server holds. Gives up after `seconds`.
 */
export async function settlePending(base: string, ledgers: PreparerLedger[], seconds = 300): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  const waiting = ledgers.filter((ledger) => ledger.pending);
  let next = 0;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      while (next < waiting.length) {
        const ledger = waiting[next++]!;
        while (ledger.pending) {
          if (Date.now() > deadline) throw new Error(`${ledger.username}: the save was never answered`);
          const response = await fetch(`${base}${SAVE_PATH}`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: base, cookie: ledger.cookie },
            body: ledger.nextBody(),
          }).catch(() => null);
          if (response) ledger.onAnswer(response.status, await response.text());
          if (ledger.pending) await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }),
  );
}
