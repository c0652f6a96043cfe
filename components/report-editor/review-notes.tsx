"use client";

// A returned report's remarks where the preparer cannot miss them: at the top of the editor the
// return's reason and every open remark of the reviewers (each with where it concerns and a link
// to it), and each remark again beside the issue or measure it is about. The preparer marks each
// one addressed (stored and audited; the reviewer sees it) or open again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage } from "@/components/report-editor/fields";
import { formatThaiDateTime } from "@/server/domain/thai-format";
import type { EditorReport } from "./types";

type Comment = EditorReport["comments"][number];

const ReviewNotesContext = createContext<{ reportId: string; comments: Comment[] } | null>(null);

export function ReviewNotesProvider({ report, children }: { report: EditorReport; children: React.ReactNode }) {
  return <ReviewNotesContext.Provider value={{ reportId: report.id, comments: report.comments }}>{children}</ReviewNotesContext.Provider>;
}

function AddressedToggle({ reportId, comment }: { reportId: string; comment: Comment }) {
  const trpc = useTRPC();
  const router = useRouter();
  // The box follows the click at once; the page's data (who, when) follows the server.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const mark = useMutation(trpc.report.markAddressed.mutationOptions({ onSuccess: () => router.refresh(), onError: () => setChosen(null) }));
  const addressed = chosen ?? comment.addressedAt !== null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <label className="inline-flex items-center gap-1 font-semibold">
        <input
          type="checkbox"
          checked={addressed}
          disabled={mark.isPending}
          onChange={(event) => {
            setChosen(event.target.checked);
            mark.mutate({ reportId, commentId: comment.id, addressed: event.target.checked });
          }}
        />
        แก้ไขแล้ว
      </label>
      {comment.addressedAt !== null && (
        <span className="text-xs text-slate-600">
          ({comment.addressedByName} · {formatThaiDateTime(comment.addressedAt)})
        </span>
      )}
      {mark.error && <span className="text-red-700">{errorMessage(mark.error)}</span>}
    </span>
  );
}

function NoteLine({ reportId, comment, where }: { reportId: string; comment: Comment; where?: React.ReactNode }) {
  const addressed = comment.addressedAt !== null;
  return (
    <li
      data-testid="review-note"
      data-addressed={addressed}
      className={`rounded-md border px-3 py-2 text-sm ${addressed ? "border-slate-200 bg-slate-50 text-slate-600" : "border-amber-300 bg-amber-50 text-amber-950"}`}
    >
      {where && <div className="mb-0.5 text-xs font-semibold text-slate-700">{where}</div>}
      <p>
        <span className="font-semibold">{comment.authorName}</span> · {formatThaiDateTime(comment.createdAt)} (ส่งครั้งที่ {comment.revision}): {comment.body}
      </p>
      <div className="mt-1">
        <AddressedToggle reportId={reportId} comment={comment} />
      </div>
    </li>
  );
}

/** The remarks on one issue (without a measure) or one measure, beside it in the editor. */
export function ReviewNotesBeside({ issueId, measureId }: { issueId?: string; measureId?: string }) {
  const context = useContext(ReviewNotesContext);
  if (!context) return null;
  const comments = context.comments.filter(
    (comment) => comment.kind === "COMMENT" && (measureId ? comment.measureId === measureId : comment.issueId === issueId && !comment.measureId),
  );
  if (comments.length === 0) return null;
  return (
    <ul className="space-y-1" data-testid="review-notes-beside" aria-label="ความเห็นของผู้ตรวจ">
      {comments.map((comment) => (
        <NoteLine key={comment.id} reportId={context.reportId} comment={comment} />
      ))}
    </ul>
  );
}

/**
 * At the top of the editor: why the report came back (the latest return) and every remark still
 * open, each with where it concerns; those marked addressed are counted below.
 */
export function ReturnSummary({ report, issues }: { report: EditorReport; issues: EditorReport["content"]["issues"] }) {
  const returns = report.comments.filter((comment) => comment.kind === "RETURN");
  const latestReturn = report.status === "RETURNED" ? returns.at(-1) : undefined;
  const remarks = report.comments.filter((comment) => comment.kind === "COMMENT");
  const open = remarks.filter((comment) => comment.addressedAt === null);
  if (!latestReturn && open.length === 0) return null;
  const where = (comment: Comment) => {
    const issueIndex = issues.findIndex((issue) => issue.id === comment.issueId || issue.measures.some((measure) => measure.id === comment.measureId));
    const issue = issues[issueIndex];
    if (comment.measureId) {
      const measureIndex = issue?.measures.findIndex((measure) => measure.id === comment.measureId) ?? -1;
      if (issue && measureIndex >= 0) {
        const measure = issue.measures[measureIndex]!;
        return (
          <a href={`#measure-${measure.id}`} className="text-teal-800 underline">
            มาตรการที่ {issueIndex + 1}.{measureIndex + 1} {measure.title}
          </a>
        );
      }
      return "มาตรการที่ถูกลบไปแล้ว";
    }
    if (comment.issueId) {
      return issue ? (
        <a href={`#issue-${issue.id}`} className="text-teal-800 underline">
          ประเด็นที่ {issueIndex + 1} {issue.title}
        </a>
      ) : (
        "ประเด็นที่ถูกลบไปแล้ว"
      );
    }
    return "ทั้งรายงาน";
  };
  return (
    <section className="rounded-lg border-2 border-orange-400 bg-orange-50 p-4" data-testid="return-summary" role="region" aria-label="สิ่งที่จังหวัดขอให้แก้ไข">
      <h2 className="text-lg font-semibold text-orange-900">{latestReturn ? "จังหวัดส่งรายงานกลับให้แก้ไข" : "ความเห็นของผู้ตรวจที่ยังไม่ได้แก้ไข"}</h2>
      {latestReturn && (
        <p className="mt-1 text-sm" data-testid="return-reason">
          <span className="font-semibold">เหตุผล:</span> {latestReturn.body}
          <span className="text-slate-600">
            {" "}
            ({latestReturn.authorName} · {formatThaiDateTime(latestReturn.createdAt)})
          </span>
        </p>
      )}
      {open.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">ความเห็นที่ยังไม่ได้แก้ไข {open.length} รายการ</h3>
          <ul className="mt-1 space-y-1">
            {open.map((comment) => (
              <NoteLine key={comment.id} reportId={report.id} comment={comment} where={where(comment)} />
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2 text-sm text-emerald-800">แก้ไขครบทุกความเห็นแล้ว</p>
      )}
      {remarks.length > open.length && <p className="mt-2 text-xs text-slate-600">ทำเครื่องหมายแก้ไขแล้ว {remarks.length - open.length} รายการ (ดูได้ที่ประเด็นหรือมาตรการนั้น)</p>}
    </section>
  );
}
