//! The words news pages use for their labels and their chrome, in English and Chinese.
//!
//! Every rule in the plain-text reader looks words up here, so supporting another site's
//! wording is adding a word, not a rule. Labels are matched case-insensitively and must be
//! followed by a colon (`:` or the full-width `：`), which keeps ordinary sentences that
//! happen to start with "Source" or "Location" out of it.

/// Labels that introduce a location trail: `Your locale: HOME > NEWS > Local`.
pub(super) const BREADCRUMB_LABELS: &[&str] = &[
    "your locale",
    "your location",
    "your position",
    "current location",
    "current position",
    "you are here",
    "location",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "你现在的位置",
    "你的位置",
    "所在位置",
    "现在位置",
    "位置",
];

/// First items that make an unlabelled line a trail (`首页 > 新闻中心 > 本地要闻`).
pub(super) const HOME_WORDS: &[&str] = &["home", "homepage", "home page", "首页", "主页", "网站首页"];

/// Separators between the steps of a trail. A slash is also accepted, but only when the
/// trail is clearly one (labelled, or starting at a home word), since text is full of slashes.
pub(super) const TRAIL_SEPARATORS: &[char] = &['>', '＞', '»', '›', '→', '〉'];

/// Labels of the publisher or agency the page credits.
pub(super) const SOURCE_LABELS: &[&str] = &["source", "来源", "稿源", "信息来源", "文章来源", "出处"];

/// Labels of the publication date.
pub(super) const DATE_LABELS: &[&str] = &[
    "release date",
    "release time",
    "publish date",
    "publish time",
    "publication date",
    "published",
    "posted",
    "updated",
    "date",
    "time",
    "发布时间",
    "发布日期",
    "发表时间",
    "发表日期",
    "更新时间",
    "日期",
    "时间",
];

/// Labels of the author.
pub(super) const AUTHOR_LABELS: &[&str] =
    &["author", "authors", "written by", "reporter", "by", "作者", "记者", "撰稿"];

/// Labels of the page's editors: production credits, not authorship, so dropped.
pub(super) const EDITOR_LABELS: &[&str] = &[
    "responsible editor",
    "editor in charge",
    "chief editor",
    "editors",
    "editor",
    "责任编辑",
    "责编",
    "编辑",
    "审核",
    "校对",
];

/// Labels of visit counters (`Views: 123`, `浏览次数：`), which say nothing about the article.
pub(super) const VIEW_LABELS: &[&str] = &[
    "page views",
    "views",
    "hits",
    "visits",
    "reads",
    "浏览次数",
    "阅读次数",
    "点击次数",
    "点击数",
    "点击量",
    "浏览量",
    "阅读量",
    "访问量",
];

/// Labels of font-size switches (`【Fonts: Small Big`, `【字体：大 中 小】`).
pub(super) const FONT_LABELS: &[&str] = &["font size", "fonts", "font", "text size", "字体大小", "字体", "字号"];

/// Labels of share bars (`Share to:`, `分享到：`).
pub(super) const SHARE_LABELS: &[&str] = &["share to", "share on", "share this", "share", "分享到", "分享至", "分享"];

/// Links that act on the page rather than say anything: a line made only of these (in any
/// brackets) is chrome. Longer phrases first, so that "print this page" goes before "print".
pub(super) const PAGE_ACTIONS: &[&str] = &[
    "add to favorites",
    "close this window",
    "print this page",
    "close window",
    "return to top",
    "back to top",
    "print page",
    "go to top",
    "bookmark",
    "favorite",
    "print",
    "close",
    "top",
    "加入收藏",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "关闭本页",
    "返回顶部",
    "回到顶部",
    "我要纠错",
    "打印",
    "关闭",
    "返回",
    "收藏",
    "纠错",
];

/// How photo captions begin: they are short and unpunctuated like headings, but are not.
pub(super) const CAPTION_STARTS: &[&str] = &[
    "(", "（", "photo:", "photo by", "photos:", "pictured", "picture:", "image:", "▲", "△", "图为", "图：", "图:",
    "图片",
];

/// Words that introduce speech; a short line holding one is an attribution, not a heading.
pub(super) const SPEECH_VERBS: &[&str] =
    &[" said", " says", " added", " noted", " stated", "said ", "says ", "说", "表示", "指出", "介绍", "强调"];

/// Words a heading does not end on; a short line ending on one is a fragment of a sentence.
pub(super) const TRAILING_FUNCTION_WORDS: &[&str] =
    &["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as"];
