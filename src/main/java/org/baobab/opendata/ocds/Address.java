// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** A postal address; {@code countryName} is the name of the country, in the release's language. */
public record Address(String streetAddress, String locality, String region, String postalCode, String countryName) {}
