"""Writes samples.json: Lectern's sample articles as core `Document`s.

Marks are given as (substring, kind[, href]) and turned into code-point ranges here, so the
text can be edited freely. Run: python3 make_samples.py > samples.json
"""
import json

def block(kind, text, marks=(), **extra):
    b = {"type": kind, **extra, "text": text}
    out = []
    for m in marks:
        sub, mk = m[0], m[1]
        start = text.index(sub)
        mark = {"start": start, "end": start + len(sub), "mark": mk}
        if mk == "link":
            mark["href"] = m[2]
        out.append(mark)
    if out:
        b["marks"] = out
    return b

P = lambda t, *m: block("paragraph", t, m)
H = lambda lvl, t: block("heading", t, level=lvl)
Q = lambda t, *m: block("quote", t, m)
LI = lambda t, ordered=False, depth=0: block("list_item", t, ordered=ordered, depth=depth)

def meta(title, byline, source, site, published, lang, url, crumbs, excerpt):
    return {"title": title, "byline": byline, "source": source, "site_name": site, "published": published,
            "language": lang, "breadcrumbs": crumbs, "url": url, "canonical_url": url, "excerpt": excerpt}

reading = {
  "meta": meta("How to read a long article and remember it", "By the Lectern team", "Lectern Samples", "Lectern",
               "2024-03-18T09:30:00", "en", "https://example.org/lectern/samples/remember-what-you-read",
               ["Home", "Guides", "Reading"], "Three habits that turn reading into knowing."),
  "blocks": [
    P("Most of what we read slips away within a day. That is not a failure of memory; it is how memory works. "
      "The brain keeps what it is asked to use again, and quietly lets go of the rest.", ("is how memory works", "emphasis")),
    P("This guide collects three habits that make a long article stay with you. None of them needs special tools, "
      "though an offline reader such as Lectern makes each of them a little easier."),
    H(2, "Read once for the shape"),
    P("Before you read closely, skim: the title, the headings, the first sentence of each section, the last paragraph. "
      "You are building a map. When you then read properly, every paragraph has a place to land.", ("building a map", "strong")),
    block("figure", "A quiet desk: a lamp, an open book, and nothing that blinks.",
          image={"src": "sample:reading-desk.png", "alt": "An illustration of an open book under a desk lamp"}),
    P("A table of contents helps here. In Lectern, press the Contents button in the reader to see the headings and jump between them."),
    H(2, "Mark only what surprised you"),
    P("Highlighting everything is the same as highlighting nothing. A useful rule: mark a sentence only when it changed "
      "what you thought, or when you would want to quote it to a friend."),
    Q("The faintest ink is better than the best memory.", ),
    P("That old proverb is half right. Ink helps most when it is sparse and when you come back to it."),
    H(2, "Come back after a week"),
    P("Return to the article after a few days and read only your marks. Can you reconstruct the argument from them? "
      "If not, the gaps tell you what to reread. This is spaced retrieval, and it is one of the most reliable findings in "
      "the study of learning.", ("spaced retrieval", "strong")),
    LI("Day 1: read, mark sparingly."),
    LI("Day 3: reread the marks, write one sentence summarising the piece."),
    LI("Day 10: try to explain the argument without looking."),
    H(3, "A note on formats"),
    P("Lectern stores each article as plain text with light structure, so it reads the same on any screen. "
      "Settings such as font size, line height and theme are yours to change: try Ctrl+= and Ctrl+- now.", ("Ctrl+=", "code"), ("Ctrl+-", "code")),
    P("Further reading: the Wikipedia article on the spacing effect.", ("the spacing effect", "link", "https://en.wikipedia.org/wiki/Spacing_effect")),
  ]}

bridges = {
  "meta": meta("The quiet engineering of old stone bridges", "Mara Quill", "Lectern Samples", "Lectern",
               "2023-11-02", "en", "https://example.org/lectern/samples/stone-bridges",
               ["Home", "Science", "Engineering"], "Why arches built centuries ago still carry traffic today."),
  "blocks": [
    P("Some of the bridges still carrying traffic in Europe and China were built more than a thousand years ago. "
      "Their builders had no steel, no concrete and no calculus. What they had was the arch."),
    H(2, "Why the arch works"),
    P("Stone is strong when squeezed and weak when stretched. An arch turns the weight above it into compression "
      "that flows along its curve into the ground, so every stone is squeezed and none is pulled apart.",
      ("compression", "emphasis")),
    P("The Zhaozhou Bridge in Hebei, finished around 605, added a refinement: small open arches in the spandrels. "
      "They cut the bridge's weight and let flood water pass through instead of pushing against it."),
    H(2, "What the numbers say"),
    block("table", "Bridge\tBuilt\tSpan (m)\nZhaozhou\tc. 605\t37.4\nPont Julien\tc. 3 BC\t16\nPuente Romano, Mérida\tc. 25 BC\t11",
          rows=[["Bridge", "Built", "Span (m)"], ["Zhaozhou", "c. 605", "37.4"], ["Pont Julien", "c. 3 BC", "16"],
                ["Puente Romano, Mérida", "c. 25 BC", "11"]]),
    P("The spans are modest by modern standards, yet the load each can carry is far greater than the carts it was built for."),
    H(2, "A formula engineers still use"),
    P("The horizontal thrust of a shallow arch under a uniform load is roughly H = wL²/8f, where w is the load per metre, "
      "L the span and f the rise.", ("H = wL²/8f", "code")),
    block("preformatted", "span L = 37.4 m\nrise f = 7.2 m\nload w = 120 kN/m\nthrust H ≈ 120 × 37.4² / (8 × 7.2) ≈ 2,914 kN"),
    Q("A bridge is a promise made in stone that the other side can be reached."),
    P("The lesson for modern builders is not nostalgia. It is that a structure which works with its material, rather than against it, can outlast everyone who made it."),
  ]}

guji = {
  "meta": meta("古籍修复：让时间慢下来的手艺", "文／林书舟", "Lectern 示例", "Lectern",
               "2024-01-12T08:00:00", "zh", "https://example.org/lectern/samples/guji-xiufu",
               ["首页", "文化", "非遗"], "一位古籍修复师的日常：补纸、揭页、等待。"),
  "blocks": [
    P("清晨八点，修复室里只有排风扇的低鸣。工作台上摊着一册清代刻本，书页边缘已经发脆，稍一翻动便有碎屑落下。"),
    P("“修书的第一步不是动手，而是看。”修复师王静说。她先用软毛刷轻轻扫去灰尘，再逐页记录破损的位置和程度。", ("修复师王静说", "strong")),
    H(2, "补纸要“像”原纸"),
    P("古籍修复讲究“修旧如旧”。补纸的颜色、厚薄、帘纹都要尽量接近原纸。为了找到合适的纸，王静常常要在几十种手工纸里反复比对。", ("修旧如旧", "emphasis")),
    P("如果颜色差得太多，她会用植物染料把补纸染到相近的色调，晾干后再比一次。"),
    block("figure", "修复台一角：台灯、书页与等待晾干的补纸（示意图）",
          image={"src": "sample:reading-desk.png", "alt": "台灯下摊开的书页示意图"}),
    H(2, "揭页：最需要耐心的一步"),
    P("有些书页因为受潮粘连成了“书砖”。揭开它们需要先用蒸汽慢慢回软，再用竹起子一点点分离。一页纸往往要花上一整天。"),
    Q("修复不是让书变新，而是让它能再被读下去。"),
    H(2, "数字化与手艺并行"),
    P("近年来，许多图书馆在修复前后都会为古籍拍摄高清影像。读者可以在网上翻阅数字版本，原书则得以减少翻动，延长寿命。"),
    LI("登记：记录版本、尺寸与破损情况"),
    LI("清洁：除尘、去霉"),
    LI("修补：补洞、溜口、托裱"),
    LI("装订：按原样重新穿线"),
    P("王静说，她最喜欢的时刻，是一册书修好后第一次被完整翻开的时候。那一刻，时间好像慢了下来。"),
  ]}

tea = {
  "meta": meta("城市里的小茶园", "记者 周晓岚", "Lectern 示例", "Lectern",
               "2023-05-20", "zh", "https://example.org/lectern/samples/chengshi-chayuan",
               ["首页", "城市", "社区"], "屋顶上的几十株茶树，成了邻居们的共同话题。"),
  "blocks": [
    P("在一栋老居民楼的屋顶上，几十株茶树已经长到齐腰高。每年清明前后，楼里的邻居会一起上来采茶。"),
    P("发起人李老师退休前是中学生物教师。她说，最初只是想试试茶树能不能在城市屋顶上过冬，没想到一种就是六年。"),
    H(2, "从一株到一片"),
    P("第一年只种了三株，冬天用旧棉被盖着，结果活下来两株。第二年，邻居们开始主动帮忙浇水、施肥，茶园慢慢扩大。"),
    P("如今，茶园有了自己的“值班表”：每户人家轮流负责一周的照料。"),
    H(2, "一杯茶的分量"),
    P("一年采下来的鲜叶，炒制后不过两三斤。李老师说，茶不多，但每一杯都有好几家人的心思在里面。"),
    Q("城市里缺的不是土地，是让人停下来的理由。"),
    P("傍晚，屋顶上常常有人坐着喝茶聊天。楼下的孩子放学后也会跑上来，看看新长出的芽。"),
  ]}

print(json.dumps([reading, bridges, guji, tea], ensure_ascii=False, indent=1))
