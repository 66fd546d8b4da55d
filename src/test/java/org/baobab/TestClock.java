// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import org.baobab.shared.SettableClock;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The clock of the integration tests: the system's UTC clock, unless a test stops it at an instant (a deadline to the
 * millisecond). Every test that stops it lets it go in a {@code finally} block: the tests share one context. It is the
 * platform's {@link SettableClock}, so the demo history replays through it at startup as in the application.
 */
@Component
@Primary
public class TestClock extends SettableClock {}
