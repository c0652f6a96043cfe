"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { OriginBadge, ResultLevel, UnconfirmedScoreMark } from "@/components/ui/badges";
import { isUnconfirmedScore } from "@/server/domain/labels";
import { formatScore } from "@/server/domain/thai-format";
import { cardClass, errorMessage, primaryButton, TextField } from "./fields";
import type { ItaResultRow } from "./types";

// Each year's level labels come from that year's rule table; they are suggestions only (the
// announced text is kept as given, and the server flags it when the rules derive another).
const levelsListId = (yearBe: number) => `ita-levels-${yearBe}`;

/** ITA results of the year before and of the report's year, shown and typed in as announced. */
export function ItaResultsSection({
  organizationId,
  yearBe,
  results,
  levelLabels,
}: {
  organizationId: string;
  yearBe: number;
  results: ItaResultRow[];
  levelLabels: Record<number, string[]>;
}) {
  return (
    <section className={cardClass}>
      <h2 className="mb-1 text-xl font-semibold">ผลการประเมิน ITA</h2>
      <p className="mb-3 text-sm text-slate-600">
        หน่วยงานรายงานคะแนนของตนเองได้เฉพาะปีที่ยังไม่มีคะแนนที่ประกาศ คะแนนที่รายงานจะมีเครื่องหมาย “รายงานโดยหน่วยงาน ยังไม่ยืนยัน” จนกว่าจังหวัดจะยืนยัน
        ระบบคำนวณระดับตามเกณฑ์ของปีให้และแจ้งเมื่อไม่ตรงกับระดับที่ประกาศ
      </p>
      {Object.entries(levelLabels).map(([year, labels]) => (
        <datalist key={year} id={levelsListId(Number(year))}>
          {labels.map((level) => (
            <option key={level} value={level} />
          ))}
        </datalist>
      ))}
      <div className="grid gap-4 md:grid-cols-2">
        {[yearBe - 1, yearBe].map((year) => (
          <ItaResultForm
            key={year}
            organizationId={organizationId}
            yearBe={year}
            initial={results.find((result) => result.yearBe === year) ?? null}
          />
        ))}
      </div>
    </section>
  );
}

type Shown = Pick<ItaResultRow, "total" | "iit" | "eit" | "oit" | "announcedLevel" | "derivedLevel" | "levelMismatch" | "level" | "levelBasis" | "source" | "confirmedAt"> & {
  origin?: ItaResultRow["origin"];
};

const asText = (score: number | null | undefined) => (score == null ? "" : String(score));
/** Empty is "not known"; anything else goes to the server, which answers in Thai if it is not a score. */
const asScore = (text: string) => (text.trim() === "" ? null : Number(text));

function ItaResultForm({ organizationId, yearBe, initial }: { organizationId: string; yearBe: number; initial: ItaResultRow | null }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.organization.saveItaResult.mutationOptions());
  const [fields, setFields] = useState({
    total: asText(initial?.total),
    iit: asText(initial?.iit),
    eit: asText(initial?.eit),
    oit: asText(initial?.oit),
    announcedLevel: initial?.announcedLevel ?? "",
  });
  const [missingTotal, setMissingTotal] = useState(false);
  const shown: Shown | null = save.data ?? initial;
  // An announced or confirmed result is the province's to change (saveOrganizationItaResult refuses it too).
  const locked = initial !== null && !isUnconfirmedScore(initial);
  const fieldErrors = save.error?.data?.fieldErrors ?? {};
  const fieldError = (name: string) => fieldErrors[name]?.[0];
  const set = (name: keyof typeof fields) => (value: string) => setFields({ ...fields, [name]: value });

  const submit = () => {
    const total = asScore(fields.total);
    setMissingTotal(total === null);
    if (total === null) return;
    save.mutate({
      organizationId,
      yearBe,
      total,
      iit: asScore(fields.iit),
      eit: asScore(fields.eit),
      oit: asScore(fields.oit),
      announcedLevel: fields.announcedLevel.trim() || null,
    });
  };

  const scoreField = (name: "total" | "iit" | "eit" | "oit", label: string) => (
    <TextField
      label={`${label} ปี ${yearBe}`}
      inputMode="decimal"
      value={fields[name]}
      onChange={set(name)}
      placeholder={name === "total" ? "0–100" : "ไม่ทราบ"}
      error={(name === "total" && missingTotal ? "กรุณากรอกคะแนนรวม" : null) ?? fieldError(name)}
    />
  );

  return (
    <div data-testid={`ita-result-${yearBe}`} className="rounded-lg border border-slate-200 p-3">
      <h3 className="font-semibold">ปีงบประมาณ {yearBe}</h3>
      <p className="mb-2 text-sm">
        {shown ? (
          <>
            คะแนนรวม <span className="font-semibold tabular-nums">{formatScore(shown.total)}</span>
            {(["iit", "eit", "oit"] as const).map(
              (tool) => shown[tool] != null && <span key={tool} className="ml-2 text-slate-600">{`${tool.toUpperCase()} ${formatScore(shown[tool]!)}`}</span>,
            )}
            {shown.origin && <OriginBadge origin={shown.origin} />}
            <UnconfirmedScoreMark unconfirmed={isUnconfirmedScore(shown)} />
            <br />
            ระดับ: <ResultLevel level={shown.level} basis={shown.levelBasis} derived={shown.derivedLevel} mismatch={shown.levelMismatch} />
            {shown.derivedLevel && shown.announcedLevel && !shown.levelMismatch && (
              <span className="ml-1 text-xs text-slate-500">(ตรงกับเกณฑ์)</span>
            )}
          </>
        ) : (
          <span className="text-slate-500">ยังไม่มีผลการประเมิน</span>
        )}
      </p>
      {locked ? (
        <p className="text-sm text-slate-600" data-testid={`ita-result-locked-${yearBe}`}>
          คะแนนปีนี้เป็นคะแนนที่ประกาศหรือจังหวัดยืนยันแล้ว หน่วยงานแก้ไขเองไม่ได้ หากไม่ถูกต้อง กรุณาแจ้งจังหวัดเพื่อแก้ไขพร้อมเหตุผล
        </p>
      ) : (
        <>
      <div className="grid grid-cols-2 gap-2">
        {scoreField("total", "คะแนนรวม")}
        <TextField
          label={`ระดับที่ประกาศ ปี ${yearBe}`}
          list={levelsListId(yearBe)}
          value={fields.announcedLevel}
          onChange={set("announcedLevel")}
          error={fieldError("announcedLevel")}
        />
        {scoreField("iit", "IIT")}
        {scoreField("eit", "EIT")}
        {scoreField("oit", "OIT")}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} disabled={save.isPending} onClick={submit}>
          {save.isPending ? "กำลังบันทึก…" : `บันทึกคะแนนปี ${yearBe}`}
        </button>
        {save.isSuccess && <span className="text-sm text-emerald-700">บันทึกคะแนนแล้ว</span>}
        {save.error && !Object.keys(fieldErrors).length && <span className="text-sm text-red-700">{errorMessage(save.error)}</span>}
      </div>
        </>
      )}
    </div>
  );
}
