import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { formatThaiDateTime } from "@/server/domain/thai-format";

type History = inferRouterOutputs<AppRouter>["report"]["history"];
type Diff = NonNullable<History["latestDiff"]> | NonNullable<History["pendingDiff"]>;

const CHANGE_LABEL = { added: "เพิ่ม", removed: "ลบ", changed: "แก้ไข" } as const;
const CHANGE_STYLE = { added: "text-emerald-800", removed: "text-red-700 line-through", changed: "text-sky-800" } as const;

/** Each part that changed, old → new. */
function FieldChanges({ changes }: { changes: { field: string; before: string; after: string }[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="mt-1 mb-2 w-full text-xs" data-testid="field-changes">
      <thead className="text-left text-slate-500">
        <tr>
          <th className="w-40 py-0.5 pr-2 font-normal">ส่วนที่แก้ไข</th>
          <th className="py-0.5 pr-2 font-normal">เดิม</th>
          <th className="py-0.5 font-normal">ใหม่</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} className="border-t border-slate-100 align-top" data-testid="field-change">
            <td className="py-1 pr-2 font-semibold">{change.field}</td>
            <td className="py-1 pr-2 text-red-800 line-through decoration-red-300">{change.before}</td>
            <td className="py-1 text-emerald-800">→ {change.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DiffBody({ diff }: { diff: Diff }) {
  const nothing = diff.measures.length === 0 && diff.issuesAdded.length === 0 && diff.issuesRemoved.length === 0 && diff.issuesRenamed.length === 0 && diff.headerChanges.length === 0;
  return (
    <>
      {nothing && <p>ไม่มีการเปลี่ยนแปลง</p>}
      {diff.headerChanges.length > 0 && (
        <div className="mt-1">
          <span className="text-sky-800">แก้ไขบันทึกข้อความ</span>
          <FieldChanges changes={diff.headerChanges} />
        </div>
      )}
      <ul className="mt-1 space-y-1">
        {diff.issuesAdded.map((title) => <li key={`+${title}`} className="text-emerald-800">เพิ่มประเด็น: {title}</li>)}
        {diff.issuesRemoved.map((title) => <li key={`-${title}`} className="text-red-700">ลบประเด็น: {title}</li>)}
        {diff.issuesRenamed.map(({ from, to }) => (
          <li key={`~${to}`} data-testid="diff-issue-renamed">
            เปลี่ยนชื่อประเด็น: <span className="text-red-800 line-through decoration-red-300">{from}</span> → <span className="text-emerald-800">{to}</span>
          </li>
        ))}
        {diff.measures.map((measure) => (
          <li key={measure.measureId} data-testid={`diff-${measure.change}`}>
            <span className={CHANGE_STYLE[measure.change]}>
              {CHANGE_LABEL[measure.change]}มาตรการ: {measure.title}
            </span>
            <span className="text-slate-500"> ({measure.issueTitle})</span>
            {measure.fields.length > 0 && <span> · เปลี่ยน{measure.fields.join(", ")}</span>}
            <FieldChanges changes={measure.changes} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The submissions so far, what changed in the latest one since the one before, and what changed since the last one on the way up again. */
export function RevisionDiff({ history }: { history: History }) {
  if (history.revisions.length === 0) return null;
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="revision-diff">
      <h2 className="mb-2 font-semibold">ประวัติการส่งจังหวัด</h2>
      <p className="text-slate-600">
        {history.revisions.map((revision) => `ครั้งที่ ${revision.revision} (${formatThaiDateTime(revision.submittedAt)})`).join(" · ")}
      </p>
      {history.pendingDiff && (
        <div className="mt-3" data-testid="pending-diff">
          <h3 className="font-semibold">สิ่งที่แก้ไขหลังส่งจังหวัดครั้งที่ {history.pendingDiff.from} (ฉบับที่กำลังเสนอ)</h3>
          <DiffBody diff={history.pendingDiff} />
        </div>
      )}
      {history.latestDiff && (
        <div className="mt-3">
          <h3 className="font-semibold">
            สิ่งที่เปลี่ยนจากครั้งที่ {history.latestDiff.from} เป็นครั้งที่ {history.latestDiff.to}
          </h3>
          <DiffBody diff={history.latestDiff} />
        </div>
      )}
    </section>
  );
}
