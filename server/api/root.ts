import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { areaRouter } from "./routers/area";
import { dashboardRouter } from "./routers/dashboard";
import { drilldownRouter } from "./routers/drilldown";
import { emblemRouter } from "./routers/emblem";
import { exportRouter } from "./routers/export";
import { frameworkRouter } from "./routers/framework";
import { inboxRouter } from "./routers/inbox";
import { insightRouter } from "./routers/insight";
import { meRouter } from "./routers/me";
import { notificationRouter } from "./routers/notification";
import { organizationRouter } from "./routers/organization";
import { publishedRouter } from "./routers/published";
import { registryRouter } from "./routers/registry";
import { reportRouter } from "./routers/report";
import { reportImportRouter } from "./routers/report-import";
import { scoresRouter } from "./routers/scores";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  organization: organizationRouter,
  published: publishedRouter,
  area: areaRouter,
  dashboard: dashboardRouter,
  drilldown: drilldownRouter,
  insight: insightRouter,
  admin: adminRouter,
  registry: registryRouter,
  account: accountRouter,
  report: reportRouter,
  reportImport: reportImportRouter,
  inbox: inboxRouter,
  notification: notificationRouter,
  export: exportRouter,
  framework: frameworkRouter,
  emblem: emblemRouter,
  scores: scoresRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
