import { areaProcedure, createTRPCRouter } from "@/server/api/trpc";
import { areaDependency, cachedDashboardResult } from "@/server/services/dashboard/cache";
import {
  getIssueAcrossOrganizations,
  getIssueAdoption,
  getDrilldownTitles,
  getIssueMeasure,
  getOrganizationIssueMeasures,
  ZDrilldownTitlesInput,
  ZIssueInput,
  ZIssueMeasureInput,
  ZOrganizationIssueInput,
} from "@/server/services/dashboard/issue-drilldown";
import { ZAreaOverviewInput } from "@/server/services/dashboard/overview";

export const drilldownRouter = createTRPCRouter({
  /** Every suggested issue and ITA indicator of the year: organisations with measures, result-item shares. */
  issues: areaProcedure
    .input(ZAreaOverviewInput)
    .query(({ ctx, input }) =>
      cachedDashboardResult({ db: ctx.db, key: ["drilldown.issues", input], dependsOn: areaDependency(ctx.area, [input.yearBe]) }, () =>
        getIssueAdoption(ctx.db, ctx.area, input),
      ),
    ),
  /** One issue across the organisations: who has measures, who has nothing, result-item adoption. */
  issue: areaProcedure
    .input(ZIssueInput)
    .query(({ ctx, input }) =>
      cachedDashboardResult({ db: ctx.db, key: ["drilldown.issue", input], dependsOn: areaDependency(ctx.area, [input.yearBe]) }, () =>
        getIssueAcrossOrganizations(ctx.db, ctx.area, input),
      ),
    ),
  /** What a page of levels 2–4 names in its title (the issue, the organisation, the measure), or NOT_FOUND as its data would be. */
  titles: areaProcedure
    .input(ZDrilldownTitlesInput)
    .query(({ ctx, input }) => getDrilldownTitles(ctx.db, ctx.area, input)),
  /** One organisation's measures under an issue. */
  organizationMeasures: areaProcedure
    .input(ZOrganizationIssueInput)
    .query(({ ctx, input }) => getOrganizationIssueMeasures(ctx.db, ctx.area, input)),
  /** One measure in full. */
  measure: areaProcedure
    .input(ZIssueMeasureInput)
    .query(({ ctx, input }) => getIssueMeasure(ctx.db, ctx.access, ctx.area, input)),
});
