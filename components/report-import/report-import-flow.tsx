"use client";

// Importing last year's report: a file or pasted text → the importer's reading beside the source
// (flags marked in both, a click on a flag scrolls the source to it) → a fiscal year → a draft,
// after a confirmation when the year already has one → the draft's edit page. The source stays in
// the browser and is sent again to make the draft: the server reads it afresh.
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { readFile } from "@/components/admin/import-panel";
import { useTRPC } from "@/components/trpc-provider";
import { ReportStatusBadge } from "@/components/ui/badges";
import type { FlagCode, ImportFlag } from "@/server/domain/report-import/types";
import { ParsedPane } from "./parsed-pane";
import { SourcePane } from "./source-pane";

type Source = { kind: "file"; fileName: string; contentBase64: string } | { kind: "text"; text: string };

const FLAG_LABEL: Record<FlagCode, string> = {
  ORGANIZATION_NAME_VARIANT: "ชื่อหน่วยงานสะกดต่างกัน",
  FOREIGN_SCRIPT: "อักษรภาษาอื่นปน",
  UNREADABLE_CHARACTER: "อักขระอ่านไม่ออก",
  MISSPELLING: "อาจสะกดผิด",
  PERIOD_OUTSIDE_YEAR: "ระยะเวลานอกปีงบประมาณ",
  PERIOD_UNREADABLE: "อ่านระยะเวลาไม่ได้",
  LEVEL_RULE_MISMATCH: "ระดับไม่ตรงเกณฑ์ของปี",
  ISSUE_NUMBER_DUPLICATE: "เลขประเด็นซ้ำ",
  ISSUE_NUMBER_MISSING: "เลขประเด็นขาดหาย",
  LIST_SPLIT_GUESSED: "แบ่งรายการโดยการเดา",
  ROW_INCOMPLETE: "แถวตารางไม่ครบ",
};

const FORMAT_LABEL = { text: "ข้อความ", html: "หน้าเว็บ", docx: "Word", pdf: "PDF" } as const;
const MAX_MB = 5;

const button = "rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-50";

export function ReportImportFlow({ organizationId, organizationName, initialYearBe }: { organizationId: string; organizationName: string; initialYearBe: number | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState("");
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [activeLine, setActiveLine] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  const preview = useMutation(trpc.reportImport.preview.mutationOptions());
  const createDraft = useMutation(
    trpc.reportImport.createDraft.mutationOptions({
      onSuccess: ({ id }) => router.push(`/reports/${id}/edit`),
      // A draft of the year exists: ask, then send again replacing it.
      onError: (error, variables) =>
        setConfirming(error instanceof TRPCClientError && error.data?.code === "CONFLICT" && !variables.replaceDraft ? error.message : null),
    }),
  );

  function read(next: Source) {
    setSource(next);
    setChosenYear(null);
    setActiveLine(null);
    setConfirming(null);
    createDraft.reset();
    preview.mutate({ organizationId, source: next });
  }

  async function chooseFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    setReadError(null);
    if (!file) return;
    if (file.size > MAX_MB * 1024 * 1024) {
      setReadError(`ไฟล์ใหญ่เกิน ${MAX_MB} MB: รายงานหนึ่งฉบับไม่ควรใหญ่เท่านี้`);
      return;
    }
    read({ kind: "file", ...(await readFile(file)) });
  }

  const data = preview.data;
  const lines = useMemo(() => data?.sourceText.split(/\r\n|\r|\n/) ?? [], [data]);
  const flagsByLine = useMemo(() => {
    const map = new Map<number, ImportFlag[]>();
    for (const flag of data?.report.flags ?? []) map.set(flag.line, [...(map.get(flag.line) ?? []), flag]);
    return map;
  }, [data]);
  const unplacedLines = useMemo(() => new Set(data?.report.unplaced.map((item) => item.line) ?? []), [data]);

  const goToLine = useCallback((line: number) => {
    setActiveLine(line);
    document.getElementById(`source-line-${line}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  const selectable = (year: NonNullable<typeof data>["years"][number]) => year.isOpen && (!year.report || year.report.status === "DRAFT");
  const defaultYear =
    data &&
    ([initialYearBe, data.suggestedYearBe].map((yearBe) => data.years.find((year) => year.yearBe === yearBe)).find((year) => year && selectable(year)) ??
      data.years.find((year) => selectable(year) && !year.report) ??
      data.years.find(selectable));
  const yearBe = chosenYear ?? defaultYear?.yearBe ?? null;
  const measures = data?.report.issues.reduce((sum, issue) => sum + issue.measures.length, 0) ?? 0;

  function create(replaceDraft: boolean) {
    if (!source || yearBe === null) return;
    createDraft.mutate({ organizationId, source, yearBe, replaceDraft });
  }

  return (
    <div data-testid="report-import">
      <section className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-semibold">1. เลือกรายงานฉบับเดิม</h2>
        <p className="mb-3 text-sm text-slate-600">
          ไฟล์ Word (.docx), PDF ที่มีชั้นข้อความ, ไฟล์ข้อความ (.txt) จาก OCR หรือวางข้อความที่คัดลอกจากโปรแกรมอ่าน PDF (ไม่เกิน {MAX_MB} MB) ระบบจะแสดงสิ่งที่อ่านได้ให้ตรวจก่อน
          ยังไม่บันทึกอะไรจนกว่าจะกดสร้างฉบับร่าง
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <label className="block text-sm">
            <span className="mb-1 block font-medium">อัปโหลดไฟล์</span>
            <input
              type="file"
              accept=".txt,.docx,.pdf,.html,.htm,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={chooseFile}
              disabled={preview.isPending}
              data-testid="import-file"
              className="text-sm"
            />
          </label>
          <div className="text-sm">
            <label htmlFor="import-paste" className="mb-1 block font-medium">
              หรือวางข้อความ
            </label>
            <textarea
              id="import-paste"
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              rows={3}
              className="w-full rounded border border-slate-300 px-2 py-1"
              placeholder="วางข้อความของบันทึกข้อความและตารางรายงานผลที่นี่"
            />
            <button
              type="button"
              className={`${button} mt-1 border border-teal-700 text-teal-800 hover:bg-teal-50`}
              disabled={preview.isPending || !pasted.trim()}
              onClick={() => read({ kind: "text", text: pasted })}
            >
              อ่านข้อความที่วาง
            </button>
          </div>
        </div>
        {preview.isPending && <p className="mt-2 text-sm text-slate-500">กำลังอ่านรายงาน…</p>}
        {(readError ?? preview.error?.message) && (
          <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert" data-testid="import-error">
            {readError ?? preview.error?.message}
          </p>
        )}
      </section>

      {data && (
        <>
          <section className="mb-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-summary">
            <h2 className="mb-1 font-semibold">2. ตรวจสิ่งที่อ่านได้</h2>
            <p className="text-sm text-slate-700">
              อ่านจาก{FORMAT_LABEL[data.format]}
              {source?.kind === "file" ? ` “${source.fileName}”` : ""}: {data.report.organization.name ?? "ไม่พบชื่อหน่วยงาน"} ปีงบประมาณ{" "}
              {data.report.fiscalYearBe ?? "ไม่ระบุ"} · {data.report.issues.length} ประเด็น {measures} มาตรการ ·{" "}
              <span className={data.report.flags.length ? "font-semibold text-red-700" : ""}>{data.report.flags.length} จุดที่ควรตรวจ</span> ·{" "}
              {data.report.unplaced.length} ข้อความที่ไม่ได้จัดลงช่อง
            </p>
            {data.report.organization.name && !data.report.organization.name.includes(organizationName.replace(/^องค์การบริหารส่วนตำบล|^เทศบาล(ตำบล|เมือง|นคร)/, "")) && (
              <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="import-other-organization">
                เอกสารนี้ระบุหน่วยงาน “{data.report.organization.name}” ไม่ใช่ {organizationName}: ตรวจให้แน่ใจว่าเลือกไฟล์ถูก
              </p>
            )}
            <div className="mt-3 grid gap-3 md:grid-cols-2">
              <div data-testid="import-flags">
                <h3 className="mb-1 text-sm font-semibold text-red-800">จุดที่ควรตรวจ (ระบบไม่แก้ให้: แก้ในฉบับร่างหรือในไฟล์)</h3>
                {data.report.flags.length === 0 ? (
                  <p className="text-sm text-slate-500">ไม่มี</p>
                ) : (
                  <ul className="max-h-56 space-y-1 overflow-auto text-sm">
                    {data.report.flags.map((flag, index) => (
                      <li key={index}>
                        <button
                          type="button"
                          onClick={() => goToLine(flag.line)}
                          className="w-full rounded px-2 py-1 text-left hover:bg-red-50"
                          data-testid="import-flag"
                          data-line={flag.line}
                        >
                          <span className="mr-1 rounded bg-red-100 px-1 text-xs font-semibold text-red-800">{FLAG_LABEL[flag.code]}</span>
                          <span className="text-xs text-slate-500">บรรทัด {flag.line}</span> {flag.message}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div data-testid="import-unplaced">
                <h3 className="mb-1 text-sm font-semibold text-sky-800">ข้อความที่ไม่ได้จัดลงช่องใด (จะไม่อยู่ในฉบับร่าง)</h3>
                {data.report.unplaced.length === 0 ? (
                  <p className="text-sm text-slate-500">ไม่มี</p>
                ) : (
                  <ul className="max-h-56 space-y-1 overflow-auto text-sm">
                    {data.report.unplaced.map((item, index) => (
                      <li key={index}>
                        <button type="button" onClick={() => goToLine(item.line)} className="w-full rounded px-2 py-1 text-left hover:bg-sky-50">
                          <span className="text-xs text-slate-500">บรรทัด {item.line} · {item.reason}:</span> {item.text}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </section>

          <div className="mb-4 grid gap-4 lg:grid-cols-2" data-testid="import-preview">
            <section className="rounded-lg border border-slate-200 bg-white">
              <h3 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">ต้นฉบับที่อ่านได้</h3>
              <div className="h-[70vh] overflow-auto py-2">
                <SourcePane lines={lines} flagsByLine={flagsByLine} unplacedLines={unplacedLines} activeLine={activeLine} />
              </div>
            </section>
            <section className="rounded-lg border border-slate-200 bg-white">
              <h3 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">สิ่งที่ระบบอ่านได้</h3>
              <div className="h-[70vh] overflow-auto px-3 py-2">
                <ParsedPane report={data.report} goToLine={goToLine} />
              </div>
            </section>
          </div>

          <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-create">
            <h2 className="mb-1 font-semibold">3. เลือกปีงบประมาณแล้วสร้างฉบับร่าง</h2>
            <p className="mb-2 text-sm text-slate-600">
              ฉบับร่างจะมีบันทึกข้อความ ประเด็นและมาตรการตามที่อ่านได้ แก้ไขต่อได้ในหน้าแก้ไขรายงาน
              {data.suggestedYearBe && ` (เอกสารนี้เป็นรายงานปีงบประมาณ ${data.suggestedYearBe})`}
            </p>
            <fieldset>
              <legend className="sr-only">ปีงบประมาณของฉบับร่าง</legend>
              <ul className="space-y-1 text-sm">
                {data.years.map((year) => (
                  <li key={year.yearBe}>
                    <label className={`flex items-center gap-2 ${selectable(year) ? "" : "text-slate-400"}`}>
                      <input
                        type="radio"
                        name="import-year"
                        value={year.yearBe}
                        checked={yearBe === year.yearBe}
                        disabled={!selectable(year)}
                        onChange={() => {
                          setChosenYear(year.yearBe);
                          setConfirming(null);
                          createDraft.reset();
                        }}
                        data-testid={`import-year-${year.yearBe}`}
                      />
                      <span className="font-semibold">{year.yearBe}</span>
                      {year.report ? <ReportStatusBadge status={year.report.status} /> : <span className="text-xs">ยังไม่มีรายงาน</span>}
                      {!year.isOpen && <span className="text-xs">ปิดรับรายงานแล้ว</span>}
                      {year.isOpen && year.report && year.report.status !== "DRAFT" && <span className="text-xs">นำเข้าทับไม่ได้</span>}
                      {year.isOpen && year.report?.status === "DRAFT" && <span className="text-xs text-amber-800">จะถามก่อนแทนที่ฉบับร่างเดิม</span>}
                      {year.yearBe === data.suggestedYearBe && <span className="text-xs text-teal-700">ตรงกับปีในเอกสาร</span>}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            {yearBe !== null && data.suggestedYearBe !== null && yearBe !== data.suggestedYearBe && (
              <p className="mt-2 text-sm text-amber-800">
                ระยะเวลาดำเนินการของมาตรการจะคงตามที่อ่านได้ (ปีงบประมาณ {data.suggestedYearBe}) ปรับได้ในหน้าแก้ไข
              </p>
            )}
            {yearBe === null && <p className="mt-2 text-sm text-red-700">ไม่มีปีงบประมาณที่เปิดรับรายงานและสร้างฉบับร่างได้</p>}
            <button
              type="button"
              className={`${button} mt-3 bg-teal-700 text-white hover:bg-teal-800`}
              disabled={yearBe === null || createDraft.isPending}
              onClick={() => create(false)}
              data-testid="import-create-draft"
            >
              {createDraft.isPending ? "กำลังสร้างฉบับร่าง…" : `สร้างฉบับร่างปีงบประมาณ ${yearBe ?? ""}`}
            </button>
            {createDraft.error && !confirming && (
              <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
                {createDraft.error.message}
              </p>
            )}
          </section>
        </>
      )}

      {confirming && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
          <div role="dialog" aria-modal="true" aria-labelledby="import-confirm-title" className="max-w-md rounded-lg bg-white p-5 shadow-xl" data-testid="import-confirm">
            <h2 id="import-confirm-title" className="mb-2 font-semibold">
              แทนที่ฉบับร่างเดิม?
            </h2>
            <p className="mb-4 text-sm text-slate-700">{confirming}</p>
            <p className="mb-4 text-sm text-slate-600">เนื้อหาเดิมของฉบับร่าง (ประเด็น มาตรการ และหลักฐาน) จะถูกแทนที่ทั้งหมด</p>
            <div className="flex justify-end gap-2">
              <button
                type="button"
                className={`${button} border border-slate-300 hover:bg-slate-50`}
                onClick={() => {
                  setConfirming(null);
                  createDraft.reset();
                }}
              >
                ยกเลิก
              </button>
              <button type="button" className={`${button} bg-red-700 text-white hover:bg-red-800`} disabled={createDraft.isPending} onClick={() => create(true)}>
                แทนที่ฉบับร่างเดิม
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
