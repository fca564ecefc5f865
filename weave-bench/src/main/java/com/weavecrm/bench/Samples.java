package com.weavecrm.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Ids and search terms the scenarios draw from, read once from the loaded tenant: random customers
 * (repeatable: the sample is seeded), every store, the customers with the most activities.
 */
record Samples(
        String schema,
        String role,
        List<UUID> customers,
        List<UUID> stores,
        List<UUID> heaviestCustomers,
        List<String> searchTerms,
        List<Person> people) {

    /** A sampled customer's name, phone and company, as the duplicate scenarios write them again. */
    record Person(String name, String phone, String company) {}

    static Samples read(Connection db, Database.TenantSchema tenant, boolean withHeaviest) throws SQLException {
        String s = tenant.schema();
        List<UUID> customers = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            statement.execute("select setseed(0.42)");
            try (ResultSet rows = statement.executeQuery("select id, name, phone, search_initials, company from " + s
                    + ".r_customer where deleted_at is null order by random() limit 5000")) {
                while (rows.next()) {
                    customers.add(rows.getObject(1, UUID.class));
                    String name = rows.getString(2);
                    String phone = rows.getString(3);
                    String initials = rows.getString(4);
                    // a plain mobile: intake refuses what it cannot read (a generated landline may not be a valid
                    // number)
                    if (phone != null && phone.matches("1[3-9]\\d{9}")) {
                        people.add(new Person(name, phone, rows.getString(5)));
                    }
                    switch (customers.size() % 3) {
                        case 0 -> add(terms, name);
                        case 1 ->
                            add(
                                    terms,
                                    initials == null || initials.length() < 2
                                            ? name
                                            : initials.substring(0, Math.min(3, initials.length())));
                        default -> add(terms, phone);
                    }
                }
            }
        }
        List<UUID> stores = ids(db, "select id from " + s + ".r_store where deleted_at is null order by id");
        List<UUID> heaviest = withHeaviest
                ? ids(
                        db,
                        "select customer_id from " + s + ".r_activity where deleted_at is null"
                                + " group by customer_id order by count(*) desc limit 20")
                : customers.subList(0, Math.min(20, customers.size()));
        if (customers.isEmpty() || stores.isEmpty()) {
            throw new IllegalStateException("tenant schema " + s + " has no customers or stores to measure with");
        }
        return new Samples(s, tenant.role(), customers, stores, heaviest, terms, people);
    }

    UUID customer(SplittableRandom random) {
        return customers.get(random.nextInt(customers.size()));
    }

    UUID store(SplittableRandom random) {
        return stores.get(random.nextInt(stores.size()));
    }

    UUID heavyCustomer(SplittableRandom random) {
        return heaviestCustomers.get(random.nextInt(heaviestCustomers.size()));
    }

    Person person(SplittableRandom random) {
        return people.get(random.nextInt(people.size()));
    }

    String searchTerm(SplittableRandom random) {
        return searchTerms.get(random.nextInt(searchTerms.size()));
    }

    private static void add(List<String> terms, String term) {
        if (term != null && !term.isBlank()) {
            terms.add(term);
        }
    }

    private static List<UUID> ids(Connection db, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
