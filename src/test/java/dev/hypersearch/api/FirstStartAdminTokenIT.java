package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * First start without HYPERSEARCH_ADMIN_TOKEN: an admin token is generated, written to an owner-only file and
 * printed once in the log, and it works.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:first-start-it;DB_CLOSE_DELAY=-1", "hypersearch.role=none",
        "HYPERSEARCH_ADMIN_TOKEN=", "hypersearch.security.admin-token-file=target/first-start-it/admin-token"})
class FirstStartAdminTokenIT {

    static final Path FILE = Path.of("target/first-start-it/admin-token");

    @LocalServerPort int port;

    @Test
    void theGeneratedAdminTokenIsInAnOwnerOnlyFileAndOnceInTheLog(CapturedOutput output) throws IOException {
        String token = Files.readString(FILE).strip();
        assertThat(token).matches("hs_[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FILE))).isEqualTo("rw-------");
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(token), -1)).as("printed once").hasSize(2);

        Http.Response me = new Http(port, token).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("admin");
        assertThat(new Http(port, "hs_test-admin-token-for-the-integration-tests-only").get("/api/me").status())
                .as("the test token was not configured here").isEqualTo(401);
    }
}
