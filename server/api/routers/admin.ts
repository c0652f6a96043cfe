import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { listDistrictsForPicker, listOrganizationsForPicker, listProvinces } from "@/server/services/geography";
import {
  addRoleGrant,
  createUser,
  listUsers,
  revokeRoleGrant,
  setUserDisabled,
  ZCreateUserInput,
  ZRoleGrantInput,
} from "@/server/services/users";
import { idSchema, z } from "@/server/validation";

export const adminRouter = createTRPCRouter({
  provinces: adminProcedure.query(({ ctx }) => listProvinces(ctx.db)),
  scopeOptions: adminProcedure.query(async ({ ctx }) => ({
    organizations: await listOrganizationsForPicker(ctx.db),
    districts: await listDistrictsForPicker(ctx.db),
    provinces: await listProvinces(ctx.db),
  })),
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  createUser: adminProcedure
    .input(ZCreateUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.access, input, ctx.request)),
  setUserDisabled: adminProcedure
    .input(z.object({ userId: idSchema, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.access, input, ctx.request)),
  grantRole: adminProcedure
    .input(z.object({ userId: idSchema, grant: ZRoleGrantInput }))
    .mutation(({ ctx, input }) => addRoleGrant(ctx.db, ctx.access, input, ctx.request)),
  revokeRole: adminProcedure
    .input(z.object({ roleAssignmentId: idSchema }))
    .mutation(({ ctx, input }) => revokeRoleGrant(ctx.db, ctx.access, input, ctx.request)),
});
