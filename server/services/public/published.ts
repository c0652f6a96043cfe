// What anybody may see without signing in (issue 16): an organisation's accepted reports and its
// announced (or province-confirmed) ITA scores, and a province's list of organisations. Nothing
// else leaves here: no draft, returned or pending report, no unconfirmed score, no reviewer's
// comment, no account. Answers are cached under the dashboards' data versions of their province
// (cache.ts), which every report status change and score write there bumps, so every instance
// sees a change at once.
import type { DbClient, Prisma } from "@/server/db/client";
import { scoreProvenanceLabel } from "@/server/domain/labels";
import { AppError } from "@/server/errors";
import { cachedDashboardResult, dashboardVersionToken, type DashboardDependency } from "@/server/services/dashboard/cache";
import { loadReportContent } from "@/server/services/reports/content-store";
import { yearBeSchema, z } from "@/server/validation";

export const NOT_PUBLISHED = "ไม่พบหน่วยงานหรือรายงานที่เผยแพร่";

/** Scores the public sees: announced (imported or entered by the province) or confirmed by it. */
const PUBLISHED_SCORE: Prisma.ItaResultWhereInput = {
  OR: [{ source: { not: "ORGANIZATION_REPORTED" } }, { confirmedAt: { not: null } }],
};

const scoreNumber = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());

/** A DLA code as it stands in an address: letters, digits and hyphens (demo codes have them); any other text finds nothing. */
const ZDlaCodeParam = z.string().trim().regex(/^[0-9A-Za-z-]{1,20}$/, "รหัส อปท. ไม่ถูกต้อง");

/** What an organisation's public page reads: its province's data, every year. */
const organizationPageReads = (dlaCode: string): DashboardDependency => ({ province: { dlaCode } });
/** What a province's public page reads: that province's data, every year. */
const provincePageReads = (code: string): DashboardDependency => ({ province: { provinceCode: code } });

/**
 * The data version of what the public page at this path (/public/<DLA code>,
 * /public/province/<code>) reads, as its procedure names it: its whole answers
 * (server/http/public-page-cache.ts) are kept under it. Any other path: everything's.
 */
export function publishedPageVersion(db: DbClient, pathname: string): Promise<string> {
  const [root, first, second, ...rest] = pathname.split("/").slice(1);
  const reads: DashboardDependency =
    root !== "public" || rest.length > 0 || !first
      ? { province: "all" }
      : first === "province" && second
        ? provincePageReads(second)
        : second === undefined
          ? organizationPageReads(first)
          : { province: "all" };
  return dashboardVersionToken(db, reads);
}

export const ZPublishedOrganizationInput = z.strictObject({ dlaCode: ZDlaCodeParam, yearBe: yearBeSchema.optional() });

/** An organisation's public page: who it is, its accepted reports by year (one in full), its announced scores. */
export async function publishedOrganization({ db, input }: { db: DbClient; input: z.infer<typeof ZPublishedOrganizationInput> }) {
  return cachedDashboardResult({ db, key: ["public.organization", input], dependsOn: organizationPageReads(input.dlaCode) }, async () => {
    const organization = await db.localOrganization.findUnique({
      where: { dlaCode: input.dlaCode },
      select: {
        id: true,
        dlaCode: true,
        nameTh: true,
        type: true,
        active: true,
        district: { select: { nameTh: true, province: { select: { code: true, nameTh: true } } } },
        reports: {
          where: { status: "ACCEPTED" },
          orderBy: { fiscalYear: { yearBe: "desc" } },
          select: { id: true, acceptedAt: true, origin: true, fiscalYear: { select: { yearBe: true } } },
        },
        itaResults: {
          where: PUBLISHED_SCORE,
          orderBy: { fiscalYear: { yearBe: "desc" } },
          select: { total: true, iit: true, eit: true, oit: true, level: true, levelBasis: true, source: true, confirmedAt: true, fiscalYear: { select: { yearBe: true } } },
        },
      },
    });
    if (!organization) throw new AppError("NOT_FOUND", NOT_PUBLISHED);
    const years = organization.reports.map((report) => report.fiscalYear.yearBe);
    const shownYear = input.yearBe ?? years[0];
    const shown = organization.reports.find((report) => report.fiscalYear.yearBe === shownYear);
    if (input.yearBe !== undefined && !shown) throw new AppError("NOT_FOUND", NOT_PUBLISHED);
    return {
      dlaCode: organization.dlaCode,
      nameTh: organization.nameTh,
      type: organization.type,
      active: organization.active,
      districtNameTh: organization.district.nameTh,
      province: organization.district.province,
      reportYears: years,
      report: shown ? { ...(await publishedReport(db, shown.id, shown.fiscalYear.yearBe, shown.acceptedAt)), origin: shown.origin } : null,
      scores: organization.itaResults.map((result) => ({
        yearBe: result.fiscalYear.yearBe,
        total: scoreNumber(result.total),
        iit: scoreNumber(result.iit),
        eit: scoreNumber(result.eit),
        oit: scoreNumber(result.oit),
        level: result.level,
        levelBasis: result.levelBasis,
        source: result.source,
        provenance: scoreProvenanceLabel(result),
      })),
    };
  });
}

/** An accepted report's measures and the names and positions printed on its memo; no comments, no evidence links. */
async function publishedReport(db: DbClient, reportId: string, yearBe: number, acceptedAt: Date | null) {
  const [content, signOffs] = await Promise.all([
    loadReportContent(db, reportId),
    db.signOff.findMany({
      where: { reportId, decision: "ENDORSED" },
      orderBy: { signedAt: "asc" },
      select: { step: true, round: true, signerName: true, signerPosition: true, actingPosition: true },
    }),
  ]);
  const lastRound = Math.max(0, ...signOffs.map((signOff) => signOff.round));
  return {
    yearBe,
    acceptedAt,
    subject: content.header.subject,
    memoDate: content.header.memoDate,
    signatories: signOffs
      .filter((signOff) => signOff.round === lastRound)
      .map(({ step, signerName, signerPosition, actingPosition }) => ({ step, signerName, signerPosition, actingPosition })),
    issues: content.issues.map((issue) => ({
      id: issue.id,
      title: issue.title,
      measures: issue.measures.map((measure) => ({
        id: measure.id,
        title: measure.title,
        steps: measure.steps,
        periodStart: measure.periodStart,
        periodEnd: measure.periodEnd,
        responsibleUnits: measure.responsibleUnits,
        resultItems: measure.resultItems.filter((item) => item.checked).map((item) => item.text),
        outcomes: measure.outcomes,
      })),
    })),
  };
}

export const ZPublishedProvinceInput = z.strictObject({ code: z.string().trim().regex(/^\d{2}$/, "รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก") });

/** A province's public page: its active organisations, each with its newest announced score and accepted reports. */
export async function publishedProvince({ db, input }: { db: DbClient; input: z.infer<typeof ZPublishedProvinceInput> }) {
  return cachedDashboardResult({ db, key: ["public.province", input], dependsOn: provincePageReads(input.code) }, async () => {
    const province = await db.province.findFirst({ where: { code: input.code }, select: { id: true, code: true, nameTh: true } });
    if (!province) throw new AppError("NOT_FOUND", NOT_PUBLISHED);
    const organizations = await db.localOrganization.findMany({
      where: { active: true, district: { provinceId: province.id } },
      orderBy: [{ district: { code: "asc" } }, { nameTh: "asc" }],
      select: {
        dlaCode: true,
        nameTh: true,
        type: true,
        district: { select: { nameTh: true } },
        _count: { select: { reports: { where: { status: "ACCEPTED" } } } },
        itaResults: {
          where: PUBLISHED_SCORE,
          orderBy: { fiscalYear: { yearBe: "desc" } },
          take: 1,
          select: { total: true, level: true, fiscalYear: { select: { yearBe: true } } },
        },
      },
    });
    return {
      code: province.code,
      nameTh: province.nameTh,
      organizations: organizations.map((organization) => ({
        dlaCode: organization.dlaCode,
        nameTh: organization.nameTh,
        type: organization.type,
        districtNameTh: organization.district.nameTh,
        acceptedReports: organization._count.reports,
        latestScore: organization.itaResults[0]
          ? { yearBe: organization.itaResults[0].fiscalYear.yearBe, total: scoreNumber(organization.itaResults[0].total), level: organization.itaResults[0].level }
          : null,
      })),
    };
  });
}

/** The accepted report of an organisation's year, for its memo PDF; null when there is none. */
export async function publishedReportId({ db, dlaCode, yearBe }: { db: DbClient; dlaCode: string; yearBe: number }): Promise<string | null> {
  const report = await db.yearlyReport.findFirst({
    where: { status: "ACCEPTED", organization: { dlaCode }, fiscalYear: { yearBe } },
    select: { id: true },
  });
  return report?.id ?? null;
}
