import type { SaveState } from "./use-autosave";

const STYLE: Record<SaveState["kind"], string> = {
  saved: "text-emerald-700",
  saving: "text-slate-600",
  unsaved: "text-amber-700",
  error: "text-red-700",
};

const smallButton = "shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100";

export function SaveStatus({ state, conflict, onRetry }: { state: SaveState; conflict: boolean; onRetry: () => void }) {
  const text = conflict
    ? "ยังไม่ได้บันทึก: มีผู้อื่นบันทึกไปก่อน"
    : state.kind === "error"
      ? state.message
      : { saved: "บันทึกแล้ว", saving: "กำลังบันทึก…", unsaved: "ยังไม่ได้บันทึก" }[state.kind];
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      <span data-testid="save-status" role="status" className={`font-medium ${conflict ? "text-red-700" : STYLE[state.kind]}`}>
        {text}
      </span>
      {conflict ? (
        // The panel sits at the top of the page; the preparer may be typing far below it.
        <button
          type="button"
          className={smallButton}
          onClick={() => document.getElementById("conflict-panel")?.scrollIntoView({ behavior: "smooth", block: "start" })}
        >
          เลือกฉบับ
        </button>
      ) : (
        state.kind === "error" && (
          <button type="button" onClick={onRetry} className={smallButton}>
            ลองบันทึกอีกครั้ง
          </button>
        )
      )}
    </div>
  );
}
