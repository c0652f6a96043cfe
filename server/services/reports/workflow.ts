// The report's journey: the preparer sends it up the sign-off chain, each signer endorses or
// sends it back, the last endorsement submits it to the province (with an immutable snapshot),
// and a reviewer returns or accepts it. Each transition checks the state it starts from inside
// its transaction, so two people acting at once cannot both succeed, and writes its audit event.
import type { Db, DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/db/client";
import type { Access, OrganizationNode } from "@/server/access/access";
import type { SignOffStep } from "@/server/db/generated/enums";
import { grantsFor } from "@/server/access/permissions";
import { diffContent, type ReportContent } from "@/server/domain/report-content";
import { fiscalYearBounds, isoDay } from "@/server/domain/fiscal-year";
import { checkReport, refusalMessage, thaiToday, type RuleContext } from "@/server/domain/report-rules";
import { nextSignOffStep, rerouteTargets, SIGN_OFF_CHAIN, TO_PREPARER, type RerouteTarget } from "@/server/domain/report-workflow";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { AppError } from "@/server/errors";
import { deadlineFor } from "../deadlines";
import { recordAudit, type RequestMetadata } from "../audit";
import { clearAwaitingSignature, notifyReportEvent, type ReportEvent } from "../notifications/report-events";
import { queueMails } from "../mail/mail";
import { recordAdoptions } from "./adoptions";
import { loadReportContent } from "./content-store";
import { preparerName, requireReportAction, STALE_VERSION_MESSAGE } from "./reports";
import { signersAt } from "./signers";

const STATE_CHANGED = "สถานะของรายงานเปลี่ยนไปแล้ว กรุณาโหลดหน้าใหม่";

type Transition = {
  db: Db;
  access: Access;
  request?: RequestMetadata;
};

async function transition(
  { db, access, request }: Transition,
  node: OrganizationNode,
  reportId: string,
  expected: Prisma.YearlyReportWhereInput,
  data: Prisma.YearlyReportUpdateManyMutationInput,
  action: string,
  // The transition's own writes; it returns what to tell whom (notifyReportEvent).
  extra: (tx: Prisma.TransactionClient) => Promise<ReportEvent | null>,
  auditAfter: Record<string, unknown> = {},
) {
  let mails: string[] = [];
  const result = await db.$transaction(async (tx) => {
    const changed = await tx.yearlyReport.updateMany({ where: { id: reportId, ...expected }, data: { ...data, stateChangedAt: new Date() } });
    if (changed.count === 0) throw new AppError("CONFLICT", STATE_CHANGED);
    const event = await extra(tx);
    if (event) mails = await notifyReportEvent(tx, { reportId, node, actorId: access.userId, event });
    const after = await tx.yearlyReport.findUniqueOrThrow({
      where: { id: reportId },
      select: { status: true, currentStep: true, revision: true, version: true },
    });
    await recordAudit(tx, {
      actor: access,
      request,
      action,
      entityType: "YearlyReport",
      entityId: reportId,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      before: expected,
      after: { ...after, ...auditAfter },
    });
    return after;
  }, { timeout: 30_000 });
  await queueMails(mails);
  return result;
}

const requiredComment = (comment: string | undefined, message: string) => {
  const trimmed = comment?.trim();
  if (!trimmed) throw new AppError("BAD_REQUEST", message);
  return trimmed;
};

/** What the report's rules are checked against: its fiscal year, the deadline in force for its organisation, today. */
export async function reportRuleContext(db: DbClient, report: { yearBe: number; provinceId: string }, now = new Date()): Promise<RuleContext> {
  const bounds = fiscalYearBounds(report.yearBe);
  const { deadline } = await deadlineFor(db, { yearBe: report.yearBe, provinceId: report.provinceId });
  return {
    year: { yearBe: report.yearBe, start: isoDay(bounds.start), end: isoDay(bounds.end) },
    memoDateLatest: isoDay(deadline),
    today: thaiToday(now),
  };
}

/**
 * The preparer sends the report to the head of office. A report that breaks any rule of
 * report-rules.ts is refused with every problem listed (fieldErrors keyed by the field), and
 * nothing is written.
 */
export async function submitForSignOff(context: Transition, input: { reportId: string; baseVersion: number }) {
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "submit");
  if (report.version !== input.baseVersion) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
  // A save after the version check bumps the version, and the transition below then fails:
  // what is checked here is what goes up.
  const content = await loadReportContent(context.db, report.id);
  const { problems } = checkReport(content, await reportRuleContext(context.db, { yearBe: report.fiscalYear.yearBe, provinceId: node.provinceId }));
  if (problems.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const problem of problems) (fieldErrors[problem.field] ??= []).push(`${problem.where}: ${problem.message}`);
    throw new AppError("BAD_REQUEST", refusalMessage(problems), fieldErrors);
  }
  return transition(
    context,
    node,
    report.id,
    // Closing the year meanwhile stops the report here too.
    { status: report.status, version: input.baseVersion, fiscalYear: { isOpen: true } },
    {
      status: "IN_SIGN_OFF",
      currentStep: SIGN_OFF_CHAIN[0],
      signOffRound: { increment: 1 },
      preparerName: preparerName(context.access),
      preparerPosition: context.access.position,
    },
    "report.submit_for_sign_off",
    async () => ({ kind: "submittedForSignOff" }),
  );
}

/**
 * How the signer signs the step awaited: the step it chose (it must still be the one awaited) and
 * the capacity (its own role, or an acting grant in force: ปฏิบัติหน้าที่…). Without a choice, its
 * own role for the step, else its first acting grant for it.
 */
export type SigningChoice = { step?: SignOffStep; actingGrantId?: string | null };

function signingGrant(access: Access, node: OrganizationNode, step: SignOffStep, choice: SigningChoice) {
  if (choice.step && choice.step !== step) throw new AppError("CONFLICT", STATE_CHANGED);
  const held = grantsFor(access, "report.endorse", node).filter((candidate) => candidate.signOffStep === step);
  const grant =
    choice.actingGrantId === undefined
      ? (held.find((candidate) => !candidate.actingGrantId) ?? held[0])
      : held.find((candidate) => (candidate.actingGrantId ?? null) === choice.actingGrantId);
  if (!grant) throw new AppError("FORBIDDEN", "การมอบให้ปฏิบัติหน้าที่ที่เลือกไม่มีผลในวันนี้ หรือไม่ใช่ของขั้นนี้ กรุณาโหลดหน้าใหม่");
  return grant;
}

/** The signature of `access` at `step` of the report of the organisation `node`, in the capacity it chose. */
async function signOffRecord(tx: DbClient, access: Access, node: OrganizationNode, reportId: string, step: (typeof SIGN_OFF_CHAIN)[number], choice: SigningChoice) {
  const report = await tx.yearlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { signOffRound: true } });
  // The acting position is the one held at this organisation: a person may sign for several.
  const grant = signingGrant(access, node, step, choice);
  return {
    reportId,
    round: report.signOffRound,
    step,
    signerId: access.userId,
    signerName: preparerName(access),
    signerPosition: access.position ?? SIGN_OFF_STEP_LABEL[step],
    actingPosition: grant.actingPosition ?? null,
  };
}

/** The signer of the current step endorses; after the นายก the report goes to the province. */
export async function endorse(context: Transition, input: { reportId: string; comment?: string } & SigningChoice) {
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "endorse");
  const step = report.currentStep!;
  signingGrant(context.access, node, step, input);
  const next = nextSignOffStep(step);
  return transition(
    context,
    node,
    report.id,
    { status: "IN_SIGN_OFF", currentStep: step },
    next
      ? { currentStep: next }
      : { status: "SUBMITTED", currentStep: null, revision: { increment: 1 }, submittedAt: new Date() },
    next ? "report.endorse" : "report.endorse_and_submit",
    async (tx) => {
      await tx.signOff.create({
        data: { ...(await signOffRecord(tx, context.access, node, report.id, step, input)), decision: "ENDORSED", comment: input.comment?.trim() || null },
      });
      if (!next) await snapshot(tx, report.id);
      return { kind: "endorsed", step, next };
    },
  );
}

/** The signer of the current step sends the report back to the preparer, saying why. */
export async function sendBack(context: Transition, input: { reportId: string; comment: string } & SigningChoice) {
  const comment = requiredComment(input.comment, "กรุณาระบุเหตุผลที่ส่งกลับ");
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "sendBack");
  const step = report.currentStep!;
  signingGrant(context.access, node, step, input);
  return transition(
    context,
    node,
    report.id,
    { status: "IN_SIGN_OFF", currentStep: step },
    { status: "DRAFT", currentStep: null },
    "report.send_back",
    async (tx) => {
      await tx.signOff.create({ data: { ...(await signOffRecord(tx, context.access, node, report.id, step, input)), decision: "SENT_BACK", comment } });
      return { kind: "sentBack", step, reason: comment };
    },
  );
}

/** Who took a step's decision that is not a signature (a withdrawal, a re-route), as the record keeps it. */
const actorRecord = (access: Access, report: { id: string; signOffRound: number }, step: (typeof SIGN_OFF_CHAIN)[number], fallbackPosition: string) => ({
  reportId: report.id,
  round: report.signOffRound,
  step,
  signerId: access.userId,
  signerName: preparerName(access),
  signerPosition: access.position ?? fallbackPosition,
});

/**
 * The preparer takes the report back from the chain while the step awaited has not signed
 * (ถอนเรื่อง): it is a draft again, and the signers' "awaiting your signature" are taken back.
 */
export async function withdrawReport(context: Transition, input: { reportId: string; reason?: string }) {
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "withdraw");
  const step = report.currentStep!;
  const reason = input.reason?.trim() || null;
  return transition(
    context,
    node,
    report.id,
    // The step has not signed meanwhile (nor the report gone round again), and the year is still open.
    { status: "IN_SIGN_OFF", currentStep: step, signOffRound: report.signOffRound, fiscalYear: { isOpen: true } },
    { status: "DRAFT", currentStep: null },
    "report.withdraw",
    async (tx) => {
      await tx.signOff.create({ data: { ...actorRecord(context.access, report, step, "ผู้จัดทำรายงาน"), decision: "WITHDRAWN", comment: reason } });
      await clearAwaitingSignature(tx, { reportId: report.id, round: report.signOffRound });
      return null;
    },
    { step, reason },
  );
}

/**
 * An administrator moves a report waiting at a step to a later step that someone can sign (to
 * skip one nobody can), or back to its preparer, saying why.
 */
export async function rerouteReport(context: Transition, input: { reportId: string; to: RerouteTarget; reason: string }) {
  const reason = requiredComment(input.reason, "กรุณาระบุเหตุผลที่เปลี่ยนเส้นทาง");
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "reroute");
  const from = report.currentStep!;
  const to = input.to;
  if (!rerouteTargets(from).includes(to)) throw new AppError("BAD_REQUEST", "ย้ายได้เฉพาะไปขั้นที่อยู่ถัดไปในลำดับ หรือส่งกลับผู้จัดทำ");
  return transition(
    context,
    node,
    report.id,
    { status: "IN_SIGN_OFF", currentStep: from, signOffRound: report.signOffRound },
    to === TO_PREPARER ? { status: "DRAFT", currentStep: null } : { currentStep: to },
    "report.reroute",
    async (tx) => {
      if (to !== TO_PREPARER && (await signersAt(tx, node.id, to)).length === 0) {
        throw new AppError("BAD_REQUEST", `ขั้น${SIGN_OFF_STEP_LABEL[to]}ยังไม่มีผู้ลงนาม ย้ายรายงานไปขั้นนี้ไม่ได้`);
      }
      await tx.signOff.create({
        data: { ...actorRecord(context.access, report, from, "ผู้ดูแลระบบ"), decision: "REROUTED", movedTo: to === TO_PREPARER ? null : to, comment: reason },
      });
      await clearAwaitingSignature(tx, { reportId: report.id, round: report.signOffRound, step: from });
      return { kind: "rerouted", from, to, reason };
    },
    { from, to, reason },
  );
}

/** Stores what the report holds now as its current revision (done when it reaches the province). */
export async function snapshot(tx: DbClient, reportId: string) {
  const report = await tx.yearlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { revision: true } });
  const content = await loadReportContent(tx, reportId);
  await tx.reportRevision.create({
    data: { reportId, revision: report.revision, content: content as unknown as Prisma.InputJsonValue },
  });
}

/**
 * The preparer marks a reviewer's remark addressed (or open again) while the report is theirs to
 * edit; the reviewer sees who marked it and when. Audited.
 */
export async function markCommentAddressed(context: Transition, input: { reportId: string; commentId: string; addressed: boolean }) {
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "edit");
  return context.db.$transaction(async (tx) => {
    const comment = await tx.reviewComment.findFirst({ where: { id: input.commentId, reportId: report.id, kind: "COMMENT" } });
    if (!comment) throw new AppError("NOT_FOUND", "ไม่พบความเห็นนี้ในรายงาน");
    const data = input.addressed
      ? { addressedAt: new Date(), addressedById: context.access.userId, addressedByName: preparerName(context.access) }
      : { addressedAt: null, addressedById: null, addressedByName: null };
    const updated = await tx.reviewComment.update({ where: { id: comment.id }, data, select: { id: true, addressedAt: true, addressedByName: true } });
    await recordAudit(tx, {
      actor: context.access,
      request: context.request,
      action: input.addressed ? "report.comment_addressed" : "report.comment_reopened",
      entityType: "ReviewComment",
      entityId: comment.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      before: { addressedAt: comment.addressedAt },
      after: { addressedAt: updated.addressedAt },
    });
    return updated;
  });
}

/** A reviewer's remark on the report, one of its issues or one of its measures. */
export async function addReviewComment(
  context: Transition,
  input: { reportId: string; issueId?: string | null; measureId?: string | null; body: string },
) {
  const body = requiredComment(input.body, "กรุณาพิมพ์ความเห็น");
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "comment");
  let mails: string[] = [];
  const saved = await context.db.$transaction(async (tx) => {
    let issueId = input.issueId ?? null;
    if (input.measureId) {
      const measure = await tx.measure.findFirst({ where: { id: input.measureId, issue: { reportId: report.id } } });
      if (!measure) throw new AppError("BAD_REQUEST", "ไม่พบมาตรการนี้ในรายงาน");
      issueId = measure.issueId;
    } else if (issueId && !(await tx.reportIssue.count({ where: { id: issueId, reportId: report.id } }))) {
      throw new AppError("BAD_REQUEST", "ไม่พบประเด็นนี้ในรายงาน");
    }
    const comment = await tx.reviewComment.create({
      data: {
        reportId: report.id,
        kind: "COMMENT",
        revision: report.revision,
        issueId,
        measureId: input.measureId ?? null,
        authorId: context.access.userId,
        authorName: preparerName(context.access),
        body,
      },
    });
    await recordAudit(tx, {
      actor: context.access,
      request: context.request,
      action: "report.comment",
      entityType: "ReviewComment",
      entityId: comment.id,
      scope: { organizationId: node.id, districtId: node.districtId, provinceId: node.provinceId },
      after: { reportId: report.id, issueId, measureId: input.measureId ?? null, body },
    });
    mails = await notifyReportEvent(tx, { reportId: report.id, node, actorId: context.access.userId, event: { kind: "commented", commentId: comment.id, body } });
    return comment;
  });
  await queueMails(mails);
  return saved;
}

async function reviewDecision(
  context: Transition,
  input: { reportId: string; comment?: string },
  decision: { action: "return" | "accept" | "reopen"; kind: "RETURN" | "ACCEPT" | "REOPEN"; comment: string | null },
) {
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, decision.action);
  // Returned or reopened: the next submission needs the district's endorsement again.
  const data: Prisma.YearlyReportUpdateManyMutationInput =
    decision.action === "accept"
      ? { status: "ACCEPTED", acceptedAt: new Date() }
      : { status: "RETURNED", acceptedAt: null, districtEndorsedAt: null, districtEndorsedByName: null };
  return transition(
    context,
    node,
    report.id,
    { status: report.status },
    data,
    `report.${decision.action}`,
    async (tx): Promise<ReportEvent | null> => {
      // Accepted: what it adopted is stored for peer insight; returned or reopened: removed.
      await recordAdoptions(tx, { reports: [report.id] });
      const saved = decision.comment
        ? await tx.reviewComment.create({
        data: {
          reportId: report.id,
          kind: decision.kind,
          revision: report.revision,
          authorId: context.access.userId,
          authorName: preparerName(context.access),
          body: decision.comment,
        },
      })
        : null;
      if (decision.action === "return") return { kind: "returned", commentId: saved!.id, reason: decision.comment! };
      if (decision.action === "accept") return { kind: "accepted", comment: decision.comment };
      return null;
    },
    { comment: decision.comment },
  );
}

/** The district reviewer endorses a submission for the province, where the province requires it. */
export async function endorseForDistrict(context: Transition, input: { reportId: string; comment?: string }) {
  const { report, node } = await requireReportAction(context.db, context.access, input.reportId, "endorseForDistrict");
  const comment = input.comment?.trim() || null;
  return transition(
    context,
    node,
    report.id,
    { status: "SUBMITTED", districtEndorsedAt: null },
    { districtEndorsedAt: new Date(), districtEndorsedByName: preparerName(context.access) },
    "report.endorse_for_district",
    async (tx): Promise<ReportEvent> => {
      await tx.reviewComment.create({
        data: {
          reportId: report.id,
          kind: "DISTRICT_ENDORSE",
          revision: report.revision,
          authorId: context.access.userId,
          authorName: preparerName(context.access),
          body: comment ?? "เห็นชอบ เสนอจังหวัด",
        },
      });
      return { kind: "districtEndorsed", comment };
    },
    { comment },
  );
}

export const returnReport = (context: Transition, input: { reportId: string; comment: string }) =>
  reviewDecision(context, input, { action: "return", kind: "RETURN", comment: requiredComment(input.comment, "กรุณาระบุสิ่งที่ต้องแก้ไขก่อนส่งกลับ") });

export const acceptReport = (context: Transition, input: { reportId: string; comment?: string }) =>
  reviewDecision(context, input, { action: "accept", kind: "ACCEPT", comment: input.comment?.trim() || null });

export const reopenReport = (context: Transition, input: { reportId: string; reason: string }) =>
  reviewDecision(context, input, { action: "reopen", kind: "REOPEN", comment: requiredComment(input.reason, "กรุณาระบุเหตุผลที่เปิดรายงานอีกครั้ง") });

/** The submissions of a report and what changed in the latest one since the one before. */
export async function reportHistory(db: DbClient, reportId: string) {
  const revisions = await db.reportRevision.findMany({ where: { reportId }, orderBy: { revision: "asc" } });
  const last = revisions.at(-1);
  const previous = revisions.at(-2);
  const { status } = await db.yearlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
  // On its way up again (or being fixed): what changed since the last submission, for the signers of the next round.
  const pendingDiff =
    last && (status === "IN_SIGN_OFF" || status === "DRAFT" || status === "RETURNED")
      ? { from: last.revision, ...diffContent(last.content as unknown as ReportContent, await loadReportContent(db, reportId)) }
      : null;
  return {
    revisions: revisions.map(({ revision, submittedAt }) => ({ revision, submittedAt })),
    latestDiff:
      last && previous
        ? { from: previous.revision, to: last.revision, ...diffContent(previous.content as unknown as ReportContent, last.content as unknown as ReportContent) }
        : null,
    pendingDiff,
  };
}
