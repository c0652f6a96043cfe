// ITA framework data per fiscal year (ปีงบประมาณ, BE 2560–2569). Pure data, no imports.
// Sources and confidence: /work/shared/notes/domain.md §1 (and §2 for the fiscal-year rule).
//
// Known simplifications (treat the result as data that can be corrected per year):
//  - Level rules: letter bands for ≤2565, word levels from 2566, as specified in the brief.
//    In fact 2560–2561 used an older word scale (e.g. IPST's 2561 result is "สูงมาก"), which
//    is not modelled here.
//  - Weights IIT 30 / EIT 30 / OIT 40 for every year. This is confirmed for 2568 and
//    secondary for 2564–2570. Weights before 2562 are unconfirmed.
//  - The 10 indicators (IIT 1–5, EIT 6–8, OIT 9–10) for every year. The structure dates from
//    about 2561–2562; earlier years had a different framework.
//  - Suggested issues: the 7 ประเด็น of the seed report (อบต.ท้ายหาด, FY2568), used as the
//    template for every year. Indicator tags follow domain.md's inference (not from a source).

export type LevelRuleSeed = {
  rank: number;
  label: string;
  minTotal: number;
  minEachTool: number | null;
  passing: boolean;
};
export type IndicatorSeed = { number: number; nameTh: string; tool: "IIT" | "EIT" | "OIT" };
export type SuggestedIssueSeed = {
  ordinal: number;
  title: string;
  indicatorNumbers: number[];
  resultItems: string[];
};
export type FiscalYearSeed = {
  yearBe: number;
  startDate: string;
  endDate: string;
  submissionDeadline: string;
  weights: { iit: number; eit: number; oit: number };
  levelRules: LevelRuleSeed[];
  indicators: IndicatorSeed[];
  suggestedIssues: SuggestedIssueSeed[];
};

export const FIRST_FISCAL_YEAR_BE = 2560;
export const LAST_FISCAL_YEAR_BE = 2569;

// Rules are evaluated first-match in rank order.
const LETTER_BANDS: LevelRuleSeed[] = [
  { rank: 1, label: "AA", minTotal: 95, minEachTool: null, passing: true },
  { rank: 2, label: "A", minTotal: 85, minEachTool: null, passing: true },
  { rank: 3, label: "B", minTotal: 75, minEachTool: null, passing: false },
  { rank: 4, label: "C", minTotal: 65, minEachTool: null, passing: false },
  { rank: 5, label: "D", minTotal: 55, minEachTool: null, passing: false },
  { rank: 6, label: "E", minTotal: 50, minEachTool: null, passing: false },
  { rank: 7, label: "F", minTotal: 0, minEachTool: null, passing: false },
];

const WORD_LEVELS: LevelRuleSeed[] = [
  { rank: 1, label: "ผ่านดีเยี่ยม", minTotal: 95, minEachTool: 95, passing: true },
  { rank: 2, label: "ผ่านดี", minTotal: 85, minEachTool: 85, passing: true },
  { rank: 3, label: "ผ่าน", minTotal: 85, minEachTool: null, passing: true },
  { rank: 4, label: "ต้องปรับปรุง", minTotal: 70, minEachTool: null, passing: false },
  { rank: 5, label: "ต้องปรับปรุงโดยด่วน", minTotal: 0, minEachTool: null, passing: false },
];

const INDICATORS: IndicatorSeed[] = [
  { number: 1, nameTh: "การปฏิบัติหน้าที่", tool: "IIT" },
  { number: 2, nameTh: "การใช้งบประมาณ", tool: "IIT" },
  { number: 3, nameTh: "การใช้อำนาจ", tool: "IIT" },
  { number: 4, nameTh: "การใช้ทรัพย์สินของทางราชการ", tool: "IIT" },
  { number: 5, nameTh: "การแก้ไขปัญหาการทุจริต", tool: "IIT" },
  { number: 6, nameTh: "คุณภาพการดำเนินงาน", tool: "EIT" },
  { number: 7, nameTh: "ประสิทธิภาพการสื่อสาร", tool: "EIT" },
  { number: 8, nameTh: "การปรับปรุงระบบการทำงาน", tool: "EIT" },
  { number: 9, nameTh: "การเปิดเผยข้อมูล", tool: "OIT" },
  { number: 10, nameTh: "การป้องกันการทุจริต", tool: "OIT" },
];

// resultItems: the seed's checkbox texts under each issue come first, in seed order and with
// OCR debris removed (the checkbox texts needed no typo fixes). Items after the
// "// added:" marker are not in the seed; they are typical ITA measures added for the catalogue.
const SUGGESTED_ISSUES: SuggestedIssueSeed[] = [
  {
    ordinal: 1,
    title: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
    indicatorNumbers: [1, 6],
    resultItems: [
      "จัดทำแผนผังแสดงขั้นตอน/ระยะเวลาการให้บริการแก่ประชาชนตามภารกิจของหน่วยงาน",
      "จัดทำคู่มือหรือมาตรฐานการให้บริการ",
      "จัดประชุมพนักงานผู้บริหารประจำทุกเดือน",
      "จัดทำโครงการประชาคมหมู่บ้าน ให้ประชาชนเข้ามามีส่วนร่วมในการแสดงความคิดเห็นในการพัฒนาหมู่บ้าน/ตำบล",
      "เผยแพร่ผลการเปิดโอกาสให้บุคคลภายนอกเข้ามามีส่วนร่วมกับหน่วยงานให้ประชาชนรับทราบ",
      // added:
      "จัดให้มีระบบประเมินความพึงพอใจของผู้รับบริการ ณ จุดให้บริการ",
    ],
  },
  {
    ordinal: 2,
    title: "การให้บริการและระบบ E-Service",
    indicatorNumbers: [8],
    resultItems: [
      "จัดทำคู่มือหรือแนวทางการให้บริการแก่ประชาชน",
      "จัดทำกล่องรับฟังความคิดเห็น/สำรวจความพึงพอใจในการให้บริการ ณ จุดบริการ และ ผ่าน ช่องทางออนไลน์",
      "จัดทำสื่อประชาสัมพันธ์ ระบบการให้บริการ E-Service/ ขั้นตอนและระยะเวลาดำเนินการให้บริการ",
      // added:
      "พัฒนาระบบการให้บริการออนไลน์ (E-Service) ให้ผู้รับบริการยื่นคำขอได้โดยไม่ต้องเดินทางมาที่หน่วยงาน",
    ],
  },
  {
    ordinal: 3,
    title: "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
    indicatorNumbers: [7],
    resultItems: [
      "ประชาสัมพันธ์เว็บไซต์ของหน่วยงานและช่องทางสื่อสังคมออนไลน์ให้กับผู้มาติดต่อ",
      "จัดทำช่องทางสอบถามที่สามารถตอบคำถามได้อย่างรวดเร็ว เช่น Messenger Live Chat Line",
      "มอบหมายผู้รับผิดชอบของแต่ละส่วนราชการ จัดทำข้อมูลข่าวสารที่ประชาชนหรือผู้มาติดต่อได้รับทราบข้อมูลข่าวสารให้เป็นปัจจุบันอยู่เสมอ",
      // added:
      "เผยแพร่ข้อมูลข่าวสารตามรายการการเปิดเผยข้อมูลสาธารณะ (OIT) บนเว็บไซต์หลักของหน่วยงานให้ครบถ้วนและเป็นปัจจุบัน",
    ],
  },
  {
    ordinal: 4,
    title: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    indicatorNumbers: [4],
    resultItems: [
      "จัดทำคู่มือ/ชี้แจงขั้นตอน/แนวทางปฏิบัติในการขออนุญาตเพื่อยืมทรัพย์สินพร้อมทั้งจัดทำเป็นแผนผังติดประชาสัมพันธ์ในหน่วยงาน",
      // added:
      "จัดทำแบบฟอร์มการขออนุญาตยืมทรัพย์สินของราชการและทะเบียนควบคุมการยืม-คืน",
    ],
  },
  {
    ordinal: 5,
    title: "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
    indicatorNumbers: [2],
    resultItems: [
      "ประชุมชี้แจงการใช้จ่ายงบประมาณ หรือการดำเนินงานต่างๆของหน่วยงาน ในที่ประชุมประจำเดือนให้บุคลากรทราบ",
      "จัดทำรายงานผลการใช้จ่ายงบประมาณ การกำกับติดตามทุกเดือน",
      // added:
      "เผยแพร่แผนการจัดซื้อจัดจ้างและสรุปผลการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์ของหน่วยงาน",
    ],
  },
  {
    ordinal: 6,
    title: "กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
    indicatorNumbers: [3],
    resultItems: [
      "จัดทำแผนการบริหารทรัพยากรบุคคล และแผนพัฒนาบุคลากร",
      "จัดทำประกาศหลักเกณฑ์การประเมินผลการปฏิบัติงานและการเลื่อนเงินเดือน",
      "เผยแพร่ประชาสัมพันธ์ให้บุคลากรทราบโดยทั่วกัน",
    ],
  },
  {
    ordinal: 7,
    title: "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
    indicatorNumbers: [5, 10],
    resultItems: [
      "ทำการวิเคราะห์และประเมินความเสี่ยงการทุจริตพร้อมกำหนดมาตรการป้องกันการทุจริต ภายในหน่วยงานพร้อมเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
      "นำผลการวิเคราะห์ ITA ปรับปรุงการปฏิบัติงานให้มีประสิทธิภาพยิ่งขึ้น",
      "แต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม และจัดทำมาตรฐานทางจริยธรรม",
      "จัดทำแนวทาง Dos & Don'ts และเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
      "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
      "สร้างวัฒนธรรมในองค์กรให้ตระหนักรู้เกี่ยวกับการงดรับสินบน หรือของกำนัลทุกชนิด",
      "จัดกิจกรรมวันต่อต้านทุจริตประจำปี",
      // added:
      "จัดให้มีช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ และรายงานผลการดำเนินการเรื่องร้องเรียน",
    ],
  },
];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function isoDate(yearCe: number, month: number, day: number): string {
  return `${yearCe}-${pad2(month)}-${pad2(day)}`;
}

/**
 * FY N (BE) runs 1 Oct (N-544) CE to 30 Sep (N-543) CE (domain.md §2).
 * Submission deadline: 31 January after the year ends, i.e. (N-543+1)-01-31 CE. This is our
 * choice, not a rule: the seed's report for FY2568 is dated 7 Jan 2569 (2026-01-07), so a
 * deadline at the end of January gives room for it.
 */
export function fiscalYearSeed(yearBe: number): FiscalYearSeed {
  if (!Number.isInteger(yearBe) || yearBe < FIRST_FISCAL_YEAR_BE || yearBe > LAST_FISCAL_YEAR_BE) {
    throw new RangeError(
      `fiscalYearSeed: no framework data for fiscal year ${yearBe} (have ${FIRST_FISCAL_YEAR_BE}–${LAST_FISCAL_YEAR_BE})`,
    );
  }
  const endYearCe = yearBe - 543;
  const levelRules = yearBe <= 2565 ? LETTER_BANDS : WORD_LEVELS;
  return {
    yearBe,
    startDate: isoDate(endYearCe - 1, 10, 1),
    endDate: isoDate(endYearCe, 9, 30),
    submissionDeadline: isoDate(endYearCe + 1, 1, 31),
    weights: { iit: 30, eit: 30, oit: 40 },
    levelRules: levelRules.map((r) => ({ ...r })),
    indicators: INDICATORS.map((i) => ({ ...i })),
    suggestedIssues: SUGGESTED_ISSUES.map((s) => ({
      ...s,
      indicatorNumbers: [...s.indicatorNumbers],
      resultItems: [...s.resultItems],
    })),
  };
}

/** All fiscal years with framework data, oldest first. */
export function allFiscalYearSeeds(): FiscalYearSeed[] {
  const out: FiscalYearSeed[] = [];
  for (let y = FIRST_FISCAL_YEAR_BE; y <= LAST_FISCAL_YEAR_BE; y++) out.push(fiscalYearSeed(y));
  return out;
}
