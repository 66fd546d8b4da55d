// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** The budget line that funds the process. */
public record Budget(String id, String description, Value amount, String project, String projectID, String uri) {}
