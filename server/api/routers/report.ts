import { createTRPCRouter, reportProcedure } from "@/server/api/trpc";
import { ZReportContentPatch } from "@/server/domain/report-patch";
import { getReport, saveDraft } from "@/server/services/reports/reports";
import {
  acceptReport,
  addReviewComment,
  endorse,
  endorseForDistrict,
  markCommentAddressed,
  reopenReport,
  reportHistory,
  rerouteReport,
  returnReport,
  sendBack,
  submitForSignOff,
  withdrawReport,
} from "@/server/services/reports/workflow";
import { SIGN_OFF_CHAIN, TO_PREPARER } from "@/server/domain/report-workflow";
import { reportSigners } from "@/server/services/reports/signers";
import { idSchema, MAX_TEXT, z } from "@/server/validation";
import type { SignOffStep } from "@/server/db/generated/enums";

/** The step the signer chose to sign (the one awaited) and in what capacity: its own role (null) or an acting grant in force. */
const signingChoice = {
  step: z.enum(SIGN_OFF_CHAIN as [SignOffStep, ...SignOffStep[]], { error: "ขั้นที่ลงนามไม่ถูกต้อง" }).optional(),
  actingGrantId: idSchema.nullish(),
};

const comment = z.string().trim().max(MAX_TEXT, `ความเห็นยาวเกิน ${MAX_TEXT} ตัวอักษร`);

export const reportRouter = createTRPCRouter({
  get: reportProcedure.query(({ ctx, input }) => getReport(ctx.db, ctx.access, input.reportId)),
  history: reportProcedure.query(({ ctx, input }) => reportHistory(ctx.db, input.reportId)),
  signers: reportProcedure.query(({ ctx }) => reportSigners(ctx.db, ctx.access, ctx.organization)),
  saveDraft: reportProcedure
    .input(z.object({ baseVersion: z.number().int().min(1), content: ZReportContentPatch }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.access, input, ctx.request)),
  submit: reportProcedure
    .input(z.object({ baseVersion: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => submitForSignOff(ctx, input)),
  endorse: reportProcedure
    .input(z.object({ comment: comment.optional(), ...signingChoice }))
    .mutation(({ ctx, input }) => endorse(ctx, input)),
  sendBack: reportProcedure.input(z.object({ comment, ...signingChoice })).mutation(({ ctx, input }) => sendBack(ctx, input)),
  withdraw: reportProcedure.input(z.object({ reason: comment.optional() })).mutation(({ ctx, input }) => withdrawReport(ctx, input)),
  reroute: reportProcedure
    .input(z.object({ to: z.enum([...SIGN_OFF_CHAIN, TO_PREPARER], { error: "กรุณาเลือกขั้นที่จะย้ายไป" }), reason: comment }))
    .mutation(({ ctx, input }) => rerouteReport(ctx, input)),
  comment: reportProcedure
    .input(z.object({ issueId: idSchema.nullish(), measureId: idSchema.nullish(), body: comment }))
    .mutation(({ ctx, input }) => addReviewComment(ctx, input)),
  endorseForDistrict: reportProcedure
    .input(z.object({ comment: comment.optional() }))
    .mutation(({ ctx, input }) => endorseForDistrict(ctx, input)),
  return: reportProcedure.input(z.object({ comment })).mutation(({ ctx, input }) => returnReport(ctx, input)),
  /** The preparer marks a reviewer's remark addressed, or open again. */
  markAddressed: reportProcedure
    .input(z.object({ commentId: idSchema, addressed: z.boolean({ error: "กรุณาระบุว่าแก้ไขแล้วหรือไม่" }) }))
    .mutation(({ ctx, input }) => markCommentAddressed(ctx, input)),
  accept: reportProcedure
    .input(z.object({ comment: comment.optional() }))
    .mutation(({ ctx, input }) => acceptReport(ctx, input)),
  reopen: reportProcedure.input(z.object({ reason: comment })).mutation(({ ctx, input }) => reopenReport(ctx, input)),
});
