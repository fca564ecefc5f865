package com.weavecrm.assignment;

import java.util.UUID;

/** A user a rule may give the lead to, with their weight (1 unless the rule weighs its members). */
record Candidate(UUID id, String name, int weight, boolean active) {}
