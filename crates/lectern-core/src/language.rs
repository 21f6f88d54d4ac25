//! Guesses an article's language when the page does not declare it.

use crate::text::is_cjk;

/// The primary language subtag of `text` (`en`, `zh`, `ja`, `ko`, `fr`…), or `None` when the
/// text is too short to tell.
pub fn detect(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 20 {
        return None;
    }
    // Scripts decide before statistics: kana means Japanese and hangul Korean even amid
    // ideographs, and text that is mostly ideographs is Chinese.
    let count = |f: fn(char) -> bool| sample.chars().filter(|&c| f(c)).count();
    let kana = count(|c| matches!(c as u32, 0x3040..=0x30FF));
    let hangul = count(|c| matches!(c as u32, 0xAC00..=0xD7AF));
    let cjk = count(is_cjk);
    if kana * 10 > letters {
        return Some("ja".into());
    }
    if hangul * 10 > letters {
        return Some("ko".into());
    }
    if cjk * 3 > letters {
        return Some("zh".into());
    }
    let info = whatlang::detect(&sample)?;
    Some(info.lang().code().chars().take(2).collect::<String>()).map(|code| iso639_1(info.lang()).unwrap_or(code))
}

/// whatlang speaks ISO 639-3; pages and BCP 47 use the two-letter codes where they exist.
fn iso639_1(lang: whatlang::Lang) -> Option<String> {
    use whatlang::Lang::*;
    let code = match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Hin => "hi",
        Vie => "vi",
        Ind => "id",
        Ell => "el",
        Hun => "hu",
        Ron => "ro",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        _ => return None,
    };
    Some(code.into())
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn tells_chinese_english_and_french() {
        assert_eq!(detect("北京市文物局今日公布了第一批古籍保护名录，共收录善本三百余部。").as_deref(), Some("zh"));
        assert_eq!(
            detect("The county council approved the new library budget on Tuesday evening.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("Le conseil municipal a approuvé mardi soir le nouveau budget de la bibliothèque.").as_deref(),
            Some("fr")
        );
        assert_eq!(detect("ok"), None);
    }
}
