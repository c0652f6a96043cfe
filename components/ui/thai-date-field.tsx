"use client";

// The one date field of the app: a day typed the Thai way, in Buddhist Era ("7/1/2569",
// "๗ ม.ค. ๒๕๖๙", "7 มกราคม 2569"), or picked from a Buddhist-calendar month (react-aria's
// Calendar under th-TH-u-ca-buddhist: arrow keys move by day and week, Page Up/Down by month,
// Enter picks). The form gets an ISO day "YYYY-MM-DD" (Gregorian), as before. A typed day
// is read by parseThaiDate (server/domain/thai-date.ts); an impossible one (30 ก.พ.) is refused
// in Thai and the field keeps its last real day. Typed text rather than react-aria's segmented
// DateField: segments take digits one at a time, so "7/1/2569" typed at speed becomes 12 Jan,
// and neither Thai digits, month names nor pasting a date reach them.
import { BuddhistCalendar, GregorianCalendar, toCalendar, type CalendarIdentifier } from "@internationalized/date";
import { useId, useState } from "react";
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  CalendarGridBody,
  CalendarGridHeader,
  CalendarHeaderCell,
  Dialog,
  DialogTrigger,
  Heading,
  I18nProvider,
  Popover,
  type DateValue,
} from "react-aria-components";
import { formatThaiDateInput, isoCalendarDay, parseThaiDate, THAI_DATE_EXAMPLE } from "@/server/domain/thai-date";
import { formatThaiDate } from "@/server/domain/thai-format";

const LOCALE = "th-TH-u-ca-buddhist";
const gregorian = new GregorianCalendar();
// Only the two calendars the app uses are bundled (react-aria would otherwise bring them all).
const createCalendar = (identifier: CalendarIdentifier) => (identifier === "buddhist" ? new BuddhistCalendar() : gregorian);

const shownDate = (iso: string) => formatThaiDate(new Date(`${iso}T00:00:00Z`));

type ThaiDateFieldProps = {
  label: string;
  /** The day as "YYYY-MM-DD" (Gregorian), "" for none; with onChange. */
  value?: string;
  onChange?: (value: string) => void;
  /** Without value: the field keeps its own day, sent with its form under `name`. */
  defaultValue?: string;
  name?: string;
  /** A message from the server about this field. */
  error?: string | null;
  className?: string;
  labelClassName?: string;
};

export function ThaiDateField({ label, value, onChange, defaultValue = "", name, error, className, labelClassName }: ThaiDateFieldProps) {
  const id = useId();
  const [ownValue, setOwnValue] = useState(defaultValue);
  const iso = value ?? ownValue;
  const [text, setText] = useState(() => (iso ? formatThaiDateInput(iso) : ""));
  // The day the text was last written from or read as: when the value changes from outside
  // (another tab's save, a reset) the text follows; the field's own changes leave it as typed.
  const [textFor, setTextFor] = useState(iso);
  const [problem, setProblem] = useState<string | null>(null);
  const [problemShown, setProblemShown] = useState(false);
  const [open, setOpen] = useState(false);

  if (iso !== textFor) {
    setTextFor(iso);
    setText(iso ? formatThaiDateInput(iso) : "");
    setProblem(null);
  }

  function emit(next: string) {
    setTextFor(next);
    if (value === undefined) setOwnValue(next);
    if (next !== iso) onChange?.(next);
  }

  function type(next: string) {
    setText(next);
    const read = parseThaiDate(next);
    if (read.kind === "error") {
      setProblem(read.message);
      return;
    }
    setProblem(null);
    setProblemShown(false);
    emit(read.kind === "date" ? read.iso : "");
  }

  /** Leaving the field (or Enter): a real day is written the usual way, a wrong one is said so. */
  function commit() {
    if (problem) setProblemShown(true);
    else if (iso) setText(formatThaiDateInput(iso));
  }

  function pick(date: DateValue) {
    const picked = toCalendar(date, gregorian).toString();
    setText(formatThaiDateInput(picked));
    setProblem(null);
    setProblemShown(false);
    emit(picked);
    setOpen(false);
  }

  const message = problemShown && problem ? problem : error;
  const calendarValue = iso ? isoCalendarDay(iso) : null;
  const labelId = `${id}-label`;
  const noteId = `${id}-note`;

  return (
    <I18nProvider locale={LOCALE}>
      <div className={className}>
        <label id={labelId} htmlFor={id} className={labelClassName ?? "text-sm font-medium text-slate-700"}>
          {label}
        </label>
        <div className="mt-1 flex rounded-md border border-slate-300 bg-white focus-within:border-teal-600 focus-within:ring-1 focus-within:ring-teal-600 data-invalid:border-red-600 data-invalid:focus-within:border-red-600 data-invalid:focus-within:ring-red-600" data-invalid={message ? true : undefined}>
          <input
            id={id}
            type="text"
            inputMode="text"
            autoComplete="off"
            value={text}
            placeholder="ว/ด/ปปปป เช่น 7/1/2569"
            onChange={(event) => type(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === "Enter") commit();
              if (event.altKey && event.key === "ArrowDown") {
                event.preventDefault();
                setOpen(true);
              }
            }}
            aria-invalid={message ? true : undefined}
            aria-describedby={noteId}
            aria-keyshortcuts="Alt+ArrowDown"
            className="min-w-0 flex-1 rounded-l-md bg-transparent px-2 py-1.5 outline-none"
          />
          <DialogTrigger isOpen={open} onOpenChange={setOpen}>
            <Button
              aria-label="ปฏิทิน"
              aria-describedby={labelId}
              className="flex items-center rounded-r-md border-l border-slate-300 px-2 text-slate-600 outline-none hover:bg-slate-100 data-focus-visible:ring-2 data-focus-visible:ring-teal-600 data-pressed:bg-slate-200"
            >
              <CalendarIcon />
            </Button>
            <Popover placement="bottom end" className="rounded-lg border border-slate-200 bg-white p-3 shadow-lg outline-none">
              <Dialog aria-label={`ปฏิทินสำหรับ${label}`} className="outline-none">
                <Calendar
                  value={calendarValue}
                  onChange={pick}
                  createCalendar={createCalendar}
                  autoFocus
                  className="w-72 text-sm"
                >
                  <header className="mb-2 flex items-center justify-between gap-2">
                    <Button slot="previous" aria-label="เดือนก่อน" className={navButton}>
                      ‹
                    </Button>
                    <Heading className="font-semibold text-slate-800" />
                    <Button slot="next" aria-label="เดือนถัดไป" className={navButton}>
                      ›
                    </Button>
                  </header>
                  <CalendarGrid className="w-full border-collapse">
                    <CalendarGridHeader>
                      {(day) => <CalendarHeaderCell className="pb-1 text-xs font-normal text-slate-500">{day}</CalendarHeaderCell>}
                    </CalendarGridHeader>
                    <CalendarGridBody>
                      {(date) => (
                        <CalendarCell
                          date={date}
                          className="m-0.5 flex h-8 items-center justify-center rounded-full outline-none hover:bg-teal-50 data-disabled:text-slate-300 data-focus-visible:ring-2 data-focus-visible:ring-teal-600 data-outside-month:invisible data-selected:bg-teal-700 data-selected:font-semibold data-selected:text-white"
                        />
                      )}
                    </CalendarGridBody>
                  </CalendarGrid>
                  <p className="mt-2 text-xs text-slate-500">ลูกศรเลื่อนวัน · Page Up/Down เลื่อนเดือน · Enter เลือก · Esc ปิด</p>
                </Calendar>
              </Dialog>
            </Popover>
          </DialogTrigger>
        </div>
        {name && <input type="hidden" name={name} value={iso} />}
        <p id={noteId} className={`mt-0.5 text-xs ${message ? "text-red-700" : "text-slate-500"}`} role={message ? "alert" : undefined}>
          {message
            ? `${message}${problemShown && iso ? ` — ยังใช้วันที่เดิม ${shownDate(iso)}` : ""}`
            : iso
              ? shownDate(iso)
              : `ยังไม่ได้ระบุวันที่ (พิมพ์ เช่น ${THAI_DATE_EXAMPLE})`}
        </p>
      </div>
    </I18nProvider>
  );
}

const navButton =
  "flex h-8 w-8 items-center justify-center rounded-full text-lg text-slate-700 outline-none hover:bg-slate-100 data-focus-visible:ring-2 data-focus-visible:ring-teal-600";

function CalendarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" strokeLinecap="round" />
    </svg>
  );
}
