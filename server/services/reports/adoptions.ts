// What each accepted report adopted (ReportAdoption), kept beside its content so that peer
// insight (server/services/dashboard/insight.ts) reads one row per organisation instead of every
// measure and result item of thousands of reports.
//
// A report adopted a suggested issue when it has at least one measure under a report issue
// linked to it, and a standard result item when such a measure has the item checked under the
// item's own suggested issue. Only ACCEPTED reports have a row: the workflow's review decisions
// (accept, return, reopen) call recordAdoptions in their transaction, and an accepted report's
// content cannot change. Seeds and tests that write reports directly call it too. The migration
// that created the table filled it with the same statement for the reports then accepted.
import { Prisma, type DbClient } from "@/server/db/client";

/**
 * Rewrites the adoptions of the given reports: their rows are removed, then written again for
 * those that are ACCEPTED now. Safe to call for any report in any state.
 */
export async function recordAdoptions(db: DbClient, { reports }: { reports: string[] }): Promise<void> {
  if (reports.length === 0) return;
  const chosen = Prisma.sql`rep.id IN (${Prisma.join(reports)})`;
  await db.$executeRaw`
    DELETE FROM "ReportAdoption" a USING "YearlyReport" rep
     WHERE a."organizationId" = rep."organizationId" AND a."fiscalYearId" = rep."fiscalYearId" AND ${chosen}`;
  await db.$executeRaw`
    INSERT INTO "ReportAdoption" ("organizationId", "fiscalYearId", "issueIds", "itemIds")
    SELECT rep."organizationId", rep."fiscalYearId",
           ARRAY(SELECT DISTINCT ri."suggestedIssueId" FROM "ReportIssue" ri
                  WHERE ri."reportId" = rep.id AND ri."suggestedIssueId" IS NOT NULL
                    AND EXISTS (SELECT 1 FROM "Measure" m WHERE m."issueId" = ri.id)
                  ORDER BY 1),
           ARRAY(SELECT DISTINCT sri.id FROM "ReportIssue" ri
                   JOIN "Measure" m ON m."issueId" = ri.id
                   JOIN "MeasureResultItem" i ON i."measureId" = m.id AND i.checked
                   JOIN "StandardResultItem" sri ON sri.id = i."standardItemId" AND sri."suggestedIssueId" = ri."suggestedIssueId"
                  WHERE ri."reportId" = rep.id
                  ORDER BY 1)
      FROM "YearlyReport" rep
     WHERE rep.status = 'ACCEPTED' AND ${chosen}`;
}
