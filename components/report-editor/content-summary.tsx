import type { ReportContent } from "@/server/domain/report-content";

/** A readable outline of a content: issues, their measures and the results ticked. */
export function ContentSummary({ content }: { content: ReportContent }) {
  return (
    <div className="space-y-2 text-sm">
      <p>
        <span className="text-slate-500">เรื่อง:</span> {content.header.subject || "—"}
      </p>
      {content.issues.length === 0 && <p className="text-slate-500">ไม่มีประเด็น</p>}
      <ol className="space-y-2">
        {content.issues.map((issue, i) => (
          <li key={issue.id}>
            <p className="font-semibold">
              {i + 1}. {issue.title || "(ประเด็นยังไม่มีชื่อ)"}
            </p>
            <ul className="ml-4 space-y-1">
              {issue.measures.map((measure, j) => (
                <li key={measure.id}>
                  <p>
                    {i + 1}.{j + 1} {measure.title || "(มาตรการยังไม่มีชื่อ)"}
                  </p>
                  <ul className="ml-4 text-slate-600">
                    {measure.resultItems.map((item, k) => (
                      <li key={k}>
                        {item.checked ? "☑" : "☐"} {item.text}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
