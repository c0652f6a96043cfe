"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage, primaryButton } from "@/components/report-editor/fields";

/** Creates FY N+1 as a copy of FY N's framework and opens it for editing. */
export function CopyYearButton({ fromYearBe }: { fromYearBe: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const copy = useMutation(trpc.framework.copyYear.mutationOptions({ onSuccess: ({ yearBe }) => router.push(`/admin/frameworks/${yearBe}`) }));
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <button type="button" className={primaryButton} disabled={copy.isPending} onClick={() => copy.mutate({ fromYearBe })}>
        สร้างปีงบประมาณ {fromYearBe + 1} จากกรอบของปี {fromYearBe}
      </button>
      {copy.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(copy.error)}
        </p>
      )}
    </div>
  );
}
