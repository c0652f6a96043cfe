"use client";

import { createContext, useContext } from "react";
import type { ParsedReport, SignatureRole } from "@/server/domain/report-import/types";
import { formatScore, formatThaiDate, personName } from "@/server/domain/thai-format";
import { spansOfTexts, splitBySpans } from "./flag-spans";

/** The texts the flags quote: marked wherever the structure shows them. */
const FlaggedTexts = createContext<string[]>([]);
/** Scrolls the source to a line. */
const GoToLine = createContext<(line: number) => void>(() => {});

const ROLE_LABEL: Record<SignatureRole, string> = {
  PREPARER: "ผู้จัดทำ",
  HEAD_OF_OFFICE: "หัวหน้าสำนักปลัด",
  CHIEF_ADMINISTRATOR: "ปลัด",
  EXECUTIVE: "ผู้บริหาร (นายก)",
  OTHER: "ผู้ลงนามอื่น",
};

/** A value as read, flagged parts marked; "—" when the document had none. */
function Text({ value }: { value: string | null | undefined }) {
  const texts = useContext(FlaggedTexts);
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <>
      {splitBySpans(value, spansOfTexts(value, texts)).map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="rounded bg-red-200 px-0.5 text-red-950">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/** "บรรทัด N": scrolls the source to where the value was read. */
function LineLink({ line }: { line: number }) {
  const goTo = useContext(GoToLine);
  return (
    <button type="button" onClick={() => goTo(line)} className="ml-1 shrink-0 rounded px-1 text-xs text-teal-700 hover:bg-teal-50 hover:underline">
      บรรทัด {line}
    </button>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-0.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="mb-4" data-testid={testId}>
      <h3 className="mb-1 border-b border-slate-200 pb-0.5 font-semibold text-slate-800">{title}</h3>
      {children}
    </section>
  );
}

const day = (iso: string | null) => (iso ? formatThaiDate(new Date(`${iso}T00:00:00Z`)) : null);

function List({ items, ordered }: { items: string[]; ordered?: boolean }) {
  if (items.length === 0) return <span className="text-slate-400">—</span>;
  const Tag = ordered ? "ol" : "ul";
  return (
    <Tag className={`${ordered ? "list-decimal" : "list-disc"} ml-5`}>
      {items.map((item, index) => (
        <li key={index}>
          <Text value={item} />
        </li>
      ))}
    </Tag>
  );
}

/** What the importer read, in the order of a report: memo, scores, signatures, issues. */
export function ParsedPane({ report, goToLine }: { report: ParsedReport; goToLine: (line: number) => void }) {
  const flaggedTexts = report.flags.filter((flag) => flag.code !== "LIST_SPLIT_GUESSED").map((flag) => flag.text);
  const { header, organization } = report;
  return (
    <FlaggedTexts.Provider value={flaggedTexts}>
      <GoToLine.Provider value={goToLine}>
        <div className="text-sm" data-testid="import-structure">
          <Section title="บันทึกข้อความ" testId="parsed-header">
            <dl>
              <Field label="ส่วนราชการ">
                <Text value={header.issuingSection} /> {header.issuingPhone && <>โทร <Text value={header.issuingPhone} /></>}
              </Field>
              <Field label="ที่">
                <Text value={[header.documentCode, header.documentNumber].filter(Boolean).join("/")} />
              </Field>
              <Field label="วันที่">
                <Text value={header.memoDateText} />
                {header.memoDateText && !header.memoDate && <span className="ml-1 text-xs text-red-700">(อ่านเป็นวันที่ไม่ได้)</span>}
              </Field>
              <Field label="เรื่อง">
                <Text value={header.subject} />
              </Field>
              <Field label="เรียน">
                <Text value={header.addressee} />
              </Field>
              <Field label="ข้อความ">
                <p className="whitespace-pre-wrap">
                  <Text value={header.body} />
                </p>
              </Field>
              <Field label="หน่วยงาน">
                <Text value={organization.name} />
                {organization.annexName && organization.annexName !== organization.name && (
                  <span className="block text-xs text-slate-600">
                    ในตาราง: <Text value={organization.annexName} />
                  </span>
                )}
                {(organization.district || organization.province) && (
                  <span className="block text-xs text-slate-600">
                    อำเภอ{organization.district ?? "—"} จังหวัด{organization.province ?? "—"}
                  </span>
                )}
              </Field>
              <Field label="ปีงบประมาณ">{report.fiscalYearBe ?? <span className="text-slate-400">ไม่พบในเอกสาร</span>}</Field>
            </dl>
          </Section>

          <Section title="ผลคะแนน ITA" testId="parsed-scores">
            {report.scores.length === 0 ? (
              <p className="text-slate-400">ไม่พบ</p>
            ) : (
              <ul>
                {report.scores.map((score) => (
                  <li key={`${score.yearBe}-${score.line}`} className="flex items-baseline">
                    <span>
                      ปีงบประมาณ {score.yearBe}: <span className="tabular-nums">{formatScore(score.total)}</span> คะแนน ระดับ <Text value={score.level} />
                    </span>
                    <LineLink line={score.line} />
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section title="ผู้ลงนาม" testId="parsed-signatures">
            {report.signatures.length === 0 ? (
              <p className="text-slate-400">ไม่พบ</p>
            ) : (
              <ol className="space-y-2">
                {report.signatures.map((signature, index) => (
                  <li key={index} className="rounded border border-slate-100 px-2 py-1">
                    <div className="flex items-baseline justify-between">
                      <span className="font-medium">{ROLE_LABEL[signature.role]}</span>
                      <LineLink line={signature.line} />
                    </div>
                    {signature.heading && (
                      <div className="text-xs text-slate-500">
                        <Text value={signature.heading} />
                      </div>
                    )}
                    {signature.comment && (
                      <div>
                        ความเห็น: <Text value={signature.comment} />
                      </div>
                    )}
                    <div>
                      <Text value={personName(signature.title, signature.name)} />
                    </div>
                    <div className="text-slate-600">
                      <Text value={signature.position} />
                    </div>
                    {signature.actingPosition && (
                      <div className="text-slate-600">
                        <Text value={signature.actingPosition} />
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Section>

          <Section title={`ประเด็นและมาตรการ (${report.issues.length} ประเด็น)`} testId="parsed-issues">
            <ol className="space-y-3">
              {report.issues.map((issue, issueIndex) => (
                <li key={issueIndex} className="rounded-md border border-slate-200" data-testid="parsed-issue">
                  <div className="flex items-baseline justify-between bg-slate-50 px-2 py-1 font-medium">
                    <span>
                      ประเด็นที่ {issue.number ?? "?"} <Text value={issue.title} />
                    </span>
                    <LineLink line={issue.line} />
                  </div>
                  <ol className="divide-y divide-slate-100">
                    {issue.measures.map((measure, measureIndex) => (
                      <li key={measureIndex} className="px-2 py-2" data-testid="parsed-measure">
                        <div className="flex items-baseline justify-between">
                          <span className="font-medium">
                            มาตรการ {measureIndex + 1}: <Text value={measure.title} />
                          </span>
                          <LineLink line={measure.line} />
                        </div>
                        <dl className="mt-1">
                          <Field label="ขั้นตอน">
                            <List items={measure.steps} ordered />
                          </Field>
                          <Field label="ระยะเวลา">
                            <Text value={measure.periodText} />
                            {measure.periodStart && measure.periodEnd ? (
                              <span className="block text-xs text-slate-600">
                                อ่านได้: {day(measure.periodStart)} – {day(measure.periodEnd)}
                              </span>
                            ) : (
                              <span className="block text-xs text-amber-700">อ่านเป็นวันที่ไม่ได้: ร่างจะใช้ทั้งปีงบประมาณ</span>
                            )}
                          </Field>
                          <Field label="ผู้รับผิดชอบ">
                            <List items={measure.responsibleUnits} />
                          </Field>
                          <Field label="ผลการดำเนินการ">
                            {measure.resultItems.length === 0 ? (
                              <span className="text-slate-400">—</span>
                            ) : (
                              <ul>
                                {measure.resultItems.map((item, index) => (
                                  <li key={index} className="flex gap-1" data-checked={item.checked}>
                                    <span aria-label={item.checked ? "ทำแล้ว" : "ยังไม่ได้ทำ"} className={item.checked ? "text-emerald-700" : "text-slate-400"}>
                                      {item.checked ? "☑" : "☐"}
                                    </span>
                                    <span>
                                      <Text value={item.text} />
                                    </span>
                                  </li>
                                ))}
                              </ul>
                            )}
                          </Field>
                          <Field label="ผลลัพธ์">
                            <List items={measure.outcomes} />
                          </Field>
                        </dl>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </GoToLine.Provider>
    </FlaggedTexts.Provider>
  );
}
