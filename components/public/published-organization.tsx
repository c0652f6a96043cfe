// The parts of an organisation's public page. Server components: no script runs on these pages
// but Next's own.
import { LEVEL_BASIS_LABEL } from "@/server/domain/labels";
import { formatScore, formatThaiDate } from "@/server/domain/thai-format";
import type { LevelBasis } from "@/server/db/generated/enums";

type Score = {
  yearBe: number;
  total: number | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  level: string | null;
  levelBasis: LevelBasis | null;
  provenance: string;
};

const score = (value: number | null) => (value === null ? "–" : formatScore(value));

export function PublishedScores({ scores }: { scores: Score[] }) {
  if (scores.length === 0) return <p className="text-sm text-slate-600">ยังไม่มีผลการประเมินที่ประกาศ</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="public-scores">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-3 py-2">ปีงบประมาณ</th>
            <th className="px-3 py-2 text-right">คะแนน</th>
            <th className="px-3 py-2">ระดับ</th>
            <th className="px-3 py-2">ที่มา</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((result) => (
            <tr key={result.yearBe} className="border-t border-slate-100 align-top" data-testid={`public-score-${result.yearBe}`}>
              <td className="px-3 py-2">{result.yearBe}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {score(result.total)}
                {(result.iit ?? result.eit ?? result.oit) !== null && (
                  <div className="text-xs text-slate-500">
                    IIT {score(result.iit)} · EIT {score(result.eit)} · OIT {score(result.oit)}
                  </div>
                )}
              </td>
              <td className="px-3 py-2">
                {result.level ?? "–"}
                {result.levelBasis && <div className="text-xs text-slate-500">{LEVEL_BASIS_LABEL[result.levelBasis]}</div>}
              </td>
              <td className="px-3 py-2 text-slate-600">{result.provenance}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Measure = {
  id: string;
  title: string;
  steps: string[];
  periodStart: string;
  periodEnd: string;
  responsibleUnits: string[];
  resultItems: string[];
  outcomes: string[];
};

function Field({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-2">
      <dt className="text-xs font-semibold text-slate-500">{label}</dt>
      <dd>
        <ul className="list-disc pl-5">
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

/** Issue by issue, each measure a card: readable on a phone, where a seven-column table is not. */
export function PublishedMeasures({ issues }: { issues: { id: string; title: string; measures: Measure[] }[] }) {
  return (
    <ol className="space-y-4" data-testid="public-issues">
      {issues.map((issue, issueIndex) => (
        <li key={issue.id}>
          <h3 className="mb-2 font-semibold">
            ประเด็นที่ {issueIndex + 1} {issue.title}
          </h3>
          <div className="space-y-3">
            {issue.measures.map((measure, measureIndex) => (
              <article key={measure.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm break-words" data-testid="public-measure">
                <h4 className="font-medium">
                  {issueIndex + 1}.{measureIndex + 1} {measure.title}
                </h4>
                <dl>
                  <div className="mt-1 text-slate-600">
                    ระยะเวลา {formatThaiDate(new Date(`${measure.periodStart}T00:00:00Z`))} – {formatThaiDate(new Date(`${measure.periodEnd}T00:00:00Z`))}
                  </div>
                  <Field label="ขั้นตอน" items={measure.steps} />
                  <Field label="ผู้รับผิดชอบ" items={measure.responsibleUnits} />
                  <Field label="ผลการดำเนินการ" items={measure.resultItems} />
                  <Field label="ผลลัพธ์" items={measure.outcomes} />
                </dl>
              </article>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** What the organisation pastes into its own website: a link with the badge image. */
export function WebsiteSnippet({ origin, dlaCode, nameTh }: { origin: string; dlaCode: string; nameTh: string }) {
  const page = `${origin}/public/${dlaCode}`;
  const snippet = `<a href="${page}"><img src="${origin}/api/public/${dlaCode}/badge.svg" alt="รายงานมาตรการ ITA ${nameTh}" height="24"></a>`;
  return (
    <section className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="public-snippet">
      <h2 className="mb-1 font-semibold">สำหรับเว็บไซต์ของหน่วยงาน</h2>
      <p className="mb-2 text-slate-600">คัดลอกโค้ดนี้ไปวางบนเว็บไซต์หลักของหน่วยงาน เพื่อแสดงป้ายคะแนนล่าสุดที่ลิงก์มายังหน้านี้ (เป็นรูปภาพ ไม่มีสคริปต์)</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- the badge as the snippet shows it */}
      <img src={`/api/public/${dlaCode}/badge.svg`} alt="ป้ายคะแนน ITA" height={24} className="mb-2" />
      <textarea readOnly rows={3} value={snippet} className="w-full rounded border border-slate-300 p-2 font-mono text-xs" aria-label="โค้ดสำหรับเว็บไซต์" />
    </section>
  );
}
