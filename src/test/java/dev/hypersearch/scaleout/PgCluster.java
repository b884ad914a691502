package dev.hypersearch.scaleout;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The machine's PostgreSQL cluster, restarted with pg_ctlcluster (Debian's postgresql-common). */
public final class PgCluster {

    private PgCluster() {
    }

    /** The cluster version under /etc/postgresql, when this machine manages PostgreSQL with pg_ctlcluster. */
    public static Optional<String> version() {
        String[] versions = new File("/etc/postgresql").list();
        boolean tool = new File("/usr/bin/pg_ctlcluster").canExecute();
        return tool && versions != null && versions.length > 0 ? Optional.of(versions[0]) : Optional.empty();
    }

    /** {@code pg_ctlcluster <v> main restart} (fast mode: open connections are cut), waiting for it to finish. */
    public static void restart() {
        String v = version().orElseThrow();
        try {
            Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", v, "main", "restart")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("pg_ctlcluster restart did not finish");
            }
            String out = new String(p.getInputStream().readAllBytes());
            if (p.exitValue() != 0) {
                throw new AssertionError("pg_ctlcluster restart failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
