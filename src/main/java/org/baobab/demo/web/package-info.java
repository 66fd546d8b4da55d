// SPDX-License-Identifier: Apache-2.0
/** The demo module's page model: the banner shown while the demo history is being played. */
@NullMarked
package org.baobab.demo.web;

import org.jspecify.annotations.NullMarked;
