package org.crisisdesk.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops the apostrophes left inside a term after elision, straight (') or curly (’), so that N'Daw and N’Daw are
 * both ndaw. A character loop: the regular-expression filter it replaces took a tenth of the analysis time, and texts
 * are analysed again for every answer's snippets.
 */
final class ApostropheFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ApostropheFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        int kept = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c != '\'' && c != '\u2019') {
                buffer[kept++] = c;
            }
        }
        term.setLength(kept);
        return true;
    }
}
