"use client";

// An organisation's ITA results year by year with where each comes from and every change made
// to it (issue 12): province staff confirm an organisation's own result, or enter and change one
// with a reason; the organisation's preparer reports its own where none is announced.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { cardClass, errorMessage, primaryButton, secondaryButton, TextField } from "@/components/report-editor/fields";
import { ResultLevel, UnconfirmedScoreMark } from "@/components/ui/badges";
import type { ItaResultChangeKind, LevelBasis, ScoreSource } from "@/server/db/generated/enums";
import { ITA_RESULT_CHANGE_LABEL, scoreProvenanceLabel } from "@/server/domain/labels";
import { formatScore, formatThaiDateTime } from "@/server/domain/thai-format";

type Snapshot = { total: number; iit: number | null; eit: number | null; oit: number | null; announcedLevel: string | null; level: string | null } | null;

export type ScoreYear = {
  yearBe: number;
  isOpen: boolean;
  result: {
    total: number;
    iit: number | null;
    eit: number | null;
    oit: number | null;
    announcedLevel: string | null;
    derivedLevel: string | null;
    levelMismatch: boolean;
    level: string | null;
    levelBasis: LevelBasis | null;
    source: ScoreSource;
    /** The imported file's name (IMPORTED_FILE). */
    sourceFileName: string | null;
    confirmedAt: Date | null;
    confirmedByName: string | null;
    unconfirmed: boolean;
    changes: { id: string; kind: ItaResultChangeKind; actorName: string | null; reason: string | null; before: Snapshot; after: Snapshot; createdAt: Date }[];
  } | null;
  actions: { confirm: boolean; enter: boolean; report: boolean };
};

const scoreText = (snapshot: Snapshot) =>
  snapshot
    ? [
        formatScore(snapshot.total),
        ...(["iit", "eit", "oit"] as const).flatMap((tool) => (snapshot[tool] === null ? [] : [`${tool.toUpperCase()} ${formatScore(snapshot[tool]!)}`])),
        snapshot.level ?? snapshot.announcedLevel ?? "",
      ]
        .filter(Boolean)
        .join(" · ")
    : "—";

export function ScoreProvenance({ organizationId, years }: { organizationId: string; years: ScoreYear[] }) {
  const shown = years.filter((year) => year.result || year.actions.enter || year.actions.report);
  return (
    <section className={`${cardClass} mb-6`} data-testid="score-provenance">
      <h2 className="mb-1 text-lg font-semibold">ที่มาและประวัติของคะแนน ITA</h2>
      <p className="mb-3 text-sm text-slate-600">
        คะแนนที่หน่วยงานรายงานเองจะมีเครื่องหมาย “รายงานโดยหน่วยงาน ยังไม่ยืนยัน” จนกว่าจังหวัดจะยืนยัน คะแนนที่ประกาศหรือยืนยันแล้วแก้ไขได้เฉพาะเจ้าหน้าที่จังหวัดพร้อมเหตุผล
        และทุกการแก้ไขถูกบันทึกไว้ด้านล่าง
      </p>
      <div className="grid gap-4">
        {shown.map((year) => (
          <ScoreYearCard key={year.yearBe} organizationId={organizationId} year={year} />
        ))}
      </div>
    </section>
  );
}

function ScoreYearCard({ organizationId, year }: { organizationId: string; year: ScoreYear }) {
  const { result } = year;
  const trpc = useTRPC();
  const router = useRouter();
  const confirm = useMutation(trpc.organization.confirmItaResult.mutationOptions({ onSuccess: () => router.refresh() }));
  const [editing, setEditing] = useState(false);
  return (
    <div className="rounded border border-slate-200 p-3" data-testid={`score-year-${year.yearBe}`}>
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold">ปีงบประมาณ {year.yearBe}</h3>
        {result ? (
          <>
            <span className="tabular-nums">{formatScore(result.total)}</span>
            <UnconfirmedScoreMark unconfirmed={result.unconfirmed} />
            <span className="text-sm">
              ระดับ <ResultLevel level={result.level} basis={result.levelBasis} derived={result.derivedLevel} mismatch={result.levelMismatch} />
            </span>
            <span className="text-sm text-slate-600" data-testid="score-source">
              ที่มา: {scoreProvenanceLabel(result)}
              {result.source === "IMPORTED_FILE" && result.sourceFileName && ` (ไฟล์ ${result.sourceFileName})`}
              {result.confirmedAt && ` (ยืนยันโดย ${result.confirmedByName ?? "—"} เมื่อ ${formatThaiDateTime(result.confirmedAt)} น.)`}
            </span>
          </>
        ) : (
          <span className="text-sm text-slate-500">ยังไม่มีผลการประเมิน</span>
        )}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {year.actions.confirm && (
          <button
            type="button"
            className={primaryButton}
            disabled={confirm.isPending}
            onClick={() => confirm.mutate({ organizationId, yearBe: year.yearBe })}
          >
            {confirm.isPending ? "กำลังยืนยัน…" : `ยืนยันคะแนนปี ${year.yearBe}`}
          </button>
        )}
        {(year.actions.enter || year.actions.report) && !editing && (
          <button type="button" className={secondaryButton} onClick={() => setEditing(true)}>
            {result ? `แก้ไขคะแนนปี ${year.yearBe}` : year.actions.enter ? `บันทึกคะแนนปี ${year.yearBe}` : `รายงานคะแนนปี ${year.yearBe}`}
          </button>
        )}
        {confirm.error && <span className="text-sm text-red-700">{errorMessage(confirm.error)}</span>}
      </div>
      {editing && (
        <ScoreForm
          organizationId={organizationId}
          year={year}
          needsReason={year.actions.enter && result !== null}
          onDone={() => {
            setEditing(false);
            router.refresh();
          }}
        />
      )}
      {result && result.changes.length > 0 && (
        <details className="mt-2 text-sm" data-testid={`score-history-${year.yearBe}`}>
          <summary className="cursor-pointer text-teal-800">ประวัติการเปลี่ยนแปลง ({result.changes.length} รายการ)</summary>
          <table className="mt-2 w-full text-left">
            <thead className="bg-slate-50">
              <tr>
                <th className="px-2 py-1">เมื่อ</th>
                <th className="px-2 py-1">การเปลี่ยนแปลง</th>
                <th className="px-2 py-1">โดย</th>
                <th className="px-2 py-1">เดิม</th>
                <th className="px-2 py-1">ใหม่</th>
                <th className="px-2 py-1">เหตุผล</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((change) => (
                <tr key={change.id} className="border-t border-slate-100" data-testid="score-change">
                  <td className="px-2 py-1 whitespace-nowrap">{formatThaiDateTime(change.createdAt)}</td>
                  <td className="px-2 py-1">{ITA_RESULT_CHANGE_LABEL[change.kind]}</td>
                  <td className="px-2 py-1">{change.actorName ?? "ระบบ"}</td>
                  <td className="px-2 py-1">{scoreText(change.before)}</td>
                  <td className="px-2 py-1">{scoreText(change.after)}</td>
                  <td className="px-2 py-1">{change.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

const asText = (score: number | null | undefined) => (score == null ? "" : String(score));
const asScore = (text: string) => (text.trim() === "" ? null : Number(text));

function ScoreForm({ organizationId, year, needsReason, onDone }: { organizationId: string; year: ScoreYear; needsReason: boolean; onDone: () => void }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.organization.saveItaResult.mutationOptions({ onSuccess: onDone }));
  const [fields, setFields] = useState({
    total: asText(year.result?.total),
    iit: asText(year.result?.iit),
    eit: asText(year.result?.eit),
    oit: asText(year.result?.oit),
    announcedLevel: year.result?.announcedLevel ?? "",
    reason: "",
  });
  const [problem, setProblem] = useState<string | null>(null);
  const fieldErrors = save.error?.data?.fieldErrors ?? {};
  const set = (name: keyof typeof fields) => (value: string) => setFields({ ...fields, [name]: value });
  const submit = () => {
    const total = asScore(fields.total);
    if (total === null) return setProblem("กรุณากรอกคะแนนรวม");
    if (needsReason && !fields.reason.trim()) return setProblem("กรุณาระบุเหตุผลที่แก้ไข");
    setProblem(null);
    save.mutate({
      organizationId,
      yearBe: year.yearBe,
      total,
      iit: asScore(fields.iit),
      eit: asScore(fields.eit),
      oit: asScore(fields.oit),
      announcedLevel: fields.announcedLevel.trim() || null,
      reason: fields.reason.trim() || null,
    });
  };
  return (
    <div className="mt-2 grid grid-cols-2 gap-2 md:grid-cols-3" data-testid={`score-form-${year.yearBe}`}>
      <TextField label="คะแนนรวม" inputMode="decimal" value={fields.total} onChange={set("total")} error={fieldErrors.total?.[0]} />
      <TextField label="ระดับที่ประกาศ" value={fields.announcedLevel} onChange={set("announcedLevel")} error={fieldErrors.announcedLevel?.[0]} />
      <TextField label="IIT" inputMode="decimal" value={fields.iit} onChange={set("iit")} placeholder="ไม่ทราบ" error={fieldErrors.iit?.[0]} />
      <TextField label="EIT" inputMode="decimal" value={fields.eit} onChange={set("eit")} placeholder="ไม่ทราบ" error={fieldErrors.eit?.[0]} />
      <TextField label="OIT" inputMode="decimal" value={fields.oit} onChange={set("oit")} placeholder="ไม่ทราบ" error={fieldErrors.oit?.[0]} />
      {needsReason && <TextField label="เหตุผลที่แก้ไข (จำเป็น)" value={fields.reason} onChange={set("reason")} error={fieldErrors.reason?.[0]} />}
      <div className="col-span-full flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} disabled={save.isPending} onClick={submit}>
          {save.isPending ? "กำลังบันทึก…" : "บันทึกคะแนน"}
        </button>
        {(problem || (save.error && !Object.keys(fieldErrors).length)) && (
          <span className="text-sm text-red-700" role="alert">
            {problem ?? errorMessage(save.error)}
          </span>
        )}
      </div>
    </div>
  );
}
