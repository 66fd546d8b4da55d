// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.baobab.planning.PlanLine;
import org.baobab.planning.Plans.RowError;
import org.baobab.rules.Nature;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * Reads plan lines from a spreadsheet, CSV (comma or semicolon, UTF-8, quoted fields) or XLSX (first sheet), the way
 * French spreadsheets write them: headers in French or English, dates as {@code 2026-03-31} or {@code 31/03/2026}
 * (or real date cells), amounts as {@code 12 500 000} or {@code 12500000,50}. Every problem is reported with its row
 * and column; nothing is decided here about the rule pack (the caller checks each line).
 */
public final class LineImport {

    /** Largest file accepted. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** Most lines accepted in one import. */
    public static final int MAX_ROWS = 2000;

    /** The columns, in the order of the template. */
    public static final List<String> COLUMNS = List.of(
            "reference",
            "object",
            "nature",
            "procedure",
            "amount",
            "currency",
            "funding",
            "launch",
            "opening",
            "award",
            "signature");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("reference", "reference"),
            Map.entry("ref", "reference"),
            Map.entry("object", "object"),
            Map.entry("objet", "object"),
            Map.entry("title", "object"),
            Map.entry("nature", "nature"),
            Map.entry("procedure", "procedure"),
            Map.entry("mode de passation", "procedure"),
            Map.entry("amount", "amount"),
            Map.entry("montant", "amount"),
            Map.entry("montant estime", "amount"),
            Map.entry("currency", "currency"),
            Map.entry("devise", "currency"),
            Map.entry("funding", "funding"),
            Map.entry("financement", "funding"),
            Map.entry("source de financement", "funding"),
            Map.entry("launch", "launch"),
            Map.entry("lancement", "launch"),
            Map.entry("opening", "opening"),
            Map.entry("ouverture", "opening"),
            Map.entry("award", "award"),
            Map.entry("attribution", "award"),
            Map.entry("signature", "signature"));

    private static final Map<String, Nature> NATURES = Map.ofEntries(
            Map.entry("works", Nature.WORKS),
            Map.entry("travaux", Nature.WORKS),
            Map.entry("goods", Nature.GOODS),
            Map.entry("fournitures", Nature.GOODS),
            Map.entry("services", Nature.SERVICES),
            Map.entry("services courants", Nature.SERVICES),
            Map.entry("consulting", Nature.CONSULTING),
            Map.entry("prestations intellectuelles", Nature.CONSULTING),
            Map.entry("pi", Nature.CONSULTING));

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private LineImport() {}

    /** A row that could be read, numbered as the spreadsheet numbers it (the header is row 1). */
    public record Row(int number, PlanLine.Draft line) {}

    public record Parsed(List<Row> rows, List<RowError> errors) {}

    public static Parsed parse(String fileName, InputStream content, String defaultCurrency) throws IOException {
        byte[] bytes = content.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return failed("error.planning.import.too-large", MAX_BYTES / (1024 * 1024));
        }
        List<List<String>> table;
        try {
            table = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(bytes) : csv(bytes);
        } catch (IOException | RuntimeException unreadable) {
            return failed("error.planning.import.unreadable", fileName);
        }
        if (table.isEmpty()) {
            return failed("error.planning.import.empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = ALIASES.get(normalise(header.get(i)));
            if (name != null) {
                columns.putIfAbsent(name, i);
            }
        }
        List<RowError> errors = new ArrayList<>();
        for (String required : List.of("reference", "object", "nature", "procedure", "amount")) {
            if (!columns.containsKey(required)) {
                errors.add(new RowError(1, required, "error.planning.import.missing-column", List.of(required)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        if (table.size() - 1 > MAX_ROWS) {
            return failed("error.planning.import.too-many-rows", MAX_ROWS);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int number = r + 1;
            int before = errors.size();
            Nature nature = NATURES.get(normalise(cell(cells, columns, "nature")));
            if (nature == null) {
                errors.add(new RowError(
                        number, "nature", "error.planning.import.bad-nature", List.of(cell(cells, columns, "nature"))));
            }
            BigDecimal amount = amount(cell(cells, columns, "amount"));
            if (amount == null) {
                errors.add(new RowError(
                        number, "amount", "error.planning.import.bad-amount", List.of(cell(cells, columns, "amount"))));
            }
            LocalDate[] dates = new LocalDate[4];
            String[] dateColumns = {"launch", "opening", "award", "signature"};
            for (int d = 0; d < 4; d++) {
                String text = cell(cells, columns, dateColumns[d]);
                try {
                    dates[d] = date(text);
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(number, dateColumns[d], "error.planning.import.bad-date", List.of(text)));
                }
            }
            if (errors.size() > before) {
                continue;
            }
            String currency = cell(cells, columns, "currency");
            rows.add(new Row(
                    number,
                    new PlanLine.Draft(
                            cell(cells, columns, "reference"),
                            cell(cells, columns, "object"),
                            "",
                            nature,
                            cell(cells, columns, "procedure").toUpperCase(Locale.ROOT),
                            amount,
                            currency.isBlank() ? defaultCurrency : currency,
                            cell(cells, columns, "funding"),
                            dates[0],
                            dates[1],
                            dates[2],
                            dates[3])));
        }
        return new Parsed(rows, errors);
    }

    private static Parsed failed(String key, Object... arguments) {
        return new Parsed(List.of(), List.of(new RowError(0, "", key, List.of(arguments))));
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    static String normalise(String text) {
        String plain = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replace('\uFEFF', ' ').strip();
    }

    /** "12 500 000", "12500000,50", "12.500.000" (thousands with dots) or "12500000.50". */
    static @Nullable BigDecimal amount(String text) {
        String compact = text.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (compact.matches("\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
            compact = compact.replace(".", "");
        }
        compact = compact.replace(',', '.');
        if (!compact.matches("\\d+(\\.\\d{1,2})?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(compact);
        return value.signum() > 0 ? value : null;
    }

    static @Nullable LocalDate date(String text) {
        if (text.isBlank()) {
            return null;
        }
        if (text.contains("/")) {
            return LocalDate.parse(text, FRENCH_DATE);
        }
        if (text.matches("\\d{5}(\\.0+)?")) {
            // a spreadsheet date cell: days since 1899-12-30 (the 1900 date system)
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text.replaceAll("\\..*", "")));
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** RFC 4180 CSV read by Commons CSV, its delimiter the first line's more frequent of ";" and ",". */
    private static List<List<String>> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String first = text.substring(0, firstLineEnd);
        char delimiter = first.chars().filter(c -> c == ';').count()
                        > first.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        List<List<String>> table = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                table.add(record.toList());
            }
        }
        return table;
    }

    private static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> table = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                rows.forEach(r -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(text(r.getCell(i)));
                    }
                    while (table.size() < r.getRowNum() - 1) {
                        table.add(List.of());
                    }
                    table.add(cells);
                });
            }
        }
        return table;
    }

    private static String text(@Nullable Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal number = cell.asNumber();
                String raw = cell.getRawValue();
                // a date cell is a day number; the header names tell which columns hold dates, so keep the number and
                // let the date columns convert it below
                yield raw != null && raw.contains("E")
                        ? number.toPlainString()
                        : number.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            default -> cell.getText() == null ? "" : cell.getText();
        };
    }
}
