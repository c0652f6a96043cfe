-- Acting authority is an ActingGrant (20261130193500_acting_grants): the fixed acting line of a
-- role (RoleAssignment.actingPosition) retires. A signer's role that carried one keeps its access
-- and its step, and gains an acting grant of the same person, organisation and step, so that the
-- same line is still theirs to sign with (chosen at signing, as every acting grant is):
--   position   the line without its leading "ปฏิบัติหน้าที่", which a grant prints back; a line
--              worded otherwise ("รักษาราชการแทน…") is kept whole, and then prints after it;
--   period     from the Thai calendar day the role was given to the end of the fiscal year in
--              progress (30 September): the old line had no end, a grant has one; the
--              organisation's head renews it on the organisation's people page;
--   grantedBy  nobody: the role does not say who gave it.
-- In the system scope (row-level security): every organisation's rows.
SELECT set_config('prongsai.scope', 'system', true);

INSERT INTO "ActingGrant" ("id", "organizationId", "userId", "step", "position", "validFrom", "validTo")
SELECT 'acting-' || r.id,
       r."organizationId",
       r."userId",
       r."signOffStep",
       CASE WHEN btrim(r."actingPosition") LIKE 'ปฏิบัติหน้าที่_%'
            THEN btrim(substr(btrim(r."actingPosition"), length('ปฏิบัติหน้าที่') + 1))
            ELSE btrim(r."actingPosition") END,
       least(given.day, fiscal.ends),
       fiscal.ends
  FROM "RoleAssignment" r
 CROSS JOIN LATERAL (SELECT ((r."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Bangkok')::date AS day) given
 CROSS JOIN LATERAL (SELECT make_date(extract(year FROM (now() AT TIME ZONE 'Asia/Bangkok') + interval '3 months')::int, 9, 30) AS ends) fiscal
 WHERE r.role = 'ORG_SIGNER'
   AND r."organizationId" IS NOT NULL
   AND r."signOffStep" IS NOT NULL
   AND btrim(coalesce(r."actingPosition", '')) <> '';

ALTER TABLE "RoleAssignment" DROP COLUMN "actingPosition";
