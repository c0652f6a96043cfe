// The embedded database's fault check in its short form (`npm run bench:load` runs it with 50
// preparers): the app on a fresh data folder, preparers autosaving, the app killed (SIGKILL)
// during their saves, then the folder opened again: it opens, and holds every save that was
// acknowledged, each whole (a save answered by no one may be there or not, never half).
import path from "node:path";
import { it } from "vitest";
import { embeddedKill } from "./checks";
import { expectSound, logFolder } from "./expect-sound";

const logDir = logFolder();

it("embedded: the app killed (SIGKILL) during saves, its data folder opens again holding every committed save", async () => {
  expectSound(await embeddedKill({ preparers: 10, seconds: 8, logFile: path.join(logDir, "app-embedded.log") }), "kill", logDir);
});
