// Fiscal years and their framework (level rules, tool weights, indicators, suggested issues
// with their standard result items): data set up by administrators, never hard-coded.
import type { DbClient } from "@/server/db/client";
import type { ItaTool } from "@/server/db/generated/enums";

export type FiscalYearFrameworkInput = {
  yearBe: number;
  startDate: Date;
  endDate: Date;
  submissionDeadline: Date;
  isOpen: boolean;
  weights: { iit: number; eit: number; oit: number };
  levelRules: { rank: number; label: string; minTotal: number; minEachTool: number | null; passing: boolean }[];
  indicators: { number: number; nameTh: string; tool: ItaTool }[];
  suggestedIssues: { ordinal: number; title: string; indicatorNumbers: number[]; resultItems: string[] }[];
};

/** Creates a fiscal year with its whole framework. Run inside a transaction. */
export async function createFiscalYear(tx: DbClient, input: FiscalYearFrameworkInput) {
  return tx.fiscalYear.create({
    data: {
      yearBe: input.yearBe,
      startDate: input.startDate,
      endDate: input.endDate,
      submissionDeadline: input.submissionDeadline,
      isOpen: input.isOpen,
      weightIit: input.weights.iit,
      weightEit: input.weights.eit,
      weightOit: input.weights.oit,
      levelRules: { create: input.levelRules },
      indicators: { create: input.indicators },
      suggestedIssues: {
        create: input.suggestedIssues.map((issue) => ({
          ordinal: issue.ordinal,
          title: issue.title,
          indicatorNumbers: issue.indicatorNumbers,
          resultItems: { create: issue.resultItems.map((text, index) => ({ ordinal: index + 1, text })) },
        })),
      },
    },
  });
}
