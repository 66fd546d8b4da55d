// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

/**
 * A category of contracting authority for which thresholds differ (State and local authorities, national companies,
 * special sectors…). The code {@value #ALL} stands for every category.
 */
public record BuyerCategory(String code, LocalizedText name) {

    public static final String ALL = "ALL";
}
