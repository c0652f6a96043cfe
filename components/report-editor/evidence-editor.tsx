"use client";

import { useState } from "react";
import type { z } from "zod";
import { LIMITS, ZEvidenceLink } from "@/server/domain/report-content";
import { secondaryButton, TextField } from "./fields";

type EvidenceLink = z.infer<typeof ZEvidenceLink>;
type LinkErrors = Partial<Record<keyof EvidenceLink, string>>;

/** The same rules as the server, so the Thai message shows beside the field before any save. */
function linkErrors(link: EvidenceLink): LinkErrors {
  const parsed = ZEvidenceLink.safeParse(link);
  const errors: LinkErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as keyof EvidenceLink;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Links to the evidence (documents, web pages) of one measure. */
export function EvidenceEditor({ links, onChange }: { links: EvidenceLink[]; onChange: (links: EvidenceLink[]) => void }) {
  const blank = { url: "", label: "" };
  const [draft, setDraft] = useState<EvidenceLink>(blank);
  const [draftErrors, setDraftErrors] = useState<LinkErrors>({});

  // A new link joins the list only once valid: an invalid row would hold up every autosave.
  const add = () => {
    const errors = linkErrors(draft);
    setDraftErrors(errors);
    if (Object.keys(errors).length) return;
    onChange([...links, { url: draft.url.trim(), label: draft.label.trim() }]);
    setDraft(blank);
  };
  const update = (index: number, change: Partial<EvidenceLink>) =>
    onChange(links.map((link, i) => (i === index ? { ...link, ...change } : link)));

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">หลักฐาน (ลิงก์)</legend>
      <ul className="mt-1 space-y-3">
        {links.map((link, index) => {
          const errors = linkErrors(link);
          return (
            <li key={index} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
              <TextField type="url" label={`ลิงก์หลักฐาน ${index + 1}`} value={link.url} error={errors.url} onChange={(url) => update(index, { url })} />
              <TextField label={`ชื่อหลักฐาน ${index + 1}`} value={link.label} error={errors.label} onChange={(label) => update(index, { label })} />
              <button
                type="button"
                className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50 sm:mt-6"
                aria-label={`ลบหลักฐานรายการที่ ${index + 1}`}
                onClick={() => onChange(links.filter((_, i) => i !== index))}
              >
                ลบ
              </button>
            </li>
          );
        })}
      </ul>
      {links.length < LIMITS.evidenceLinks && (
        <div className="mt-2 grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
          <TextField
            type="url"
            label="ลิงก์หลักฐานใหม่ (URL)"
            placeholder="https://…"
            value={draft.url}
            error={draftErrors.url}
            onChange={(url) => setDraft({ ...draft, url })}
          />
          <TextField
            label="ชื่อหลักฐานใหม่"
            placeholder="เช่น ประกาศเจตจำนงสุจริต"
            value={draft.label}
            error={draftErrors.label}
            onChange={(label) => setDraft({ ...draft, label })}
          />
          <button type="button" className={`${secondaryButton} sm:mt-7`} onClick={add}>
            + เพิ่มลิงก์
          </button>
        </div>
      )}
    </fieldset>
  );
}
