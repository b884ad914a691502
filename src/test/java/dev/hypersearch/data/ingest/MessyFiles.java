package dev.hypersearch.data.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Files the way people's exports look: mixed types, NA markers, an id, dates, stray spaces. */
public final class MessyFiles {

    private MessyFiles() {
    }

    /**
     * 30 customers: id (ignored), age with NA, city (categorical, one empty cell), signup date, member (yes/no),
     * note (free text), country (constant), churn label with stray spaces and two rows without a label.
     */
    public static String customers(char sep) {
        String[] cities = {"Paris", "Lyon", "Nice"};
        StringBuilder s = new StringBuilder();
        s.append(String.join(String.valueOf(sep), "customer_id", "age", "city", "signup", "member", "note", "country",
                "churn")).append('\n');
        for (int i = 0; i < 32; i++) {
            String age = i % 7 == 3 ? "NA" : i % 11 == 5 ? " n/a " : String.valueOf(20 + i * 7 % 40);
            String city = i == 4 ? "" : cities[i % 3];
            String date = String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
            String member = i % 2 == 0 ? "yes" : "No";
            String note = "\"called on day " + i + ", said\nthings about plan " + (i % 5) + "\"";
            String churn = i == 10 || i == 20 ? "" : i % 3 == 0 ? " churned " : "stayed";
            s.append(String.join(String.valueOf(sep), String.valueOf(1000 + i), age, city, date, member, note, "FR",
                    churn)).append('\n');
        }
        return s.toString();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] withBom(String s) {
        byte[] text = utf8(s);
        byte[] out = new byte[text.length + 3];
        out[0] = (byte) 0xef;
        out[1] = (byte) 0xbb;
        out[2] = (byte) 0xbf;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
