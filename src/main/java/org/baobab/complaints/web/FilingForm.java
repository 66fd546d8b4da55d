// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baobab.complaints.Complaint.ContestedKind;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The complaint filing form ({@code filing}): bound field by field, so that a bad date does not hide the other errors.
 * The objections are the rows of {@code objectionTitle}/{@code objectionText}; a row left blank is no objection.
 */
public class FilingForm {

    @NotBlank
    public String ocid = "";

    @NotNull
    public @Nullable ContestedKind contested = ContestedKind.NOTICE;

    @NotBlank
    public String contestedText = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public @Nullable LocalDate contestedOn;

    public List<String> objectionTitle = new ArrayList<>();

    public List<String> objectionText = new ArrayList<>();

    @NotBlank
    public String remedy = "";

    /** The title of the {@code i}-th objection row (0-based), blank when the row was not posted. */
    public String title(int i) {
        return i < objectionTitle.size() ? objectionTitle.get(i) : "";
    }

    /** The text of the {@code i}-th objection row (0-based), blank when the row was not posted. */
    public String text(int i) {
        return i < objectionText.size() ? objectionText.get(i) : "";
    }
}
