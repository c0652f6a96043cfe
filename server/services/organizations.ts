// An organisation's own page: who it is and its reports and scores year by year.
// Callers have checked read access (requireReadableOrganization).
import type { DbClient } from "@/server/db/client";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { scoresToNumbers } from "./ita-results";

export async function getOrganizationProfile(db: DbClient, organizationId: string) {
  const organization = await db.localOrganization.findUnique({
    where: { id: organizationId },
    include: {
      district: { include: { province: true } },
      typeHistory: { orderBy: { validFrom: "asc" } },
    },
  });
  if (!organization) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return organization;
}

/** Every fiscal year, newest first, with the organisation's report and ITA result in it. */
export async function listOrganizationYears(db: DbClient, organizationId: string) {
  const years = await db.fiscalYear.findMany({
    orderBy: { yearBe: "desc" },
    include: {
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
    submissionDeadline: year.submissionDeadline,
    isOpen: year.isOpen,
    report: year.reports[0] ?? null,
    itaResult: year.itaResults[0] ? scoresToNumbers(year.itaResults[0]) : null,
  }));
}
