"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import type { SignOffStep } from "@/server/db/generated/enums";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { nextSignOffStep, rerouteTargets, TO_PREPARER, unsignableSteps, type ReportAction, type RerouteTarget } from "@/server/domain/report-workflow";
import { WhomToAsk, type ReportSigners } from "./sign-off-chain";

type Decision = { action: ReportAction; label: string; commentLabel: string; commentRequired: boolean; tone: "primary" | "warning"; note?: string };

const DECISIONS: Decision[] = [
  { action: "endorse", label: "เห็นชอบ / ลงนาม", commentLabel: "ความเห็น (ถ้ามี)", commentRequired: false, tone: "primary" },
  { action: "sendBack", label: "ส่งกลับผู้จัดทำ", commentLabel: "เหตุผลที่ส่งกลับ", commentRequired: true, tone: "warning" },
  {
    action: "withdraw",
    label: "ถอนเรื่อง",
    commentLabel: "เหตุผล (ถ้ามี)",
    commentRequired: false,
    tone: "warning",
    note: "รายงานจะกลับเป็นฉบับร่าง ผู้ลงนามที่รออยู่จะไม่เห็นรายงานนี้ในงานที่รอ แก้ไขแล้วเสนอใหม่ได้",
  },
  {
    action: "reroute",
    label: "เปลี่ยนเส้นทางรายงาน",
    commentLabel: "เหตุผลที่เปลี่ยนเส้นทาง",
    commentRequired: true,
    tone: "warning",
    note: "ย้ายรายงานไปขั้นถัดไปที่มีผู้ลงนาม (ข้ามขั้นที่ไม่มีผู้ลงนาม) หรือส่งกลับผู้จัดทำ",
  },
  {
    action: "endorseForDistrict",
    label: "เห็นชอบ เสนอจังหวัด",
    commentLabel: "ความเห็นของอำเภอ (ถ้ามี)",
    commentRequired: false,
    tone: "primary",
    note: "จังหวัดกำหนดให้อำเภอให้ความเห็นชอบก่อน เมื่อเห็นชอบแล้ว ผู้ตรวจของจังหวัดจึงรับรายงานได้",
  },
  { action: "accept", label: "รับรายงาน", commentLabel: "ความเห็น (ถ้ามี)", commentRequired: false, tone: "primary" },
  { action: "return", label: "ส่งกลับให้แก้ไข", commentLabel: "สิ่งที่ต้องแก้ไข", commentRequired: true, tone: "warning" },
  { action: "reopen", label: "เปิดรายงานให้แก้ไขอีกครั้ง", commentLabel: "เหตุผลที่เปิดอีกครั้ง", commentRequired: true, tone: "warning" },
];

const targetLabel = (target: RerouteTarget) => (target === TO_PREPARER ? "ส่งกลับผู้จัดทำ (เป็นฉบับร่าง)" : `ไปรอความเห็นของ${SIGN_OFF_STEP_LABEL[target]}`);

/** The decisions the caller may take on the report now; the server checks them again. */
export function ReportActions({
  reportId,
  actions,
  currentStep,
  signers,
}: {
  reportId: string;
  actions: ReportAction[];
  currentStep: SignOffStep | null;
  signers: ReportSigners;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState<Decision | null>(null);
  const [comment, setComment] = useState("");
  const [target, setTarget] = useState<RerouteTarget | "">("");
  // How the signer signs: the step and capacity it picks (its own role, or an acting grant in force).
  const capacities = signers.mine.map((way) => ({ ...way, key: `${way.step}:${way.actingGrantId ?? ""}`, awaited: way.step === currentStep }));
  const signable = capacities.filter((way) => way.awaited);
  const [capacityKey, setCapacityKey] = useState<string>("");
  const capacity = signable.find((way) => way.key === capacityKey) ?? (signable.length === 1 ? signable[0] : undefined);
  const done = () => {
    setChosen(null);
    setComment("");
    setTarget("");
    setCapacityKey("");
    router.refresh();
  };
  const mutations = {
    endorse: useMutation(trpc.report.endorse.mutationOptions({ onSuccess: done })),
    sendBack: useMutation(trpc.report.sendBack.mutationOptions({ onSuccess: done })),
    endorseForDistrict: useMutation(trpc.report.endorseForDistrict.mutationOptions({ onSuccess: done })),
    accept: useMutation(trpc.report.accept.mutationOptions({ onSuccess: done })),
    return: useMutation(trpc.report.return.mutationOptions({ onSuccess: done })),
    reopen: useMutation(trpc.report.reopen.mutationOptions({ onSuccess: done })),
    withdraw: useMutation(trpc.report.withdraw.mutationOptions({ onSuccess: done })),
    reroute: useMutation(trpc.report.reroute.mutationOptions({ onSuccess: done })),
  };
  const available = DECISIONS.filter((decision) => actions.includes(decision.action));
  if (!actions.includes("edit") && available.length === 0) return null;

  function confirm() {
    if (!chosen) return;
    const text = comment.trim();
    const signing = capacity ? { step: capacity.step, actingGrantId: capacity.actingGrantId } : {};
    if (chosen.action === "endorse") mutations.endorse.mutate({ reportId, comment: text || undefined, ...signing });
    if (chosen.action === "sendBack") mutations.sendBack.mutate({ reportId, comment: text, ...signing });
    if (chosen.action === "endorseForDistrict") mutations.endorseForDistrict.mutate({ reportId, comment: text || undefined });
    if (chosen.action === "accept") mutations.accept.mutate({ reportId, comment: text || undefined });
    if (chosen.action === "return") mutations.return.mutate({ reportId, comment: text });
    if (chosen.action === "reopen") mutations.reopen.mutate({ reportId, reason: text });
    if (chosen.action === "withdraw") mutations.withdraw.mutate({ reportId, reason: text || undefined });
    if (chosen.action === "reroute" && target) mutations.reroute.mutate({ reportId, to: target, reason: text });
  }
  const pending = chosen ? mutations[chosen.action as keyof typeof mutations] : null;
  // The endorsement would send the report to a step nobody can sign.
  const next = currentStep && nextSignOffStep(currentStep);
  const nextUnsignable = next && unsignableSteps(signers.chain, next)[0] === next ? next : null;
  const signersOf = (step: SignOffStep) => signers.chain.find((entry) => entry.step === step)?.signers ?? [];

  return (
    <section className="mb-6 rounded-lg border border-teal-200 bg-teal-50 p-4" data-testid="report-actions">
      <h2 className="mb-2 font-semibold">สิ่งที่คุณทำได้</h2>
      <div className="flex flex-wrap gap-2">
        {actions.includes("edit") && (
          <Link href={`/reports/${reportId}/edit`} className="rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800">
            แก้ไขรายงาน
          </Link>
        )}
        {available.map((decision) => (
          <button
            key={decision.action}
            type="button"
            onClick={() => setChosen(decision)}
            className={
              decision.tone === "primary"
                ? "rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800"
                : "rounded-md border border-orange-400 bg-white px-4 py-1.5 font-semibold text-orange-800 hover:bg-orange-50"
            }
          >
            {decision.label}
          </button>
        ))}
      </div>
      {chosen && (
        <div className="mt-3 space-y-2">
          {chosen.note && <p className="text-sm text-slate-700">{chosen.note}</p>}
          {chosen.action === "endorse" && nextUnsignable && (
            <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="next-step-warning" role="alert">
              <p className="font-semibold">
                ขั้นถัดไป ({SIGN_OFF_STEP_LABEL[nextUnsignable]}) ยังไม่มีผู้ลงนาม: เมื่อเห็นชอบแล้ว รายงานจะค้างอยู่ที่ขั้นนั้น
              </p>
              <WhomToAsk signers={signers} />
            </div>
          )}
          {(chosen.action === "endorse" || chosen.action === "sendBack") && capacities.length > 0 && (
            <fieldset className="rounded-md border border-slate-300 bg-white p-3 text-sm" data-testid="signing-capacity">
              <legend className="px-1 font-semibold">ลงนามในขั้น</legend>
              {capacities.map((way) => (
                <label key={way.key} className={`flex items-start gap-2 py-0.5 ${way.awaited ? "" : "text-slate-500"}`}>
                  <input
                    type="radio"
                    name="signing-capacity"
                    value={way.key}
                    checked={capacity?.key === way.key}
                    disabled={!way.awaited}
                    onChange={() => setCapacityKey(way.key)}
                    className="mt-1"
                  />
                  <span>
                    ความเห็น{SIGN_OFF_STEP_LABEL[way.step]}
                    {way.actingPosition ? ` (${way.actingPosition})` : " (ตำแหน่งของท่านเอง)"}
                    {!way.awaited && " · ยังไม่ใช่ขั้นที่รอความเห็นอยู่"}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {chosen.action === "reroute" && currentStep && (
            <label className="block text-sm">
              ย้ายรายงานที่รอความเห็นของ{SIGN_OFF_STEP_LABEL[currentStep]}
              <select
                value={target}
                onChange={(event) => setTarget(event.target.value as RerouteTarget)}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
                data-testid="reroute-target"
              >
                <option value="">เลือกขั้นที่จะย้ายไป</option>
                {rerouteTargets(currentStep).map((option) => {
                  const names = option === TO_PREPARER ? null : signersOf(option).map((signer) => signer.name);
                  return (
                    <option key={option} value={option} disabled={names !== null && names.length === 0}>
                      {targetLabel(option)}
                      {names !== null && (names.length > 0 ? ` (${names.join(", ")})` : " (ยังไม่มีผู้ลงนาม)")}
                    </option>
                  );
                })}
              </select>
            </label>
          )}
          <label className="block text-sm">
            {chosen.commentLabel}
            <textarea
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              rows={3}
              maxLength={2000}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
            />
          </label>
          {chosen.commentRequired && !comment.trim() && <p className="text-sm text-orange-800">ต้องระบุ{chosen.commentLabel}</p>}
          {pending?.error && <p className="text-sm text-red-700">{pending.error.message}</p>}
          <div className="flex gap-2">
            <button
              type="button"
              onClick={confirm}
              disabled={
                pending?.isPending ||
                (chosen.commentRequired && !comment.trim()) ||
                (chosen.action === "reroute" && !target) ||
                ((chosen.action === "endorse" || chosen.action === "sendBack") && signable.length > 0 && !capacity)
              }
              className="rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white disabled:opacity-50"
            >
              ยืนยัน: {chosen.label}
            </button>
            <button type="button" onClick={() => setChosen(null)} className="rounded-md border border-slate-300 bg-white px-4 py-1.5">
              ยกเลิก
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
