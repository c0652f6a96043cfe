// Reviewers' view of an area (district, province, or the whole country for an admin).
import type { DbClient } from "@/server/db/client";
import type { Access, AreaNode } from "@/server/access/access";
import { organizationsUnder } from "@/server/access/nodes";
import { nodesFor } from "@/server/access/permissions";
import { AppError, NOT_FOUND_OR_FORBIDDEN } from "@/server/errors";
import { RESULT_VIEW_SELECT, resultView } from "./ita-results";

export type ReviewArea = { kind: "district" | "province"; id: string; nameTh: string; provinceNameTh: string } | {
  kind: "national";
  nameTh: string;
};

/** The areas the caller reviews, broadest first. */
export async function listReviewAreas(db: DbClient, access: Access): Promise<ReviewArea[]> {
  const nodes = nodesFor(access, "area.review");
  const idsOf = (kind: "province" | "district") => nodes.flatMap((node) => (node.kind === kind ? [node.id] : []));
  const [provinces, districts] = await Promise.all([
    db.province.findMany({ where: { id: { in: idsOf("province") } }, orderBy: { code: "asc" } }),
    db.district.findMany({ where: { id: { in: idsOf("district") } }, include: { province: true }, orderBy: { code: "asc" } }),
  ]);
  const areas: ReviewArea[] = nodes.some((node) => node.kind === "national") ? [{ kind: "national", nameTh: "ทั้งประเทศ" }] : [];
  for (const province of provinces) {
    areas.push({ kind: "province", id: province.id, nameTh: `จังหวัด${province.nameTh}`, provinceNameTh: province.nameTh });
  }
  for (const district of districts) {
    areas.push({
      kind: "district",
      id: district.id,
      nameTh: `อำเภอ${district.nameTh}`,
      provinceNameTh: district.province.nameTh,
    });
  }
  return areas;
}

export async function describeArea(db: DbClient, area: AreaNode): Promise<ReviewArea> {
  if (area.kind === "national") return { kind: "national", nameTh: "ทั้งประเทศ" };
  if (area.kind === "province") {
    const province = await db.province.findUnique({ where: { id: area.id } });
    if (!province) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
    return { kind: "province", id: province.id, nameTh: `จังหวัด${province.nameTh}`, provinceNameTh: province.nameTh };
  }
  const district = await db.district.findUnique({ where: { id: area.id }, include: { province: true } });
  if (!district) throw new AppError("NOT_FOUND", NOT_FOUND_OR_FORBIDDEN);
  return { kind: "district", id: district.id, nameTh: `อำเภอ${district.nameTh}`, provinceNameTh: district.province.nameTh };
}

/**
 * The organisations of an area with each one's latest ITA score and its report for the given
 * fiscal year. Callers have checked the area.
 */
export async function listAreaOrganizations(db: DbClient, area: AreaNode, yearBe?: number) {
  // By default the newest year open for reports (a next year being prepared is still closed).
  const fiscalYear = await db.fiscalYear.findFirst({
    where: yearBe ? { yearBe } : {},
    orderBy: [{ isOpen: "desc" }, { yearBe: "desc" }],
  });
  const organizations = await db.localOrganization.findMany({
    where: { ...organizationsUnder(area), active: true },
    orderBy: [{ district: { code: "asc" } }, { type: "asc" }, { nameTh: "asc" }],
    include: {
      district: { select: { id: true, nameTh: true } },
      itaResults: {
        orderBy: { fiscalYear: { yearBe: "desc" } },
        take: 1,
        select: { ...RESULT_VIEW_SELECT, fiscalYear: { select: { yearBe: true } } },
      },
      reports: {
        where: { fiscalYearId: fiscalYear?.id ?? "" },
        select: { id: true, status: true, origin: true, submittedAt: true },
      },
    },
  });
  return {
    fiscalYear: fiscalYear && { id: fiscalYear.id, yearBe: fiscalYear.yearBe, submissionDeadline: fiscalYear.submissionDeadline },
    organizations: organizations.map(({ itaResults, reports, ...organization }) => ({
      id: organization.id,
      nameTh: organization.nameTh,
      nameConfirmed: organization.nameConfirmed,
      type: organization.type,
      dlaCode: organization.dlaCode,
      district: organization.district,
      latestResult: itaResults[0]
        ? { ...resultView(itaResults[0]), yearBe: itaResults[0].fiscalYear.yearBe }
        : null,
      report: reports[0] ?? null,
    })),
  };
}
