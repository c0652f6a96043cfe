"use client";

import { periodOutsideYear, type Measure } from "@/server/domain/report-content";
import { formatThaiDate } from "@/server/domain/thai-format";
import { useDateProblem } from "./date-problems";
import { DateField, RowControls, TextField } from "./fields";
import { EvidenceEditor } from "./evidence-editor";
import { ResultItemsEditor } from "./result-items-editor";
import { ReviewNotesBeside } from "./review-notes";
import { StringListEditor } from "./string-list-editor";
import type { EditorFiscalYear, SuggestedIssue } from "./types";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function MeasureCard({
  measure,
  number,
  index,
  count,
  year,
  standardItems,
  unitSuggestions,
  onChange,
  onMove,
  onRemove,
}: {
  measure: Measure;
  number: string; // "2.1": issue and measure position, as the memo numbers them
  index: number;
  count: number;
  year: Pick<EditorFiscalYear, "start" | "end">;
  standardItems: SuggestedIssue["resultItems"];
  unitSuggestions: string[];
  onChange: (patch: Partial<Omit<Measure, "id">>) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}) {
  const what = `มาตรการที่ ${number}`;
  const outside = periodOutsideYear(measure, year);
  const headingId = `measure-${measure.id}-heading`;
  const startProblem = useDateProblem(`measure.${measure.id}.periodStart`);
  const endProblem = useDateProblem(`measure.${measure.id}.periodEnd`);
  return (
    <article
      id={`measure-${measure.id}`}
      data-testid="measure-card"
      className="scroll-mt-24 space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4"
    >
      <div className="flex items-center justify-between gap-2">
        <h4 id={headingId} className="font-semibold text-slate-800">
          {what}
        </h4>
        <RowControls
          describedBy={headingId}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={() => {
            if (window.confirm(`ลบ${what}${measure.title ? ` "${measure.title}"` : ""} ใช่หรือไม่?`)) onRemove();
          }}
        />
      </div>

      <ReviewNotesBeside measureId={measure.id} />

      <div data-field={`measure.${measure.id}.title`}>
        <TextField label="ชื่อมาตรการ" multiline value={measure.title} onChange={(title) => onChange({ title })} />
      </div>

      <StringListEditor
        legend="ขั้นตอนการดำเนินการ"
        itemLabel={(i) => `ขั้นตอนที่ ${i + 1}`}
        addLabel="เพิ่มขั้นตอน"
        multiline
        values={measure.steps}
        onChange={(steps) => onChange({ steps })}
      />

      <div data-field={`measure.${measure.id}.period`}>
        <div className="grid gap-3 sm:grid-cols-2">
          <DateField label="วันเริ่มดำเนินการ" value={measure.periodStart} error={startProblem} onChange={(periodStart) => onChange({ periodStart })} />
          <DateField label="วันสิ้นสุด" value={measure.periodEnd} error={endProblem} onChange={(periodEnd) => onChange({ periodEnd })} />
        </div>
        {(outside || measure.periodNote) && (
          <div className="mt-1 space-y-1">
            {outside && (
              <p className="rounded bg-yellow-100 px-2 py-1 text-sm text-yellow-900">
                ⚠ ระยะเวลาอยู่นอกปีงบประมาณ ({formatThaiDate(day(year.start))} – {formatThaiDate(day(year.end))}) แก้วันที่ หรือระบุเหตุผลด้านล่าง
              </p>
            )}
            <TextField
              label="เหตุผลที่ระยะเวลาอยู่นอกปีงบประมาณ"
              placeholder="เช่น ดำเนินการต่อเนื่องจากปีงบประมาณก่อน"
              value={measure.periodNote ?? ""}
              onChange={(periodNote) => onChange({ periodNote })}
            />
          </div>
        )}
      </div>

      <div data-field={`measure.${measure.id}.responsibleUnits`}>
        <StringListEditor
          legend="ผู้รับผิดชอบ"
          itemLabel={(i) => `ผู้รับผิดชอบ ${i + 1}`}
          addLabel="เพิ่มผู้รับผิดชอบ"
          values={measure.responsibleUnits}
          suggestions={unitSuggestions}
          onChange={(responsibleUnits) => onChange({ responsibleUnits })}
        />
      </div>

      <div data-field={`measure.${measure.id}.results`} className="space-y-4">
        <ResultItemsEditor items={measure.resultItems} standard={standardItems} onChange={(resultItems) => onChange({ resultItems })} />

        <StringListEditor
          legend="ผลลัพธ์"
          itemLabel={(i) => `ผลลัพธ์ที่ ${i + 1}`}
          addLabel="เพิ่มผลลัพธ์"
          multiline
          values={measure.outcomes}
          onChange={(outcomes) => onChange({ outcomes })}
        />
      </div>

      <EvidenceEditor links={measure.evidenceLinks} onChange={(evidenceLinks) => onChange({ evidenceLinks })} />
    </article>
  );
}
