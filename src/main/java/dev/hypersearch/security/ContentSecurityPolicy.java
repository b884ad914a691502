package dev.hypersearch.security;

/**
 * The Content-Security-Policy of every response: scripts only from this origin (no inline scripts, no eval), no
 * framing. Inline styles stay allowed: the charts set style attributes; styles cannot run code.
 */
final class ContentSecurityPolicy {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private ContentSecurityPolicy() {
    }
}
