package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Option;

/** Where a command keeps its data: the options every command that opens the store shares. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "gatehouse-data",
            description = "Data directory for the embedded database and the master key (default: ./${DEFAULT-VALUE}).")
    Path directory;

    /** The data directory, created readable by its owner only if it does not exist yet. */
    Path createDataDirectory() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return directory;
        } catch (FileAlreadyExistsException e) {
            throw new CliException("the data directory " + directory + " exists and is not a directory");
        } catch (java.io.IOException e) {
            throw new CliException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
