// The profile's "อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้": per suggested issue of the chosen year, what
// the top quartile of comparable organisations adopted in accepted reports and this one did not.
import Link from "next/link";
import type { OrganizationInsight, PeerGroup } from "@/server/services/dashboard/insight";
import { formatInteger, formatScore } from "@/server/domain/thai-format";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { PeerInsightItems } from "./peer-insight-items";

export const PEER_GROUP_LABEL: Record<PeerGroup, string> = { province: "ในจังหวัดเดียวกัน", national: "ทั้งประเทศ" };

export function tooFewText(insight: OrganizationInsight): string {
  return `มี ${ORGANIZATION_TYPE_LABEL[insight.organizationType].short} ที่มีคะแนนประกาศหรือยืนยันแล้วในกลุ่มนี้ ${formatInteger(insight.groupSize)} แห่ง น้อยกว่า ${formatInteger(insight.minGroup)} แห่ง จึงน้อยเกินไปที่จะสรุปโดยไม่ชี้ตัวหน่วยงาน`;
}

export function PeerInsightSection({ insight, years, href }: { insight: OrganizationInsight; years: number[]; href: (yearBe: number, peers: PeerGroup) => string }) {
  const type = ORGANIZATION_TYPE_LABEL[insight.organizationType].short;
  return (
    <section id="peer-insight" className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="peer-insight">
      <h2 className="text-lg font-semibold">อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้</h2>
      <p className="mb-2 text-sm text-slate-600">
        เทียบกับ{type}{PEER_GROUP_LABEL[insight.peers]} ปีงบประมาณ {insight.yearBe}: ผลการดำเนินการที่กลุ่มคะแนน ITA สูงสุด 25% ทำในรายงานที่ได้รับการรับรองแล้ว
        แต่รายงานที่รับรองแล้วของหน่วยงานนี้ยังไม่มี พร้อมการเปลี่ยนแปลงคะแนนของกลุ่มนั้นในปีถัดไป (แสดงเฉพาะตัวเลขรวม ไม่ระบุชื่อหน่วยงานอื่น)
      </p>
      <nav className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="เลือกปีและกลุ่มเปรียบเทียบ">
        {(Object.keys(PEER_GROUP_LABEL) as PeerGroup[]).map((peers) => (
          <Link key={peers} href={href(insight.yearBe, peers)} aria-current={peers === insight.peers ? "true" : undefined}
            className={`rounded border px-2 py-0.5 ${peers === insight.peers ? "border-teal-700 bg-teal-50 font-semibold text-teal-900" : "border-slate-300"}`}>
            {PEER_GROUP_LABEL[peers]}
          </Link>
        ))}
        <span className="text-slate-400">|</span>
        {years.map((yearBe) => (
          <Link key={yearBe} href={href(yearBe, insight.peers)} aria-current={yearBe === insight.yearBe ? "true" : undefined}
            className={`rounded border px-2 py-0.5 ${yearBe === insight.yearBe ? "border-teal-700 bg-teal-50 font-semibold text-teal-900" : "border-slate-300"}`}>
            {yearBe}
          </Link>
        ))}
      </nav>
      {insight.tooFew ? (
        <p className="text-sm text-amber-800" data-testid="peer-insight-too-few">{tooFewText(insight)}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            กลุ่มเปรียบเทียบ {formatInteger(insight.groupSize)} แห่ง · กลุ่มคะแนนสูงสุด 25% {formatInteger(insight.topQuartileSize)} แห่ง (คะแนนตั้งแต่{" "}
            {insight.topQuartileMinTotal === null ? "—" : formatScore(insight.topQuartileMinTotal)})
            {!insight.hasAcceptedReport && " · หน่วยงานนี้ยังไม่มีรายงานที่รับรองแล้วในปีนี้"}
          </p>
          <div className="space-y-3">
            {insight.issues.map((issue) => (
              <div key={issue.id}>
                <h3 className="text-sm font-semibold">ประเด็นที่ {formatInteger(issue.ordinal)} {issue.title}</h3>
                <PeerInsightItems items={issue.items} topQuartileSize={insight.topQuartileSize} />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
