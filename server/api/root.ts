import { adminRouter } from "./routers/admin";
import { areaRouter } from "./routers/area";
import { meRouter } from "./routers/me";
import { organizationRouter } from "./routers/organization";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  organization: organizationRouter,
  area: areaRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
