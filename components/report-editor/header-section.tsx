"use client";

import type { Dispatch } from "react";
import type { ReportHeader } from "@/server/domain/report-content";
import { PENDING_NUMBER_LABEL } from "@/server/domain/report-rules";
import type { ContentAction } from "./content-reducer";
import { useDateProblem } from "./date-problems";
import { cardClass, DateField, TextField } from "./fields";

/** บันทึกข้อความ: the memo that carries the report up the organisation's sign-off chain. */
export function HeaderSection({ header, dispatch }: { header: ReportHeader; dispatch: Dispatch<ContentAction> }) {
  const set = (field: keyof ReportHeader) => (value: string) => dispatch({ type: "header", field, value });
  const memoDateProblem = useDateProblem("header.memoDate");
  return (
    <section className={cardClass}>
      <h2 className="mb-3 text-xl font-semibold">บันทึกข้อความ</h2>
      <div className="grid gap-3 sm:grid-cols-6">
        <TextField className="sm:col-span-4" label="ส่วนราชการ" value={header.issuingSection} onChange={set("issuingSection")} />
        <TextField className="sm:col-span-2" type="tel" label="โทร" value={header.issuingPhone} onChange={set("issuingPhone")} />
        <TextField className="sm:col-span-2" label="ที่" placeholder="เช่น สข 12345" value={header.documentCode} onChange={set("documentCode")} />
        <div className="sm:col-span-2" data-field="header.documentNumber">
          <TextField
            label="เลขทะเบียนหนังสือ"
            placeholder={header.documentNumberPending ? "ยังไม่ได้ออกเลข" : "เช่น 123"}
            value={header.documentNumber}
            onChange={set("documentNumber")}
            disabled={header.documentNumberPending === true}
          />
          {/* Said on purpose: a memo goes up without its running number only when the preparer says so. */}
          <label className="mt-1 flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 accent-teal-700"
              checked={header.documentNumberPending === true}
              onChange={(event) => {
                dispatch({ type: "header", field: "documentNumberPending", value: event.target.checked });
                if (event.target.checked) dispatch({ type: "header", field: "documentNumber", value: "" });
              }}
            />
            {PENDING_NUMBER_LABEL}
          </label>
        </div>
        <div className="sm:col-span-2" data-field="header.memoDate">
          <DateField
            label="วันที่"
            value={header.memoDate ?? ""}
            error={memoDateProblem}
            onChange={(value) => dispatch({ type: "header", field: "memoDate", value: value || null })}
          />
        </div>
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
