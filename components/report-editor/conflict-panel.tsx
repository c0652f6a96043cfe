"use client";

import { diffContent, HEADER_LABEL, type ReportContent, type ReportHeader } from "@/server/domain/report-content";
import { ContentSummary } from "./content-summary";
import { primaryButton, secondaryButton } from "./fields";
import type { Conflict } from "./use-autosave";

/** Someone saved first: both versions side by side, and the preparer chooses. */
export function ConflictPanel({
  conflict,
  mine,
  onAdoptLatest,
  onOverwrite,
}: {
  conflict: Conflict;
  mine: ReportContent;
  onAdoptLatest: () => void;
  onOverwrite: () => void;
}) {
  return (
    <section id="conflict-panel" data-testid="conflict-panel" role="alert" className="scroll-mt-24 space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
      <h2 className="text-lg font-semibold text-amber-900">มีการบันทึกซ้อนกัน</h2>
      <p className="text-amber-900">{conflict.message}</p>
      <Differences latest={conflict.content} mine={mine} />
      <div className="grid gap-3 md:grid-cols-2">
        <div className="rounded-md border border-slate-200 bg-white p-3">
          <h3 className="mb-2 font-semibold">ฉบับล่าสุดในระบบ</h3>
          <div className="max-h-96 overflow-y-auto">
            <ContentSummary content={conflict.content} />
          </div>
        </div>
        <div className="rounded-md border border-slate-200 bg-white p-3">
          <h3 className="mb-2 font-semibold">ฉบับของคุณ (ยังไม่ได้บันทึก)</h3>
          <div className="max-h-96 overflow-y-auto">
            <ContentSummary content={mine} />
          </div>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButton} onClick={onAdoptLatest}>
          ใช้ฉบับล่าสุด
        </button>
        <button
          type="button"
          className={`${secondaryButton} border-amber-500 font-semibold`}
          onClick={() => {
            if (window.confirm("บันทึกฉบับของคุณทับฉบับล่าสุด? การแก้ไขของผู้อื่นที่ไม่อยู่ในฉบับของคุณจะหายไป")) onOverwrite();
          }}
        >
          บันทึกฉบับของฉันทับ
        </button>
      </div>
    </section>
  );
}

/** What differs, in words, so the preparer need not compare the two outlines line by line. */
function Differences({ latest, mine }: { latest: ReportContent; mine: ReportContent }) {
  const diff = diffContent(latest, mine);
  const lines = [
    ...diff.headerFields.map((field) => `บันทึกข้อความ: ${HEADER_LABEL[field as keyof ReportHeader] ?? field} ต่างกัน`),
    ...diff.issuesAdded.map((title) => `ประเด็นที่มีเฉพาะในฉบับของคุณ: ${title || "(ไม่มีชื่อ)"}`),
    ...diff.issuesRemoved.map((title) => `ประเด็นที่มีเฉพาะในฉบับล่าสุด: ${title || "(ไม่มีชื่อ)"}`),
    ...diff.issuesRenamed.map(({ from, to }) => `ชื่อประเด็น: ฉบับล่าสุด "${from}" · ฉบับของคุณ "${to}"`),
    ...diff.measures.map((change) => {
      const title = change.title || "(มาตรการไม่มีชื่อ)";
      if (change.change === "added") return `มาตรการที่มีเฉพาะในฉบับของคุณ: ${title}`;
      if (change.change === "removed") return `มาตรการที่มีเฉพาะในฉบับล่าสุด: ${title}`;
      return `มาตรการ "${title}" ต่างกันที่ ${change.fields.join(", ")}`;
    }),
  ];
  if (lines.length === 0) return <p className="text-sm text-slate-700">เนื้อหาทั้งสองฉบับตรงกัน</p>;
  return (
    <div className="text-sm">
      <p className="font-semibold">ความแตกต่าง</p>
      <ul className="ml-5 list-disc">
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
