"use client";

import { useId, useState } from "react";
import { LIMITS, type ResultItem } from "@/server/domain/report-content";
import { inputClass, secondaryButton } from "./fields";
import type { SuggestedIssue } from "./types";

/**
 * ผลการดำเนินการ: checkboxes labelled by their own text. Standard items come from the issue's
 * suggested issue in this year's catalogue; the preparer may add their own text too. Picking an
 * item is saying it was done, so added items start checked.
 */
export function ResultItemsEditor({
  items,
  onChange,
  standard,
}: {
  items: ResultItem[];
  onChange: (items: ResultItem[]) => void;
  standard: SuggestedIssue["resultItems"];
}) {
  const [ownText, setOwnText] = useState("");
  const [picking, setPicking] = useState(false);
  const notYetListed = standard.filter((candidate) => !items.some((item) => item.standardItemId === candidate.id));
  const full = items.length >= LIMITS.listItems;

  const add = (item: ResultItem) => onChange([...items, item]);
  const addOwn = () => {
    const text = ownText.trim();
    if (!text) return;
    add({ text, checked: true, standardItemId: null });
    setOwnText("");
  };

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">ผลการดำเนินการ</legend>
      {items.length === 0 && <p className="mt-1 text-sm text-slate-500">ยังไม่มีรายการ</p>}
      <ul className="mt-1 space-y-1">
        {items.map((item, index) => (
          <li key={`${item.standardItemId ?? "own"}-${index}`} className="flex items-start gap-2">
            <label className="flex flex-1 items-start gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
              <input
                type="checkbox"
                className="mt-1 size-4 shrink-0 accent-teal-700"
                checked={item.checked}
                onChange={(event) => onChange(items.map((old, i) => (i === index ? { ...old, checked: event.target.checked } : old)))}
              />
              <span>{item.text}</span>
            </label>
            <button
              type="button"
              className="shrink-0 rounded px-1.5 text-sm text-red-700 hover:bg-red-50"
              // Not the item's text: getByLabel(text) must find the checkbox alone.
              aria-label={`ลบผลการดำเนินการข้อ ${index + 1}`}
              title="ลบรายการนี้"
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              ลบ
            </button>
          </li>
        ))}
      </ul>

      {notYetListed.length > 0 && (
        <div className="mt-2">
          <button type="button" className={secondaryButton} aria-expanded={picking} onClick={() => setPicking(!picking)}>
            เลือกจากรายการมาตรฐาน ({notYetListed.length})
          </button>
          {picking && (
            <ul className="mt-2 space-y-1 rounded-md border border-slate-200 bg-slate-50 p-2">
              {notYetListed.map((candidate) => (
                <li key={candidate.id}>
                  <button
                    type="button"
                    disabled={full}
                    className="w-full rounded px-2 py-1 text-left text-sm hover:bg-teal-50 disabled:opacity-50"
                    onClick={() => add({ text: candidate.text, checked: true, standardItemId: candidate.id })}
                  >
                    <span className="font-semibold text-teal-700">+ </span>
                    {candidate.text}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <OwnItemInput value={ownText} onChange={setOwnText} onAdd={addOwn} disabled={full} />
    </fieldset>
  );
}

function OwnItemInput({
  value,
  onChange,
  onAdd,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  onAdd: () => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="mt-2">
      <label htmlFor={id} className="text-xs text-slate-500">
        ผลการดำเนินการอื่น (พิมพ์เอง)
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the item: there is no form to submit.
            if (event.key === "Enter") {
              event.preventDefault();
              onAdd();
            }
          }}
          className={inputClass}
        />
        <button type="button" className={`${secondaryButton} mt-1 shrink-0`} disabled={disabled || !value.trim()} onClick={onAdd}>
          เพิ่ม
        </button>
      </div>
    </div>
  );
}
