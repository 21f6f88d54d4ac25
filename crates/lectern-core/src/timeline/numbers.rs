//! Numbers as news writes them: digits (ASCII or full-width), English words
//! (`three`, `twenty-five`, `a`), Chinese numerals (`三`, `十二`, `两`, `二〇二一`).

/// The regex alternation for an English count: digits or number words.
pub(crate) const EN_NUMBER: &str = r"(?:\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred|a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|several|a\s+few|few|many|some|an?)";

/// The value of an English count; `None` for vague counts ("several", "a few").
pub(crate) fn english(word: &str) -> Option<u32> {
    let w = word.trim().to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    match w.as_str() {
        "a" | "an" => return Some(1),
        "a couple of" | "couple of" => return Some(2),
        "a dozen" | "dozen" => return Some(12),
        "a hundred" | "hundred" => return Some(100),
        _ => {}
    }
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as u32);
    }
    let (tens, ones) = w.split_once('-').unwrap_or((w.as_str(), ""));
    let t = TENS.iter().position(|x| *x == tens)? as u32;
    let o = if ones.is_empty() { 0 } else { ONES.iter().position(|x| *x == ones)? as u32 };
    Some(20 + 10 * t + o)
}

/// The regex class for one Chinese numeral character (digits of either width included).
pub(crate) const ZH_DIGIT: &str = r"[0-9０-９〇零○一二两三四五六七八九十]";

fn zh_digit(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese or Arabic numeral up to 99 (`十二`, `二十一`, `12`, `１２`), or a
/// digit-by-digit year (`二〇二一` = 2021).
pub(crate) fn chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if let Some((tens, ones)) = s.split_once('十') {
        let t = if tens.is_empty() { 1 } else { chinese(tens)? };
        let o = if ones.is_empty() { 0 } else { chinese(ones)? };
        return (t < 10 && o < 10).then_some(10 * t + o);
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        n = n.checked_mul(10)?.checked_add(zh_digit(c)?)?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts() {
        assert_eq!(english("three"), Some(3));
        assert_eq!(english("twenty-five"), Some(25));
        assert_eq!(english("An"), Some(1));
        assert_eq!(english("37"), Some(37));
        assert_eq!(english("several"), None);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese("十二"), Some(12));
        assert_eq!(chinese("二十一"), Some(21));
        assert_eq!(chinese("十"), Some(10));
        assert_eq!(chinese("两"), Some(2));
        assert_eq!(chinese("二〇二一"), Some(2021));
        assert_eq!(chinese("２０２１"), Some(2021));
        assert_eq!(chinese("十十"), None);
        assert_eq!(chinese(""), None);
    }
}
