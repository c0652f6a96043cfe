// Pure generation of the synthetic national dataset (no database): 76 invented provinces with
// about 878 districts and 7,850 อปท., ten years of ITA results and yearly reports for the latest
// years. Each province has its own random stream seeded by its code, so a province comes out the
// same whatever else is generated, and the country is produced one province at a time.
// Every code starts with "S" and every id with "syn_", so nothing can collide with DOPA/DLA codes
// (the demo's สมุทรสงคราม is "75") or with ids the app makes.
import type { OrganizationType, ReportStatus, SignOffStep } from "@/server/db/generated/enums";
import { deriveLevel, levelsDiffer, resolveLevel, type LevelBasis, type LevelRuleInput, type ResolvedLevel } from "@/server/domain/ita-level";
import { blankHeader } from "@/server/domain/report-content";
import { SIGN_OFF_CHAIN } from "@/server/domain/report-workflow";
import { ORGANIZATION_TYPE_LABEL } from "@/server/domain/labels";
import { headerColumns } from "@/server/services/reports/content-store";
import { seededRandom, type Random } from "../random";

export const NATIONAL_PROVINCES = 76;
export const NATIONAL_DISTRICTS = 878;
export const NATIONAL_ORGANIZATIONS = 7850;
/** The export benchmark needs one province of exactly this size: the first one. */
export const LARGE_PROVINCE_ORGANIZATIONS = 250;
export const SYNTHETIC_PROVINCE_PREFIX = "syn_prv_";

const DAY_MS = 86_400_000;

/** A fiscal year as stored, with the catalogue its reports link to. */
export type YearCatalogue = {
  yearBe: number;
  fiscalYearId: string;
  startDate: Date;
  endDate: Date;
  submissionDeadline: Date;
  weights: { iit: number; eit: number; oit: number };
  levelRules: LevelRuleInput[];
  suggestedIssues: {
    id: string;
    ordinal: number;
    title: string;
    indicatorNumbers: number[];
    resultItems: { id: string; text: string }[];
  }[];
};

export type ProvincePlan = { index: number; code: string; organizations: number; districts: number };

// ── Province sizes ─────────────────────────────────────────────────────────────────────

/**
 * The sizes of all 76 provinces, always planned together so that the country adds up to
 * 7,850 organisations in 878 districts; a smaller run takes the first N.
 */
export function planProvinces(count: number = NATIONAL_PROVINCES): ProvincePlan[] {
  if (!Number.isInteger(count) || count < 1 || count > NATIONAL_PROVINCES) {
    throw new RangeError(`provinces must be a whole number from 1 to ${NATIONAL_PROVINCES} (got ${count})`);
  }
  const random = seededRandom("national:plan");
  // Sizes between 60 and 200, more small provinces than large ones.
  const excess = Array.from({ length: NATIONAL_PROVINCES - 1 }, () => 140 * random() ** 2);
  // Scale the part above 60 so that the country adds up, then settle the rounding.
  const scale = (NATIONAL_ORGANIZATIONS - LARGE_PROVINCE_ORGANIZATIONS - 60 * excess.length) / excess.reduce((sum, value) => sum + value, 0);
  const organizations = [LARGE_PROVINCE_ORGANIZATIONS, ...excess.map((value) => Math.min(200, 60 + Math.round(value * scale)))];
  adjustToTotal(organizations, NATIONAL_ORGANIZATIONS, { min: 60, max: 200, fixed: 0 });
  const districts = organizations.map((size) => Math.max(3, Math.round(size / (7 + 4 * random()))));
  adjustToTotal(districts, NATIONAL_DISTRICTS, { min: 3, max: 40 });
  return organizations.slice(0, count).map((size, index) => ({
    index,
    code: provinceCode(index),
    organizations: size,
    districts: districts[index]!,
  }));
}

/** Moves values one at a time, round the list, until they add up to the total. */
function adjustToTotal(values: number[], total: number, bounds: { min: number; max: number; fixed?: number }) {
  let difference = total - values.reduce((sum, value) => sum + value, 0);
  for (let index = 0; difference !== 0; index = (index + 1) % values.length) {
    if (index === bounds.fixed) continue;
    const next = values[index]! + Math.sign(difference);
    if (next < bounds.min || next > bounds.max) continue;
    values[index] = next;
    difference -= Math.sign(difference);
  }
}

const two = (n: number) => String(n).padStart(2, "0");
const provinceCode = (index: number) => `S${two(index + 1)}`;

// ── Random helpers ─────────────────────────────────────────────────────────────────────

function tools(random: Random) {
  const normal = () => {
    // Box–Muller; 1 - u keeps log() away from zero.
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  return {
    random,
    normal,
    chance: (p: number) => random() < p,
    int: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!,
    /** Up to `count` different items, in list order. */
    some: <T>(list: readonly T[], count: number): T[] => {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(random() * list.length));
      return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
    },
  };
}
type Tools = ReturnType<typeof tools>;

const round2 = (value: number) => Math.round(value * 100) / 100;
const clampScore = (value: number) => round2(Math.min(100, Math.max(0, value)));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

// ── Scores ─────────────────────────────────────────────────────────────────────────────

/**
 * The typical shortfall from 100 by year: national means rise from about 72 (2560) to about 94
 * (2568–2569), as the ITA scores of อปท. did.
 */
const MEAN_SHORTFALL: Record<number, number> = {
  2560: 27, 2561: 23, 2562: 18, 2563: 14, 2564: 11, 2565: 9, 2566: 7.5, 2567: 6, 2568: 4.8, 2569: 4.4,
};

export type ItaResultRow = {
  id: string;
  organizationId: string;
  fiscalYearId: string;
  total: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  announcedLevel: string | null;
  derivedLevel: string | null;
  levelMismatch: boolean;
  level: string | null;
  levelBasis: LevelBasis | null;
  source: "IMPORTED_FILE";
  sourceFileName: string;
  origin: "SYNTHETIC";
  createdAt: Date;
  updatedAt: Date;
};

const resolvedLevelColumns = (resolved: ResolvedLevel) => ({ level: resolved.level, levelBasis: resolved.basis });

function itaResult(t: Tools, organizationId: string, quality: number, year: YearCatalogue): ItaResultRow | null {
  // Fewer organisations took part in the first years.
  if (t.chance(year.yearBe <= 2561 ? 0.08 : 0.025)) return null;
  const mean = MEAN_SHORTFALL[year.yearBe] ?? 4.4;
  // Log-normal shortfall: exp(N(0, 0.6² + 0.4²)) averages about 1.3. A few bad years form the tail.
  const shortfall = t.chance(0.015) ? 35 + 40 * t.random() : (mean / 1.3) * Math.exp(quality + 0.4 * t.normal());
  const scores = {
    iit: clampScore(100 - shortfall * 0.6 * Math.exp(0.35 * t.normal())),
    eit: clampScore(100 - shortfall * 0.7 * Math.exp(0.35 * t.normal())),
    oit: clampScore(100 - shortfall * 1.45 * Math.exp(0.5 * t.normal())),
  };
  const { weights } = year;
  const total = round2((weights.iit * scores.iit + weights.eit * scores.eit + weights.oit * scores.oit) / (weights.iit + weights.eit + weights.oit));
  const announced = deriveLevel(year.levelRules, { total, ...scores });
  // Some results were recorded with the total only; the year's rules may then leave the level open.
  const stored = t.chance(0.08) ? { iit: null, eit: null, oit: null } : scores;
  const derivedLevel = deriveLevel(year.levelRules, { total, ...stored });
  const announcedLevel = t.chance(0.03) ? null : t.chance(0.02) ? neighbourLevel(t, year.levelRules, announced) : announced;
  const announcedOn = addDays(year.endDate, t.int(20, 90));
  return {
    id: `syn_ita_${organizationId.slice("syn_org_".length)}_${year.yearBe}`,
    organizationId,
    fiscalYearId: year.fiscalYearId,
    total,
    ...stored,
    announcedLevel,
    derivedLevel,
    levelMismatch: levelsDiffer(announcedLevel, derivedLevel),
    ...resolvedLevelColumns(resolveLevel(year.levelRules, { total, ...stored, announcedLevel })),
    source: "IMPORTED_FILE",
    sourceFileName: `ita-synthetic-${year.yearBe}.csv`,
    origin: "SYNTHETIC",
    createdAt: announcedOn,
    updatedAt: announcedOn,
  };
}

/** A level one rank away: the odd announcement that disagrees with the rules. */
function neighbourLevel(t: Tools, rules: LevelRuleInput[], label: string | null): string | null {
  const ranked = [...rules].sort((a, b) => a.rank - b.rank).map((rule) => rule.label);
  const position = label ? ranked.indexOf(label) : -1;
  if (position < 0) return label;
  const other = position === 0 ? 1 : position === ranked.length - 1 ? position - 1 : position + (t.chance(0.5) ? 1 : -1);
  return ranked[other]!;
}

// ── Reports ────────────────────────────────────────────────────────────────────────────

// Where a report stands: for a closed year most are accepted, for the latest year many are
// still on their way. About 5% of organisations have no report.
const STATUS_ODDS: { latest: [ReportStatus | null, number][]; earlier: [ReportStatus | null, number][] } = {
  latest: [[null, 0.05], ["DRAFT", 0.12], ["IN_SIGN_OFF", 0.08], ["RETURNED", 0.06], ["SUBMITTED", 0.3], ["ACCEPTED", 0.39]],
  earlier: [[null, 0.05], ["DRAFT", 0.02], ["IN_SIGN_OFF", 0.01], ["RETURNED", 0.02], ["SUBMITTED", 0.1], ["ACCEPTED", 0.8]],
};

function pickStatus(t: Tools, latest: boolean): ReportStatus | null {
  let roll = t.random();
  for (const [status, odds] of latest ? STATUS_ODDS.latest : STATUS_ODDS.earlier) {
    if ((roll -= odds) < 0) return status;
  }
  return "ACCEPTED";
}

const RESPONSIBLE_UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสาธารณสุขและสิ่งแวดล้อม", "กองสวัสดิการสังคม"];
const STEPS = [
  "แต่งตั้งคณะทำงานและมอบหมายผู้รับผิดชอบ",
  "จัดทำแผนและแนวทางการดำเนินงาน",
  "ประชุมชี้แจงบุคลากรที่เกี่ยวข้อง",
  "ดำเนินการตามแผนที่กำหนด",
  "ประชาสัมพันธ์ผ่านเว็บไซต์และสื่อสังคมออนไลน์ของหน่วยงาน",
  "ติดตามและประเมินผลการดำเนินงาน",
  "รายงานผลต่อผู้บริหาร",
];
const OUTCOMES = [
  "การดำเนินงานของหน่วยงานมีความโปร่งใสมากยิ่งขึ้น",
  "ประชาชนเข้าถึงข้อมูลข่าวสารของหน่วยงานได้สะดวกขึ้น",
  "บุคลากรมีความรู้ความเข้าใจแนวทางปฏิบัติเพิ่มขึ้น",
  "ผู้รับบริการมีความพึงพอใจต่อการให้บริการเพิ่มขึ้น",
  "ลดความเสี่ยงการทุจริตในกระบวนการปฏิบัติงาน",
];
const MEASURE_KINDS = ["โครงการ", "กิจกรรม", "มาตรการ"];
const SYNTHETIC_NOTE = "(ข้อมูลสังเคราะห์)";

export type ReportRow = ReturnType<typeof reportRow>;
export type IssueRow = { id: string; reportId: string; ordinal: number; title: string; indicatorNumbers: number[]; suggestedIssueId: string | null };
export type MeasureRow = {
  id: string;
  issueId: string;
  ordinal: number;
  title: string;
  steps: string[];
  periodStart: Date;
  periodEnd: Date;
  responsibleUnits: string[];
  outcomes: string[];
};
export type ResultItemRow = { id: string; measureId: string; ordinal: number; text: string; checked: boolean; standardItemId: string | null };
export type EvidenceLinkRow = { id: string; measureId: string; ordinal: number; url: string; label: string };

/**
 * The report row with what the workflow (server/services/reports/workflow.ts) would have left:
 * a sign-off round once sent up the chain, the step awaited while in sign-off, a revision,
 * submittedAt and memo number once submitted, acceptedAt once accepted. The SignOff,
 * ReviewComment and ReportRevision rows of that history are not generated (their snapshots
 * alone would multiply the data several times over); the history view is empty for these reports.
 */
function reportRow(
  t: Tools,
  organization: { id: string; nameTh: string; dlaCode: string },
  abbreviation: string,
  year: YearCatalogue,
  status: ReportStatus,
) {
  const resubmitted = status !== "DRAFT" && status !== "IN_SIGN_OFF" && t.chance(0.15);
  const submitted = status === "SUBMITTED" || status === "RETURNED" || status === "ACCEPTED";
  const submittedAt = submitted ? addDays(year.endDate, t.int(5, 120)) : null;
  const createdAt = addDays(year.startDate, t.int(0, 200));
  const step: SignOffStep | null = status === "IN_SIGN_OFF" ? t.pick(SIGN_OFF_CHAIN) : null;
  const header = headerColumns(blankHeader(organization.nameTh, year.yearBe));
  return {
    id: `syn_rpt_${organization.dlaCode}_${year.yearBe}`,
    organizationId: organization.id,
    fiscalYearId: year.fiscalYearId,
    status,
    version: t.int(3, 60),
    origin: "SYNTHETIC" as const,
    ...header,
    issuingPhone: `0-${t.int(2000, 7999)}-${t.int(1000, 9999)}`,
    documentCode: `${abbreviation} ${organization.dlaCode}`,
    documentNumber: submittedAt ? String(t.int(100, 2999)) : null,
    memoDate: submittedAt,
    preparerName: status === "DRAFT" && t.chance(0.5) ? null : `ผู้จัดทำสังเคราะห์ ${organization.dlaCode}`,
    preparerPosition: "นักวิเคราะห์นโยบายและแผน",
    currentStep: step,
    signOffRound: status === "DRAFT" ? (t.chance(0.2) ? 1 : 0) : resubmitted ? 2 : 1,
    revision: submitted ? (resubmitted ? 2 : 1) : 0,
    submittedAt,
    acceptedAt: status === "ACCEPTED" && submittedAt ? addDays(submittedAt, t.int(1, 45)) : null,
    createdAt,
    updatedAt: submittedAt ?? addDays(createdAt, t.int(0, 60)),
  };
}

type ReportContentRows = { issues: IssueRow[]; measures: MeasureRow[]; resultItems: ResultItemRow[]; evidenceLinks: EvidenceLinkRow[] };

/** About 20 measures spread over the year's suggested issues, now and then an issue of its own. */
function reportContent(t: Tools, reportId: string, year: YearCatalogue): ReportContentRows {
  const rows: ReportContentRows = { issues: [], measures: [], resultItems: [], evidenceLinks: [] };
  const suggested = year.suggestedIssues.filter(() => t.chance(0.9));
  const ownIssue = t.chance(0.15);
  const issueCount = suggested.length + (ownIssue ? 1 : 0);
  const measureTotal = Math.max(issueCount, t.int(16, 24));
  const counts = Array.from({ length: issueCount }, () => 1);
  for (let extra = measureTotal - issueCount; extra > 0; extra--) counts[t.int(0, issueCount - 1)]! += 1;

  const issues = [
    ...suggested.map((issue) => ({ title: issue.title, indicatorNumbers: issue.indicatorNumbers, suggested: issue })),
    ...(ownIssue ? [{ title: `ประเด็นที่หน่วยงานกำหนดเอง ${SYNTHETIC_NOTE}`, indicatorNumbers: [t.int(1, 10)], suggested: null }] : []),
  ];
  const yearDays = Math.round((year.endDate.getTime() - year.startDate.getTime()) / DAY_MS);
  issues.forEach((issue, issueIndex) => {
    const issueId = `${reportId.replace("syn_rpt_", "syn_iss_")}_${issueIndex + 1}`;
    rows.issues.push({
      id: issueId,
      reportId,
      ordinal: issueIndex + 1,
      title: issue.title,
      indicatorNumbers: issue.indicatorNumbers,
      suggestedIssueId: issue.suggested?.id ?? null,
    });
    for (let measureIndex = 0; measureIndex < counts[issueIndex]!; measureIndex++) {
      const measureId = `${issueId.replace("syn_iss_", "syn_msr_")}_${measureIndex + 1}`;
      const standard = issue.suggested ? t.some(issue.suggested.resultItems, t.int(1, 3)) : [];
      const startOffset = t.int(0, yearDays - 30);
      const periodStart = addDays(year.startDate, startOffset);
      rows.measures.push({
        id: measureId,
        issueId,
        ordinal: measureIndex + 1,
        title: `${t.pick(MEASURE_KINDS)}${standard[0]?.text ?? "ส่งเสริมคุณธรรมและความโปร่งใส"} ${SYNTHETIC_NOTE}`,
        steps: t.some(STEPS, t.int(2, 4)),
        periodStart,
        periodEnd: addDays(periodStart, t.int(29, yearDays - startOffset)),
        responsibleUnits: t.some(RESPONSIBLE_UNITS, t.chance(0.7) ? 1 : 2),
        outcomes: t.some(OUTCOMES, t.int(1, 2)),
      });
      const items = [
        ...standard.map((item) => ({ text: item.text, standardItemId: item.id as string | null })),
        ...(t.chance(0.1) || standard.length === 0 ? [{ text: `ผลการดำเนินการอื่น ${SYNTHETIC_NOTE}`, standardItemId: null }] : []),
      ];
      items.forEach((item, itemIndex) =>
        rows.resultItems.push({
          id: `${measureId.replace("syn_msr_", "syn_mri_")}_${itemIndex + 1}`,
          measureId,
          ordinal: itemIndex + 1,
          text: item.text,
          checked: t.chance(0.8),
          standardItemId: item.standardItemId,
        }),
      );
      if (t.chance(0.4)) {
        rows.evidenceLinks.push({
          id: measureId.replace("syn_msr_", "syn_evl_"),
          measureId,
          ordinal: 1,
          url: `https://synthetic.example/${measureId}`,
          label: `หลักฐานการดำเนินการ ${SYNTHETIC_NOTE}`,
        });
      }
    }
  });
  return rows;
}

// ── One province ───────────────────────────────────────────────────────────────────────


/**
 * Everything of one province, as rows ready for bulk insertion. `years` are the fiscal years
 * to score (oldest first); reports are made for the last `reportYears` of them.
 */
export function generateProvince(plan: ProvincePlan, years: YearCatalogue[], reportYears: number) {
  const t = tools(seededRandom(`national:${plan.code}`));
  const number = two(plan.index + 1);
  const province = {
    id: `${SYNTHETIC_PROVINCE_PREFIX}${plan.code}`,
    code: plan.code,
    abbreviation: `สค${number}`,
    nameTh: `สังเคราะห์ ${number}`,
  };
  const districts = Array.from({ length: plan.districts }, (_, index) => ({
    id: `syn_dst_${plan.code}${two(index + 1)}`,
    code: `${plan.code}${two(index + 1)}`,
    nameTh: `สังเคราะห์ ${number}-${two(index + 1)}`,
    provinceId: province.id,
  }));

  // Every district has at least one organisation; the rest fall where chance puts them.
  const perDistrict = districts.map(() => 1);
  const weights = districts.map(() => 0.5 + t.random());
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  for (let extra = plan.organizations - districts.length; extra > 0; extra--) {
    let roll = t.random() * weightSum;
    const index = weights.findIndex((weight) => (roll -= weight) < 0);
    perDistrict[index < 0 ? districts.length - 1 : index]! += 1;
  }

  // The first district is the province's seat: the อบจ., a เทศบาลนคร in some provinces and
  // a few เทศบาลเมือง. Elsewhere about a third are เทศบาลตำบล and the rest อบต.
  const seatTypes: OrganizationType[] = [
    "PAO",
    ...(t.chance(0.4) ? (["CITY_MUNICIPALITY"] as const) : []),
    ...Array.from({ length: t.int(1, 4) }, () => "TOWN_MUNICIPALITY" as const),
  ];
  const firstYear = years[0];
  const organizations: { id: string; dlaCode: string; nameTh: string; type: OrganizationType; districtId: string; nameConfirmed: boolean }[] = [];
  districts.forEach((district, districtIndex) => {
    for (let n = 1; n <= perDistrict[districtIndex]!; n++) {
      const type: OrganizationType =
        districtIndex === 0 && n <= seatTypes.length ? seatTypes[n - 1]! : t.chance(0.32) ? "SUBDISTRICT_MUNICIPALITY" : "SAO";
      const dlaCode = `${district.code}${String(n).padStart(3, "0")}`;
      organizations.push({
        id: `syn_org_${dlaCode}`,
        dlaCode,
        nameTh:
          type === "PAO"
            ? `${ORGANIZATION_TYPE_LABEL.PAO.full}สังเคราะห์ ${number}`
            : `${ORGANIZATION_TYPE_LABEL[type].full}สังเคราะห์ ${number}-${two(districtIndex + 1)}-${String(n).padStart(3, "0")}`,
        type,
        districtId: district.id,
        nameConfirmed: true,
      });
    }
  });
  const typePeriods = organizations.map((organization) => ({
    id: organization.id.replace("syn_org_", "syn_otp_"),
    organizationId: organization.id,
    type: organization.type,
    nameTh: organization.nameTh,
    validFrom: firstYear?.startDate ?? new Date(Date.UTC(2016, 9, 1)),
  }));

  // Scores and each year's reports draw from streams of their own, so that asking for more
  // report years leaves the scores and the other years' reports as they were.
  const scoring = tools(seededRandom(`national:${plan.code}:ita`));
  const itaResults: ItaResultRow[] = [];
  for (const organization of organizations) {
    // A lasting quality of the organisation (log scale of its shortfall); larger ones do better.
    const quality = 0.6 * scoring.normal() + (organization.type === "SAO" ? 0.1 : -0.15);
    for (const year of years) {
      const result = itaResult(scoring, organization.id, quality, year);
      if (result) itaResults.push(result);
    }
  }

  const reports: ReportRow[] = [];
  const content: ReportContentRows = { issues: [], measures: [], resultItems: [], evidenceLinks: [] };
  for (const year of years.slice(Math.max(0, years.length - reportYears))) {
    const reporting = tools(seededRandom(`national:${plan.code}:reports:${year.yearBe}`));
    const latest = year === years.at(-1);
    for (const organization of organizations) {
      const status = pickStatus(reporting, latest);
      if (!status) continue;
      const report = reportRow(reporting, organization, province.abbreviation, year, status);
      reports.push(report);
      const rows = reportContent(reporting, report.id, year);
      content.issues.push(...rows.issues);
      content.measures.push(...rows.measures);
      content.resultItems.push(...rows.resultItems);
      content.evidenceLinks.push(...rows.evidenceLinks);
    }
  }
  return { province, districts, organizations, typePeriods, itaResults, reports, ...content };
}
