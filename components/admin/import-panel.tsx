"use client";

import { useState } from "react";
import { formatInteger } from "@/server/domain/thai-format";

// Upload → preview → confirm, shared by the registry and account imports. The file stays in the
// browser between the dry run and the confirmation and is sent again to be applied: the server
// plans it afresh inside the transaction that writes it.

export type ImportFile = { fileName: string; contentBase64: string };
type Counts = { new: number; changed: number; unchanged: number; invalid: number };
type InvalidRow = { line: number; column: string; reason: string };
export type ImportOutcome = { applied: boolean; counts: Counts; invalidRows: InvalidRow[] };

export async function readFile(file: File): Promise<ImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

export function ImportPanel<Outcome extends ImportOutcome>({
  title,
  hint,
  run,
  details,
  testId,
}: {
  title: string;
  hint: React.ReactNode;
  run: (input: ImportFile & { apply: boolean }) => Promise<Outcome>;
  details: (outcome: Outcome) => React.ReactNode;
  testId: string;
}) {
  const [file, setFile] = useState<ImportFile | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(input: ImportFile, apply: boolean) {
    setPending(true);
    setError(null);
    try {
      setOutcome(await run({ ...input, apply }));
    } catch (caught) {
      setOutcome(null);
      setError(caught instanceof Error ? caught.message : "นำเข้าไม่สำเร็จ");
    } finally {
      setPending(false);
    }
  }

  async function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const read = await readFile(chosen);
    setFile(read);
    await send(read, false);
  }

  const counts = outcome?.counts;
  return (
    <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-1 text-lg font-semibold">{title}</h2>
      <div className="mb-3 text-sm text-slate-600">{hint}</div>
      <label className="text-sm">
        เลือกไฟล์ (.csv หรือ .xlsx){" "}
        <input type="file" accept=".csv,.xlsx,text/csv" onChange={choose} disabled={pending} data-testid={`${testId}-file`} className="text-sm" />
      </label>
      {pending && <p className="mt-2 text-sm text-slate-500">กำลังตรวจไฟล์…</p>}
      {error && (
        <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
      {outcome && counts && (
        <div className="mt-3" data-testid={`${testId}-result`}>
          <p className="font-semibold" data-testid={`${testId}-status`}>
            {outcome.applied ? "นำเข้าแล้ว" : "ผลการตรวจ (ยังไม่บันทึก)"}: ใหม่ {counts.new} · เปลี่ยนแปลง {counts.changed} · ไม่เปลี่ยน{" "}
            {counts.unchanged} · ไม่ถูกต้อง {counts.invalid}
          </p>
          {details(outcome)}
          {outcome.invalidRows.length > 0 && (
            <details open className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold text-red-800">แถวที่ไม่ถูกต้อง (จะไม่นำเข้า)</summary>
              <table className="mt-1 w-full text-sm" data-testid={`${testId}-invalid`}>
                <thead className="bg-slate-100 text-left">
                  <tr>
                    <th className="px-2 py-1">แถว</th>
                    <th className="px-2 py-1">คอลัมน์</th>
                    <th className="px-2 py-1">เหตุผล</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.invalidRows.map((row) => (
                    <tr key={`${row.line}-${row.column}`} className="border-t border-slate-100">
                      <td className="px-2 py-1">{row.line}</td>
                      <td className="px-2 py-1">{row.column}</td>
                      <td className="px-2 py-1">{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {!outcome.applied && file && (
            <div className="mt-3 flex gap-2">
              <button
                type="button"
                disabled={pending || counts.new + counts.changed === 0}
                onClick={() => send(file, true)}
                className="rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800 disabled:opacity-50"
              >
                ยืนยันนำเข้า {counts.new + counts.changed} รายการ
              </button>
              <button type="button" onClick={() => (setFile(null), setOutcome(null))} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
                ยกเลิก
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** A short list of what an import found (the first rows, with how many more). */
export function ImportRows<Row>({ title, rows, render, limit = 50 }: { title: string; rows: Row[]; render: (row: Row) => React.ReactNode; limit?: number }) {
  if (!rows.length) return null;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-semibold">
        {title} ({rows.length})
      </summary>
      <ul className="mt-1 list-disc pl-6 text-sm">
        {rows.slice(0, limit).map((row, index) => (
          <li key={index}>{render(row)}</li>
        ))}
        {rows.length > limit && <li className="list-none text-slate-500">และอีก {rows.length - limit} รายการ</li>}
      </ul>
    </details>
  );
}

/** Previous/next page links for a server-paged list. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="mt-2 flex items-center gap-3 text-sm">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)} className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40">
        ก่อนหน้า
      </button>
      <span data-testid="pager-status">
        หน้า {formatInteger(page)} / {formatInteger(pages)} · ทั้งหมด {formatInteger(total)} รายการ
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)} className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40">
        ถัดไป
      </button>
    </div>
  );
}
