// What each preparer sent and what the server answered, kept the way the report editor keeps it
// (components/report-editor/use-autosave.ts): every save names the version it started from; a
// save that got no answer, or an error, is sent again unchanged. Sent again, a save the server
// had already applied is refused as stale with the newer content: if that content is the one
// sent, the save counts once. verifyAgainstDatabase then counts every report's rows against it.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Db } from "@/server/db/client";
import type { Measure, ReportContent } from "@/server/domain/report-content";
import { loadReportContent } from "@/server/services/reports/content-store";
import type { SeededPreparer } from "./preparers";

/** Measures kept in a report: each save adds one and drops the oldest beyond this. */
const KEPT_MEASURES = 4;

const marker = (seq: number) => `บันทึกอัตโนมัติครั้งที่ ${seq}`;

function measure(seq: number): Measure {
  return {
    id: randomUUID(),
    title: `มาตรการที่พิมพ์ในครั้งที่ ${seq}`,
    steps: ["จัดทำคู่มือการปฏิบัติงาน", "เผยแพร่ลงในเว็บไซต์หลักของหน่วยงาน"],
    periodStart: "2025-10-01",
    periodEnd: "2026-09-30",
    responsibleUnits: ["สำนักปลัด"],
    resultItems: [{ text: "จัดทำคู่มือหรือมาตรฐานการให้บริการ", checked: seq % 2 === 0, standardItemId: null }],
    outcomes: ["ประชาชนได้รับบริการตามระยะเวลาที่กำหนด"],
    evidenceLinks: [{ url: `https://example.go.th/ita/${seq}`, label: "ประกาศ" }],
  };
}

/** The preparer's next edit: the memo's text changes, one measure is added, the oldest beyond KEPT_MEASURES goes. */
export function typedChange(content: ReportContent, seq: number, issueId: string): ReportContent {
  const measures = [...(content.issues[0]?.measures ?? []), measure(seq)].slice(-KEPT_MEASURES);
  return {
    header: { ...content.header, body: marker(seq) },
    issues: [{ id: issueId, title: "ประเด็นการทดสอบภาระ", indicatorNumbers: [1], suggestedIssueId: null, measures }],
  };
}

/** An error answer as the client reads it: HTTP status, tRPC code and the Thai message. */
export type ErrorAnswer = { status: number; code: string; message: string };

type TrpcAnswer =
  | { result: { data: { json: { ok: true; version: number } | { ok: false; reason: "stale"; version: number; content: ReportContent } } } }
  | { error: { json: { message: string; data?: { code?: string; httpStatus?: number } } } };

export class PreparerLedger {
  readonly reportId: string;
  readonly username: string;
  readonly startVersion: number;
  private readonly issueId: string;
  /** The version and content the server is known to hold. */
  version: number;
  confirmed: ReportContent;
  /** The save being sent: resent unchanged until an answer settles it. */
  pending: { seq: number; baseVersion: number; content: ReportContent } | null = null;
  private answered = true;
  sent = 0;
  /** Saves known applied: acknowledged, or found applied when sent again. */
  saves = 0;
  foundAppliedOnResend = 0;
  unanswered = 0;
  readonly errors: (ErrorAnswer & { at: number })[] = [];
  /** When each save was acknowledged (Date.now()). */
  readonly savedAt: number[] = [];
  /** Answers that contradict the protocol (a version skipped, a stale answer with foreign content). */
  readonly anomalies: string[] = [];

  constructor(
    seeded: SeededPreparer,
    readonly cookie: string,
    /** The number of the last edit saved, carried from one check to the next: every edit's text differs. */
    private confirmedSeq = 0,
  ) {
    this.reportId = seeded.reportId;
    this.username = seeded.username;
    this.startVersion = seeded.version;
    this.version = seeded.version;
    this.confirmed = seeded.content;
    this.issueId = seeded.content.issues[0]?.id ?? randomUUID();
  }

  /** The same preparer for the next check, starting from what the server is known to hold. */
  continued(): PreparerLedger {
    if (this.pending) throw new Error(`${this.username} still has a save in flight`);
    return new PreparerLedger({ username: this.username, reportId: this.reportId, version: this.version, content: this.confirmed }, this.cookie, this.confirmedSeq);
  }

  /** The run ended with a request out (cut by the load tool, not by the server): it is sent again, not counted as unanswered. */
  runEnded(): void {
    this.answered = true;
  }

  /** Whether a request is out without its answer. */
  get inFlight(): boolean {
    return this.pending !== null && !this.answered;
  }

  /** The body of the next request: the save in flight again, or the next edit. */
  nextBody(): string {
    if (this.pending && !this.answered) this.unanswered += 1;
    if (!this.pending) {
      const seq = this.confirmedSeq + 1;
      this.pending = { seq, baseVersion: this.version, content: typedChange(this.confirmed, seq, this.issueId) };
    }
    this.answered = false;
    this.sent += 1;
    const { baseVersion, content } = this.pending;
    return JSON.stringify({ json: { reportId: this.reportId, baseVersion, content } });
  }

  /** Settles the request in flight with the server's answer. */
  onAnswer(status: number, body: string): void {
    this.answered = true;
    const pending = this.pending;
    if (!pending) {
      this.anomalies.push(`an answer without a save in flight (HTTP ${status})`);
      return;
    }
    let answer: TrpcAnswer;
    try {
      answer = JSON.parse(body) as TrpcAnswer;
    } catch {
      this.errors.push({ status, code: "UNPARSEABLE", message: body.slice(0, 200), at: Date.now() });
      return;
    }
    if ("error" in answer) {
      const { message, data } = answer.error.json;
      this.errors.push({ status, code: data?.code ?? "?", message, at: Date.now() });
      return;
    }
    const result = answer.result.data.json;
    if (result.ok) {
      if (result.version !== pending.baseVersion + 1) this.anomalies.push(`saved as version ${result.version} from ${pending.baseVersion}`);
      this.settle(result.version);
    } else if (result.content.header.body === pending.content.header.body) {
      this.foundAppliedOnResend += 1;
      this.settle(result.version);
    } else {
      this.anomalies.push(`stale at version ${result.version} with content that is neither this save nor the last one saved`);
      this.pending = null;
    }
  }

  private settle(version: number) {
    const pending = this.pending!;
    this.version = version;
    this.confirmed = pending.content;
    this.confirmedSeq = pending.seq;
    this.saves += 1;
    this.savedAt.push(Date.now());
    this.pending = null;
  }
}

export type Verification = {
  reports: number;
  /** Saves the clients know applied (acknowledged or found applied on resending). */
  savesKnown: number;
  /** Saves whose answer never came and that the database holds (the last one of a run, at most). */
  savesFoundInDatabase: number;
  /** "report.save" audit rows, one per applied save. */
  auditRows: number;
  measureRows: number;
  measuresExpected: number;
  lost: string[];
  duplicated: string[];
  halfWritten: string[];
};

/**
 * Counts every report's rows against what its preparer sent: the version moved once per applied
 * save (none lost, none applied twice), one audit row per save, and the content is exactly the
 * last save's, whole (a save never half-written). A save whose answer never came may or may not
 * have been applied: the database must then hold exactly it or exactly the one before.
 */
export async function verifyAgainstDatabase(db: Db, ledgers: PreparerLedger[]): Promise<Verification> {
  const verification: Verification = {
    reports: ledgers.length,
    savesKnown: 0,
    savesFoundInDatabase: 0,
    auditRows: 0,
    measureRows: 0,
    measuresExpected: 0,
    lost: [],
    duplicated: [],
    halfWritten: [],
  };
  for (const ledger of ledgers) {
    const row = await db.yearlyReport.findUniqueOrThrow({ where: { id: ledger.reportId }, select: { version: true } });
    const stored = await loadReportContent(db, ledger.reportId);
    // The saves of this check: those that made a version after the one it started from.
    const audits = (await db.auditEvent.findMany({ where: { entityId: ledger.reportId, action: "report.save" }, select: { after: true } })).filter(
      (audit) => ((audit.after as { version?: number } | null)?.version ?? 0) > ledger.startVersion,
    );
    const measures = await db.measure.count({ where: { issue: { reportId: ledger.reportId } } });
    verification.savesKnown += ledger.saves;
    verification.auditRows += audits.length;
    verification.measureRows += measures;
    const pendingApplied = ledger.pending !== null && row.version === ledger.version + 1 && isDeepStrictEqual(stored, ledger.pending.content);
    if (pendingApplied) verification.savesFoundInDatabase += 1;
    const expected = pendingApplied ? ledger.pending!.content : ledger.confirmed;
    const expectedVersion = ledger.version + (pendingApplied ? 1 : 0);
    verification.measuresExpected += expected.issues.reduce((sum, issue) => sum + issue.measures.length, 0);
    const name = ledger.username;
    if (row.version < expectedVersion) verification.lost.push(`${name}: version ${row.version}, ${expectedVersion} acknowledged`);
    if (row.version > expectedVersion) verification.duplicated.push(`${name}: version ${row.version}, ${expectedVersion} sent and known`);
    const savedVersions = new Set(audits.map((audit) => (audit.after as { version?: number } | null)?.version));
    if (audits.length !== row.version - ledger.startVersion || savedVersions.size !== audits.length) {
      verification.duplicated.push(`${name}: ${audits.length} save audit rows (${savedVersions.size} versions) for ${row.version - ledger.startVersion} saves`);
    }
    if (row.version === expectedVersion && !isDeepStrictEqual(stored, expected)) {
      verification.halfWritten.push(`${name}: the stored content is not the last save's`);
    }
  }
  return verification;
}
