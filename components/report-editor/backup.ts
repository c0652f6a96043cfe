// A copy of the unsaved content in this browser, so that a closed tab, a crash or a lost
// connection never loses what was typed. Written on every change, cleared once saved.
import { useState, useSyncExternalStore } from "react";
import { ZReportContent, type ReportContent } from "@/server/domain/report-content";

export type Backup = { baseVersion: number; content: ReportContent };

const key = (reportId: string) => `prongsai:report:${reportId}`;

export function writeBackup(reportId: string, backup: Backup) {
  try {
    localStorage.setItem(key(reportId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled (private mode): the server copy is still saved every second.
  }
}

export function clearBackup(reportId: string) {
  localStorage.removeItem(key(reportId));
}

function readBackup(reportId: string): Backup | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(reportId)) ?? "null");
    const backup = value as Partial<Backup> | null;
    const wellFormed =
      typeof backup?.baseVersion === "number" &&
      typeof backup.content?.header === "object" &&
      Array.isArray(backup.content.issues);
    return wellFormed ? (backup as Backup) : null;
  } catch {
    return null;
  }
}

/** Equal once trimmed the way the server trims, so trailing spaces alone do not raise an offer. */
export function sameContent(a: ReportContent, b: ReportContent): boolean {
  const normalized = (content: ReportContent) => {
    const parsed = ZReportContent.safeParse(content);
    return JSON.stringify(parsed.success ? parsed.data : content);
  };
  return normalized(a) === normalized(b);
}

/**
 * The backup left by an earlier visit, when it differs from what the server holds. Read once,
 * after hydration (the server has no localStorage): later writes of this visit are not offers.
 */
export function useBackupAtOpen(reportId: string, serverContent: ReportContent) {
  const [store] = useState(() => {
    let offer: Backup | null | undefined; // undefined: not read yet
    const listeners = new Set<() => void>();
    return {
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      get() {
        if (offer === undefined) {
          offer = readBackup(reportId);
          if (offer && sameContent(offer.content, serverContent)) {
            clearBackup(reportId);
            offer = null;
          }
        }
        return offer;
      },
      dismiss() {
        offer = null;
        listeners.forEach((listener) => listener());
      },
    };
  });
  const offer = useSyncExternalStore(store.subscribe, store.get, () => null);
  return { offer, dismissOffer: store.dismiss };
}
