import type { Metadata } from "next";
import Link from "next/link";
import { OrganizationPeople } from "@/components/organization/organization-people";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "บุคลากรและการปฏิบัติหน้าที่แทน" };

type Props = { params: Promise<{ organizationId: string }> };

export default async function OrganizationPeoplePage({ params }: Props) {
  const { organizationId } = await params;
  const caller = await getServerCaller();
  const people = await callOrRedirect(() => caller.organization.people({ organizationId }));
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href={`/organizations/${organizationId}`} className="text-teal-800 hover:underline">
          ← {people.organizationName}
        </Link>
      </nav>
      <PageTitle title="บุคลากรและการปฏิบัติหน้าที่แทน" subtitle={people.organizationName} />
      <OrganizationPeople organizationId={organizationId} people={people} />
    </>
  );
}
