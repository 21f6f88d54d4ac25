//! Small text rules shared by every module: what counts as CJK, how words are counted,
//! and whitespace normalisation.

/// True for characters written without spaces between words: Han ideographs, kana, hangul,
/// and the CJK punctuation and compatibility blocks.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // hiragana, katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xAC00..=0xD7AF   // hangul syllables
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0x20000..=0x2FA1F // extensions B–F and compatibility supplement
    )
}

/// Counts words the way a reader would: a run of letters or digits is one word, and so is
/// each CJK character (Chinese is read at roughly one character per "word" of English).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else if !(in_word && (c == '\'' || c == '’' || c == '-')) {
            in_word = false;
        }
    }
    words
}

/// Minutes to read `words` words (as counted by [`count_words`]), rounded up, at least one.
pub fn reading_minutes(words: usize) -> usize {
    // 230 words a minute is the usual figure for adult silent reading of English, and a
    // comparable rate for Chinese characters sits around 260; one rate keeps it predictable.
    const WORDS_PER_MINUTE: usize = 230;
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// Collapses runs of whitespace (including no-break and ideographic spaces) to one space
/// and trims the ends.
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Converts a byte offset in `text` to a code-point offset.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_latin_words_and_cjk_characters() {
        assert_eq!(count_words("Hello, world! It's a well-known fact."), 6);
        assert_eq!(count_words("保护古籍"), 4);
        assert_eq!(count_words("AI技术 2024年"), 5);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn reading_time_is_at_least_a_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(231), 2);
    }

    #[test]
    fn normalizes_every_kind_of_space() {
        assert_eq!(normalize_space("  a\u{a0}\u{3000}b \n c "), "a b c");
    }

    #[test]
    fn char_offsets_count_code_points() {
        let s = "古籍 ok";
        assert_eq!(char_offset(s, s.find("ok").unwrap()), 3);
    }
}
