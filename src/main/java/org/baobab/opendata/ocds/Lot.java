// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

/** A lot of the tender (OCDS lots extension); {@code status} uses the tenderStatus codelist. */
public record Lot(String id, String title, String description, String status, Value value) {}
