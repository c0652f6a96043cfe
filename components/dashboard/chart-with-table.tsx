import type { ReactNode } from "react";

/** A titled section: a chart, and the same numbers as a table for screen readers and printing. */
export function ChartWithTable({
  title,
  description,
  chart,
  table,
  testId,
}: {
  title: string;
  description?: string;
  chart: ReactNode;
  table: ReactNode;
  testId?: string;
}) {
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {description && <p className="mb-2 text-sm text-slate-600">{description}</p>}
      <div aria-hidden="true">{chart}</div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-teal-800">ตารางข้อมูล</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}

/** A plain data table with a header row; cells are already formatted. */
export function DataTable({
  caption,
  headers,
  rows,
  numericFrom = 1,
}: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  /** Columns from this index on are numbers: right-aligned. */
  numericFrom?: number;
}) {
  const align = (index: number) => (index >= numericFrom ? "text-right tabular-nums" : "text-left");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100">
        <tr>
          {headers.map((header, index) => (
            <th key={header} scope="col" className={`px-2 py-1 ${align(index)}`}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex} className="border-t border-slate-100">
            {row.map((cell, index) => (
              <td key={index} className={`px-2 py-1 ${align(index)}`}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
