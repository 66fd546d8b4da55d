// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** A person, department or service to contact; {@code url} is a web page, {@code email} an address. */
public record ContactPoint(String name, String email, String telephone, String url) {}
