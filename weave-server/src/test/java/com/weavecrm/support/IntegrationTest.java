package com.weavecrm.support;

import com.weavecrm.WeaveApplication;
import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.platform.tenancy.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole product on a random port with a real PostgreSQL (the
 * embedded one by default, an external one when the run asks for it). One server is shared by all
 * test classes; each test gets tenants of its own, so tests never see each other's data.
 */
@SpringBootTest(
        classes = WeaveApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weave.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
            "weave.security.argon2-memory-kib=1024",
            "weave.security.argon2-iterations=1",
            "weave.security.max-failures-per-address=100000",
            "logging.file.name=",
            "db-scheduler.polling-interval=1s"
        })
@org.springframework.context.annotation.Import(TestClock.Configuration.class)
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "Test-Admin-2026!";
    public static final String PASSWORD = "Test-Pass-2026!x";
    private static final Path DATA_DIR = dataDir();

    static {
        WeaveApplication.quietJooq();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TenantAdministration tenantAdministration;

    @Autowired
    protected PasswordHasher passwordHasher;

    /** The product's clock; a test that moves it resets it when done. */
    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("weave.data-dir", DATA_DIR::toString);
        // SMTP on a local test server, and a local "group bot" allowed besides the platforms' hosts
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
        registry.add("weave.webhooks.extra-allowed-hosts", () -> "http://127.0.0.1:" + TestPorts.webhook());
        if (TestDatabase.isExternal()) {
            registry.add("spring.datasource.url", TestDatabase::externalUrl);
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected ApiClient anonymous() {
        return new ApiClient(baseUrl(), null);
    }

    /** Signs in and returns a client carrying the token; fails the test when sign-in fails. */
    protected ApiClient login(String tenant, String username, String password) {
        ApiClient.Response response = anonymous()
                .post(
                        "/api/v1/auth/login",
                        ApiClient.map("tenant", tenant, "username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + "@" + tenant + " failed: " + response.text());
        }
        return new ApiClient(baseUrl(), response.string("token"));
    }

    /** A new tenant of its own (admin {@code admin} with {@link #PASSWORD}) and a client signed in as its admin. */
    protected TestTenant newTenant() {
        String slug = "t" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
        Tenant tenant = tenantAdministration.create(
                new NewTenant(slug, "测试租户 " + slug, "admin", passwordHasher.hash(PASSWORD)));
        return new TestTenant(tenant, login(slug, "admin", PASSWORD));
    }

    /** A tenant created for a test and a client signed in as its administrator. */
    public record TestTenant(Tenant tenant, ApiClient admin) {
        public String slug() {
            return tenant.slug();
        }
    }

    /** Under target/, so {@code mvn clean} removes it; reused by later runs (tests use fresh tenants). */
    private static Path dataDir() {
        Path dir = Path.of("target", "it-data", TestDatabase.isExternal() ? "external" : "embedded")
                .toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
