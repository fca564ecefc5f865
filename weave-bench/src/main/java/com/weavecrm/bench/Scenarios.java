package com.weavecrm.bench;

import com.weavecrm.bench.Http.Call;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

/** The measured requests, each against the running server over HTTP on loopback. */
final class Scenarios {

    private static final String RECORDS = "/api/v1/objects/customer/records";
    private static final String[] INDUSTRIES = {"零售", "教育培训", "制造", "批发分销", "餐饮", "美容美发"};
    private static final String[] CHANNELS = {"官网表单", "企业微信", "抖音", "400电话", "门店"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "晓明", "雨桐"};

    private final ServerApi api;
    private final Samples samples;
    private final Map<String, String> credentials;

    /** {@code credentials}: the tenant, username and password the sign-in scenario uses. */
    Scenarios(ServerApi api, Samples samples, Map<String, String> credentials) {
        this.api = api;
        this.samples = samples;
        this.credentials = credentials;
    }

    /** Every scenario by name, in the order a suite runs them. */
    Map<String, LoadRunner.ClientFactory> all() {
        Map<String, LoadRunner.ClientFactory> all = new LinkedHashMap<>();
        all.put("customer-360", http(this::customer360));
        all.put("customer-360-heaviest", http(r -> Call.get("/api/v1/customers/" + samples.heavyCustomer(r) + "/360")));
        all.put("list-store-first-page", http(this::listByStore));
        all.put("read", http(this::read));
        all.put("create", http(this::create));
        all.put("update", http(this::update));
        all.put("search", http(this::search));
        all.put("store-day-mix", http(this::storeDay));
        all.put("peer-list-count", http(this::peerList));
        all.put("dupe-check", http(this::dupeCheck));
        all.put("lead-intake", http(this::leadIntake));
        all.put("me", http(r -> Call.get("/api/v1/me")));
        all.put("login", anonymous(r -> new Call("POST", "/api/v1/auth/login", credentials)));
        return all;
    }

    private Call customer360(SplittableRandom random) {
        return Call.get("/api/v1/customers/" + samples.customer(random) + "/360");
    }

    private Call listByStore(SplittableRandom random) {
        return Call.get(
                RECORDS + "?limit=50&sort=-createdAt&filter=" + encode("storeId == \"" + samples.store(random) + "\""));
    }

    private Call read(SplittableRandom random) {
        return Call.get(RECORDS + "/" + samples.customer(random));
    }

    private Call create(SplittableRandom random) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String phone = "13" + (100_000_000 + random.nextInt(900_000_000));
        return new Call(
                "POST",
                RECORDS,
                Map.of(
                        "name",
                        name,
                        "phone",
                        phone,
                        "channel",
                        "store",
                        "storeId",
                        samples.store(random).toString()));
    }

    /** Half the time a known customer written as another clerk would (+86, spaces), half a new person. */
    private Map<String, Object> someone(SplittableRandom random) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            Samples.Person known = samples.person(random);
            String digits = known.phone().replaceAll("\\D", "");
            values.put("name", known.name());
            values.put(
                    "phone",
                    digits.length() == 11
                            ? "+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7)
                            : known.phone());
            if (known.company() != null) {
                values.put("company", known.company());
            }
        } else {
            values.put("name", SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
            values.put("phone", "15" + (100_000_000 + random.nextInt(900_000_000)));
        }
        return values;
    }

    private Call dupeCheck(SplittableRandom random) {
        return new Call("POST", "/api/v1/dedupe/check", Map.of("object", "customer", "values", someone(random)));
    }

    private Call leadIntake(SplittableRandom random) {
        Map<String, Object> lead = someone(random);
        lead.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        lead.put("utm", Map.of("source", "bench", "campaign", "c" + random.nextInt(20)));
        return new Call("POST", "/api/v1/leads/intake", lead);
    }

    private Call update(SplittableRandom random) {
        UUID id = samples.customer(random);
        return new Call("PATCH", RECORDS + "/" + id, Map.of("industry", INDUSTRIES[random.nextInt(INDUSTRIES.length)]));
    }

    private Call search(SplittableRandom random) {
        return Call.get("/api/v1/search?q=" + encode(samples.searchTerm(random)));
    }

    /** A store's working day: mostly looking customers up, some searching and listing, a few writes. */
    private Call storeDay(SplittableRandom random) {
        int dice = random.nextInt(100);
        if (dice < 35) {
            return read(random);
        } else if (dice < 55) {
            return customer360(random);
        } else if (dice < 70) {
            return listByStore(random);
        } else if (dice < 85) {
            return search(random);
        } else if (dice < 95) {
            return update(random);
        }
        return create(random);
    }

    /** GUIDE §7's peer comparison: equality on a text field, sorted by name, with the total. */
    private Call peerList(SplittableRandom random) {
        return Call.get(RECORDS + "?limit=50&sort=name&count=true&filter="
                + encode("industry == \"" + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "\""));
    }

    /** Each client signed in as the suite's user, on a connection of its own. */
    private LoadRunner.ClientFactory http(Function<SplittableRandom, Call> next) {
        return client(next, api.token());
    }

    private LoadRunner.ClientFactory anonymous(Function<SplittableRandom, Call> next) {
        return client(next, null);
    }

    private LoadRunner.ClientFactory client(Function<SplittableRandom, Call> next, String token) {
        return () -> {
            Http http = new Http(api.base(), token, 1);
            return new LoadRunner.Client() {
                @Override
                public boolean call(SplittableRandom random) throws Exception {
                    Call call = next.apply(random);
                    int status = http.exchange(call);
                    if (status >= 400) {
                        throw new IllegalStateException("HTTP " + status + " for " + call.method() + " " + call.path());
                    }
                    return true;
                }

                @Override
                public void close() throws Exception {
                    http.close();
                }
            };
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
