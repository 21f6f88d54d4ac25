//! Turns downloaded or saved bytes into text, whatever encoding they were written in.
//!
//! For HTML the order follows the HTML standard's encoding sniffing, simplified: a byte-order
//! mark, then the charset the server declared, then a `<meta charset>` in the first kilobytes,
//! then a statistical guess (chardetng, by the author of encoding_rs). Plain text skips the
//! declarations. Labels are resolved by the WHATWG rules, so `gb2312` reads as GBK and
//! `iso-8859-1` as windows-1252, as browsers do.

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How far into a page to look for a `<meta charset>`; browsers look at the first 1024 bytes,
/// but saved pages often put long comments first, so look a little further.
const META_SCAN_BYTES: usize = 4096;

/// Decodes an HTML page. `content_type` is the server's `Content-Type` header, if any.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    let encoding = Encoding::for_bom(bytes)
        .map(|(enc, _)| enc)
        .or_else(|| content_type.and_then(charset_param).and_then(|l| Encoding::for_label(l.as_bytes())))
        .or_else(|| meta_charset(bytes))
        .unwrap_or_else(|| guess(bytes));
    // A page that declares UTF-16 in a meta tag cannot be right (the tag would not be
    // readable as ASCII); browsers treat it as UTF-8, and so do we.
    let encoding = if encoding.is_ascii_compatible() || Encoding::for_bom(bytes).is_some() { encoding } else { UTF_8 };
    encoding.decode(bytes).0.into_owned()
}

/// Decodes a text file (Markdown or plain text): BOM, else UTF-8 when valid, else a guess.
pub fn decode_text(bytes: &[u8]) -> String {
    let encoding = Encoding::for_bom(bytes).map(|(enc, _)| enc).unwrap_or_else(|| guess(bytes));
    encoding.decode(bytes).0.into_owned()
}

/// The `charset=` parameter of a `Content-Type` header.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']))
    })
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?i-u)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).unwrap());
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let label = META.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_charset_wins_over_guessing() {
        let (gbk, _, _) = encoding_rs::GBK.encode("古籍保护");
        assert_eq!(decode_html(&gbk, Some("text/html; charset=GB2312")), "古籍保护");
    }

    #[test]
    fn meta_charset_is_found() {
        let mut page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body>".to_vec();
        page.extend_from_slice(&encoding_rs::GBK.encode("新闻中心").0);
        assert!(decode_html(&page, None).contains("新闻中心"));
    }

    #[test]
    fn undeclared_legacy_encodings_are_guessed() {
        let text = "臺北市文化局今日公布了第一批古籍保護名錄，共收錄善本三百餘部。";
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        assert_eq!(decode_text(&big5), text);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京都は本日、新しい図書館の開館を発表しました。");
        assert!(decode_text(&sjis).contains("図書館"));
        let (w1252, _, _) = encoding_rs::WINDOWS_1252.encode("Café crème, naïve façade – déjà vu.");
        assert_eq!(decode_text(&w1252), "Café crème, naïve façade – déjà vu.");
    }

    #[test]
    fn charset_parameter_is_parsed() {
        assert_eq!(charset_param("text/html; charset=\"utf-8\""), Some("utf-8"));
        assert_eq!(charset_param("text/html"), None);
    }
}
