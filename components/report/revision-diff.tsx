import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { formatThaiDateTime } from "@/server/domain/thai-format";

type History = inferRouterOutputs<AppRouter>["report"]["history"];

const CHANGE_LABEL = { added: "เพิ่ม", removed: "ลบ", changed: "แก้ไข" } as const;
const CHANGE_STYLE = { added: "text-emerald-800", removed: "text-red-700 line-through", changed: "text-sky-800" } as const;

/** The submissions so far and what changed in the latest one since the one before. */
export function RevisionDiff({ history }: { history: History }) {
  if (history.revisions.length === 0) return null;
  const diff = history.latestDiff;
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="revision-diff">
      <h2 className="mb-2 font-semibold">ประวัติการส่งจังหวัด</h2>
      <p className="text-slate-600">
        {history.revisions.map((revision) => `ครั้งที่ ${revision.revision} (${formatThaiDateTime(revision.submittedAt)})`).join(" · ")}
      </p>
      {diff && (
        <div className="mt-3">
          <h3 className="font-semibold">
            สิ่งที่เปลี่ยนจากครั้งที่ {diff.from} เป็นครั้งที่ {diff.to}
          </h3>
          {diff.measures.length === 0 && diff.issuesAdded.length === 0 && diff.issuesRemoved.length === 0 && (
            <p>ไม่มีการเปลี่ยนแปลงของประเด็นหรือมาตรการ</p>
          )}
          <ul className="mt-1 space-y-1">
            {diff.issuesAdded.map((title) => <li key={`+${title}`} className="text-emerald-800">เพิ่มประเด็น: {title}</li>)}
            {diff.issuesRemoved.map((title) => <li key={`-${title}`} className="text-red-700">ลบประเด็น: {title}</li>)}
            {diff.issuesRenamed.map(({ from, to }) => <li key={`~${to}`}>เปลี่ยนชื่อประเด็น: {from} → {to}</li>)}
            {diff.measures.map((measure) => (
              <li key={measure.measureId} data-testid={`diff-${measure.change}`}>
                <span className={CHANGE_STYLE[measure.change]}>
                  {CHANGE_LABEL[measure.change]}มาตรการ: {measure.title}
                </span>
                <span className="text-slate-500"> ({measure.issueTitle})</span>
                {measure.fields.length > 0 && <span> · เปลี่ยน{measure.fields.join(", ")}</span>}
                {measure.resultsChecked.map((text) => <div key={`c${text}`} className="pl-4 text-emerald-800">☑ {text}</div>)}
                {measure.resultsUnchecked.map((text) => <div key={`u${text}`} className="pl-4 text-red-700">☐ {text}</div>)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
