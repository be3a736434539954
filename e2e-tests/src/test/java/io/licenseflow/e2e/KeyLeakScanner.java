package io.licenseflow.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds license keys in files, whatever their formatting: every file is read as a stream of its letters and digits
 * (upper-cased, everything else dropped), so a key logged with or without dashes, in any case, inside JSON or split by
 * spaces is still its 28 characters in a row. Any 24 of them in a row count as the key (120 bits: no chance match,
 * and a key with a character or four mistyped or cut off is still a leaked key). A rolling hash over the last 24
 * characters finds them in one pass.
 */
final class KeyLeakScanner {

    /** Characters of a key without its {@code LF-} prefix and dashes. */
    static final int KEY_LENGTH = 28;
    /** Consecutive characters of a key that count as leaking it. */
    static final int WINDOW = 24;
    private static final long BASE = 1_000_003L;
    /** Directories of build output that hold code, not anything the suite wrote while running. */
    private static final Set<String> CODE_DIRECTORIES = Set.of("classes", "test-classes", "quarkus-app", "lib", "generated-sources",
            "generated-test-sources", "maven-status", "maven-archiver", "quarkus", "build-metrics.json");

    record Leak(Path file, String keyPrefix) {
    }

    /** Hash of each run of {@link #WINDOW} characters of a key → (run, the key's first characters). */
    private final Map<Long, Map<String, String>> runsByHash = new HashMap<>();
    private final long dropFactor;

    /** @param keys license keys as issued ({@code LF-XXXX-…}) or in any other formatting */
    KeyLeakScanner(Collection<String> keys) {
        long factor = 1;
        for (int i = 0; i < WINDOW - 1; i++) {
            factor *= BASE;
        }
        dropFactor = factor;
        for (String key : keys) {
            String body = normalised(key);
            if (body.length() != KEY_LENGTH) {
                throw new IllegalArgumentException("not a license key: " + body.length() + " letters and digits after the prefix");
            }
            for (int start = 0; start + WINDOW <= KEY_LENGTH; start++) {
                String run = body.substring(start, start + WINDOW);
                runsByHash.computeIfAbsent(hash(run), h -> new HashMap<>(2)).put(run, body.substring(0, 6));
            }
        }
    }

    /** Every file under {@code roots} (skipping compiled code and archives) that holds one of the keys. */
    List<Leak> scan(Collection<Path> roots) {
        List<Leak> leaks = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return CODE_DIRECTORIES.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        String name = file.getFileName().toString();
                        if (attributes.isRegularFile() && !name.endsWith(".jar") && !name.endsWith(".class")) {
                            try (InputStream in = Files.newInputStream(file)) {
                                scan(in).forEach(prefix -> leaks.add(new Leak(file, prefix)));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (Files.notExists(file)) {
                            return FileVisitResult.CONTINUE; // rotated or deleted while we walked
                        }
                        throw e;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read everything under " + root + ": a file the scan cannot read could hold a key", e);
            }
        }
        return leaks;
    }

    /** The first characters of each key found in the stream (enough to tell which key, too few to use it). */
    List<String> scan(InputStream in) throws IOException {
        char[] window = new char[WINDOW];
        int filled = 0;
        int next = 0;
        long hash = 0;
        List<String> found = new ArrayList<>();
        String lastFound = null;
        long lastFoundAt = -WINDOW;
        long position = 0;
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                char c = (char) (buffer[i] & 0xff);
                if (c >= 'a' && c <= 'z') {
                    c -= 'a' - 'A';
                } else if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                    continue;
                }
                if (filled == WINDOW) {
                    hash -= window[next] * dropFactor;
                } else {
                    filled++;
                }
                hash = hash * BASE + c;
                window[next] = c;
                next = (next + 1) % WINDOW;
                position++;
                if (filled == WINDOW && runsByHash.containsKey(hash)) {
                    String run = new String(window, next, WINDOW - next) + new String(window, 0, next);
                    String key = runsByHash.get(hash).get(run);
                    // one key is one leak, not one per overlapping run of it
                    if (key != null && !(key.equals(lastFound) && position - lastFoundAt <= KEY_LENGTH - WINDOW)) {
                        found.add(key);
                    }
                    if (key != null) {
                        lastFound = key;
                        lastFoundAt = position;
                    }
                }
            }
        }
        return found;
    }

    static String normalised(String key) {
        String letters = key.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        return letters.length() == KEY_LENGTH + 2 && letters.startsWith("LF") ? letters.substring(2) : letters;
    }

    private static long hash(String body) {
        long hash = 0;
        for (char c : body.toCharArray()) {
            hash = hash * BASE + c;
        }
        return hash;
    }
}
