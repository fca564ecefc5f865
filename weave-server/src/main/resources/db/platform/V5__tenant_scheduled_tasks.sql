-- Deliveries of notifications (e-mail, group bots) are scheduled in the transaction that stores the
-- notification, under the tenant's role: they exist exactly when the notification commits. Each
-- tenant role gets rights on scheduled_tasks in its tenant migration; this policy confines it to task
-- instances named after its own tenant ("<tenant id>/...") of the task kinds tenants schedule. The
-- scheduler itself runs as the table's owner and sees every row.
alter table scheduled_tasks enable row level security;
create policy scheduled_tasks_own_tenant on scheduled_tasks
    using (task_name in ('notification-delivery')
           and task_instance like platform.tenant_id_of(current_user)::text || '/%')
    with check (task_name in ('notification-delivery')
                and task_instance like platform.tenant_id_of(current_user)::text || '/%');
