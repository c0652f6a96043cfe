// The role the app connects as on a PostgreSQL server (README, Security model). The migration
// 20261130154500_app_role makes it and the function that grants it what it may do; this runs
// that function again through the privileged connection after migrations and restores.
import pg from "pg";

export const APP_ROLE = "prongsai_app";

/**
 * Grants the app role its rights on every table there is now (prisma/migrations, pg-boss). When
 * DATABASE_URL signs in as the app role with a password, the role gets that password, so the one
 * setting holds it (docker/compose.yaml).
 */
export async function grantAppRole({ migrationUrl, url }: { migrationUrl: string; url: string }): Promise<void> {
  const client = new pg.Client({ connectionString: migrationUrl });
  await client.connect();
  try {
    // A backup from before the role existed restores without the function: db:migrate brings it.
    const { rows } = await client.query<{ present: boolean }>("SELECT to_regproc('prongsai_grant_app_role') IS NOT NULL AS present");
    if (rows[0]!.present) await client.query("SELECT prongsai_grant_app_role()");
    const app = new URL(url);
    if (url !== migrationUrl && decodeURIComponent(app.username) === APP_ROLE && app.password) {
      await client.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${client.escapeLiteral(decodeURIComponent(app.password))}`);
    }
  } finally {
    await client.end();
  }
}
