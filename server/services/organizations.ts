// An organisation's own page (issue 4, item 4): who it is, where it is, and year by year its
// report (status) and its ITA result (total, IIT/EIT/OIT where known, the announced level and
// the level the year's rules derive, a disagreement flagged), invented data marked.
// Callers have checked read access (requireReadableOrganization: its own staff and the
// reviewers of its district or province).
import { organizationNode, type Access } from "@/server/access/access";
import { can } from "@/server/access/permissions";
import type { DbClient } from "@/server/db/client";
import { effectiveDeadline } from "@/server/domain/deadline";
import type { ItaResultChangeKind } from "@/server/db/generated/enums";
import { personName } from "@/server/domain/thai-format";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { managesResults, reportsResults, RESULT_VIEW_SELECT, resultView, type ResultSnapshot } from "./ita-results";

export async function getOrganizationProfile(db: DbClient, access: Access, organizationId: string) {
  const [organization, yearRows] = await Promise.all([
    db.localOrganization.findUnique({
      where: { id: organizationId },
      include: {
        district: { include: { province: true } },
        typeHistory: { orderBy: { validFrom: "asc" } },
      },
    }),
    listOrganizationYears(db, organizationId),
  ]);
  if (!organization) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  const node = organizationNode({ ...organization, district: { provinceId: organization.district.provinceId } });
  // saveOrganizationItaResult's rules: province staff enter, confirm and change (with a reason);
  // the preparer reports its own result in an open year without an announced or confirmed one.
  const managesScores = managesResults(access, node);
  const reportsScores = reportsResults(access, node);
  // createReport's rule: the organisation's preparer, in a year open for reports, once.
  const isPreparer = can(access, "report.prepare", organizationNode(organization));
  const years = yearRows.map((year) => ({
    ...year,
    mayCreateReport: isPreparer && year.isOpen && !year.report,
    scoreActions: {
      confirm: managesScores && year.itaResult?.unconfirmed === true,
      /** Province staff: enter, or change with a reason. */
      enter: managesScores,
      /** The preparer: report its own result (none announced or confirmed, the year open). */
      report: !managesScores && reportsScores && year.isOpen && (year.itaResult === null || year.itaResult.unconfirmed),
    },
    previousYearHasReport: yearRows.some((other) => other.yearBe === year.yearBe - 1 && other.report !== null),
  }));
  return {
    ...organization,
    years,
    /** The caller prepares this organisation's reports (creates, imports, edits them). */
    mayPrepareReport: isPreparer,
    /** Some report or result shown is DEMO or SYNTHETIC: the page says so. */
    containsInventedData: years.some(
      (year) => (year.report && year.report.origin !== "REAL") || (year.itaResult && year.itaResult.origin !== "REAL"),
    ),
  };
}

/** Every fiscal year, newest first, with the organisation's report and ITA result in it. */
async function listOrganizationYears(db: DbClient, organizationId: string) {
  const years = await db.fiscalYear.findMany({
    orderBy: { yearBe: "desc" },
    include: {
      // The organisation's province's later deadline, if it set one.
      deadlineExtensions: {
        where: { province: { districts: { some: { organizations: { some: { id: organizationId } } } } } },
        select: { deadline: true },
      },
      reports: {
        where: { organizationId },
        select: { id: true, status: true, version: true, origin: true, updatedAt: true, submittedAt: true },
      },
      itaResults: {
        where: { organizationId },
        select: {
          ...RESULT_VIEW_SELECT,
          sourceFileName: true,
          confirmedBy: { select: { displayName: true, titlePrefix: true } },
          changes: {
            orderBy: { createdAt: "desc" },
            select: { id: true, kind: true, actorName: true, reason: true, before: true, after: true, createdAt: true },
          },
        },
      },
    },
  });
  return years.map((year) => ({
    fiscalYearId: year.id,
    yearBe: year.yearBe,
    submissionDeadline: effectiveDeadline(year.submissionDeadline, year.deadlineExtensions[0]?.deadline),
    isOpen: year.isOpen,
    report: year.reports[0] ?? null,
    itaResult: year.itaResults[0] ? profileResult(year.itaResults[0]) : null,
  }));
}

type ProfileResultRow = Parameters<typeof resultView>[0] & {
  sourceFileName: string | null;
  confirmedBy: { displayName: string; titlePrefix: string | null } | null;
  changes: { id: string; kind: ItaResultChangeKind; actorName: string | null; reason: string | null; before: unknown; after: unknown; createdAt: Date }[];
};

/** A result with its provenance and its history (every change, newest first). */
function profileResult({ changes, confirmedBy, ...row }: ProfileResultRow) {
  return {
    ...resultView(row),
    confirmedByName: confirmedBy ? personName(confirmedBy.titlePrefix, confirmedBy.displayName) : null,
    changes: changes.map((change) => ({
      ...change,
      before: change.before as ResultSnapshot | null,
      after: change.after as ResultSnapshot,
    })),
  };
}
