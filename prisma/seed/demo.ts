// Demo data for the zero-set-up start and `npm run db:seed`: สมุทรสงคราม with its districts and
// อปท., the FY2566–FY2569 frameworks, the real FY2568 report of อบต.ท้ายหาด (typed in from the
// public memo) with its two real scores, invented scores and reports for other organisations
// (all marked DEMO), and demo accounts.
import { recordAdoptions } from "@/server/services/reports/adoptions";
import type { Db, DbClient } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { upsertItaResult } from "@/server/services/ita-results";
import { personName } from "@/server/domain/thai-format";
import { snapshot } from "@/server/services/reports/workflow";
import { headerOf, writeReportContent } from "@/server/services/reports/content-store";
import { linkToCatalogue, type ReportContent } from "@/server/domain/report-content";
import { randomUUID } from "node:crypto";
import { fiscalYearSeed } from "./data/framework";
import { createSeedFiscalYear, day } from "./fiscal-years";
import { seededRandom } from "./random";
import { samutSongkhram } from "./data/samut-songkhram";
import { thaihad2568, type IssueSeed } from "./data/thaihad-2568";

export const DEMO_FISCAL_YEARS = [2566, 2567, 2568, 2569];
const THAIHAD = "องค์การบริหารส่วนตำบลท้ายหาด";

const round2 = (value: number) => Math.round(value * 100) / 100;

export type DemoAccount = { username: string; role: string; organizationOrArea: string };

export async function isDatabaseEmpty(db: DbClient): Promise<boolean> {
  return (await db.province.count()) === 0 && (await db.user.count()) === 0;
}

export async function seedDemoData(db: Db, options: { password: string }): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(options.password);
  return db.$transaction(
    async (tx) => {
      for (const yearBe of DEMO_FISCAL_YEARS) {
        await createSeedFiscalYear(tx, yearBe, { isOpen: yearBe === DEMO_FISCAL_YEARS.at(-1) });
      }

      const province = await tx.province.create({ data: samutSongkhram.province });
      const districtIds = new Map<string, string>();
      for (const district of samutSongkhram.districts) {
        const created = await tx.district.create({ data: { ...district, provinceId: province.id } });
        districtIds.set(district.code, created.id);
      }
      const organizationIds = new Map<string, string>();
      for (const organization of samutSongkhram.organizations) {
        const history = organization.typeHistory ?? [];
        const currentFrom = history.at(-1)?.validTo;
        const created = await tx.localOrganization.create({
          data: {
            dlaCode: organization.dlaCode,
            nameTh: organization.nameTh,
            type: organization.type,
            districtId: districtIds.get(organization.districtCode)!,
            nameConfirmed: organization.nameConfirmed,
            typeHistory: {
              create: [
                ...history.map((period) => ({
                  type: period.type,
                  nameTh: period.nameTh,
                  validFrom: day(period.validFrom),
                  validTo: period.validTo ? day(period.validTo) : null,
                })),
                {
                  type: organization.type,
                  nameTh: organization.nameTh,
                  // The day after the last earlier period; without history, from the first demo year.
                  validFrom: currentFrom
                    ? new Date(day(currentFrom).getTime() + 86_400_000)
                    : day(fiscalYearSeed(DEMO_FISCAL_YEARS[0]!).startDate),
                },
              ],
            },
          },
        });
        organizationIds.set(organization.nameTh, created.id);
      }
      const thaihadId = organizationIds.get(THAIHAD)!;

      // Real scores of อบต.ท้ายหาด (from its memo); invented ones for everyone else.
      for (const result of thaihad2568.itaResults) {
        await upsertItaResult(tx, {
          organizationId: thaihadId,
          yearBe: result.yearBe,
          total: result.total,
          announcedLevel: result.announcedLevel,
          source: "PROVINCE_ENTERED",
        });
      }
      for (const [nameTh, organizationId] of organizationIds) {
        if (organizationId === thaihadId) continue;
        const random = seededRandom(nameTh);
        let base = 78 + random() * 16;
        for (const yearBe of DEMO_FISCAL_YEARS) {
          base = Math.min(99.5, base + random() * 4 - 0.8);
          const tool = (spread: number) => round2(Math.min(100, Math.max(40, base + (random() - 0.5) * spread)));
          const iit = tool(8);
          const eit = tool(8);
          const oit = tool(14);
          await upsertItaResult(tx, {
            organizationId,
            yearBe,
            total: round2(0.3 * iit + 0.3 * eit + 0.4 * oit),
            iit,
            eit,
            oit,
            source: "PROVINCE_ENTERED",
            origin: "DEMO",
          });
        }
      }

      const accounts = await createDemoAccounts(tx, passwordHash, {
        provinceId: province.id,
        mueangDistrictId: districtIds.get("7501")!,
        thaihadId,
        amphawaId: organizationIds.get("เทศบาลตำบลอัมพวา"),
      });

      await createThaihadReport(tx, thaihadId, accounts.userIds);
      await createDemoReports(tx, organizationIds, thaihadId, accounts.userIds.get("province.skm")!);
      // The accepted reports were written as accepted: what they adopted is stored as acceptance stores it.
      await recordAdoptions(tx, { reports: (await tx.yearlyReport.findMany({ where: { status: "ACCEPTED" }, select: { id: true } })).map((report) => report.id) });
      return accounts.list;
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}

type DemoUser = {
  username: string;
  displayName: string;
  titlePrefix?: string;
  position: string;
  grant: {
    role: "ORG_EDITOR" | "ORG_SIGNER" | "DISTRICT_REVIEWER" | "PROVINCE_REVIEWER" | "PROVINCE_ADMIN" | "ADMIN";
    organizationId?: string;
    districtId?: string;
    provinceId?: string;
    signOffStep?: "HEAD_OF_OFFICE" | "CHIEF_ADMINISTRATOR" | "EXECUTIVE";
    actingPosition?: string;
  };
  scopeLabel: string;
};

async function createDemoAccounts(
  tx: DbClient,
  passwordHash: string,
  ids: { provinceId: string; mueangDistrictId: string; thaihadId: string; amphawaId?: string },
) {
  const memo = thaihad2568.memo;
  const [head, palad] = thaihad2568.signOffs;
  const users: DemoUser[] = [
    { username: "admin", displayName: "ผู้ดูแลระบบ (สาธิต)", position: "ผู้ดูแลระบบ", grant: { role: "ADMIN" }, scopeLabel: "ทั้งประเทศ" },
    {
      username: "admin.skm",
      displayName: "ผู้ดูแลระบบจังหวัด (สาธิต)",
      position: "เจ้าพนักงานส่งเสริมการปกครองท้องถิ่น สถจ.สมุทรสงคราม",
      grant: { role: "PROVINCE_ADMIN", provinceId: ids.provinceId },
      scopeLabel: "จังหวัดสมุทรสงคราม",
    },
    {
      username: "province.skm",
      displayName: "ผู้ตรวจจังหวัด (สาธิต)",
      position: "นักวิเคราะห์นโยบายและแผน สถจ.สมุทรสงคราม",
      grant: { role: "PROVINCE_REVIEWER", provinceId: ids.provinceId },
      scopeLabel: "จังหวัดสมุทรสงคราม",
    },
    {
      username: "district.mueang",
      displayName: "ผู้ตรวจอำเภอ (สาธิต)",
      position: "ท้องถิ่นอำเภอเมืองสมุทรสงคราม",
      grant: { role: "DISTRICT_REVIEWER", districtId: ids.mueangDistrictId },
      scopeLabel: "อำเภอเมืองสมุทรสงคราม",
    },
    {
      username: "thaihad.editor",
      titlePrefix: memo.preparerTitle,
      displayName: memo.preparerName,
      position: memo.preparerPosition,
      grant: { role: "ORG_EDITOR", organizationId: ids.thaihadId },
      scopeLabel: "อบต.ท้ายหาด (ผู้จัดทำ)",
    },
    {
      username: "thaihad.head",
      titlePrefix: head!.signerTitle ?? undefined,
      displayName: head!.signerName,
      position: head!.signerPosition,
      grant: { role: "ORG_SIGNER", organizationId: ids.thaihadId, signOffStep: "HEAD_OF_OFFICE" },
      scopeLabel: "อบต.ท้ายหาด (หัวหน้าสำนักปลัด)",
    },
    {
      username: "thaihad.palad",
      titlePrefix: palad!.signerTitle ?? undefined,
      displayName: palad!.signerName,
      position: palad!.signerPosition,
      grant: { role: "ORG_SIGNER", organizationId: ids.thaihadId, signOffStep: "CHIEF_ADMINISTRATOR" },
      scopeLabel: "อบต.ท้ายหาด (ปลัด)",
    },
    {
      username: "thaihad.mayor",
      displayName: "นายก อบต.ท้ายหาด (สาธิต)",
      position: "นายกองค์การบริหารส่วนตำบลท้ายหาด",
      grant: { role: "ORG_SIGNER", organizationId: ids.thaihadId, signOffStep: "EXECUTIVE" },
      scopeLabel: "อบต.ท้ายหาด (นายก)",
    },
  ];
  if (ids.amphawaId) {
    users.push({
      username: "amphawa.editor",
      displayName: "ผู้จัดทำ ทต.อัมพวา (สาธิต)",
      position: "นักวิเคราะห์นโยบายและแผน",
      grant: { role: "ORG_EDITOR", organizationId: ids.amphawaId },
      scopeLabel: "ทต.อัมพวา (ผู้จัดทำ)",
    });
  }
  const userIds = new Map<string, string>();
  for (const user of users) {
    const created = await tx.user.create({
      data: {
        username: user.username,
        displayName: user.displayName,
        // A reserved test domain (RFC 2606): demo mail never reaches a real mailbox.
        email: `${user.username}@example.org`,
        titlePrefix: user.titlePrefix ?? null,
        position: user.position,
        passwordHash,
        roles: { create: user.grant },
      },
    });
    userIds.set(user.username, created.id);
  }
  return {
    userIds,
    list: users.map((user) => ({ username: user.username, role: user.grant.role, organizationOrArea: user.scopeLabel })),
  };
}

/** Writes seeded issues into a new report through the same content writer the editor uses. */
async function createReportIssues(tx: DbClient, reportId: string, fiscalYearId: string, issues: IssueSeed[]) {
  const suggested = await tx.suggestedIssue.findMany({ where: { fiscalYearId }, include: { resultItems: true } });
  const report = await tx.yearlyReport.findUniqueOrThrow({ where: { id: reportId } });
  const content: ReportContent = {
    header: headerOf(report),
    issues: issues.map((issue) =>
      linkToCatalogue(
        {
          id: randomUUID(),
          title: issue.title,
          indicatorNumbers: issue.indicatorNumbers,
          suggestedIssueId: null,
          measures: issue.measures.map((measure) => ({
            ...measure,
            id: randomUUID(),
            resultItems: measure.resultItems.map((item) => ({ ...item, standardItemId: null })),
            evidenceLinks: [],
          })),
        },
        suggested.find((candidate) => candidate.ordinal === issue.suggestedOrdinal),
      ),
    ),
  };
  await writeReportContent(tx, { report, content });
}

async function createThaihadReport(tx: DbClient, organizationId: string, userIds: Map<string, string>) {
  const fiscalYear = await tx.fiscalYear.findUniqueOrThrow({ where: { yearBe: thaihad2568.fiscalYearBe } });
  const memo = thaihad2568.memo;
  const report = await tx.yearlyReport.create({
    data: {
      organizationId,
      fiscalYearId: fiscalYear.id,
      status: "SUBMITTED",
      signOffRound: 1,
      revision: 1,
      issuingSection: memo.issuingSection,
      issuingPhone: memo.issuingPhone,
      documentCode: memo.documentCode,
      documentNumber: memo.documentNumber,
      documentNumberPending: memo.documentNumber === null, // "ที่ สส ๗๑๕๐๑/-"
      memoDate: day(memo.memoDate),
      subject: memo.subject,
      addressee: memo.addressee,
      body: memo.body,
      preparerName: personName(memo.preparerTitle, memo.preparerName),
      preparerPosition: memo.preparerPosition,
      submittedAt: day(memo.memoDate),
    },
  });
  await createReportIssues(tx, report.id, fiscalYear.id, thaihad2568.issues);
  await snapshot(tx, report.id);
  const signerOf = { HEAD_OF_OFFICE: "thaihad.head", CHIEF_ADMINISTRATOR: "thaihad.palad", EXECUTIVE: "thaihad.palad" };
  for (const [index, signOff] of thaihad2568.signOffs.entries()) {
    await tx.signOff.create({
      data: {
        reportId: report.id,
        step: signOff.step,
        decision: "ENDORSED",
        comment: signOff.comment,
        signerId: userIds.get(signerOf[signOff.step]) ?? null,
        signerName: personName(signOff.signerTitle, signOff.signerName),
        signerPosition: signOff.signerPosition,
        actingPosition: signOff.actingPosition,
        signedAt: new Date(day(memo.memoDate).getTime() + (index + 1) * 3_600_000),
      },
    });
  }
}

/** Invented reports of a few other organisations, in several states, from the year's catalogue. */
async function createDemoReports(
  tx: DbClient,
  organizationIds: Map<string, string>,
  thaihadId: string,
  reviewerId: string,
) {
  const currentStatuses = ["SUBMITTED", "ACCEPTED", "DRAFT", "RETURNED"] as const;
  // DEMO: two reports outside อำเภอเมือง as well, so the district reviewers' views differ.
  const outsideMueang = ["องค์การบริหารส่วนตำบลบางสะแก", "องค์การบริหารส่วนตำบลแควอ้อม"];
  const others = [
    ...[...organizationIds].filter(([, id]) => id !== thaihadId).slice(0, 8),
    ...outsideMueang.map((nameTh) => [nameTh, organizationIds.get(nameTh)!] as const),
  ];
  for (const [index, [nameTh, organizationId]] of others.entries()) {
    const random = seededRandom(`report:${nameTh}`);
    const plan = [
      { yearBe: 2569, status: currentStatuses[index % currentStatuses.length]! },
      ...(index % 2 === 0 ? [{ yearBe: 2568, status: "ACCEPTED" as const }] : []),
    ];
    for (const entry of plan) {
      const fiscalYear = await tx.fiscalYear.findUniqueOrThrow({
        where: { yearBe: entry.yearBe },
        include: { suggestedIssues: { include: { resultItems: true }, orderBy: { ordinal: "asc" } } },
      });
      const report = await tx.yearlyReport.create({
        data: {
          organizationId,
          fiscalYearId: fiscalYear.id,
          status: entry.status,
          origin: "DEMO",
          signOffRound: entry.status === "DRAFT" ? 0 : 1,
          revision: entry.status === "DRAFT" ? 0 : 1,
          issuingSection: `สำนักปลัด ${nameTh}`,
          subject: `รายงานผลการดำเนินงานตามมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ${entry.yearBe}`,
          addressee: `นายก${nameTh}`,
          // DEMO: a memo dated the year's last day, its running number not yet issued, so that
          // every demo report meets the rules for sending (server/domain/report-rules.ts).
          memoDate: fiscalYear.endDate,
          documentNumberPending: true,
          submittedAt: entry.status === "DRAFT" ? null : fiscalYear.submissionDeadline,
          acceptedAt: entry.status === "ACCEPTED" ? fiscalYear.submissionDeadline : null,
        },
      });
      const issues: IssueSeed[] = fiscalYear.suggestedIssues
        .filter(() => random() < 0.7)
        .map((issue) => ({
          title: issue.title,
          indicatorNumbers: issue.indicatorNumbers,
          suggestedOrdinal: issue.ordinal,
          measures: [
            {
              title: `ดำเนินการตามแนวทาง${issue.title} (ข้อมูลสาธิต)`,
              steps: ["จัดทำแนวทางและมอบหมายผู้รับผิดชอบ", "ดำเนินการและติดตามผล", "รายงานผลต่อผู้บริหาร"],
              periodStart: fiscalYear.startDate.toISOString().slice(0, 10),
              periodEnd: fiscalYear.endDate.toISOString().slice(0, 10),
              responsibleUnits: ["สำนักปลัด"],
              resultItems: issue.resultItems.map((item) => ({ text: item.text, checked: random() < 0.75 })),
              outcomes: ["การดำเนินงานของหน่วยงานมีความโปร่งใสมากยิ่งขึ้น"],
            },
          ],
        }));
      await createReportIssues(tx, report.id, fiscalYear.id, issues);
      if (entry.status === "DRAFT") continue;
      await snapshot(tx, report.id);
      if (entry.status === "RETURNED") {
        await tx.reviewComment.create({
          data: {
            reportId: report.id,
            kind: "RETURN",
            revision: 1,
            authorId: reviewerId,
            authorName: "ผู้ตรวจจังหวัด (สาธิต)",
            body: "กรุณาระบุผลลัพธ์ของแต่ละมาตรการให้ชัดเจน และแนบลิงก์หลักฐานการเผยแพร่ (ข้อมูลสาธิต)",
          },
        });
      }
    }
  }
}
