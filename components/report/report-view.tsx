// The read-only report as reviewers and signers see it: the memo, the ITA results, each issue's
// measures with their results (☑/☐), and the remarks made on them.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { SignOffStep } from "@/server/db/generated/enums";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { formatScore, formatThaiDate, formatThaiDateTime } from "@/server/domain/thai-format";
import { OriginBadge, ResultLevel, UnconfirmedScoreMark } from "@/components/ui/badges";
import { CommentBox } from "./comment-box";

export type ReportData = inferRouterOutputs<AppRouter>["report"]["get"];
type Comment = ReportData["comments"][number];

const day = (iso: string) => formatThaiDate(new Date(`${iso}T00:00:00Z`));

function Comments({ comments }: { comments: Comment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1">
      {comments.map((comment) => (
        <li key={comment.id} id={`comment-${comment.id}`} data-testid="review-comment" className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          <span className="font-semibold">{comment.authorName}</span> · {formatThaiDateTime(comment.createdAt)} (ส่งครั้งที่ {comment.revision}): {comment.body}
          {comment.addressedAt && (
            <span className="ml-1 font-semibold text-emerald-800" data-testid="comment-addressed">
              ✓ ผู้จัดทำแก้ไขแล้ว ({comment.addressedByName} · {formatThaiDateTime(comment.addressedAt)})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MemoView({ report }: { report: ReportData }) {
  const { header } = report.content;
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex gap-2">
      <span className="w-24 shrink-0 font-semibold">{label}</span>
      <span>{value}</span>
    </div>
  );
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="memo">
      <h2 className="mb-3 text-center text-lg font-bold">บันทึกข้อความ</h2>
      {row("ส่วนราชการ", [header.issuingSection, header.issuingPhone && `โทร ${header.issuingPhone}`].filter(Boolean).join(" "))}
      {row("ที่", `${header.documentCode || "…"}/${header.documentNumber || "-"}`)}
      {row("วันที่", header.memoDate ? day(header.memoDate) : "—")}
      {row("เรื่อง", header.subject)}
      {row("เรียน", header.addressee)}
      {header.body && <p className="mt-3 whitespace-pre-line leading-relaxed">{header.body}</p>}
      {report.preparerName && (
        <p className="mt-3 text-right">
          ({report.preparerName}) {report.preparerPosition}
        </p>
      )}
    </section>
  );
}

export function ItaResultsView({ report }: { report: ReportData }) {
  if (report.itaResults.length === 0) return null;
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="mb-2 font-semibold">ผลการประเมิน ITA</h2>
      <ul className="space-y-1">
        {[...report.itaResults]
          .sort((a, b) => a.yearBe - b.yearBe)
          .map((result) => (
            <li key={result.yearBe}>
              ปีงบประมาณ {result.yearBe}: <span className="font-semibold tabular-nums">{formatScore(result.total)}</span>{" "}
              <ResultLevel level={result.level} basis={result.levelBasis} derived={result.derivedLevel} mismatch={result.levelMismatch} />
              {result.iit !== null && ` · IIT ${formatScore(result.iit)}`}
              {result.eit !== null && ` · EIT ${formatScore(result.eit)}`}
              {result.oit !== null && ` · OIT ${formatScore(result.oit)}`}
              <OriginBadge origin={result.origin} />
              <UnconfirmedScoreMark unconfirmed={result.unconfirmed} />
            </li>
          ))}
      </ul>
    </section>
  );
}

export function IssuesView({ report }: { report: ReportData }) {
  const canComment = report.actions.includes("comment");
  const commentsOn = (predicate: (comment: Comment) => boolean) => report.comments.filter((c) => c.kind === "COMMENT" && predicate(c));
  return (
    <section className="mb-6 space-y-4">
      {report.content.issues.map((issue, issueIndex) => (
        <article key={issue.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="issue-view">
          <h3 className="font-semibold">
            ประเด็นที่ {issueIndex + 1} {issue.title}
            {issue.indicatorNumbers.length > 0 && (
              <span className="ml-2 text-xs font-normal text-slate-500">ตัวชี้วัดที่ {issue.indicatorNumbers.join(", ")}</span>
            )}
          </h3>
          <Comments comments={commentsOn((c) => c.issueId === issue.id && !c.measureId)} />
          {canComment && <CommentBox reportId={report.id} issueId={issue.id} />}
          {issue.measures.map((measure) => (
            <div key={measure.id} className="mt-3 border-t border-slate-100 pt-3 text-sm" data-testid="measure-view">
              <p className="whitespace-pre-line font-semibold">{measure.title || "(ยังไม่มีชื่อมาตรการ)"}</p>
              <dl className="mt-2 grid gap-2 sm:grid-cols-2">
                <div>
                  <dt className="text-slate-500">ขั้นตอน/วิธีปฏิบัติ</dt>
                  <dd>
                    <ol className="list-decimal pl-5">{measure.steps.map((step, i) => <li key={i}>{step}</li>)}</ol>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">ระยะเวลาดำเนินการ</dt>
                  <dd>
                    {day(measure.periodStart)} – {day(measure.periodEnd)}
                  </dd>
                  <dt className="mt-1 text-slate-500">ผู้รับผิดชอบ</dt>
                  <dd>{measure.responsibleUnits.join(" / ") || "—"}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">ผลการดำเนินการ</dt>
                  <dd>
                    <ul>
                      {measure.resultItems.map((item, i) => (
                        <li key={i}>
                          <span aria-label={item.checked ? "ดำเนินการแล้ว" : "ยังไม่ได้ดำเนินการ"}>{item.checked ? "☑" : "☐"}</span> {item.text}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">ผลลัพธ์/ความสำเร็จ</dt>
                  <dd>
                    <ol className="list-decimal pl-5">{measure.outcomes.map((outcome, i) => <li key={i}>{outcome}</li>)}</ol>
                  </dd>
                  {measure.evidenceLinks.length > 0 && (
                    <>
                      <dt className="mt-1 text-slate-500">หลักฐาน</dt>
                      <dd>
                        {measure.evidenceLinks.map((link, i) => (
                          <a key={i} href={link.url} rel="noopener noreferrer nofollow" target="_blank" className="mr-2 text-teal-800 underline">
                            {link.label || link.url}
                          </a>
                        ))}
                      </dd>
                    </>
                  )}
                </div>
              </dl>
              <Comments comments={commentsOn((c) => c.measureId === measure.id)} />
              {canComment && <CommentBox reportId={report.id} measureId={measure.id} />}
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}

function signOffDecisionText(signOff: { decision: ReportData["signOffs"][number]["decision"]; movedTo: SignOffStep | null }): string {
  switch (signOff.decision) {
    case "ENDORSED":
      return "เห็นชอบ";
    case "SENT_BACK":
      return "ส่งกลับ";
    case "WITHDRAWN":
      return "ผู้จัดทำถอนเรื่อง";
    case "REROUTED":
      return signOff.movedTo ? `ผู้ดูแลระบบย้ายไปรอความเห็นของ${SIGN_OFF_STEP_LABEL[signOff.movedTo]}` : "ผู้ดูแลระบบส่งกลับผู้จัดทำ";
  }
}

export function SignOffsView({ report }: { report: ReportData }) {
  if (report.signOffs.length === 0) return null;
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="sign-offs">
      <h2 className="mb-2 font-semibold">ความเห็นตามลำดับชั้น</h2>
      <ol className="space-y-2">
        {report.signOffs.map((signOff) => (
          <li key={signOff.id} data-testid={`sign-off-${signOff.decision}`}>
            <span className="font-semibold">
              {signOff.decision === "ENDORSED" || signOff.decision === "SENT_BACK" ? "ความเห็น" : "ขั้น"}
              {SIGN_OFF_STEP_LABEL[signOff.step]}
            </span>{" "}
            (รอบที่ {signOff.round}) · {signOffDecisionText(signOff)}
            {signOff.comment && <> — {signOff.comment}</>}
            <div className="text-slate-600">
              {signOff.signerName} {signOff.signerPosition}
              {signOff.actingPosition && ` ${signOff.actingPosition}`} · {formatThaiDateTime(signOff.signedAt)}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

const DECISION_LABEL = { RETURN: "ส่งกลับให้แก้ไข", ACCEPT: "รับรายงาน", REOPEN: "เปิดให้แก้ไขอีกครั้ง", DISTRICT_ENDORSE: "อำเภอเห็นชอบ" } as const;

export function ReviewDecisionsView({ report }: { report: ReportData }) {
  const decisions = report.comments.filter((comment) => comment.kind !== "COMMENT");
  const general = report.comments.filter((comment) => comment.kind === "COMMENT" && !comment.issueId && !comment.measureId);
  if (decisions.length === 0 && general.length === 0) return null;
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="review-decisions">
      <h2 className="mb-2 font-semibold">ผลการตรวจของอำเภอและจังหวัด</h2>
      <ul className="space-y-1">
        {[...decisions, ...general].map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} className="scroll-mt-4 target:bg-amber-100">
            <span className="font-semibold">{comment.kind === "COMMENT" ? "ความเห็น" : DECISION_LABEL[comment.kind]}</span> ·{" "}
            {comment.authorName} · {formatThaiDateTime(comment.createdAt)}: {comment.body}
            {comment.addressedAt && <span className="ml-1 font-semibold text-emerald-800">✓ ผู้จัดทำแก้ไขแล้ว ({comment.addressedByName})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
