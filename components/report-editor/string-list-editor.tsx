"use client";

import { useEffect, useId, useRef } from "react";
import { LIMITS } from "@/server/domain/report-content";
import { moveItem } from "./content-reducer";
import { inputClass, RowControls, secondaryButton, textareaClass } from "./fields";

/** An ordered list of short texts (steps, responsible units, outcomes): add, edit, reorder, remove. */
export function StringListEditor({
  legend,
  itemLabel,
  addLabel,
  values,
  onChange,
  suggestions,
  multiline,
}: {
  legend: string;
  itemLabel: (index: number) => string;
  addLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions?: string[]; // offered through a <datalist> while typing
  multiline?: boolean;
}) {
  const baseId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const added = useRef(false);

  // Put the cursor in a row just added, so the preparer can type straight away.
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    listRef.current?.querySelector<HTMLElement>("li:last-child :is(input, textarea)")?.focus();
  }, [values.length]);

  const set = (index: number, value: string) => onChange(values.map((old, i) => (i === index ? value : old)));
  const datalistId = suggestions?.length ? `${baseId}-suggestions` : undefined;

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {datalistId && (
        <datalist id={datalistId}>
          {suggestions!.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      <ol ref={listRef} className="mt-1 space-y-2">
        {values.map((value, index) => {
          const id = `${baseId}-${index}`;
          const labelId = `${id}-label`;
          return (
            // Rows have no ids of their own; the inputs are controlled, so index keys stay correct.
            <li key={index}>
              <div className="flex items-end justify-between gap-2">
                <label id={labelId} htmlFor={id} className="text-xs text-slate-500">
                  {itemLabel(index)}
                </label>
                <RowControls
                  describedBy={labelId}
                  index={index}
                  count={values.length}
                  onMove={(offset) => onChange(moveItem(values, index, offset))}
                  onRemove={() => onChange(values.filter((_, i) => i !== index))}
                />
              </div>
              {multiline ? (
                <textarea id={id} rows={2} value={value} onChange={(event) => set(index, event.target.value)} className={textareaClass} />
              ) : (
                <input id={id} value={value} list={datalistId} onChange={(event) => set(index, event.target.value)} className={inputClass} />
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className={`${secondaryButton} mt-2`}
        disabled={values.length >= LIMITS.listItems}
        onClick={() => {
          added.current = true;
          onChange([...values, ""]);
        }}
      >
        + {addLabel}
      </button>
    </fieldset>
  );
}
