import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { publishedOrganization, publishedProvince, ZPublishedOrganizationInput, ZPublishedProvinceInput } from "@/server/services/public/published";

// Open to everyone, signed in or not: only accepted reports and announced scores (see the service).
export const publishedRouter = createTRPCRouter({
  organization: publicProcedure.input(ZPublishedOrganizationInput).query(({ ctx, input }) => publishedOrganization({ db: ctx.db, input })),
  province: publicProcedure.input(ZPublishedProvinceInput).query(({ ctx, input }) => publishedProvince({ db: ctx.db, input })),
});
