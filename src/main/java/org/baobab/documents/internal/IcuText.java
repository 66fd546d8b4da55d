// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left text for the PDF renderer, with ICU: the Unicode bidirectional algorithm cuts a paragraph into runs of
 * one direction ({@link #splitters()}), and a right-to-left run is written in visual order with its Arabic letters in
 * their joined forms ({@link #reorderer()}). openhtmltopdf has no text shaper of its own: without this, Arabic would
 * come out as separate letters in reverse order. A font that has the Arabic presentation forms (DejaVu Sans) is needed.
 */
public final class IcuText {

    private IcuText() {}

    public static BidiSplitterFactory splitters() {
        return Splitter::new;
    }

    public static BidiReorderer reorderer() {
        return new Reorderer();
    }

    /** One paragraph at a time, as openhtmltopdf asks; not shared between threads (a factory makes one per use). */
    private static final class Splitter implements BidiSplitter {

        private Bidi bidi = new Bidi();

        @Override
        public void setParagraph(String paragraph, byte direction) {
            byte level = switch (direction) {
                case BidiSplitter.LTR -> Bidi.LTR;
                case BidiSplitter.RTL -> Bidi.RTL;
                default -> Bidi.LEVEL_DEFAULT_LTR;
            };
            bidi = new Bidi();
            bidi.setPara(paragraph, level, null);
        }

        @Override
        public int countTextRuns() {
            return bidi.countRuns();
        }

        @Override
        public BidiTextRun getVisualRun(int index) {
            BidiRun run = bidi.getVisualRun(index);
            byte direction = run.isOddRun() ? BidiSplitter.RTL : BidiSplitter.LTR;
            return new BidiTextRun(run.getStart(), run.getLength(), direction);
        }

        @Override
        public byte getBaseDirection(String paragraph) {
            return switch (Bidi.getBaseDirection(paragraph)) {
                case Bidi.LTR -> BidiSplitter.LTR;
                case Bidi.RTL -> BidiSplitter.RTL;
                default -> BidiSplitter.NEUTRAL;
            };
        }
    }

    private static final class Reorderer implements BidiReorderer {

        private static final int OPTIONS = ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK;
        private final ArabicShaping shape = new ArabicShaping(OPTIONS | ArabicShaping.LETTERS_SHAPE);
        private final ArabicShaping unshape = new ArabicShaping(OPTIONS | ArabicShaping.LETTERS_UNSHAPE);

        @Override
        public String reorderRTLTextToLTR(String text) {
            return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
        }

        @Override
        public String shapeText(String text) {
            return apply(shape, text);
        }

        @Override
        public String deshapeText(String text) {
            return apply(unshape, text);
        }

        @Override
        public boolean isLiveImplementation() {
            return true;
        }

        /** Text ICU cannot shape (it never happens with LENGTH_GROW_SHRINK) is left as it is rather than lost. */
        private static String apply(ArabicShaping shaping, String text) {
            try {
                return shaping.shape(text);
            } catch (ArabicShapingException e) {
                return text;
            }
        }
    }
}
