// What the report importer reads out of a document. Values are as written (Arabic digits,
// single spaces, markers and markup removed): doubtful spots are flagged, never corrected.
import type { LevelRuleInput } from "@/server/domain/ita-level";

export type FlagCode =
  | "ORGANIZATION_NAME_VARIANT"
  | "FOREIGN_SCRIPT"
  | "UNREADABLE_CHARACTER"
  | "MISSPELLING"
  | "PERIOD_OUTSIDE_YEAR"
  | "PERIOD_UNREADABLE"
  | "LEVEL_RULE_MISMATCH"
  | "ISSUE_NUMBER_DUPLICATE"
  | "ISSUE_NUMBER_MISSING"
  | "LIST_SPLIT_GUESSED"
  | "ROW_INCOMPLETE";

/** Something a careful reader would doubt, at a place in the text (1-based line and column). */
export type ImportFlag = { code: FlagCode; message: string; line: number; column: number; text: string; suggestion?: string };

/** Text the importer read but could not place in a field. */
export type UnplacedText = { text: string; line: number; reason: string };

export type SignatureRole = "PREPARER" | "HEAD_OF_OFFICE" | "CHIEF_ADMINISTRATOR" | "EXECUTIVE" | "OTHER";

export type ParsedSignature = {
  role: SignatureRole;
  /** The "ความเห็น…" line above an endorsement. */
  heading: string | null;
  comment: string | null;
  title: string | null;
  name: string;
  position: string | null;
  /** "ปฏิบัติหน้าที่…" / "รักษาราชการแทน…": the position the signer acts for. */
  actingPosition: string | null;
  line: number;
};

export type ParsedMeasure = {
  title: string;
  steps: string[];
  periodText: string;
  periodStart: string | null;
  periodEnd: string | null;
  responsibleUnits: string[];
  resultItems: { text: string; checked: boolean }[];
  outcomes: string[];
  line: number;
};

export type ParsedIssue = { number: number | null; title: string; measures: ParsedMeasure[]; line: number };

export type ParsedScore = { yearBe: number; total: number; level: string | null; line: number };

export type ParsedHeader = {
  issuingSection: string;
  issuingPhone: string;
  documentCode: string;
  documentNumber: string;
  /** The number written as "-": not issued yet, as the memo says. */
  documentNumberPending: boolean;
  memoDate: string | null;
  /** The date as written ("๗ มกราคม ๒๕๖๙"): memoDate is null when it is not a date. */
  memoDateText: string;
  subject: string;
  addressee: string;
  body: string;
};

export type ParsedReport = {
  header: ParsedHeader;
  /** The organisation as the memo names it, as the annex names it, and where the annex places it. */
  organization: { name: string | null; annexName: string | null; district: string | null; province: string | null };
  fiscalYearBe: number | null;
  annexTitle: string | null;
  scores: ParsedScore[];
  signatures: ParsedSignature[];
  issues: ParsedIssue[];
  unplaced: UnplacedText[];
  flags: ImportFlag[];
  /** Lines read as layout only (the memo's heading, table headers, "ลงชื่อ", page numbers). */
  layoutLines: number[];
};

export type ParseOptions = {
  /** Each fiscal year's level rules (FiscalYear.levelRules), by BE year. */
  levelRules: Record<number, LevelRuleInput[]>;
  /** The text comes from Prongsai's own PDF, whose lines never break at a space between Thai letters. */
  prongsaiLayout?: boolean;
};
