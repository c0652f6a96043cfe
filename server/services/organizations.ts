// An organisation's own page (issue 4, item 4): who it is, where it is, and year by year its
// report (status) and its ITA result (total, IIT/EIT/OIT where known, the announced level and
// the level the year's rules derive, a disagreement flagged), invented data marked.
// Callers have checked read access (requireReadableOrganization: its own staff and the
// reviewers of its district or province).
import { canWriteOrganization, type Access } from "@/server/access/access";
import type { DbClient } from "@/server/db/client";
import { effectiveDeadline } from "@/server/domain/deadline";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { scoresToNumbers } from "./ita-results";

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
  // createReport's rule: the organisation's preparer, in a year open for reports, once.
  const isPreparer = canWriteOrganization(access, organizationId, ["ORG_EDITOR"]);
  const years = yearRows.map((year) => ({
    ...year,
    mayCreateReport: isPreparer && year.isOpen && !year.report,
    previousYearHasReport: yearRows.some((other) => other.yearBe === year.yearBe - 1 && other.report !== null),
  }));
  return {
    ...organization,
    years,
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
          total: true,
          iit: true,
          eit: true,
          oit: true,
          announcedLevel: true,
          derivedLevel: true,
          levelMismatch: true,
          origin: true,
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
    itaResult: year.itaResults[0] ? scoresToNumbers(year.itaResults[0]) : null,
  }));
}
