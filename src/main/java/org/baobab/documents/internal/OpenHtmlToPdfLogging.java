// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to SLF4J (it writes to the console by default): its warnings and errors stay
 * warnings and errors, its INFO lines (fonts loaded, timings, several per document) become DEBUG. Its levels are
 * java.util.logging ones, which Baobab's code does not touch: they are read by name.
 */
public final class OpenHtmlToPdfLogging implements XRLogger {

    private OpenHtmlToPdfLogging() {}

    /** Installs this bridge for the whole JVM (openhtmltopdf's logger is static). */
    public static void install() {
        XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
    }

    private enum Severity {
        ERROR,
        WARN,
        DEBUG,
        TRACE
    }

    private static Severity severity(Object level) {
        return switch (Objects.toString(level)) {
            case "SEVERE" -> Severity.ERROR;
            case "WARNING" -> Severity.WARN;
            case "INFO", "CONFIG" -> Severity.DEBUG;
            default -> Severity.TRACE;
        };
    }

    private static boolean enabled(Logger logger, Severity severity) {
        return switch (severity) {
            case ERROR -> logger.isErrorEnabled();
            case WARN -> logger.isWarnEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case TRACE -> logger.isTraceEnabled();
        };
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(
            String where,
            java.util.logging.Level level,
            String message,
            @org.jspecify.annotations.Nullable Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        switch (severity(level)) {
            case ERROR -> logger.error(message, error);
            case WARN -> logger.warn(message, error);
            case DEBUG -> logger.debug(message, error);
            case TRACE -> logger.trace(message, error);
        }
    }

    /** Levels are SLF4J's to set (logging.level.com.openhtmltopdf), not openhtmltopdf's. */
    @Override
    public void setLevel(String logger, java.util.logging.Level level) {}

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return enabled(LoggerFactory.getLogger("com.openhtmltopdf"), severity(diagnostic.getLevel()));
    }
}
