/**
 * Lead assignment: the tenant's ordered rules (a CEL condition over the lead and a strategy — round
 * robin, weighted, least loaded, territory, queue, owner of the existing customer — over a pool of
 * members), working hours, absences and daily caps, the default queue that takes whatever no rule
 * places, and the trace of every decision (rules evaluated, which matched, why this person).
 */
package com.weavecrm.assignment;
