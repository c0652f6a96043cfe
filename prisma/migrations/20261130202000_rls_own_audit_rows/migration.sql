-- A signed-in caller records its own actions whatever their scope (its e-mail address, its
-- notification choices, an account it manages): an audit row whose actor is the caller may be
-- written under any scope. Only written: reading stays at or below the caller's nodes (recordAudit
-- inserts without RETURNING, so the new row need not be visible to its writer).
CREATE POLICY own_actions ON "AuditEvent" FOR INSERT WITH CHECK ("actorId" = (SELECT current_setting('prongsai.user', true)));
