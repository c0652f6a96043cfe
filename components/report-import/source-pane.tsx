"use client";

import { memo } from "react";
import type { ImportFlag } from "@/server/domain/report-import/types";
import { flagSpan, splitBySpans } from "./flag-spans";

/**
 * The text the importer read, line by line with its numbers; flagged spans are marked and the
 * line the user asked for is outlined. Long lines (a table row per line) wrap.
 */
export const SourcePane = memo(function SourcePane({
  lines,
  flagsByLine,
  unplacedLines,
  activeLine,
}: {
  lines: string[];
  flagsByLine: Map<number, ImportFlag[]>;
  unplacedLines: Set<number>;
  activeLine: number | null;
}) {
  return (
    <ol className="font-mono text-[13px] leading-6" data-testid="import-source">
      {lines.map((line, index) => {
        const number = index + 1;
        const flags = flagsByLine.get(number) ?? [];
        const spans = flags.flatMap((flag) => flagSpan(line, flag) ?? []);
        const active = activeLine === number;
        return (
          <li
            key={number}
            id={`source-line-${number}`}
            data-line={number}
            data-flagged={flags.length > 0 || undefined}
            className={`flex scroll-mt-24 gap-2 border-l-4 pr-2 ${
              active ? "border-amber-500 bg-amber-50" : flags.length ? "border-red-300" : unplacedLines.has(number) ? "border-sky-300" : "border-transparent"
            }`}
          >
            <span className="w-10 shrink-0 select-none text-right text-slate-400">{number}</span>
            <span className="min-w-0 whitespace-pre-wrap break-words font-sans">
              {line === ""
                ? "\u00a0"
                : splitBySpans(line, spans).map((piece, pieceIndex) =>
                    piece.marked ? (
                      <mark key={pieceIndex} className="rounded bg-red-200 px-0.5 text-red-950" title={flags.map((flag) => flag.message).join("\n")}>
                        {piece.text}
                      </mark>
                    ) : (
                      <span key={pieceIndex}>{piece.text}</span>
                    ),
                  )}
            </span>
          </li>
        );
      })}
    </ol>
  );
});
