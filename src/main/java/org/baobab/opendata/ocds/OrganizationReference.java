// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** A reference to an entry of the release's {@code parties} (its {@code id}) with the organisation's name. */
public record OrganizationReference(String id, String name) {}
