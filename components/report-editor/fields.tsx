// Small building blocks shared by the editor's sections: labelled fields (every input has a
// visible label, so assistive technology and Playwright's getByLabel find it), row controls and
// the Thai message of a failed call.
import { TRPCClientError } from "@trpc/client";
import { useId } from "react";

export const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5";
export const primaryButton =
  "rounded-md bg-teal-700 px-4 py-1.5 font-semibold text-white hover:bg-teal-800 disabled:opacity-60";
export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50";
// Textareas grow with their text (where the browser supports field-sizing) so long Thai
// titles are read whole; min-h keeps an empty one a comfortable size.
export const textareaClass = `${inputClass} field-sizing-content min-h-16`;
export const cardClass = "rounded-lg border border-slate-200 bg-white p-4";

/** The server's messages for form fields of a failed tRPC call, keyed by path ("rules.2.minTotal"). */
export function serverFieldErrors(error: unknown): Record<string, string[] | undefined> {
  if (!(error instanceof TRPCClientError) || !error.data) return {};
  return (error.data as { fieldErrors?: Record<string, string[] | undefined> | null }).fieldErrors ?? {};
}

/** The Thai message of a failed tRPC call: the first field message, else the server's message. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    // No data: the request never reached the server (offline, server down).
    if (!error.data) return "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง";
    const first = Object.values(serverFieldErrors(error)).find((messages) => messages?.length)?.[0];
    return first ?? error.message;
  }
  return "เกิดข้อผิดพลาด กรุณาลองอีกครั้ง";
}

export function FieldError({ message }: { message?: string | null }) {
  if (!message) return null;
  return <p className="mt-1 text-sm text-red-700">{message}</p>;
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  tall?: boolean; // a long text: starts five lines high
  placeholder?: string;
  list?: string; // id of a <datalist> of suggestions
  type?: "text" | "url" | "tel";
  inputMode?: "decimal";
  error?: string | null;
  className?: string;
  disabled?: boolean;
};

export function TextField({ label, value, onChange, multiline, tall, error, className, ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          rows={tall ? 5 : 2}
          value={value}
          placeholder={rest.placeholder}
          onChange={(event) => onChange(event.target.value)}
          className={tall ? `${textareaClass} min-h-32` : textareaClass}
          aria-invalid={error ? true : undefined}
        />
      ) : (
        <input
          id={id}
          type={rest.type ?? "text"}
          value={value}
          placeholder={rest.placeholder}
          list={rest.list}
          inputMode={rest.inputMode}
          disabled={rest.disabled}
          onChange={(event) => onChange(event.target.value)}
          className={`${inputClass} disabled:bg-slate-100 disabled:text-slate-500`}
          aria-invalid={error ? true : undefined}
        />
      )}
      <FieldError message={error} />
    </div>
  );
}

/** A calendar date (yyyy-mm-dd), typed or picked in Buddhist Era, with its long form below it. */
export { ThaiDateField as DateField } from "@/components/ui/thai-date-field";

/**
 * Move up, move down and delete for one row of an ordered list. The buttons are described by the
 * row's heading or label (`describedBy`), not named after it, so that getByLabel of a field
 * finds the field alone.
 */
export function RowControls({
  describedBy,
  index,
  count,
  onMove,
  onRemove,
  keepBecause,
}: {
  describedBy: string;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  /** Why this row cannot be removed (reports point to it); the delete button is then disabled. */
  keepBecause?: string;
}) {
  const small = "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-40";
  return (
    <div className="flex shrink-0 gap-1">
      <button type="button" className={small} disabled={index === 0} onClick={() => onMove(-1)} aria-label="เลื่อนขึ้น" aria-describedby={describedBy} title="เลื่อนขึ้น">
        ↑
      </button>
      <button type="button" className={small} disabled={index === count - 1} onClick={() => onMove(1)} aria-label="เลื่อนลง" aria-describedby={describedBy} title="เลื่อนลง">
        ↓
      </button>
      <button type="button" className={`${small} text-red-700`} onClick={onRemove} aria-describedby={describedBy} disabled={Boolean(keepBecause)} title={keepBecause}>
        ลบ
      </button>
    </div>
  );
}
