"use client";

// One fiscal year's framework, edited a section at a time: the year (open or closed, its
// deadline), its level rules, its indicators, its suggested issues with their standard result
// items. Each section keeps its own draft, checks what it can in the browser (the level rules
// with the server's own checkLevelRules) and shows the server's messages beside their fields.
import type { inferRouterOutputs } from "@trpc/server";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import {
  cardClass,
  DateField,
  errorMessage,
  FieldError,
  inputClass,
  primaryButton,
  RowControls,
  secondaryButton,
  serverFieldErrors,
  TextField,
} from "@/components/report-editor/fields";
import type { AppRouter } from "@/server/api/root";
import { isoDay } from "@/server/domain/fiscal-year";
import { checkLevelRules } from "@/server/domain/level-rules";
import { formatThaiDate } from "@/server/domain/thai-format";

export type Framework = inferRouterOutputs<AppRouter>["framework"]["get"];
type ItaTool = Framework["indicators"][number]["tool"];

const TOOLS: ItaTool[] = ["IIT", "EIT", "OIT"];

function moved<T>(list: T[], index: number, offset: -1 | 1): T[] {
  const next = [...list];
  [next[index], next[index + offset]] = [next[index + offset]!, next[index]!];
  return next;
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <section className={`${cardClass} mb-6`} data-testid={testId}>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Save button, the Thai outcome and the section-wide message of a failed save. */
function SaveRow({ label, pending, error, saved, disabled }: { label: string; pending: boolean; error: unknown; saved: boolean; disabled?: boolean }) {
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <button type="submit" className={primaryButton} disabled={pending || disabled}>
        {pending ? "กำลังบันทึก…" : label}
      </button>
      {saved && !error && <span className="text-sm text-emerald-700">บันทึกแล้ว</span>}
      {Boolean(error) && (
        <p role="alert" className="text-sm text-red-700">
          {Object.keys(serverFieldErrors(error)).length ? "บันทึกไม่ได้ กรุณาแก้ไขช่องที่มีข้อความสีแดง" : errorMessage(error)}
        </p>
      )}
    </div>
  );
}

// ── The year ────────────────────────────────────────────────────────────────────────────

export function YearSection({ framework }: { framework: Framework }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [deadline, setDeadline] = useState(isoDay(framework.submissionDeadline));
  const saveDeadline = useMutation(trpc.framework.saveDeadline.mutationOptions({ onSuccess: () => router.refresh() }));
  const setOpen = useMutation(trpc.framework.setOpen.mutationOptions({ onSuccess: () => router.refresh() }));
  const fields = serverFieldErrors(saveDeadline.error);
  return (
    <Section title="ปีงบประมาณและกำหนดส่ง" testId="year-section">
      <p className="mb-3 text-sm text-slate-700">
        {formatThaiDate(framework.startDate)} – {formatThaiDate(framework.endDate)} · มีรายงานแล้ว {framework.reportCount} ฉบับ
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <span data-testid="year-state" className={framework.isOpen ? "font-semibold text-emerald-700" : "font-semibold text-slate-600"}>
          {framework.isOpen ? "เปิดรับรายงาน" : "ปิดอยู่: สร้าง แก้ไข หรือเสนอรายงานของปีนี้ไม่ได้"}
        </span>
        <button
          type="button"
          className={secondaryButton}
          disabled={setOpen.isPending}
          onClick={() => setOpen.mutate({ yearBe: framework.yearBe, isOpen: !framework.isOpen })}
        >
          {framework.isOpen ? "ปิดปีงบประมาณ" : "เปิดรับรายงาน"}
        </button>
        {setOpen.error && <span className="text-sm text-red-700">{errorMessage(setOpen.error)}</span>}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          saveDeadline.mutate({ yearBe: framework.yearBe, submissionDeadline: deadline });
        }}
      >
        <DateField label="กำหนดส่งรายงานของปี" value={deadline} onChange={setDeadline} className="max-w-xs" />
        <FieldError message={fields.submissionDeadline?.[0]} />
        <SaveRow label="บันทึกกำหนดส่ง" pending={saveDeadline.isPending} error={saveDeadline.error} saved={saveDeadline.isSuccess} />
      </form>
    </Section>
  );
}

// ── Level rules ─────────────────────────────────────────────────────────────────────────

type RuleDraft = { label: string; minTotal: string; minEachTool: string; passing: boolean };

const toRuleDraft = (rule: Framework["levelRules"][number]): RuleDraft => ({
  label: rule.label,
  minTotal: String(rule.minTotal),
  minEachTool: rule.minEachTool === null ? "" : String(rule.minEachTool),
  passing: rule.passing,
});

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export function LevelRulesSection({ framework }: { framework: Framework }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [rules, setRules] = useState(framework.levelRules.map(toRuleDraft));
  const save = useMutation(trpc.framework.saveLevelRules.mutationOptions({ onSuccess: () => router.refresh() }));
  const parsed = rules.map((rule) => ({
    label: rule.label,
    minTotal: number(rule.minTotal),
    minEachTool: rule.minEachTool.trim() === "" ? null : number(rule.minEachTool),
    passing: rule.passing,
  }));
  const numbersValid = parsed.every((rule) => Number.isFinite(rule.minTotal) && (rule.minEachTool === null || Number.isFinite(rule.minEachTool)));
  // The server's own checks, run as the administrator types; the server runs them again.
  const problems = numbersValid ? checkLevelRules(parsed) : [];
  const server = serverFieldErrors(save.error);
  const messageAt = (index: number, field: string) =>
    server[`rules.${index}.${field}`]?.[0] ??
    problems.find((problem) => problem.path[0] === index && problem.path[1] === field)?.message ??
    (field !== "label" && field !== "passing" && !Number.isFinite(field === "minTotal" ? parsed[index]!.minTotal : (parsed[index]!.minEachTool ?? 0))
      ? "กรุณากรอกตัวเลข 0–100"
      : null);
  const listMessage = problems.find((problem) => problem.path.length === 0)?.message ?? server.rules?.[0];
  const update = (index: number, change: Partial<RuleDraft>) => setRules(rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)));
  const sectionId = useId();

  return (
    <Section title="เกณฑ์ระดับผลการประเมิน" testId="level-rules">
      <p className="mb-3 text-sm text-slate-600">
        ระดับเรียงจากสูงไปต่ำ ผลการประเมินได้ระดับแรกที่ผ่านเกณฑ์ เกณฑ์ต้องลดหลั่นลงตามลำดับ และระดับสุดท้ายเริ่มที่ 0 คะแนน
        เมื่อบันทึก ระบบจะคำนวณระดับของผลคะแนนทุกแห่งในปีนี้ใหม่
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ yearBe: framework.yearBe, rules: parsed });
        }}
      >
        <ol className="space-y-3">
          {rules.map((rule, index) => (
            <li key={index} className="rounded-md border border-slate-200 p-3" data-testid={`level-rule-${index + 1}`}>
              <div className="mb-2 flex items-center justify-between gap-2">
                <span id={`${sectionId}-rule-${index}`} className="font-medium">
                  ระดับที่ {index + 1}
                </span>
                <RowControls
                  describedBy={`${sectionId}-rule-${index}`}
                  index={index}
                  count={rules.length}
                  onMove={(offset) => setRules(moved(rules, index, offset))}
                  onRemove={() => setRules(rules.filter((_, at) => at !== index))}
                />
              </div>
              <div className="grid gap-3 sm:grid-cols-4">
                <TextField label={`ชื่อระดับที่ ${index + 1}`} value={rule.label} onChange={(label) => update(index, { label })} error={messageAt(index, "label")} />
                <TextField
                  label={`คะแนนรวมขั้นต่ำ ระดับที่ ${index + 1}`}
                  value={rule.minTotal}
                  inputMode="decimal"
                  onChange={(minTotal) => update(index, { minTotal })}
                  error={messageAt(index, "minTotal")}
                />
                <TextField
                  label={`ขั้นต่ำรายเครื่องมือ ระดับที่ ${index + 1}`}
                  placeholder="ไม่มี"
                  value={rule.minEachTool}
                  inputMode="decimal"
                  onChange={(minEachTool) => update(index, { minEachTool })}
                  error={messageAt(index, "minEachTool")}
                />
                <div>
                  <label className="mt-6 flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={rule.passing} onChange={(event) => update(index, { passing: event.target.checked })} />
                    นับว่าผ่าน
                  </label>
                  <FieldError message={messageAt(index, "passing")} />
                </div>
              </div>
            </li>
          ))}
        </ol>
        <FieldError message={listMessage} />
        <button
          type="button"
          className={`${secondaryButton} mt-3`}
          onClick={() => setRules([...rules, { label: "", minTotal: "0", minEachTool: "", passing: false }])}
        >
          + เพิ่มระดับ
        </button>
        <SaveRow label="บันทึกเกณฑ์ระดับ" pending={save.isPending} error={save.error} saved={save.isSuccess} disabled={problems.length > 0 || !numbersValid} />
      </form>
    </Section>
  );
}

// ── Indicators ──────────────────────────────────────────────────────────────────────────

type IndicatorDraft = { number: string; nameTh: string; tool: ItaTool; usedBy: number };

export function IndicatorsSection({ framework }: { framework: Framework }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(
    framework.indicators.map((indicator) => ({ ...indicator, number: String(indicator.number) })),
  );
  const save = useMutation(trpc.framework.saveIndicators.mutationOptions({ onSuccess: () => router.refresh() }));
  const server = serverFieldErrors(save.error);
  const update = (index: number, change: Partial<IndicatorDraft>) =>
    setIndicators(indicators.map((indicator, at) => (at === index ? { ...indicator, ...change } : indicator)));
  const sectionId = useId();
  return (
    <Section title="ตัวชี้วัด ITA" testId="indicators">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            yearBe: framework.yearBe,
            indicators: indicators.map((indicator) => ({ number: number(indicator.number), nameTh: indicator.nameTh, tool: indicator.tool })),
          });
        }}
      >
        <ol className="space-y-2">
          {indicators.map((indicator, index) => (
            <li key={index} className="grid items-start gap-3 sm:grid-cols-[6rem_1fr_7rem_auto]">
              <TextField label="ตัวชี้วัดที่" value={indicator.number} inputMode="decimal" onChange={(value) => update(index, { number: value })} error={server[`indicators.${index}.number`]?.[0]} />
              <TextField label="ชื่อตัวชี้วัด" value={indicator.nameTh} onChange={(nameTh) => update(index, { nameTh })} error={server[`indicators.${index}.nameTh`]?.[0]} />
              <label className="text-sm font-medium text-slate-700">
                เครื่องมือ
                <select className={inputClass} value={indicator.tool} onChange={(event) => update(index, { tool: event.target.value as ItaTool })}>
                  {TOOLS.map((tool) => (
                    <option key={tool}>{tool}</option>
                  ))}
                </select>
              </label>
              <div className="mt-6" id={`${sectionId}-indicator-${index}`}>
                <RowControls
                  describedBy={`${sectionId}-indicator-${index}`}
                  index={index}
                  count={indicators.length}
                  onMove={(offset) => setIndicators(moved(indicators, index, offset))}
                  onRemove={() => setIndicators(indicators.filter((_, at) => at !== index))}
                  keepBecause={indicator.usedBy ? `รายงานและคะแนนปีนี้อ้างถึง ${indicator.usedBy} รายการ จึงลบไม่ได้` : undefined}
                />
                {indicator.usedBy > 0 && <p className="mt-1 text-xs text-slate-500">ใช้อยู่ {indicator.usedBy} รายการ</p>}
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className={`${secondaryButton} mt-3`} onClick={() => setIndicators([...indicators, { number: "", nameTh: "", tool: "IIT", usedBy: 0 }])}>
          + เพิ่มตัวชี้วัด
        </button>
        <SaveRow label="บันทึกตัวชี้วัด" pending={save.isPending} error={save.error} saved={save.isSuccess} />
      </form>
    </Section>
  );
}

// ── Suggested issues and their standard result items ────────────────────────────────────

type IssueDraft = Omit<Framework["suggestedIssues"][number], "id" | "resultItems"> & {
  id: string | null;
  resultItems: { id: string | null; text: string; usedBy: number }[];
};

export function SuggestedIssuesSection({ framework }: { framework: Framework }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [issues, setIssues] = useState<IssueDraft[]>(framework.suggestedIssues);
  const save = useMutation(trpc.framework.saveSuggestedIssues.mutationOptions({ onSuccess: () => router.refresh() }));
  const server = serverFieldErrors(save.error);
  const update = (index: number, change: Partial<IssueDraft>) => setIssues(issues.map((issue, at) => (at === index ? { ...issue, ...change } : issue)));
  const sectionId = useId();
  return (
    <Section title="ประเด็นแนะนำและผลการดำเนินการมาตรฐาน" testId="suggested-issues">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            yearBe: framework.yearBe,
            issues: issues.map((issue) => ({
              id: issue.id,
              title: issue.title,
              indicatorNumbers: issue.indicatorNumbers,
              resultItems: issue.resultItems.map(({ id, text }) => ({ id, text })),
            })),
          });
        }}
      >
        <ol className="space-y-4">
          {issues.map((issue, index) => (
            <li key={issue.id ?? `new-${index}`} className="rounded-md border border-slate-200 p-3" data-testid={`suggested-issue-${index + 1}`}>
              <div className="mb-2 flex items-start justify-between gap-2">
                <span id={`${sectionId}-issue-${index}`} className="font-medium">
                  ประเด็นที่ {index + 1}
                  {issue.usedBy > 0 && <span className="ml-2 text-xs font-normal text-slate-500">รายงาน {issue.usedBy} ฉบับใช้ประเด็นนี้</span>}
                </span>
                <RowControls
                  describedBy={`${sectionId}-issue-${index}`}
                  index={index}
                  count={issues.length}
                  onMove={(offset) => setIssues(moved(issues, index, offset))}
                  onRemove={() => setIssues(issues.filter((_, at) => at !== index))}
                  keepBecause={issue.usedBy ? `รายงาน ${issue.usedBy} ฉบับใช้ประเด็นนี้ จึงลบไม่ได้` : undefined}
                />
              </div>
              <TextField label={`ชื่อประเด็นที่ ${index + 1}`} multiline value={issue.title} onChange={(title) => update(index, { title })} error={server[`issues.${index}.title`]?.[0]} />
              <fieldset className="mt-2">
                <legend className="text-sm font-medium text-slate-700">ตัวชี้วัดที่เกี่ยวข้อง</legend>
                <div className="flex flex-wrap gap-3">
                  {framework.indicators.map((indicator) => (
                    <label key={indicator.number} className="flex items-center gap-1 text-sm" title={indicator.nameTh}>
                      <input
                        type="checkbox"
                        checked={issue.indicatorNumbers.includes(indicator.number)}
                        onChange={(event) =>
                          update(index, {
                            indicatorNumbers: event.target.checked
                              ? [...issue.indicatorNumbers, indicator.number].sort((a, b) => a - b)
                              : issue.indicatorNumbers.filter((number) => number !== indicator.number),
                          })
                        }
                      />
                      {indicator.number}
                    </label>
                  ))}
                </div>
                <FieldError message={server[`issues.${index}.indicatorNumbers`]?.[0]} />
              </fieldset>
              <h3 className="mt-3 text-sm font-medium text-slate-700">ผลการดำเนินการมาตรฐาน</h3>
              <ol className="mt-1 space-y-2">
                {issue.resultItems.map((item, itemIndex) => (
                  <li key={item.id ?? `new-${itemIndex}`} className="flex items-start gap-2" id={`${sectionId}-item-${index}-${itemIndex}`}>
                    <TextField
                      className="flex-1"
                      label={`ผลการดำเนินการที่ ${itemIndex + 1} ของประเด็นที่ ${index + 1}`}
                      value={item.text}
                      onChange={(text) => update(index, { resultItems: issue.resultItems.map((other, at) => (at === itemIndex ? { ...other, text } : other)) })}
                      error={server[`issues.${index}.resultItems.${itemIndex}.text`]?.[0] ?? server[`issues.${index}.resultItems.${itemIndex}`]?.[0]}
                    />
                    <div className="mt-6">
                      <RowControls
                        describedBy={`${sectionId}-item-${index}-${itemIndex}`}
                        index={itemIndex}
                        count={issue.resultItems.length}
                        onMove={(offset) => update(index, { resultItems: moved(issue.resultItems, itemIndex, offset) })}
                        onRemove={() => update(index, { resultItems: issue.resultItems.filter((_, at) => at !== itemIndex) })}
                        keepBecause={item.usedBy ? `ถูกเลือกใน ${item.usedBy} มาตรการ จึงลบไม่ได้` : undefined}
                      />
                      {item.usedBy > 0 && <p className="mt-1 text-xs text-slate-500">ใช้ใน {item.usedBy} มาตรการ</p>}
                    </div>
                  </li>
                ))}
              </ol>
              <button
                type="button"
                className={`${secondaryButton} mt-2`}
                onClick={() => update(index, { resultItems: [...issue.resultItems, { id: null, text: "", usedBy: 0 }] })}
              >
                + เพิ่มผลการดำเนินการ
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className={`${secondaryButton} mt-3`}
          onClick={() => setIssues([...issues, { id: null, title: "", indicatorNumbers: [], usedBy: 0, resultItems: [] }])}
        >
          + เพิ่มประเด็น
        </button>
        <SaveRow label="บันทึกประเด็นแนะนำ" pending={save.isPending} error={save.error} saved={save.isSuccess} />
      </form>
    </Section>
  );
}
