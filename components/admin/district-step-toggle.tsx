"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";

// A province's choice of DHIS2-style two-level review: its district reviewers endorse each report
// before the province's reviewers may accept it.
export function DistrictStepToggle({ province }: { province: { id: string; nameTh: string; requireDistrictEndorsement: boolean } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.setDistrictStep.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (caught) => setError(caught.message),
    }),
  );
  const checked = save.isPending ? save.variables.required : province.requireDistrictEndorsement;
  return (
    <div className="text-sm">
      <label className="inline-flex items-center gap-2">
        <input
          type="checkbox"
          checked={checked}
          disabled={save.isPending}
          onChange={(event) => save.mutate({ provinceId: province.id, required: event.target.checked })}
          data-testid={`district-step-${province.id}`}
        />
        ให้อำเภอเห็นชอบก่อนจังหวัดรับรายงาน
      </label>
      {error && (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
