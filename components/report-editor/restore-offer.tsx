"use client";

import { ContentSummary } from "./content-summary";
import type { Backup } from "./backup";
import { primaryButton, secondaryButton } from "./fields";

/** Text typed on an earlier visit that never reached the server (tab closed, connection lost). */
export function RestoreOffer({ backup, onRestore, onDiscard }: { backup: Backup; onRestore: () => void; onDiscard: () => void }) {
  return (
    <section data-testid="restore-offer" role="alert" className="space-y-3 rounded-lg border-2 border-sky-400 bg-sky-50 p-4">
      <p className="font-semibold text-sky-900">พบข้อความที่แก้ไขไว้ในเครื่องนี้แต่ยังไม่ได้บันทึกเข้าระบบ</p>
      <details className="rounded-md bg-white p-2">
        <summary className="cursor-pointer text-sm">ดูข้อความที่เก็บไว้</summary>
        <div className="mt-2 max-h-80 overflow-y-auto">
          <ContentSummary content={backup.content} />
        </div>
      </details>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButton} onClick={onRestore}>
          กู้คืนข้อความที่ยังไม่ได้บันทึก
        </button>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            if (window.confirm("ทิ้งข้อความที่ยังไม่ได้บันทึก? เรียกคืนไม่ได้อีก")) onDiscard();
          }}
        >
          ทิ้ง
        </button>
      </div>
    </section>
  );
}
