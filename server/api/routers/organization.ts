import { createTRPCRouter, organizationProcedure } from "@/server/api/trpc";
import { getOrganizationProfile, listOrganizationYears } from "@/server/services/organizations";

export const organizationRouter = createTRPCRouter({
  profile: organizationProcedure.query(({ ctx }) => getOrganizationProfile(ctx.db, ctx.organization.id)),
  years: organizationProcedure.query(({ ctx }) => listOrganizationYears(ctx.db, ctx.organization.id)),
});
