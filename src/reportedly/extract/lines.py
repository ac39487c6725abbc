"""Line features for telling an article's body from site chrome in scraped page text.

A naive scraper renders a page as lines: menus, date banners, share buttons,
the headline (often twice), the article's paragraphs, related links,
comments, footers. ``page_features`` turns every non-empty line into a
vector of cheap, mostly language-independent features: its own shape (word
count, sentence-final punctuation, title case, links, known chrome phrases,
repetition on the page) and its context (the same shape averaged over
neighbouring windows, and where it lies relative to the page's densest block
of prose). ``reportedly.extract.linemodel`` scores those vectors.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

__all__ = [
    "CHROME_PHRASES",
    "FEATURE_NAMES",
    "PROSE_WORDS",
    "page_features",
    "prose_block",
    "word_count",
]

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ALPHA_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile(r"[^\w\s]|_")
# a sentence end: terminal punctuation, optionally closed by quotes or brackets
_FINAL = re.compile(r"[.!?。！？…:;][\"'”’»)\]]*$")
_PERIOD_FINAL = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’»)\]]*\s+[\"'“‘«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ0-9]")
_URLISH = re.compile(r"https?://|www\.|\b[\w.-]+@[\w-]+\.\w|\.(?:com|org|net|html?|php)\b", re.I)
_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s[|»›]|[|»›]\s|>>")
_BULLET = re.compile(r"^(?:[-–—•*·▪►]\s|\d{1,2}[.)]\s|\(\d{1,2}\)\s)")
_OPEN_QUOTE = re.compile(r"^[\"“‘«„']")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|ⓒ|copyright|all rights? reserved|todos os direitos", re.I)
_CREDIT = re.compile(
    r"^(?:photo|image|picture|credit|source|caption|video|file photo|foto|imagem)s?\b\s*[:/|]"
    r"|\b(?:getty images|shutterstock|afp|ap photo|reuters/|istock)\b"
    r"|\((?:photo|image|picture)s?\s*(?:credit)?\s*[:/]",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|posted by|reported by|por|von|par|di|от|автор)\s+\S", re.I)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janeiro|fevereiro|março|"
    r"abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|"
    r"mayo|junio|julio|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|"
    r"maggio|giugno|luglio|settembre|ottobre|dicembre|januar|februar|märz|mai|juni|juli|"
    r"oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
    r"октября|ноября|декабря|maret|mei|agustus|desember"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})\b"
    rf"|\b\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\b|\b(?:\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago)\b",
    re.I,
)
# Phrases that, in a short line, mark page furniture in most news sites.
CHROME_PHRASES = re.compile(
    r"\b(?:share(?:\s+(?:this|on|via))?|sharing|tweet|follow(?:\s+us)?|subscribe|sign\s*(?:in|up)|log\s*in|"
    r"newsletters?|comments?|reply|advertis(?:e|ement|ing)|sponsored|related|recommended|"
    r"read\s+(?:more|next|also)|see\s+(?:more|also)|more\s+(?:from|on|in|stories|news)|"
    r"most\s+(?:popular|read|viewed)|trending|tags?|topics|categories|filed\s+(?:to|under)|"
    r"privacy|cookies?|terms|contact|about\s+us|home|menu|search|skip\s+to|back\s+to\s+top|"
    r"print|email|e-mail|whatsapp|facebook|twitter|instagram|linkedin|pinterest|reddit|youtube|"
    r"rss|click\s+here|continue\s+reading|next\s+(?:article|post|story)|previous|"
    r"you\s+may\s+also\s+like|don'?t\s+miss|watch|gallery|write\s+your\s+comment|support|"
    r"donate|leave\s+a\s+(?:comment|reply)|load\s+more|view\s+all|shares?|likes?|"
    r"compartilh\w*|coment\w*|leia\s+mais|condividi|commenti|teilen|kommentar\w*|"
    r"поделиться|комментари\w*|подписаться|bagikan|komentar)\b",
    re.I,
)
_STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been being has
    have had it its this that these those he she they we you i his her their our not no
    which who whom what when where while if than then so also into about after before over
    said says will would could should can may might do does did there here
    de la le les des du et en un une est que qui pour dans pas sur au avec ce il
    el los las del y por con se lo su para una al es como más pero
    o os as da do dos das em um uma não com por para que se na no
    il lo gli di che è per con non una sono della del nella
    der die das und ist nicht mit von zu den dem ein eine sich auf für auch es
    и в не на что с по как это он она они к из у за от
    yang dan di ini itu dengan untuk dari tidak ke""".split()
)

# A commenter's header ("jbaxt says:") or a comment-section heading.
_COMMENT_HEAD = re.compile(
    r"(?:\bsays|\bsaid|\bwrote|\bwrites|\bdisse|\bdice|\bschreibt|пишет)\s*:\s*$"
    r"|^(?:\d+\s+)?(?:comments?|responses?|replies|coment[áa]rios?|commenti|kommentare)\s*(?:\(\d+\))?:?$"
    r"|^(?:leave a (?:comment|reply)|write your comment|add (?:a|your) comment|post a comment"
    r"|join the (?:discussion|conversation)|top rated comments|reader comments|deixe (?:um|seu) coment)",
    re.I,
)

# Words per line from which a line reads as prose (a paragraph, not a label).
PROSE_WORDS = 10
# Context windows (lines on each side) over which neighbour shape is averaged.
WINDOWS = (1, 2, 4, 8)

_LOCAL_NAMES = (
    "log_words",
    "words_le2",
    "words_le5",
    "words_ge10",
    "words_ge20",
    "final_punct",
    "period_final",
    "colon_final",
    "sentences",
    "comma_rate",
    "titlecase",
    "all_caps",
    "digit_rate",
    "symbol_rate",
    "urlish",
    "separators",
    "chrome_short",
    "chrome_start",
    "chrome_any",
    "date",
    "date_short",
    "byline",
    "copyright",
    "credit",
    "stopwords",
    "mean_word_len",
    "bullet",
    "open_quote",
    "lower_start",
    "alpha_rate",
    "comment_head",
    "prose",
)
_CONTEXT_NAMES = (
    "repeats",
    "repeats_near_title",
    "position",
    "first_line",
    "in_block",
    "before_block",
    "after_block",
    "block_distance",
    "rel_words",
    "prose_before",
    "prose_after",
    "prev_prose",
    "next_prose",
    "prev_words",
    "next_words",
    "after_comments",
) + tuple(
    f"{kind}_w{w}"
    for w in WINDOWS
    for kind in ("prose", "words", "chrome", "final", "date", "head", "title", "stop")
)
# the local features averaged over each window, in the order of the names above
_WINDOWED = (
    "prose",
    "log_words",
    "chrome_short",
    "final_punct",
    "date_short",
    "comment_head",
    "titlecase",
    "stopwords",
)
FEATURE_NAMES: tuple[str, ...] = _LOCAL_NAMES + _CONTEXT_NAMES


def word_count(line: str) -> int:
    """Words in ``line``: ``\\w+`` tokens, with CJK ideographs and kana counted two to a word."""
    cjk = len(_CJK.findall(line))
    if not cjk:
        return len(_WORD.findall(line))
    return len(_WORD.findall(_CJK.sub(" ", line))) + (cjk + 1) // 2


def _local(line: str) -> tuple[float, ...]:
    """Shape features of one stripped, non-empty line."""
    words = word_count(line)
    n_chars = max(len(line), 1)
    alpha_words = _ALPHA_WORD.findall(line)
    cased = [w for w in alpha_words[1:] if w[0].isupper() or w[0].islower()]
    title = sum(1 for w in cased if w[0].isupper()) / len(cased) if cased else 0.0
    letters = len(_LETTER.findall(line))
    upper = sum(map(str.isupper, line))
    digits = len(_DIGIT.findall(line))
    symbols = len(_SYMBOL.findall(line))
    lowered = [w.lower() for w in alpha_words]
    stop = sum(1 for w in lowered if w in _STOPWORDS) / len(lowered) if lowered else 0.0
    mean_len = sum(len(w) for w in alpha_words) / len(alpha_words) if alpha_words else 0.0
    final = bool(_FINAL.search(line))
    period = bool(_PERIOD_FINAL.search(line))
    chrome_match = CHROME_PHRASES.search(line)
    chrome = chrome_match is not None
    date = bool(_DATE.search(line))
    return (
        math.log1p(words),
        float(words <= 2),
        float(words <= 5),
        float(words >= 10),
        float(words >= 20),
        float(final),
        float(period),
        float(line.endswith(":")),
        math.log1p(len(_SENTENCE_BREAK.findall(line))),
        min(line.count(",") / max(words, 1), 1.0),
        title,
        float(letters >= 3 and upper / letters > 0.8),
        digits / n_chars,
        symbols / n_chars,
        float(bool(_URLISH.search(line))),
        float(bool(_SEPARATORS.search(line))),
        float(chrome and words <= 4),
        float(chrome_match is not None and chrome_match.start() == 0 and words <= 8),
        float(chrome),
        float(date),
        float(date and words <= 12),
        float(bool(_BYLINE.match(line))),
        float(bool(_COPYRIGHT.search(line))),
        float(bool(_CREDIT.search(line))),
        stop,
        min(mean_len, 15.0) / 15.0,
        float(bool(_BULLET.match(line))),
        float(bool(_OPEN_QUOTE.match(line))),
        float(line[0].islower()),
        letters / n_chars,
        float(bool(_COMMENT_HEAD.search(line))),
        float(words >= PROSE_WORDS and period),
    )


_I_LOG_WORDS = _LOCAL_NAMES.index("log_words")
_I_PROSE = _LOCAL_NAMES.index("prose")
_I_HEAD = _LOCAL_NAMES.index("comment_head")
_I_WINDOWED = tuple(_LOCAL_NAMES.index(name) for name in _WINDOWED)


def _main_block(prose: Sequence[float], words: Sequence[int]) -> tuple[int, int]:
    """The ``[start, end)`` range of lines with the most prose words.

    A maximum-sum segment where prose lines gain their word count and every
    other line costs a little, so a block tolerates short interruptions
    (a caption, an ad label) but not a long menu.
    """
    best, best_range = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, (p, w) in enumerate(zip(prose, words, strict=True)):
        gain = float(w) if p else -min(float(w), 12.0) - 4.0  # a non-prose line costs 4 + its words
        if run <= 0:
            run, start = 0.0, i
        run += gain
        if run > best:
            best, best_range = run, (start, i + 1)
    return best_range


def _windowed(values: Sequence[float], w: int) -> list[float]:
    """Mean of ``values`` over ``[i - w, i + w]`` excluding ``i`` (0 padding at edges)."""
    n = len(values)
    prefix = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
    out = []
    for i in range(n):
        lo, hi = max(0, i - w), min(n, i + w + 1)
        out.append((prefix[hi] - prefix[lo] - values[i]) / (2 * w))
    return out


def page_features(lines: Sequence[str]) -> list[list[float]]:
    """Feature vectors (``FEATURE_NAMES`` order) for the non-empty lines of a page.

    Args:
        lines: the page's lines, already stripped, none empty.

    Returns:
        One list of floats per line.
    """
    n = len(lines)
    if n == 0:
        return []
    local = [_local(line) for line in lines]
    words = [word_count(line) for line in lines]
    prose = [f[_I_PROSE] for f in local]
    logw = [f[_I_LOG_WORDS] for f in local]
    heads = [f[_I_HEAD] for f in local]
    counts = Counter(line.casefold() for line in lines)
    start, end = _main_block(prose, words)
    max_words = max(words) or 1
    total_prose = sum(prose) or 1.0
    prose_before, acc = [], 0.0
    for p in prose:
        prose_before.append(acc / total_prose)
        acc += p
    columns = [[f[j] for f in local] for j in _I_WINDOWED]
    windows = {w: [_windowed(column, w) for column in columns] for w in WINDOWS}
    # the first comment-section marker after the main block has begun
    comments_from = next((i for i in range(start + 1, n) if heads[i]), n)
    rows = []
    for i, line in enumerate(lines):
        repeats = counts[line.casefold()] - 1
        if i < start:
            distance = start - i
        elif i >= end:
            distance = i - end + 1
        else:
            distance = 0
        context = [
            math.log1p(repeats),
            float(repeats > 0 and start - 15 <= i < start),
            i / max(n - 1, 1),
            float(i == 0),
            float(start <= i < end),
            float(i < start),
            float(i >= end),
            math.log1p(distance),
            words[i] / max_words,
            prose_before[i],
            1.0 - prose_before[i] - prose[i] / total_prose,
            prose[i - 1] if i > 0 else 0.0,
            prose[i + 1] if i + 1 < n else 0.0,
            logw[i - 1] if i > 0 else 0.0,
            logw[i + 1] if i + 1 < n else 0.0,
            float(i >= comments_from),
        ]
        for w in WINDOWS:
            context.extend(v[i] for v in windows[w])
        rows.append(list(local[i]) + context)
    return rows


# Chrome that reads like prose: cookie notices, legal lines, newsletter pitches.
_PROSE_CHROME = re.compile(
    r"cookie|privacy|terms of (?:use|service)|all rights|©|subscribe|newsletter|sign up|javascript",
    re.I,
)


def prose_block(lines: Sequence[str]) -> list[int]:
    """1 for the prose lines of the page's densest prose block, 0 elsewhere.

    The extractor's last resort on pages so short or so unusual that the line
    model finds nothing (a page of one paragraph, say).
    """
    words = [word_count(line) for line in lines]
    prose = [
        float(
            w >= PROSE_WORDS and bool(_PERIOD_FINAL.search(line)) and not _PROSE_CHROME.search(line)
        )
        for line, w in zip(lines, words, strict=True)
    ]
    start, end = _main_block(prose, words)
    return [int(start <= i < end and bool(p)) for i, p in enumerate(prose)]
