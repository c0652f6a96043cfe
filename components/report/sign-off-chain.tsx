// A step of the sign-off chain that nobody can sign strands the report there: said before the
// preparer sends it, while it waits, and to the signer whose endorsement would send it there,
// with whom to ask (the province's administrators, or the accounts page for those who manage them).
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/api/root";
import type { SignOffStep } from "@/server/db/generated/enums";
import { SIGN_OFF_STEP_LABEL } from "@/server/domain/labels";
import { unsignableSteps } from "@/server/domain/report-workflow";

export type ReportSigners = inferRouterOutputs<AppRouter>["report"]["signers"];

const stepList = (steps: SignOffStep[]) => steps.map((step) => SIGN_OFF_STEP_LABEL[step]).join(", ");

/** Whom to ask for a signer. */
export function WhomToAsk({ signers }: { signers: ReportSigners }) {
  if (signers.mayManageAccounts) {
    return (
      <p data-testid="whom-to-ask">
        เพิ่มบัญชีผู้ลงนามของขั้นนี้ได้ที่{" "}
        <Link href="/admin/accounts" className="font-semibold underline">
          หน้าบัญชีผู้ใช้
        </Link>
      </p>
    );
  }
  if (signers.contacts.length === 0) {
    return <p data-testid="whom-to-ask">กรุณาแจ้งผู้ดูแลระบบระดับจังหวัด (สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด) ให้เพิ่มบัญชีผู้ลงนาม</p>;
  }
  return (
    <div data-testid="whom-to-ask">
      <p>กรุณาแจ้งผู้ดูแลระบบระดับจังหวัดให้เพิ่มบัญชีผู้ลงนาม:</p>
      <ul className="list-disc pl-5">
        {signers.contacts.map((contact, index) => (
          <li key={index}>
            {contact.name}
            {contact.position && ` (${contact.position})`}
            {contact.email && (
              <>
                {" · "}
                <a href={`mailto:${contact.email}`} className="underline">
                  {contact.email}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The chain, step by step, with who signs each. */
function ChainLine({ signers }: { signers: ReportSigners }) {
  return (
    <ol className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-700" aria-label="ลำดับการเสนอความเห็น">
      {signers.chain.map((entry, index) => (
        <li key={entry.step}>
          {index > 0 && "→ "}
          <span className="font-semibold">{SIGN_OFF_STEP_LABEL[entry.step]}</span>:{" "}
          {entry.signers.length > 0 ? entry.signers.map((signer) => (signer.acting ? `${signer.name} (ปฏิบัติหน้าที่)` : signer.name)).join(", ") : <span className="font-semibold text-red-700">ไม่มีผู้ลงนาม</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * Before sending (`waitingAt` null) or while the report waits at a step: the steps ahead that
 * nobody can sign, or nothing when every one has a signer.
 */
export function ChainWarning({ signers, waitingAt }: { signers: ReportSigners; waitingAt: SignOffStep | null }) {
  const missing = unsignableSteps(signers.chain, waitingAt);
  if (missing.length === 0) return null;
  const stuckHere = waitingAt !== null && missing[0] === waitingAt;
  return (
    <section className="mb-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="chain-warning" role="alert">
      <h2 className="font-semibold">
        {waitingAt === null
          ? `ยังไม่มีผู้ลงนามในขั้น${stepList(missing)}: ถ้าเสนอตอนนี้ รายงานจะค้างอยู่ที่ขั้น${SIGN_OFF_STEP_LABEL[missing[0]!]}`
          : stuckHere
            ? `รายงานค้างอยู่ที่ขั้น${SIGN_OFF_STEP_LABEL[waitingAt]}: ขั้นนี้ยังไม่มีผู้ลงนาม`
            : `ขั้น${stepList(missing)}ที่จะถึงยังไม่มีผู้ลงนาม: รายงานจะค้างอยู่ที่ขั้น${SIGN_OFF_STEP_LABEL[missing[0]!]}`}
      </h2>
      <ChainLine signers={signers} />
      <div className="mt-2">
        <WhomToAsk signers={signers} />
      </div>
    </section>
  );
}
