// What each step of a report's journey tells whom (called by workflow.ts inside the step's own
// transaction). "Your report" means the organisation's preparers (report.prepare); a report
// waiting for a signature tells the signers of that step (report.endorse); one sent to the
// province tells the reviewers of its district and province (report.review). A step nobody can
// sign tells the province's administrators (report.reroute), who add a signer or move the report.
import type { DbClient } from "@/server/db/client";
import type { SignOffStep } from "@/server/db/generated/enums";
import type { OrganizationNode } from "@/server/access/nodes";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { TO_PREPARER, type RerouteTarget } from "@/server/domain/report-workflow";
import { signersAt } from "../reports/signers";
import { notify, recipientsFor } from "./notifications";

export type ReportEvent =
  | { kind: "submittedForSignOff" }
  | { kind: "endorsed"; step: SignOffStep; next: SignOffStep | null }
  | { kind: "sentBack"; step: SignOffStep; reason: string }
  | { kind: "rerouted"; from: SignOffStep; to: RerouteTarget; reason: string }
  | { kind: "returned"; commentId: string; reason: string }
  | { kind: "districtEndorsed"; comment: string | null }
  | { kind: "accepted"; comment: string | null }
  | { kind: "commented"; commentId: string; body: string };

/**
 * Tells whom the event concerns; returns the ids of the mails to send at once (queueMails,
 * after the transaction commits).
 */
export async function notifyReportEvent(
  tx: DbClient,
  options: { reportId: string; node: OrganizationNode; actorId: string; event: ReportEvent },
): Promise<string[]> {
  const { reportId, node, actorId, event } = options;
  const report = await tx.yearlyReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { signOffRound: true, revision: true, preparerName: true, organization: { select: { nameTh: true } }, fiscalYear: { select: { yearBe: true } } },
  });
  const about = `รายงาน ITA ปี ${report.fiscalYear.yearBe} ของ${report.organization.nameTh}`;
  const link = `/reports/${reportId}`;
  const base = { reportId, organizationId: node.id, link };
  const key = `report:${reportId}`;
  const preparers = () => recipientsFor(tx, { action: "report.prepare", node, exceptUserId: actorId });
  const awaitingSignature = async (step: SignOffStep) => {
    const signers = await signersAt(tx, node.id, step);
    if (signers.length === 0) {
      return notify(tx, {
        ...base,
        kind: "NO_SIGNER",
        eventKey: `${key}:round:${report.signOffRound}:${step}:no-signer`,
        recipientIds: await recipientsFor(tx, { action: "report.reroute", node, localOnly: true, exceptUserId: actorId }),
        title: `${about} รอความเห็นของ${SIGN_OFF_STEP_LABEL[step]} แต่ขั้นนี้ยังไม่มีผู้ลงนาม`,
        body: "กรุณาเพิ่มบัญชีผู้ลงนามขั้นนี้ หรือเปลี่ยนเส้นทางรายงาน",
      });
    }
    return notify(tx, {
      ...base,
      kind: "AWAITING_SIGNATURE",
      eventKey: `${key}:round:${report.signOffRound}:${step}:awaiting`,
      recipientIds: signers.filter((id) => id !== actorId),
      title: `${about} รอความเห็นของ${SIGN_OFF_STEP_LABEL[step]}`,
      body: report.preparerName ? `ผู้จัดทำ: ${report.preparerName}` : null,
    });
  };

  switch (event.kind) {
    case "submittedForSignOff":
      return awaitingSignature("HEAD_OF_OFFICE");
    case "endorsed": {
      const toPreparers = await notify(tx, {
        ...base,
        kind: "ENDORSED",
        eventKey: `${key}:round:${report.signOffRound}:${event.step}:endorsed`,
        recipientIds: await preparers(),
        title: event.next ? `${SIGN_OFF_STEP_LABEL[event.step]}เห็นชอบ${about}แล้ว` : `${about} ผ่านความเห็นนายกและส่งจังหวัดแล้ว`,
      });
      if (event.next) return [...toPreparers, ...(await awaitingSignature(event.next))];
      const toReviewers = await notify(tx, {
        ...base,
        kind: "AWAITING_REVIEW",
        eventKey: `${key}:revision:${report.revision}:awaiting-review`,
        recipientIds: await recipientsFor(tx, { action: "report.review", node, localOnly: true, exceptUserId: actorId }),
        title: `${about} ส่งจังหวัดแล้ว รอการตรวจ (ครั้งที่ ${report.revision})`,
      });
      return [...toPreparers, ...toReviewers];
    }
    case "sentBack":
      return notify(tx, {
        ...base,
        kind: "SENT_BACK",
        eventKey: `${key}:round:${report.signOffRound}:${event.step}:sent-back`,
        recipientIds: await preparers(),
        title: `${SIGN_OFF_STEP_LABEL[event.step]}ส่ง${about}กลับให้แก้ไข`,
        body: `เหตุผล: ${event.reason}`,
      });
    case "rerouted": {
      const toPreparers = await notify(tx, {
        ...base,
        kind: "REROUTED",
        eventKey: `${key}:round:${report.signOffRound}:${event.from}:rerouted`,
        recipientIds: await preparers(),
        title:
          event.to === TO_PREPARER
            ? `ผู้ดูแลระบบส่ง${about}กลับให้ผู้จัดทำ`
            : `ผู้ดูแลระบบย้าย${about}จากขั้น${SIGN_OFF_STEP_LABEL[event.from]}ไปรอความเห็นของ${SIGN_OFF_STEP_LABEL[event.to]}`,
        body: `เหตุผล: ${event.reason}`,
      });
      return event.to === TO_PREPARER ? toPreparers : [...toPreparers, ...(await awaitingSignature(event.to))];
    }
    case "returned":
      return notify(tx, {
        ...base,
        kind: "RETURNED",
        eventKey: `comment:${event.commentId}`,
        recipientIds: await preparers(),
        title: `จังหวัดส่ง${about}กลับให้แก้ไข`,
        body: `สิ่งที่ต้องแก้ไข: ${event.reason}`,
        link: `${link}#comment-${event.commentId}`,
      });
    case "districtEndorsed": {
      const toPreparers = await notify(tx, {
        ...base,
        kind: "ENDORSED",
        eventKey: `${key}:revision:${report.revision}:district-endorsed`,
        recipientIds: await preparers(),
        title: `อำเภอเห็นชอบ${about}แล้ว รอจังหวัดตรวจ`,
        body: event.comment ? `ความเห็น: ${event.comment}` : null,
      });
      const toProvince = await notify(tx, {
        ...base,
        kind: "AWAITING_REVIEW",
        eventKey: `${key}:revision:${report.revision}:awaiting-province`,
        recipientIds: await recipientsFor(tx, { action: "report.acceptAfterDistrict", node, localOnly: true, exceptUserId: actorId }),
        title: `อำเภอเห็นชอบ${about}แล้ว รอจังหวัดตรวจ (ครั้งที่ ${report.revision})`,
        body: event.comment ? `ความเห็นของอำเภอ: ${event.comment}` : null,
      });
      return [...toPreparers, ...toProvince];
    }
    case "accepted":
      return notify(tx, {
        ...base,
        kind: "ACCEPTED",
        eventKey: `${key}:revision:${report.revision}:accepted`,
        recipientIds: await preparers(),
        title: `จังหวัดรับ${about}แล้ว`,
        body: event.comment ? `ความเห็น: ${event.comment}` : null,
      });
    case "commented":
      return notify(tx, {
        ...base,
        kind: "COMMENTED",
        eventKey: `comment:${event.commentId}`,
        recipientIds: await preparers(),
        title: `ผู้ตรวจแสดงความเห็นต่อ${about}`,
        body: event.body,
        link: `${link}#comment-${event.commentId}`,
      });
  }
}

/**
 * Takes back the "awaiting your signature" notifications of the report's round (of one step, or
 * of every step), with their mails not yet on their way: the report no longer waits for them.
 */
export async function clearAwaitingSignature(tx: DbClient, options: { reportId: string; round: number; step?: SignOffStep }) {
  const { reportId, round, step } = options;
  const cleared = await tx.notification.findMany({
    where: { reportId, kind: { in: ["AWAITING_SIGNATURE", "NO_SIGNER"] }, eventKey: { startsWith: `report:${reportId}:round:${round}:${step ?? ""}` } },
    select: { id: true },
  });
  const ids = cleared.map((notification) => notification.id);
  await tx.outgoingMail.deleteMany({ where: { key: { in: ids.map((id) => `notification:${id}`) }, status: "QUEUED", claimedAt: null } });
  await tx.notification.deleteMany({ where: { id: { in: ids } } });
  return ids.length;
}
