// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a banner at the end of a test run when browser tests were skipped (see {@link BrowserAvailability}): how many,
 * which, why, and how to make them run. Registered in {@code META-INF/services}, so every JUnit run loads it.
 */
public class BrowserTestsReport implements TestExecutionListener {

    private final List<String> skipped = new ArrayList<>();
    private String reason = "";

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        if (result.getStatus() == TestExecutionResult.Status.ABORTED
                && message != null
                && message.startsWith(BrowserAvailability.NOT_RUN)) {
            synchronized (skipped) {
                skipped.add(test.getSource()
                        .filter(MethodSource.class::isInstance)
                        .map(MethodSource.class::cast)
                        .map(s -> s.getClassName() + "#" + s.getMethodName())
                        .orElse(test.getDisplayName()));
                reason = message;
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String banner = banner();
        if (!banner.isEmpty()) {
            System.out.println(banner);
            System.out.flush();
        }
    }

    String banner() {
        synchronized (skipped) {
            if (skipped.isEmpty()) {
                return "";
            }
            String line = "!".repeat(100);
            StringBuilder text = new StringBuilder();
            text.append('\n').append(line).append('\n');
            text.append("!!! ").append(reason).append('\n');
            text.append("!!! ")
                    .append(skipped.size())
                    .append(" browser test(s) skipped (outside CI only; with CI=true they fail):")
                    .append('\n');
            skipped.forEach(s -> text.append("!!!   ").append(s).append('\n'));
            text.append(line).append('\n');
            return text.toString();
        }
    }
}
