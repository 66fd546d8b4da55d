// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Several refusals of one form at once: each {@link Violation} names the form field it is about, so that the page
 * shows every error next to its field in a single answer instead of one per submission. The exception itself carries
 * the code and arguments of its first violation, so that a reader that knows only {@link BaobabException} (the API
 * edge, an error page) still shows a precise message.
 */
public class InvalidInput extends BaobabException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(first(violations).code(), first(violations).arguments().toArray());
        this.violations = List.copyOf(violations);
    }

    /** The violations, in the order they were found (the order of the form's fields, when checked in that order). */
    public List<Violation> violations() {
        return violations;
    }

    /** Collects the violations of one form; {@link #throwIfAny()} refuses the input when there is at least one. */
    public static Violations collect() {
        return new Violations();
    }

    private static Violation first(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An invalid input has at least one violation");
        }
        return violations.get(0);
    }

    /**
     * A refusal about one field: its name on the form (the bean property a page binds, such as {@code reference}), the
     * error code and the arguments of the code's message.
     */
    public record Violation(String field, ErrorCode code, List<Object> arguments) {

        public Violation {
            arguments = List.copyOf(arguments);
        }

        public static Violation of(String field, ErrorCode code, Object... arguments) {
            return new Violation(field, code, List.of(arguments));
        }
    }

    /** A mutable list of violations, for a service that checks every field before it refuses. */
    public static final class Violations {

        private final List<Violation> found = new ArrayList<>();

        private Violations() {}

        public Violations add(String field, ErrorCode code, Object... arguments) {
            found.add(Violation.of(field, code, arguments));
            return this;
        }

        /** Runs a check that may refuse a field with a {@link BaobabException}: the refusal joins the list. */
        public Violations check(String field, Runnable check) {
            try {
                check.run();
            } catch (InvalidInput e) {
                found.addAll(e.violations());
            } catch (BaobabException e) {
                found.add(new Violation(field, e.errorCode(), List.of(e.arguments())));
            }
            return this;
        }

        public boolean isEmpty() {
            return found.isEmpty();
        }

        public void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidInput(found);
            }
        }
    }
}
