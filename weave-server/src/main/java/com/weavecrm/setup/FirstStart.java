package com.weavecrm.setup;

import com.weavecrm.platform.database.WeaveProperties;
import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code default} tenant and its administrator {@code admin} on the first start, and the
 * demo tenant when asked. Runs before the server accepts requests, so a healthy server can always
 * be signed in to.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    static final String ADMIN_USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final WeaveProperties properties;
    private final TenantRegistry registry;
    private final TenantAdministration tenants;
    private final PasswordHasher hasher;
    private final DemoCompany demo;
    private final SecureRandom random = new SecureRandom();

    FirstStart(
            WeaveProperties properties,
            TenantRegistry registry,
            TenantAdministration tenants,
            PasswordHasher hasher,
            DemoCompany demo) {
        this.properties = properties;
        this.registry = registry;
        this.tenants = tenants;
        this.hasher = hasher;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (registry.findActive(Tenant.DEFAULT_SLUG).isEmpty()) {
            createDefaultTenant();
        }
        if (properties.demo() && registry.findActive(DemoCompany.SLUG).isEmpty()) {
            String password = adminPassword();
            demo.create(DemoCompany.SLUG, password);
            log.info("Demo tenant '{}' created: every demo user signs in with {}", DemoCompany.SLUG, password);
        }
    }

    private void createDefaultTenant() {
        boolean given = properties.adminPassword() != null
                && !properties.adminPassword().isBlank();
        String password = given ? properties.adminPassword() : generatePassword();
        tenants.create(new NewTenant(Tenant.DEFAULT_SLUG, "Weave CRM", ADMIN_USERNAME, hasher.hash(password)));
        if (given) {
            log.info(
                    "Tenant 'default' created; user '{}' signs in with the password from WEAVE_ADMIN_PASSWORD",
                    ADMIN_USERNAME);
            return;
        }
        Path file = writePasswordFile(password);
        log.warn("""

                =====================================================================
                  First start: tenant 'default', user '{}', password: {}
                  (also written to {} — change it after signing in)
                =====================================================================""", ADMIN_USERNAME, password, file.toAbsolutePath());
    }

    private String adminPassword() {
        if (properties.adminPassword() != null && !properties.adminPassword().isBlank()) {
            return properties.adminPassword();
        }
        Path file = properties.dataDir().resolve(PASSWORD_FILE);
        try {
            return Files.exists(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : generatePassword();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writePasswordFile(String password) {
        Path file = properties.dataDir().resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(properties.dataDir());
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps its default permissions
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password to " + file, e);
        }
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
