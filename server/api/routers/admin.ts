import { createTRPCRouter, holdingProcedure, limitedPerUser } from "@/server/api/trpc";
import { importAccounts } from "@/server/services/account-import";
import { listProvinces, setDistrictStep } from "@/server/services/geography";
import { ZImportFile, importFileBytes } from "@/server/services/imports/upload";
import {
  addRoleGrant,
  createUser,
  listUsers,
  resetPassword,
  revokeRoleGrant,
  setUserDisabled,
  updateUser,
  ZCreateUserInput,
  ZRoleGrantInput,
  ZUserDetails,
  ZUserSearch,
} from "@/server/services/users";
import { idSchema, z } from "@/server/validation";

// Accounts within the caller's scope (the country, or their province): each service confines it.
const accountProcedure = holdingProcedure("account.manage");

export const adminRouter = createTRPCRouter({
  provinces: holdingProcedure("node.administer").query(({ ctx }) => listProvinces({ db: ctx.db, actor: ctx.access })),
  setDistrictStep: holdingProcedure("review.configure")
    .input(z.object({ provinceId: idSchema, required: z.boolean() }))
    .mutation(({ ctx, input }) => setDistrictStep({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  users: accountProcedure.input(ZUserSearch).query(({ ctx, input }) => listUsers({ db: ctx.db, actor: ctx.access, input })),
  createUser: accountProcedure
    .input(ZCreateUserInput.omit({ password: true }))
    .mutation(({ ctx, input }) => createUser({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  updateUser: accountProcedure
    .input(ZUserDetails.extend({ userId: idSchema }))
    .mutation(({ ctx, input }) => updateUser({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  setUserDisabled: accountProcedure
    .input(z.object({ userId: idSchema, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  resetPassword: accountProcedure
    .input(z.object({ userId: idSchema }))
    .mutation(({ ctx, input }) => resetPassword({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  grantRole: accountProcedure
    .input(z.object({ userId: idSchema, grant: ZRoleGrantInput }))
    .mutation(({ ctx, input }) => addRoleGrant({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  revokeRole: accountProcedure
    .input(z.object({ roleAssignmentId: idSchema }))
    .mutation(({ ctx, input }) => revokeRoleGrant({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  importAccounts: accountProcedure
    .input(ZImportFile)
    .use(limitedPerUser("import"))
    .mutation(({ ctx, input }) =>
      importAccounts({ db: ctx.db, actor: ctx.access, input: { fileName: input.fileName, bytes: importFileBytes(input), apply: input.apply }, request: ctx.request }),
    ),
});
