// npm run bench — autosave latency of a 200-measure report, on PGlite (in-process) and on the
// PostgreSQL server (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server if one
// answers). Each save changes one measure, as typing does, and is sent as the editor sends it: a
// patch of what changed since the version it names (server/domain/report-patch.ts). The whole
// tRPC procedure is timed (validation, access checks, version check, minimal write, audit).
import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import type { ReportContent } from "@/server/domain/report-content";
import { contentPatch } from "@/server/domain/report-patch";
import { createFiscalYear } from "@/server/services/fiscal-years";
import { fiscalYearSeed } from "@/prisma/seed/data/framework";
import { openPGliteBenchDatabase, openPostgresBenchDatabase, percentile, reachablePostgresUrl } from "./databases";
import { recordBench } from "./results";

const SAVES = 300;
const WARM_UP = 30;
const TARGET_P99_MS = 50;

async function seedReport(db: Db) {
  const seed = fiscalYearSeed(2569);
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  await createFiscalYear(db, { ...seed, startDate: day(seed.startDate), endDate: day(seed.endDate), submissionDeadline: day(seed.submissionDeadline), isOpen: true });
  const province = await db.province.create({ data: { code: "99", abbreviation: "ทด", nameTh: "ทดสอบ" } });
  const district = await db.district.create({ data: { code: "9901", nameTh: "ทดสอบ", provinceId: province.id } });
  const organization = await db.localOrganization.create({ data: { dlaCode: "B0001", nameTh: "อบต.ทดสอบ", type: "SAO", districtId: district.id } });
  const editor = await db.user.create({
    data: { username: "bench.editor", displayName: "ผู้จัดทำ", passwordHash: "x", roles: { create: { role: "ORG_EDITOR", organizationId: organization.id } } },
  });
  const caller = createCaller(createContext({ db, userId: editor.id, request: { ipAddress: "127.0.0.1", userAgent: "bench" } }));
  const { id: reportId } = await caller.organization.createReport({ organizationId: organization.id, yearBe: 2569, copyFromPrevious: false });
  const report = await caller.report.get({ reportId });
  const content: ReportContent = {
    header: report.content.header,
    issues: Array.from({ length: 20 }, (_, issue) => ({
      id: randomUUID(),
      title: `ประเด็นที่ ${issue + 1} กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ`,
      indicatorNumbers: [1, 6],
      suggestedIssueId: null,
      measures: Array.from({ length: 10 }, (_, measure) => ({
        id: randomUUID(),
        title: `มาตรการที่ ${measure + 1} จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบขั้นตอนและระยะเวลาให้ชัดเจน`,
        steps: ["จัดทำคู่มือการปฏิบัติงาน", "แจ้งเวียนให้บุคลากรภายในได้รับทราบ", "เผยแพร่ลงในเว็บไซต์หลักของหน่วยงาน"],
        periodStart: "2025-10-01",
        periodEnd: "2026-09-30",
        responsibleUnits: ["งานการเจ้าหน้าที่", "สำนักปลัด"],
        resultItems: [
          { text: "จัดทำแผนผังแสดงขั้นตอน/ระยะเวลาการให้บริการแก่ประชาชน", checked: true, standardItemId: null },
          { text: "จัดทำคู่มือหรือมาตรฐานการให้บริการ", checked: false, standardItemId: null },
          { text: "เผยแพร่ประชาสัมพันธ์ให้บุคลากรทราบโดยทั่วกัน", checked: true, standardItemId: null },
        ],
        outcomes: ["ประชาชนได้รับบริการตามระยะเวลาที่กำหนด", "การปฏิบัติงานของหน่วยงานมีประสิทธิภาพมากยิ่งขึ้น"],
        evidenceLinks: [{ url: "https://example.go.th/ita/o1", label: "ประกาศ" }],
      })),
    })),
  };
  const first = await caller.report.saveDraft({ reportId, baseVersion: report.version, content });
  if (!first.ok) throw new Error("seeding save refused");
  return { caller, reportId, content, version: first.version };
}

async function measure(label: string, db: Db) {
  const { caller, reportId, content, version: startVersion } = await seedReport(db);
  let version = startVersion;
  let held = structuredClone(content); // what the server holds at `version`
  const timings: number[] = [];
  for (let i = 0; i < WARM_UP + SAVES; i++) {
    // One measure changes per save, as when someone types into it.
    const issue = content.issues[i % content.issues.length]!;
    const target = issue.measures[i % issue.measures.length]!;
    target.title = `${target.title.split(" #")[0]} #${i}`;
    target.resultItems[1]!.checked = i % 2 === 0;
    const patch = contentPatch(held, content);
    const started = performance.now();
    const result = await caller.report.saveDraft({ reportId, baseVersion: version, content: patch });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error("save refused during the benchmark");
    version = result.version;
    held = structuredClone(content);
    if (i >= WARM_UP) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  const median = percentile(timings, 50);
  const p95 = percentile(timings, 95);
  const p99 = percentile(timings, 99);
  // The target is PostgreSQL's (production); PGlite's figures are recorded beside it.
  recordBench({
    suite: "autosave",
    case: `200-measure report, ${label}`,
    unit: "ms",
    median,
    p95,
    p99,
    ...(label === "PostgreSQL" ? { targets: { p99: TARGET_P99_MS } } : {}),
  });
  console.log(
    `${label.padEnd(12)} saves=${SAVES}  median=${median.toFixed(1)} ms  p95=${p95.toFixed(1)} ms  ` +
      `p99=${p99.toFixed(1)} ms  p99/target=${(p99 / TARGET_P99_MS).toFixed(2)} (target p99 ≤ ${TARGET_P99_MS} ms on PostgreSQL)`,
  );
  return { median, p99 };
}

/** Autosave latency on a fresh PGlite and a fresh PostgreSQL database (dropped afterwards). */
export async function runAutosaveBench() {
  console.log("Autosave of a report with 200 measures (20 issues × 10 measures), one measure changed per save");
  const pglite = await openPGliteBenchDatabase();
  const onPGlite = await measure("PGlite", pglite.db);
  await pglite.close();

  const adminUrl = await reachablePostgresUrl();
  if (!adminUrl) {
    console.log("PostgreSQL    not reachable: set BENCH_DATABASE_URL to include it");
    return;
  }
  const postgres = await openPostgresBenchDatabase(adminUrl, `prongsai_bench_${Date.now()}`);
  try {
    const onPostgres = await measure("PostgreSQL", postgres.db);
    console.log(`ratio PGlite/PostgreSQL: median ${(onPGlite.median / onPostgres.median).toFixed(2)}, p99 ${(onPGlite.p99 / onPostgres.p99).toFixed(2)}`);
  } finally {
    await postgres.drop();
  }
}
