"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";

/** Starts a fiscal year's report: blank, from last year's issues and measures, or imported from a file. */
export function CreateReportButtons({
  organizationId,
  yearBe,
  hasPreviousReport,
}: {
  organizationId: string;
  yearBe: number;
  hasPreviousReport: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.organization.createReport.mutationOptions({ onSuccess: ({ id }) => router.push(`/reports/${id}/edit`) }),
  );
  const button = "rounded-md border border-teal-700 px-2 py-0.5 text-xs font-semibold text-teal-800 hover:bg-teal-50 disabled:opacity-50";
  return (
    <span className="inline-flex flex-wrap gap-1">
      {hasPreviousReport && (
        <button
          type="button"
          className={button}
          disabled={create.isPending}
          onClick={() => create.mutate({ organizationId, yearBe, copyFromPrevious: true })}
        >
          เริ่มจากรายงานปี {yearBe - 1}
        </button>
      )}
      <button
        type="button"
        className={button}
        disabled={create.isPending}
        onClick={() => create.mutate({ organizationId, yearBe, copyFromPrevious: false })}
      >
        สร้างรายงานใหม่
      </button>
      <Link href={`/organizations/${organizationId}/import?year=${yearBe}`} className={button}>
        นำเข้าจากไฟล์
      </Link>
      {create.error && <span className="text-xs text-red-700">{create.error.message}</span>}
    </span>
  );
}
