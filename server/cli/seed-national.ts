// npm run db:seed:national [-- --provinces N] [--report-years N] [--replace]
// Loads the synthetic national dataset (prisma/seed/national) for load tests and benchmarks,
// through the privileged connection.
import { parseArgs } from "node:util";
import { openDatabase } from "@/server/db/client";
import { migrationConfigFromEnv } from "@/server/db/connection";
import { DEFAULT_REPORT_YEARS, NationalDatasetExistsError, seedNationalDataset } from "@/prisma/seed/national";
import { NATIONAL_PROVINCES } from "@/prisma/seed/national/generate";

class UsageError extends Error {}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} ต้องเป็นจำนวนเต็ม (--${name} must be a whole number; got "${value}")`);
  return Number(value);
}

async function main() {
  const { values } = parseArgs({
    options: {
      provinces: { type: "string" },
      "report-years": { type: "string" },
      replace: { type: "boolean", default: false },
    },
  });
  const provinces = wholeNumber("provinces", values.provinces, NATIONAL_PROVINCES);
  const reportYears = wholeNumber("report-years", values["report-years"], DEFAULT_REPORT_YEARS);
  const config = migrationConfigFromEnv();
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const database = await openDatabase(config);
  try {
    console.log(`ข้อมูลสังเคราะห์ระดับประเทศ: ${provinces} จังหวัด, รายงาน ${reportYears} ปีล่าสุด (${config.kind})`);
    const summary = await seedNationalDataset(database.db, {
      provinces,
      reportYears,
      replace: values.replace,
      onProgress: (done, total) => console.log(`  จังหวัด ${done}/${total} (${seconds()} s)`),
    });
    console.log(
      `เสร็จใน ${seconds()} วินาที (done in ${seconds()} s): ${summary.provinces} provinces, ${summary.districts} districts, ` +
        `${summary.organizations} organisations, ${summary.itaResults} ITA results, ${summary.reports} reports, ${summary.measures} measures`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  // Refusals and bad options are explained in their message; anything else shows its stack.
  const explained = error instanceof NationalDatasetExistsError || error instanceof RangeError || error instanceof UsageError;
  console.error(explained ? error.message : error);
  process.exit(1);
});
