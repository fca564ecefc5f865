-- Follow-up figures on the lead list and the follow-up page.
--
-- The lead's two derived fields, firstResponseMinutes and followUpStatus (columns
-- first_response_minutes and follow_up_status of r_lead), are standard fields: the metadata upgrade
-- that runs after the migrations adds them to the lead object of every tenant (its table is made by
-- the metadata engine, not here), and the follow-up capability fills them in for the leads that
-- already have deadlines. This migration is also what makes existing tenants take that upgrade.
--
-- The follow-up figures of a period read the deadlines started in it.
create index followup_deadline_started on followup_deadline (started_at);
