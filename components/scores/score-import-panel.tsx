"use client";

// Upload → preview → confirm for the ITA score import. The file stays in the browser between the
// dry run and the confirmation and is sent again to be applied: the server plans it afresh in the
// transaction that writes it.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage, primaryButton, secondaryButton } from "@/components/report-editor/fields";
import { formatScore } from "@/server/domain/thai-format";

type FileInput = { fileName: string; contentBase64: string };

async function readFile(file: File): Promise<FileInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

const cell = "px-2 py-1 align-top";

export function ScoreImportPanel() {
  const trpc = useTRPC();
  const run = useMutation(trpc.scores.import.mutationOptions());
  const [file, setFile] = useState<FileInput | null>(null);
  const [yearBe, setYearBe] = useState<number | null>(null);
  const result = run.data;

  const send = (input: FileInput, apply: boolean) => run.mutate({ ...input, apply, yearBe });

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="score-import">
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <label>
          ปีงบประมาณ (สำหรับแถวที่ไม่ระบุปี){" "}
          <input
            type="number"
            min={2500}
            max={2700}
            placeholder="ตามที่ระบุในไฟล์"
            className="w-40 rounded border border-slate-300 px-2 py-1"
            value={yearBe ?? ""}
            onChange={(event) => setYearBe(event.target.value ? Number(event.target.value) : null)}
          />
        </label>
        {/* The browser's own file button speaks the browser's language: ours speaks Thai. */}
        <label className={`${secondaryButton} cursor-pointer focus-within:ring-2 focus-within:ring-teal-600`}>
          เลือกไฟล์ (.csv หรือ .xlsx)
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            className="sr-only"
            data-testid="score-import-file"
            disabled={run.isPending}
            onChange={async (event) => {
              const chosen = event.target.files?.[0];
              if (!chosen) return;
              const read = await readFile(chosen);
              setFile(read);
              send(read, false);
            }}
          />
        </label>
        <span className="self-center text-slate-600" data-testid="score-import-file-name">
          {file ? file.fileName : "ยังไม่ได้เลือกไฟล์"}
        </span>
      </div>
      {run.isPending && <p className="mt-2 text-sm text-slate-500">กำลังตรวจไฟล์…</p>}
      {run.error && (
        <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {errorMessage(run.error)}
        </p>
      )}
      {result && (
        <div className="mt-4 space-y-4 text-sm" data-testid="score-import-result">
          <p className="font-semibold" data-testid="score-import-status">
            {result.applied ? `นำเข้าแล้ว บันทึก ${result.written} แถว` : "ผลการตรวจ (ยังไม่บันทึก)"}: {result.counts.rows} แถว · ตรงกับหน่วยงาน {result.counts.matched} (ใหม่{" "}
            {result.counts.new} · ต่างจากที่บันทึกไว้ {result.counts.conflicts} · ยืนยันคะแนนที่หน่วยงานรายงาน {result.counts.confirms} · ไม่เปลี่ยน {result.counts.unchanged}) · ไม่พบหน่วยงาน{" "}
            {result.counts.unmatched} · ซ้ำ {result.counts.duplicates} · ไม่ถูกต้อง {result.counts.invalid}
          </p>
          {!result.applied && file && (
            <div className="flex flex-wrap items-center gap-2">
              <button type="button" className={primaryButton} disabled={run.isPending} onClick={() => send(file, true)} data-testid="score-import-apply">
                ยืนยันนำเข้า {result.counts.new + result.counts.conflicts + result.counts.confirms} แถว
              </button>
              <span className="text-slate-600">แถวที่ต่างจากที่บันทึกไว้จะถูกแทนด้วยค่าในไฟล์ และทุกการเปลี่ยนแปลงถูกบันทึกในประวัติของคะแนน</span>
            </div>
          )}
          <Table
            title="ต่างจากที่บันทึกไว้"
            testId="score-import-conflicts"
            headers={["แถว", "หน่วยงาน", "ปี", "ที่บันทึกไว้", "ในไฟล์"]}
            rows={result.conflictRows.map((row) => [row.line, row.nameTh, row.yearBe, `${formatScore(row.stored!.total)} ${row.stored!.announcedLevel ?? ""}`, `${formatScore(row.file.total)} ${row.file.announcedLevel ?? ""}`])}
          />
          <Table
            title="ไม่พบหน่วยงาน"
            testId="score-import-unmatched"
            headers={["แถว", "ในไฟล์", "เหตุผล", "ชื่อที่ใกล้เคียงในจังหวัด"]}
            rows={result.unmatchedRows.map((row) => [row.line, [row.dlaCode, row.name, row.district, row.province].filter(Boolean).join(" · "), row.reason, row.suggestions.map((s) => `${s.nameTh} (${s.district})`).join(", ") || "—"])}
          />
          <Table
            title="แถวที่ไม่ถูกต้อง"
            testId="score-import-invalid"
            headers={["แถว", "คอลัมน์", "เหตุผล"]}
            rows={result.invalidRows.map((row) => [row.line, row.column, row.reason])}
          />
          <Table
            title="ใหม่"
            testId="score-import-new"
            headers={["แถว", "หน่วยงาน", "ปี", "คะแนน", "ระดับที่ประกาศ"]}
            rows={result.newRows.map((row) => [row.line, row.nameTh, row.yearBe, formatScore(row.file.total), row.file.announcedLevel ?? "—"])}
          />
        </div>
      )}
    </section>
  );
}

function Table({ title, headers, rows, testId }: { title: string; headers: string[]; rows: (string | number)[][]; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3 className="mb-1 font-semibold">
        {title} ({rows.length})
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <thead className="bg-slate-50">
            <tr>
              {headers.map((header) => (
                <th key={header} className={cell}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} className="border-t border-slate-100">
                {row.map((value, column) => (
                  <td key={column} className={cell}>
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
