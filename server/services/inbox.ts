// What awaits the user: reports to endorse or review, reports sent back or returned to their
// preparer, and deadlines coming up. Computed from the reports' states, never stored.
import type { DbClient } from "@/server/db/client";
import type { Access } from "@/server/access/access";
import { grantsWith, mayAnywhere, organizationsWhere } from "@/server/access/permissions";
import { daysToDeadline } from "@/server/domain/deadline";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { provinceDeadlines } from "./deadlines";

export type InboxItem = {
  kind: "endorse" | "review" | "returned" | "sentBack" | "deadline";
  reportId: string | null;
  organizationId: string;
  organizationName: string;
  yearBe: number;
  message: string;
  deadline: Date;
};

const DEADLINE_WARNING_DAYS = 30;

export async function listInbox(db: DbClient, access: Access, now: Date = new Date()): Promise<InboxItem[]> {
  const editorOrgs = grantsWith(access, "report.prepare").map((g) => g.organizationId!);
  const signerGrants = grantsWith(access, "report.endorse");
  const reviews = mayAnywhere(access, "report.review");
  const select = {
    id: true,
    status: true,
    organizationId: true,
    organization: { select: { nameTh: true } },
    fiscalYear: { select: { yearBe: true, submissionDeadline: true } },
  } as const;

  const [toEndorse, toReview, ownReports, openYears] = await Promise.all([
    signerGrants.length
      ? db.yearlyReport.findMany({
          where: { status: "IN_SIGN_OFF", OR: signerGrants.map((g) => ({ organizationId: g.organizationId!, currentStep: g.signOffStep! })) },
          select: { ...select, currentStep: true },
        })
      : [],
    reviews
      ? db.yearlyReport.findMany({ where: { status: "SUBMITTED", organization: organizationsWhere(access, "report.review") }, select })
      : [],
    editorOrgs.length
      ? db.yearlyReport.findMany({
          where: { organizationId: { in: editorOrgs } },
          select: { ...select, signOffs: { orderBy: { signedAt: "desc" }, take: 1, select: { decision: true, step: true } } },
        })
      : [],
    editorOrgs.length ? db.fiscalYear.findMany({ where: { isOpen: true } }) : [],
  ]);

  const item = (kind: InboxItem["kind"], report: (typeof toReview)[number], message: string): InboxItem => ({
    kind,
    reportId: report.id,
    organizationId: report.organizationId,
    organizationName: report.organization.nameTh,
    yearBe: report.fiscalYear.yearBe,
    message,
    deadline: report.fiscalYear.submissionDeadline,
  });
  const items: InboxItem[] = [
    ...toEndorse.map((report) => item("endorse", report, `รอความเห็นของ${SIGN_OFF_STEP_LABEL[report.currentStep!]}`)),
    ...toReview.map((report) => item("review", report, "ส่งจังหวัดแล้ว รอการตรวจ")),
    ...ownReports
      .filter((report) => report.status === "RETURNED")
      .map((report) => item("returned", report, "ผู้ตรวจส่งกลับให้แก้ไข")),
    ...ownReports
      .filter((report) => report.status === "DRAFT" && report.signOffs[0]?.decision === "SENT_BACK")
      .map((report) => item("sentBack", report, `${SIGN_OFF_STEP_LABEL[report.signOffs[0]!.step]}ส่งกลับให้แก้ไข`)),
  ];

  // Open years whose deadline is near or past and whose report has not yet gone to the province.
  const soon = now.getTime() + DEADLINE_WARNING_DAYS * 86_400_000;
  // Each organisation's deadline is its province's when that province has a later one.
  const organizations = editorOrgs.length
    ? await db.localOrganization.findMany({ where: { id: { in: editorOrgs } }, select: { id: true, nameTh: true, district: { select: { provinceId: true } } } })
    : [];
  for (const year of openYears) {
    const deadlineOf = await provinceDeadlines(db, year);
    for (const organization of organizations) {
      const deadline = deadlineOf(organization.district.provinceId).deadline;
      if (deadline.getTime() > soon) continue;
      const report = ownReports.find((r) => r.organizationId === organization.id && r.fiscalYear.yearBe === year.yearBe);
      if (report && (report.status === "SUBMITTED" || report.status === "ACCEPTED")) continue;
      const overdue = daysToDeadline(deadline, now) < 0;
      items.push({
        kind: "deadline",
        reportId: report?.id ?? null,
        organizationId: organization.id,
        organizationName: organization.nameTh,
        yearBe: year.yearBe,
        message: overdue ? "เลยกำหนดส่งรายงานแล้ว" : "ใกล้กำหนดส่งรายงาน",
        deadline,
      });
    }
  }
  return items.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
}
