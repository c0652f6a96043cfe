import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IndicatorsSection, LevelRulesSection, SuggestedIssuesSection, YearSection } from "@/components/admin/framework-editor";
import { ProvinceDeadlines } from "@/components/admin/province-deadlines";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "กรอบการประเมินของปีงบประมาณ" };

type Props = { params: Promise<{ yearBe: string }> };

export default async function FrameworkYearPage({ params }: Props) {
  const yearBe = Number((await params).yearBe);
  if (!Number.isInteger(yearBe)) notFound();
  const caller = await getServerCaller();
  const [framework, deadlines, me] = await callOrRedirect(() =>
    Promise.all([caller.framework.get({ yearBe }), caller.framework.deadlines({ yearBe }), caller.me.get()]),
  );
  // Each section starts again from the saved data after a save (router.refresh gives new props).
  const key = (part: unknown) => JSON.stringify(part);
  return (
    <>
      <PageTitle title={`กรอบการประเมิน ปีงบประมาณ ${yearBe}`} />
      <AdminNav current="frameworks" />
      <Link href="/admin/frameworks" className="mb-4 inline-block text-sm text-teal-800 hover:underline">
        ← ทุกปีงบประมาณ
      </Link>
      {me.administers.framework && (
        <>
          <YearSection key={key([framework.isOpen, framework.submissionDeadline])} framework={framework} />
          <LevelRulesSection key={key(framework.levelRules)} framework={framework} />
          <IndicatorsSection key={key(framework.indicators)} framework={framework} />
          <SuggestedIssuesSection key={key(framework.suggestedIssues)} framework={framework} />
        </>
      )}
      <section className="mb-6" data-testid="deadline-extensions">
        <h2 className="mb-2 text-lg font-semibold">กำหนดส่งรายจังหวัด</h2>
        <p className="mb-3 text-sm text-slate-600">จังหวัดขยายกำหนดส่งให้ อปท. ในจังหวัดได้ โดยต้องหลังกำหนดส่งของปี</p>
        <ProvinceDeadlines deadlines={deadlines} />
      </section>
    </>
  );
}
