import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** What report.get answers: the editor's whole input. */
export type EditorReport = inferRouterOutputs<AppRouter>["report"]["get"];
export type EditorFiscalYear = EditorReport["fiscalYear"];
export type SuggestedIssue = EditorFiscalYear["suggestedIssues"][number];
export type ItaResultRow = EditorReport["itaResults"][number];
