package dev.hypersearch.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What Linux says of this JVM's threads: each one's name (as the JVM set it, 15 characters at most) and nice. */
final class ThreadNiceValues {

    static final Path TASKS = Path.of("/proc/self/task");

    record OsThread(long id, String name, int nice) {
    }

    private ThreadNiceValues() {
    }

    /** The threads alive now (a thread that ends while they are read is left out). */
    static List<OsThread> all() throws IOException {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.map(task -> of(Long.parseLong(task.getFileName().toString())))
                    .flatMap(Optional::stream).toList();
        }
    }

    static Optional<OsThread> of(long id) {
        Path task = TASKS.resolve(Long.toString(id));
        try {
            String stat = Files.readString(task.resolve("stat"));
            // the name is in parentheses and may hold spaces; the fields after it start with field 3: nice is 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            return Optional.of(new OsThread(id, name, Integer.parseInt(fields[19 - 3])));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
