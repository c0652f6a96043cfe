"use client";

// An organisation's people and its acting grants (ปฏิบัติหน้าที่): who signs which step, who may
// sign another step for a period, and, for its head (ปลัด, นายก) or the province's administrators,
// a form to grant it and a button to revoke it.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { cardClass, errorMessage, FieldError, inputClass, primaryButton, secondaryButton, serverFieldErrors } from "@/components/report-editor/fields";
import { ThaiDateField } from "@/components/ui/thai-date-field";
import type { AppRouter } from "@/server/api/root";
import type { SignOffStep } from "@/server/db/generated/enums";
import { ROLE_LABEL, SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { SIGN_OFF_CHAIN } from "@/server/domain/report-workflow";
import { formatThaiDate, formatThaiDateTime } from "@/server/domain/thai-format";

type People = inferRouterOutputs<AppRouter>["organization"]["people"];

const STATE_LABEL: Record<People["actingGrants"][number]["state"], string> = {
  IN_FORCE: "มีผลวันนี้",
  NOT_YET: "ยังไม่ถึงวันเริ่ม",
  ENDED: "สิ้นสุดแล้ว",
  REVOKED: "ยกเลิกแล้ว",
};

const day = (iso: string) => formatThaiDate(new Date(`${iso}T00:00:00Z`));

export function OrganizationPeople({ organizationId, people }: { organizationId: string; people: People }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [userId, setUserId] = useState("");
  const [step, setStep] = useState<SignOffStep | "">("");
  const [validFrom, setValidFrom] = useState("");
  const [validTo, setValidTo] = useState("");
  const [position, setPosition] = useState("");
  const [saved, setSaved] = useState(false);
  const grant = useMutation(
    trpc.organization.grantActing.mutationOptions({
      onSuccess: () => {
        setUserId("");
        setStep("");
        setValidFrom("");
        setValidTo("");
        setPosition("");
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.organization.revokeActing.mutationOptions({ onSuccess: () => router.refresh() }));
  const fieldErrors = serverFieldErrors(grant.error);
  const active = people.people.filter((person) => !person.disabled);

  return (
    <>
      <section className={`${cardClass} mb-6`} data-testid="people">
        <h2 className="mb-2 text-lg font-semibold">บุคลากรที่มีบัญชีในระบบ</h2>
        <ul className="space-y-1 text-sm">
          {people.people.map((person) => (
            <li key={person.id} data-testid="person">
              <span className="font-semibold">{person.name}</span>
              {person.position && <span className="text-slate-600"> · {person.position}</span>}
              <span className="text-slate-600">
                {" "}
                ·{" "}
                {person.roles
                  .map((role) => (role.signOffStep ? `${ROLE_LABEL[role.role]} ขั้น${SIGN_OFF_STEP_LABEL[role.signOffStep]}` : ROLE_LABEL[role.role]))
                  .join(", ")}
              </span>
              {person.disabled && <span className="ml-1 text-red-700">(ปิดบัญชีแล้ว)</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className={`${cardClass} mb-6`} data-testid="acting-grants">
        <h2 className="mb-1 text-lg font-semibold">การมอบให้ปฏิบัติหน้าที่แทน</h2>
        <p className="mb-3 text-sm text-slate-600">
          ผู้ได้รับมอบลงนามในขั้นที่ได้รับมอบได้เฉพาะในช่วงวันที่กำหนด และเลือกได้เมื่อลงนามว่าลงนามในขั้นใด ลายมือชื่อในบันทึกข้อความจะมีบรรทัด “ปฏิบัติหน้าที่…” ต่อท้ายตำแหน่ง
        </p>
        {people.actingGrants.length === 0 ? (
          <p className="text-sm text-slate-600">ยังไม่มีการมอบให้ปฏิบัติหน้าที่</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th className="px-2 py-1.5">ผู้ได้รับมอบ</th>
                  <th className="px-2 py-1.5">ขั้นที่ลงนามแทน</th>
                  <th className="px-2 py-1.5">ช่วงเวลา</th>
                  <th className="px-2 py-1.5">สถานะ</th>
                  <th className="px-2 py-1.5">ผู้มอบ / ผู้ยกเลิก</th>
                  {people.mayManage && <th className="px-2 py-1.5" />}
                </tr>
              </thead>
              <tbody>
                {people.actingGrants.map((entry) => (
                  <tr key={entry.id} className="border-t border-slate-100" data-testid="acting-grant" data-state={entry.state}>
                    <td className="px-2 py-1.5">{entry.userName}</td>
                    <td className="px-2 py-1.5">
                      ความเห็น{SIGN_OFF_STEP_LABEL[entry.step]}
                      <div className="text-xs text-slate-600">{entry.actingPosition}</div>
                    </td>
                    <td className="px-2 py-1.5">
                      {day(entry.validFrom)} – {day(entry.validTo)}
                    </td>
                    <td className="px-2 py-1.5">{STATE_LABEL[entry.state]}</td>
                    <td className="px-2 py-1.5 text-xs text-slate-600">
                      มอบโดย {entry.grantedBy ?? "—"} เมื่อ {formatThaiDateTime(entry.createdAt)}
                      {entry.revokedAt && (
                        <div>
                          ยกเลิกโดย {entry.revokedBy ?? "—"} เมื่อ {formatThaiDateTime(entry.revokedAt)}
                        </div>
                      )}
                    </td>
                    {people.mayManage && (
                      <td className="px-2 py-1.5">
                        {entry.state !== "REVOKED" && entry.state !== "ENDED" && (
                          <button
                            type="button"
                            className={secondaryButton}
                            disabled={revoke.isPending}
                            onClick={() => {
                              if (window.confirm(`ยกเลิกการมอบให้ ${entry.userName} ${entry.actingPosition}?`)) revoke.mutate({ organizationId, grantId: entry.id });
                            }}
                          >
                            ยกเลิกการมอบ
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {revoke.error && <p className="mt-2 text-sm text-red-700">{errorMessage(revoke.error)}</p>}

        {people.mayManage && (
          <form
            className="mt-4 grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-2"
            data-testid="grant-acting"
            onSubmit={(event) => {
              event.preventDefault();
              setSaved(false);
              grant.mutate({ organizationId, userId, step: step as SignOffStep, validFrom, validTo, position: position.trim() || null });
            }}
          >
            <h3 className="font-semibold sm:col-span-2">มอบให้ปฏิบัติหน้าที่</h3>
            <label className="text-sm">
              ผู้ได้รับมอบ
              <select className={inputClass} value={userId} onChange={(event) => setUserId(event.target.value)}>
                <option value="">เลือกบุคลากร</option>
                {active.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                    {person.position ? ` (${person.position})` : ""}
                  </option>
                ))}
              </select>
              <FieldError message={fieldErrors.userId?.[0]} />
            </label>
            <label className="text-sm">
              ลงนามแทนในขั้น
              <select className={inputClass} value={step} onChange={(event) => setStep(event.target.value as SignOffStep | "")}>
                <option value="">เลือกขั้น</option>
                {SIGN_OFF_CHAIN.map((option) => (
                  <option key={option} value={option}>
                    ความเห็น{SIGN_OFF_STEP_LABEL[option]}
                  </option>
                ))}
              </select>
              <FieldError message={fieldErrors.step?.[0]} />
            </label>
            <ThaiDateField label="ตั้งแต่วันที่" value={validFrom} onChange={setValidFrom} error={fieldErrors.validFrom?.[0]} labelClassName="text-sm" />
            <ThaiDateField label="ถึงวันที่" value={validTo} onChange={setValidTo} error={fieldErrors.validTo?.[0]} labelClassName="text-sm" />
            <label className="text-sm sm:col-span-2">
              ตำแหน่งที่ปฏิบัติหน้าที่ (ว่างไว้เพื่อใช้ชื่อตำแหน่งของขั้น)
              <input
                className={inputClass}
                value={position}
                placeholder={step ? people.stepPositions[step] : ""}
                onChange={(event) => setPosition(event.target.value)}
                maxLength={200}
              />
              {step && <span className="text-xs text-slate-600">ลายมือชื่อจะมีบรรทัด “ปฏิบัติหน้าที่{position.trim() || people.stepPositions[step]}”</span>}
              <FieldError message={fieldErrors.position?.[0]} />
            </label>
            <div className="flex items-center gap-3 sm:col-span-2">
              <button type="submit" className={primaryButton} disabled={grant.isPending || !userId || !step}>
                บันทึกการมอบ
              </button>
              {saved && <span className="text-sm text-teal-800">บันทึกการมอบแล้ว</span>}
              {grant.error && <span className="text-sm text-red-700">{errorMessage(grant.error)}</span>}
            </div>
          </form>
        )}
      </section>
    </>
  );
}
