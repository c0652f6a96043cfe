import { createTRPCRouter, holdingProcedure, nationalProcedure, signedInProcedure } from "@/server/api/trpc";
import { extendDeadline, listDeadlines, removeDeadlineExtension, ZDeadlineExtension } from "@/server/services/deadlines";
import {
  copyFiscalYear,
  getFramework,
  listFiscalYears,
  saveSubmissionDeadline,
  setFiscalYearOpen,
} from "@/server/services/fiscal-years";
import { saveIndicators, saveLevelRules, saveSuggestedIssues, ZIndicators, ZLevelRules, ZSuggestedIssues } from "@/server/services/framework-items";
import { calendarDaySchema, idSchema, yearBeSchema, z } from "@/server/validation";

const year = z.object({ yearBe: yearBeSchema });
const frameworkProcedure = nationalProcedure("framework.manage");
// Province administrators read the framework to set their province's later deadline.
const frameworkReadProcedure = holdingProcedure("deadline.extend");

// Each fiscal year's framework is the national administrator's to change; a province's later
// deadline is its administrator's (checked in the deadline service).
export const frameworkRouter = createTRPCRouter({
  years: frameworkReadProcedure.query(({ ctx }) => listFiscalYears(ctx.db)),
  get: frameworkReadProcedure.input(year).query(({ ctx, input }) => getFramework(ctx.db, input.yearBe)),
  copyYear: frameworkProcedure.input(z.object({ fromYearBe: yearBeSchema })).mutation(({ ctx, input }) => copyFiscalYear(ctx, input)),
  setOpen: frameworkProcedure.input(year.extend({ isOpen: z.boolean() })).mutation(({ ctx, input }) => setFiscalYearOpen(ctx, input)),
  saveDeadline: frameworkProcedure
    .input(year.extend({ submissionDeadline: calendarDaySchema("กำหนดส่ง") }))
    .mutation(({ ctx, input }) => saveSubmissionDeadline(ctx, input)),
  saveLevelRules: frameworkProcedure.input(ZLevelRules).mutation(({ ctx, input }) => saveLevelRules(ctx, input)),
  saveIndicators: frameworkProcedure.input(ZIndicators).mutation(({ ctx, input }) => saveIndicators(ctx, input)),
  saveSuggestedIssues: frameworkProcedure.input(ZSuggestedIssues).mutation(({ ctx, input }) => saveSuggestedIssues(ctx, input)),
  deadlines: signedInProcedure.input(year).query(({ ctx, input }) => listDeadlines(ctx, input)),
  extendDeadline: signedInProcedure.input(ZDeadlineExtension).mutation(({ ctx, input }) => extendDeadline(ctx, input)),
  removeDeadlineExtension: signedInProcedure
    .input(year.extend({ provinceId: idSchema }))
    .mutation(({ ctx, input }) => removeDeadlineExtension(ctx, input)),
});
