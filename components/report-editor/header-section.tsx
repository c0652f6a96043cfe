"use client";

import type { Dispatch } from "react";
import type { ReportHeader } from "@/server/domain/report-content";
import type { ContentAction } from "./content-reducer";
import { cardClass, DateField, TextField } from "./fields";

/** บันทึกข้อความ: the memo that carries the report up the organisation's sign-off chain. */
export function HeaderSection({ header, dispatch }: { header: ReportHeader; dispatch: Dispatch<ContentAction> }) {
  const set = (field: keyof ReportHeader) => (value: string) => dispatch({ type: "header", field, value });
  return (
    <section className={cardClass}>
      <h2 className="mb-3 text-xl font-semibold">บันทึกข้อความ</h2>
      <div className="grid gap-3 sm:grid-cols-6">
        <TextField className="sm:col-span-4" label="ส่วนราชการ" value={header.issuingSection} onChange={set("issuingSection")} />
        <TextField className="sm:col-span-2" type="tel" label="โทร" value={header.issuingPhone} onChange={set("issuingPhone")} />
        <TextField className="sm:col-span-2" label="ที่" placeholder="เช่น สข 12345" value={header.documentCode} onChange={set("documentCode")} />
        <TextField
          className="sm:col-span-2"
          label="เลขทะเบียนหนังสือ"
          placeholder="รอออกเลข"
          value={header.documentNumber}
          onChange={set("documentNumber")}
        />
        <DateField
          className="sm:col-span-2"
          label="วันที่"
          value={header.memoDate ?? ""}
          onChange={(value) => dispatch({ type: "header", field: "memoDate", value: value || null })}
        />
        <TextField className="sm:col-span-6" label="เรื่อง" multiline value={header.subject} onChange={set("subject")} />
        <TextField className="sm:col-span-6" label="เรียน" value={header.addressee} onChange={set("addressee")} />
        <TextField
          className="sm:col-span-6"
          label="ข้อความ"
          multiline
          tall
          placeholder="ไม่บังคับ"
          value={header.body}
          onChange={set("body")}
        />
      </div>
    </section>
  );
}
