package dev.hypersearch.data.ingest;

import dev.hypersearch.data.DatasetFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * An uploaded file opened as text: gunzipped when it starts with gzip's magic bytes, a UTF-8 byte order mark
 * skipped, and the delimiter (comma, semicolon or tab) chosen as the one that splits the header line most often
 * outside quotes. Only the first 64 KB are looked at ahead; the rest is streamed.
 *
 * @param reader    strict UTF-8: a malformed byte sequence fails the read instead of becoming U+FFFD
 * @param delimiter ',', ';' or '\t'
 */
public record DelimitedInput(Reader reader, char delimiter, boolean gzip) {

    private static final int SNIFF = 64 * 1024;

    public static DelimitedInput open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF);
        boolean gzip = startsWith(in, 0x1f, 0x8b);
        if (gzip) {
            in = new BufferedInputStream(new GZIPInputStream(in, SNIFF), SNIFF);
        }
        if (startsWith(in, 0xef, 0xbb, 0xbf)) {
            in.skipNBytes(3);
        }
        char delimiter = sniff(in);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new DelimitedInput(reader, delimiter, gzip);
    }

    /** "comma", "semicolon" or "tab". */
    public String delimiterName() {
        return switch (delimiter) {
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "comma";
        };
    }

    private static boolean startsWith(BufferedInputStream in, int... magic) throws IOException {
        in.mark(magic.length);
        try {
            for (int b : magic) {
                if (in.read() != b) {
                    return false;
                }
            }
            return true;
        } finally {
            in.reset();
        }
    }

    private static char sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (byte b : head) {
            if (b == 0) {
                throw new DatasetFormatException("the file is not delimited text: it holds binary data (a NUL byte)"
                        + " in its first " + SNIFF / 1024 + " KB; upload comma, semicolon or tab separated text,"
                        + " optionally gzip-compressed", 1, null);
            }
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break; // the header line decides
            } else if (!quoted) {
                switch (b) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
