// The report's content as the preparer edits it, saved about a second after the last change.
// One save at a time: a change made during a save queues exactly one more. A save refused as
// stale stops autosaving and hands both versions to the conflict panel; nothing typed is lost
// (the local backup keeps it until a save succeeds).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useReducer, useRef, useState } from "react";
import { holdUnloadUntil, useLeaveGuard } from "@/components/leave-guard";
import { useTRPC } from "@/components/trpc-provider";
import { ZReportContent, type ReportContent } from "@/server/domain/report-content";
import { contentPatch } from "@/server/domain/report-patch";
import { clearBackup, useBackupAtOpen, writeBackup } from "./backup";
import { contentReducer } from "./content-reducer";
import type { SaveProblem } from "./date-problems";
import { errorMessage, serverFieldErrors } from "./fields";

const AUTOSAVE_DELAY_MS = 1000;

export const LEAVE_UNSAVED =
  "ยังบันทึกรายงานไม่สำเร็จ ถ้าออกจากหน้านี้ การแก้ไขล่าสุดจะยังไม่อยู่ในระบบ (ข้อความที่พิมพ์ยังเก็บไว้ในเครื่องนี้) ออกจากหน้านี้หรือไม่?";

export type Conflict = { message: string; version: number; content: ReportContent };

export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "unsaved" }
  | { kind: "error"; message: string };

export function useAutosave(report: { id: string; version: number; content: ReportContent }) {
  const reportId = report.id;
  const trpc = useTRPC();
  const router = useRouter();
  const { mutateAsync: saveDraft } = useMutation(trpc.report.saveDraft.mutationOptions());
  const [content, dispatch] = useReducer(contentReducer, report.content);
  // The content the server holds, by identity: `content !== saved` means unsaved changes.
  const [saved, setSaved] = useState(report.content);
  const [saving, setSaving] = useState(false);
  // Why the last save failed, and the content's field it names (none: not one field's fault).
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { offer, dismissOffer } = useBackupAtOpen(reportId, report.content);

  // The save loop runs across renders, so it reads the current values through refs.
  const version = useRef(report.version);
  // What the server holds at `version.current`, when known: a save sends only what differs from
  // it. Unknown (restoring a backup typed against another version): the save sends everything.
  const held = useRef<{ version: number; content: ReportContent } | null>({ version: report.version, content: report.content });
  const latest = useRef(content);
  const savedRef = useRef(saved);
  const inFlight = useRef<Promise<void> | null>(null);
  const queued = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Whether this visit saved anything: the pages the browser keeps for back and forward then
  // hold what was there before it.
  const savedHere = useRef(false);

  useEffect(() => {
    latest.current = content;
  }, [content]);

  function markSaved(value: ReportContent) {
    savedRef.current = value;
    setSaved(value);
    setProblem(null);
  }

  /** One request with the latest content; false when saving must stop (invalid, stale, failed). */
  async function saveOnce(): Promise<boolean> {
    const sending = latest.current;
    if (sending === savedRef.current) return true;
    const parsed = ZReportContent.safeParse(sending);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem({ message: issue?.message ?? "ข้อมูลไม่ถูกต้อง", path: issue?.path ?? [] });
      return false;
    }
    setSaving(true);
    try {
      const base = held.current?.version === version.current ? held.current.content : null;
      const result = await saveDraft({ reportId, baseVersion: version.current, content: base ? contentPatch(base, sending) : sending });
      if (!result.ok) {
        held.current = { version: result.version, content: result.content };
        setConflict({ message: result.message, version: result.version, content: result.content });
        return false;
      }
      version.current = result.version;
      savedHere.current = true;
      held.current = { version: result.version, content: sending };
      markSaved(sending);
      if (latest.current === sending) clearBackup(reportId);
      return true;
    } catch (error) {
      // The server names the field by its path in the call's input: "content.issues.0.measures.1.periodEnd".
      const field = Object.keys(serverFieldErrors(error))[0]?.split(".") ?? [];
      setProblem({
        message: `${errorMessage(error)} (ข้อความที่พิมพ์ยังเก็บไว้ในเครื่องนี้)`,
        path: field[0] === "content" ? field.slice(1) : [],
      });
      return false;
    } finally {
      setSaving(false);
    }
  }

  /** Saves now, or after the save in flight (once, however many changes came meanwhile). */
  function save(): Promise<void> {
    if (inFlight.current) {
      queued.current = true;
      return inFlight.current;
    }
    inFlight.current = (async () => {
      let goOn = true;
      do {
        queued.current = false;
        goOn = await saveOnce();
      } while (goOn && queued.current);
    })().finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }

  const saveWhenIdle = useEffectEvent(() => void save());

  useEffect(() => {
    if (content === saved) return;
    writeBackup(reportId, { baseVersion: version.current, content });
    if (conflict) return; // the preparer decides first
    timer.current = setTimeout(() => saveWhenIdle(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [reportId, content, saved, conflict]);

  // Leaving the editor: a link or signing out waits for the save, and asks when it fails; the
  // browser's back button (or any navigation that unmounts the editor) sends the pending save.
  const conflictRef = useRef(conflict);
  useEffect(() => {
    conflictRef.current = conflict;
  }, [conflict]);
  useLeaveGuard(
    () => latest.current !== savedRef.current || inFlight.current !== null || conflictRef.current !== null,
    async () => (await flush()) || window.confirm(LEAVE_UNSAVED),
  );
  // Once saved, the page left to (the report's, after the back button) is fetched again, and so is
  // every page the router keeps for back and forward (router.refresh drops them): back or forward
  // to the report or to this editor shows what was saved, never the text of before.
  const saveOnLeave = useEffectEvent(() => {
    const saving = latest.current !== savedRef.current && conflictRef.current === null ? save() : null;
    if (saving) holdUnloadUntil(saving);
    void (saving ?? Promise.resolve()).then(() => {
      if (savedHere.current) router.refresh();
    });
  });
  useEffect(() => () => saveOnLeave(), []);

  const unsaved = content !== saved || saving || conflict !== null;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  /** Saves whatever is pending; true when the server then holds exactly what is on screen. */
  async function flush(): Promise<boolean> {
    clearTimeout(timer.current);
    await save();
    return latest.current === savedRef.current;
  }

  function adoptLatest() {
    if (!conflict) return;
    dispatch({ type: "replace", content: conflict.content });
    version.current = conflict.version;
    markSaved(conflict.content);
    clearBackup(reportId);
    setConflict(null);
  }

  function overwriteWithMine() {
    if (!conflict) return;
    version.current = conflict.version;
    setConflict(null);
    void save();
  }

  /** Restores on top of the version the backup was typed against: if others saved since, the conflict panel shows both. */
  function restoreBackup() {
    if (!offer) return;
    version.current = offer.baseVersion;
    dispatch({ type: "replace", content: offer.content });
    dismissOffer();
  }

  function discardBackup() {
    // Once something was typed in this visit, the stored backup is already that, not the old one.
    if (latest.current === savedRef.current) clearBackup(reportId);
    dismissOffer();
  }

  const state: SaveState = saving
    ? { kind: "saving" }
    : problem
      ? { kind: "error", message: problem.message }
      : content !== saved
        ? { kind: "unsaved" }
        : { kind: "saved" };

  return {
    content,
    dispatch,
    state,
    saveProblem: saving ? null : problem,
    retry: () => void save(),
    flush,
    /** The version the next submit must name; read only after flush(). */
    currentVersion: () => version.current,
    conflict,
    adoptLatest,
    overwriteWithMine,
    backupOffer: offer,
    restoreBackup,
    discardBackup,
  };
}
