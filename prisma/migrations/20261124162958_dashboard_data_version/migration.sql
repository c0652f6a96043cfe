-- CreateTable
CREATE TABLE "DashboardDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardDataVersion_pkey" PRIMARY KEY ("id")
);

-- The single row, and only it
ALTER TABLE "DashboardDataVersion" ADD CONSTRAINT "DashboardDataVersion_single_row" CHECK ("id" = 1);
INSERT INTO "DashboardDataVersion" ("id", "version") VALUES (1, 0);
