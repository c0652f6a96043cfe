"use client";

import { fieldSelector, type ReportProblem } from "@/server/domain/report-rules";

/** Scrolls to the editor's field for a problem and puts the cursor in it (or on its first control). */
export function focusField(field: string) {
  const target = document.querySelector<HTMLElement>(fieldSelector(field));
  if (!target) return;
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  const control = target.querySelector<HTMLElement>("input:not([type=hidden]):not(:disabled), textarea, select, button:not(:disabled)");
  (control ?? target).focus({ preventScroll: true });
  // A moment's highlight, so the eye finds the field the cursor went to.
  target.classList.add("field-highlight");
  setTimeout(() => target.classList.remove("field-highlight"), 2000);
}

/** What is still missing, each item a link to its field. */
export function ProblemList({ problems, className = "" }: { problems: ReportProblem[]; className?: string }) {
  return (
    <ol className={`space-y-1 text-sm ${className}`}>
      {problems.map((problem, index) => (
        <li key={`${problem.field}-${index}`}>
          <a
            href={`#${problem.field}`}
            data-field-link={problem.field}
            onClick={(event) => {
              event.preventDefault();
              focusField(problem.field);
            }}
            className="block rounded px-1 py-0.5 hover:bg-amber-50 focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            {problem.where && <span className="font-medium text-slate-700">{problem.where}: </span>}
            <span className="text-amber-900 underline decoration-amber-400 underline-offset-2">{problem.message}</span>
          </a>
        </li>
      ))}
    </ol>
  );
}

/** The problems a refused submit named (its fieldErrors: field → "where: message"), in order. */
export function problemsOfRefusal(fieldErrors: Record<string, string[] | undefined>): ReportProblem[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) => (messages ?? []).map((message) => ({ field, where: "", message })));
}
