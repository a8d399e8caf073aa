package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path directory;

    @Test
    void createsAFileOnlyItsOwnerCanRead() throws IOException {
        Path file = directory.resolve("new");

        PrivateFiles.writeAtomically(file, "content".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void replacesAWorldReadableFileWithAPrivateOne() throws IOException {
        Path file = Files.writeString(directory.resolve("old"), "old", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.writeAtomically(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void leavesNoTemporaryFileWhenTheRenameFails() throws IOException {
        Path occupied = Files.createDirectories(directory.resolve("occupied"));
        Files.writeString(occupied.resolve("inside"), "x", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PrivateFiles.writeAtomically(occupied, new byte[] {1}))
                .isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(occupied);
        }
    }

    @Test
    void createsDirectoriesOnlyTheirOwnerCanEnter() throws IOException {
        Path nested = directory.resolve("a/b");

        PrivateFiles.createPrivateDirectories(nested);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent()))).isEqualTo("rwx------");
    }
}
