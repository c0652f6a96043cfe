import { adminProcedure, createTRPCRouter, limitedPerUser } from "@/server/api/trpc";
import { importAccounts } from "@/server/services/account-import";
import { listProvinces } from "@/server/services/geography";
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


export const adminRouter = createTRPCRouter({
  provinces: adminProcedure.query(({ ctx }) => listProvinces(ctx.db)),
  users: adminProcedure.input(ZUserSearch).query(({ ctx, input }) => listUsers({ db: ctx.db, actor: ctx.access, input })),
  createUser: adminProcedure
    .input(ZCreateUserInput.omit({ password: true }))
    .mutation(({ ctx, input }) => createUser({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  updateUser: adminProcedure
    .input(ZUserDetails.extend({ userId: idSchema }))
    .mutation(({ ctx, input }) => updateUser({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  setUserDisabled: adminProcedure
    .input(z.object({ userId: idSchema, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  resetPassword: adminProcedure
    .input(z.object({ userId: idSchema }))
    .mutation(({ ctx, input }) => resetPassword({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  grantRole: adminProcedure
    .input(z.object({ userId: idSchema, grant: ZRoleGrantInput }))
    .mutation(({ ctx, input }) => addRoleGrant({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  revokeRole: adminProcedure
    .input(z.object({ roleAssignmentId: idSchema }))
    .mutation(({ ctx, input }) => revokeRoleGrant({ db: ctx.db, actor: ctx.access, input: input, request: ctx.request })),
  importAccounts: adminProcedure
    .input(ZImportFile)
    .use(limitedPerUser("import"))
    .mutation(({ ctx, input }) =>
      importAccounts({ db: ctx.db, actor: ctx.access, input: { fileName: input.fileName, bytes: importFileBytes(input), apply: input.apply }, request: ctx.request }),
    ),
});
