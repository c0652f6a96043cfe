import { createTRPCRouter, holdingProcedure, limitedPerUser } from "@/server/api/trpc";
import { ZImportFile, importFileBytes } from "@/server/services/imports/upload";
import {
  createDistrict,
  createOrganization,
  createProvince,
  deactivateOrganization,
  listAreas,
  listOrganizations,
  updateDistrict,
  updateOrganization,
  updateProvince,
  ZDeactivation,
  ZDistrictInput,
  ZOrganizationInput,
  ZOrganizationSearch,
  ZOrganizationUpdate,
  ZProvinceInput,
} from "@/server/services/registry/registry";
import { importRegistry } from "@/server/services/registry/registry-import";
import { idSchema } from "@/server/validation";

// The registry within the caller's scope (the country, or their provinces): each service checks it.
const registryProcedure = holdingProcedure("node.administer");

export const registryRouter = createTRPCRouter({
  areas: registryProcedure.query(({ ctx }) => listAreas({ db: ctx.db, actor: ctx.access })),
  organizations: registryProcedure.input(ZOrganizationSearch).query(({ ctx, input }) => listOrganizations({ db: ctx.db, actor: ctx.access, input })),
  createProvince: registryProcedure
    .input(ZProvinceInput)
    .mutation(({ ctx, input }) => createProvince({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  updateProvince: registryProcedure
    .input(ZProvinceInput.extend({ provinceId: idSchema }))
    .mutation(({ ctx, input }) => updateProvince({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  createDistrict: registryProcedure
    .input(ZDistrictInput)
    .mutation(({ ctx, input }) => createDistrict({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  updateDistrict: registryProcedure
    .input(ZDistrictInput.extend({ districtId: idSchema }))
    .mutation(({ ctx, input }) => updateDistrict({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  createOrganization: registryProcedure
    .input(ZOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  updateOrganization: registryProcedure
    .input(ZOrganizationUpdate)
    .mutation(({ ctx, input }) => updateOrganization({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  deactivateOrganization: registryProcedure
    .input(ZDeactivation)
    .mutation(({ ctx, input }) => deactivateOrganization({ db: ctx.db, actor: ctx.access, input, request: ctx.request })),
  import: registryProcedure
    .input(ZImportFile)
    .use(limitedPerUser("import"))
    .mutation(({ ctx, input }) =>
      importRegistry({ db: ctx.db, actor: ctx.access, input: { fileName: input.fileName, bytes: importFileBytes(input), apply: input.apply }, request: ctx.request }),
    ),
});
