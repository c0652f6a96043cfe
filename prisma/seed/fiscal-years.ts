// Creates a fiscal year with its framework from the seed data (framework.ts).
import type { DbClient } from "@/server/db/client";
import { createFiscalYear } from "@/server/services/fiscal-years";
import { fiscalYearSeed } from "./data/framework";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createSeedFiscalYear(tx: DbClient, yearBe: number, options: { isOpen: boolean }) {
  const year = fiscalYearSeed(yearBe);
  return createFiscalYear(tx, {
    ...year,
    startDate: day(year.startDate),
    endDate: day(year.endDate),
    submissionDeadline: day(year.submissionDeadline),
    isOpen: options.isOpen,
  });
}
