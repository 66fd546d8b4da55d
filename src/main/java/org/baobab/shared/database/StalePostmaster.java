// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on a data folder by a JVM that died without stopping it (kill -9, power cut of the
 * JVM only): it still holds the folder, and a new server on it would refuse to start. Found from the folder's {@code
 * postmaster.pid} (process id, data folder, port), checked to be a {@code postgres} process serving this very folder,
 * then stopped cleanly (SIGTERM: PostgreSQL's smart shutdown, which checkpoints; its clients died with the JVM) and
 * waited for. A pid file whose process is gone, or is not a postgres of this folder, is left to PostgreSQL, which
 * ignores a stale one.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    static final Duration STOP_WAIT = Duration.ofSeconds(90);

    private StalePostmaster() {}

    /** Stops the postmaster of {@code dataDirectory} if one is running; returns whether there was one. */
    static boolean stopIfRunning(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = find(dataDirectory);
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "A PostgreSQL server (pid {}) is still running on {}, left by a process that stopped without stopping"
                        + " it: stopping it before starting again",
                process.pid(),
                dataDirectory);
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server left running on " + dataDirectory + " (pid "
                    + process.pid() + ") did not stop within " + STOP_WAIT.toSeconds() + " s: stop it by hand");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL (pid " + process.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + process.pid() + ")", e);
        }
        log.info("The PostgreSQL server left running on {} has stopped", dataDirectory);
        return true;
    }

    /** The live postgres process serving {@code dataDirectory} according to its pid file, if any. */
    static Optional<ProcessHandle> find(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pid file in " + dataDirectory, e);
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        if (!sameFolder(Path.of(lines.get(1).strip()), dataDirectory)) {
            log.warn("The pid file in {} names another folder ({}): left alone", dataDirectory, lines.get(1));
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOf(p, dataDirectory));
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!postgres) {
            return false;
        }
        // its command line names the folder (-D …); when the system does not tell, the pid file's own line does
        return info.arguments()
                .map(arguments -> {
                    for (int i = 0; i + 1 < arguments.length; i++) {
                        if (arguments[i].equals("-D") && sameFolder(Path.of(arguments[i + 1]), dataDirectory)) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(true);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
