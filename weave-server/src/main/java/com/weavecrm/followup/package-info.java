/**
 * Follow-up deadlines for leads: policies per kind of lead (first response within 30 minutes, follow
 * up within 48 hours), the deadlines each new lead's owner runs against, how they are met (the owner
 * confirms, changes the status, logs an activity) or moved (a transfer starts them again for the new
 * owner), what happens on a breach (the manager is told, the lead goes to the manager or back to the
 * pool), and the follow-up figures per person, store and channel.
 */
package com.weavecrm.followup;
