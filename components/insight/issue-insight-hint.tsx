"use client";
// The editor's hint beside a suggested issue: what the top quartile of comparable organisations
// (same type, same province) adopted under the same issue in the previous fiscal year's accepted
// reports and this organisation did not. Collapsed; asked for only when opened. The previous
// year's issue is the one with the same title (each year's catalogue has its own ids).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { PeerInsightItems } from "./peer-insight-items";

export function IssueInsightHint({ organizationId, yearBe, issueTitle }: { organizationId: string; yearBe: number; issueTitle: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const previousYear = yearBe - 1;
  const insight = useQuery(trpc.insight.organization.queryOptions({ organizationId, yearBe: previousYear, peers: "province" }, { enabled: open, retry: false }));
  const issue = insight.data?.issues.find((candidate) => candidate.title.trim() === issueTitle.trim());
  return (
    <details className="rounded border border-teal-200 bg-teal-50/60 px-3 py-2 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="issue-insight-hint">
      <summary className="cursor-pointer font-medium text-teal-900">อปท. ที่คะแนนสูงสุด 25% ทำสิ่งนี้ (ปีงบประมาณ {previousYear})</summary>
      <div className="mt-2">
        {insight.isPending && open && <p className="text-slate-500">กำลังโหลด…</p>}
        {insight.isError && <p className="text-slate-500">ไม่มีข้อมูลของปีงบประมาณ {previousYear}</p>}
        {insight.data &&
          (insight.data.tooFew ? (
            <p className="text-amber-800">หน่วยงานประเภทเดียวกันในจังหวัดที่มีคะแนนประกาศแล้วมีน้อยกว่า {insight.data.minGroup} แห่ง จึงน้อยเกินไปที่จะสรุป</p>
          ) : issue ? (
            <>
              <p className="mb-1 text-xs text-slate-600">
                จากรายงานที่รับรองแล้วของกลุ่มคะแนนสูงสุด 25% ({insight.data.topQuartileSize} แห่ง) ในจังหวัด ซึ่งรายงานที่รับรองแล้วของหน่วยงานนี้ยังไม่มี
              </p>
              <PeerInsightItems items={issue.items} topQuartileSize={insight.data.topQuartileSize} />
            </>
          ) : (
            <p className="text-slate-500">ปีงบประมาณ {previousYear} ไม่มีประเด็นแนะนำนี้</p>
          ))}
      </div>
    </details>
  );
}
