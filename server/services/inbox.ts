// What awaits the user: reports to endorse or review, reports sent back or returned to their
// preparer, reports of one's province waiting at a step nobody can sign (its administrators'),
// and deadlines coming up. Computed from the reports' states, never stored.
import { Prisma, type DbClient } from "@/server/db/client";
import { ORGANIZATION_NODE_SELECT, organizationNode, type Access } from "@/server/access/access";
import { organizationsUnderSql } from "@/server/access/nodes";
import { grantsWith, mayAnywhere, nodesFor, organizationsWhere } from "@/server/access/permissions";
import { daysToDeadline } from "@/server/domain/deadline";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { allowedActions, districtStepOf } from "@/server/domain/report-workflow";
import { provinceDeadlines } from "./deadlines";
import { reportActor } from "./reports/reports";
import { activeSignersSql } from "./reports/signers";

export type InboxItem = {
  kind: "endorse" | "review" | "returned" | "sentBack" | "unsignable" | "deadline";
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
  // The country's administrators find these on the status boards; a province's are told here.
  const rerouteScopes = nodesFor(access, "report.reroute").filter((scope) => scope.kind !== "national");
  const select = {
    id: true,
    status: true,
    organizationId: true,
    organization: { select: { nameTh: true } },
    fiscalYear: { select: { yearBe: true, submissionDeadline: true } },
  } as const;

  const [toEndorse, toReview, ownReports, openYears, unsignable] = await Promise.all([
    signerGrants.length
      ? db.yearlyReport.findMany({
          where: { status: "IN_SIGN_OFF", OR: signerGrants.map((g) => ({ organizationId: g.organizationId!, currentStep: g.signOffStep! })) },
          select: { ...select, currentStep: true },
        })
      : [],
    reviews
      ? db.yearlyReport.findMany({
          where: { status: "SUBMITTED", organization: organizationsWhere(access, "report.review") },
          select: {
            ...select,
            currentStep: true,
            districtEndorsedAt: true,
            organization: { select: { nameTh: true, ...ORGANIZATION_NODE_SELECT, district: { select: { provinceId: true, province: { select: { requireDistrictEndorsement: true } } } } } },
          },
        })
      : [],
    editorOrgs.length
      ? db.yearlyReport.findMany({
          where: { organizationId: { in: editorOrgs } },
          select: { ...select, signOffs: { orderBy: { signedAt: "desc" }, take: 1, select: { decision: true, step: true } } },
        })
      : [],
    editorOrgs.length ? db.fiscalYear.findMany({ where: { isOpen: true } }) : [],
    rerouteScopes.length
      ? db.$queryRaw<{ id: string }[]>`
          SELECT r.id FROM "YearlyReport" r
            JOIN "LocalOrganization" o ON o.id = r."organizationId"
            JOIN "District" d ON d.id = o."districtId"
           WHERE r.status = 'IN_SIGN_OFF' AND (${Prisma.join(rerouteScopes.map(organizationsUnderSql), " OR ")})
             AND NOT EXISTS (SELECT 1 FROM (${activeSignersSql(Prisma.sql`r."organizationId"`)}) signer WHERE signer.step = r."currentStep")`.then((rows) =>
          rows.length ? db.yearlyReport.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: { ...select, currentStep: true } }) : [],
        )
      : [],
  ]);

  type Listed = { id: string; organizationId: string; organization: { nameTh: string }; fiscalYear: { yearBe: number; submissionDeadline: Date } };
  const item = (kind: InboxItem["kind"], report: Listed, message: string): InboxItem => ({
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
    // A reviewer is told of the reports awaiting a decision of theirs: where the province requires
    // the district's step, the district's reviewer first, then the province's.
    ...toReview.flatMap((report) => {
      const step = districtStepOf(report.organization.district.province.requireDistrictEndorsement, report.districtEndorsedAt);
      const actions = allowedActions({ ...report, districtStep: step }, reportActor(access, organizationNode(report.organization)), { isOpen: true });
      if (actions.includes("endorseForDistrict")) return [item("review", report, "ส่งจังหวัดแล้ว รอความเห็นชอบของอำเภอ")];
      if (!actions.includes("accept")) return [];
      return [item("review", report, step === "endorsed" ? "อำเภอเห็นชอบแล้ว รอจังหวัดตรวจ" : "ส่งจังหวัดแล้ว รอการตรวจ")];
    }),
    ...ownReports
      .filter((report) => report.status === "RETURNED")
      .map((report) => item("returned", report, "ผู้ตรวจส่งกลับให้แก้ไข")),
    ...ownReports.flatMap((report) => {
      const last = report.signOffs[0];
      if (report.status !== "DRAFT" || !last) return [];
      if (last.decision === "SENT_BACK") return [item("sentBack", report, `${SIGN_OFF_STEP_LABEL[last.step]}ส่งกลับให้แก้ไข`)];
      return last.decision === "REROUTED" ? [item("sentBack", report, "ผู้ดูแลระบบส่งกลับให้แก้ไข")] : [];
    }),
    ...unsignable.map((report) => item("unsignable", report, `รอความเห็นของ${SIGN_OFF_STEP_LABEL[report.currentStep!]} แต่ขั้นนี้ยังไม่มีผู้ลงนาม`)),
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
