package dev.gatehouse.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master keys come from: the environment variable {@value #ENVIRONMENT_VARIABLE} when it
 * is set (Base64 keys separated by commas, oldest first, the last one current), otherwise the key
 * file {@value #FILE_NAME} in the data directory (one Base64 key a line, the last current), created
 * with mode 0600 on first start.
 */
public final class MasterKeySource {

    public static final String ENVIRONMENT_VARIABLE = "GATEHOUSE_MASTER_KEY";
    public static final String FILE_NAME = "master.keys";

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Map<String, String> environment;
    private final Path dataDirectory;
    private final SecureRandom random;

    public MasterKeySource(Map<String, String> environment, Path dataDirectory, SecureRandom random) {
        this.environment = Map.copyOf(environment);
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.random = Objects.requireNonNull(random, "random");
    }

    public MasterKeySource(Path dataDirectory) {
        this(System.getenv(), dataDirectory, new SecureRandom());
    }

    public Path keyFile() {
        return dataDirectory.resolve(FILE_NAME);
    }

    /** Whether the keys come from the environment, where rotation cannot write a new one. */
    public boolean fromEnvironment() {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        return value != null && !value.isBlank();
    }

    /**
     * The key ring, creating the key file with a fresh key if there is neither a file nor the
     * environment variable.
     *
     * @throws IllegalStateException if a key is not 32 bytes of Base64, or the file is unreadable
     */
    public KeyRing load() {
        if (fromEnvironment()) {
            return parse(List.of(environment.get(ENVIRONMENT_VARIABLE).split(",")), ENVIRONMENT_VARIABLE);
        }
        Path file = keyFile();
        try {
            if (!Files.exists(file)) {
                createOwnerOnlyDirectory(dataDirectory);
                MasterKey first = MasterKey.generate(random);
                try {
                    writeNew(file, List.of(first));
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first; use theirs.
                }
            }
            warnIfReadableByOthers(file);
            return parse(Files.readAllLines(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    /**
     * Adds a fresh key to the key file as the current one, keeping the old ones, and returns the
     * new ring. The file is replaced atomically, so a crash leaves either the old or the new file.
     *
     * @throws IllegalStateException when the keys come from the environment
     */
    public KeyRing addKey() {
        if (fromEnvironment()) {
            throw new IllegalStateException("the master keys come from " + ENVIRONMENT_VARIABLE
                    + ": append a new Base64 key there (comma-separated) to rotate");
        }
        KeyRing ring = load();
        Path file = keyFile();
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.US_ASCII));
            MasterKey next = MasterKey.generate(random);
            lines.add(Base64.getEncoder().encodeToString(next.bytes()));
            Path temporary = dataDirectory.resolve(FILE_NAME + ".new");
            Files.deleteIfExists(temporary);
            writeLines(temporary, lines);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return ring.rotatedTo(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + file, e);
        }
    }

    private static void writeNew(Path file, List<MasterKey> keys) throws IOException {
        List<String> lines = new ArrayList<>();
        for (MasterKey key : keys) {
            lines.add(Base64.getEncoder().encodeToString(key.bytes()));
        }
        writeLines(file, lines);
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        FileAttribute<?>[] attributes = supportsPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // CREATE_NEW with the mode given at creation: the file is never readable by others, not even briefly.
        try (FileChannel channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            channel.write(java.nio.ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory) && supportsPosix(directory)) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (supportsPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("The master key file {} is {}: anyone who can read it can decrypt every MFA seed and access key;"
                        + " chmod 600 it", file, PosixFilePermissions.toString(permissions));
            }
        }
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static KeyRing parse(List<String> lines, String source) {
        List<MasterKey> keys = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("a master key in " + source + " is not Base64");
            }
            if (bytes.length != MasterKey.LENGTH) {
                throw new IllegalStateException("a master key in " + source + " has " + bytes.length
                        + " bytes; it must have " + MasterKey.LENGTH);
            }
            keys.add(MasterKey.of(bytes));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no master key in " + source);
        }
        return new KeyRing(keys);
    }
}
