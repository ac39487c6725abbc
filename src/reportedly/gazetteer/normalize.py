"""Name normalisation for gazetteer keys, and display-case for upper-case dictionary names.

A key is what two spellings of one name share: ``"the Kremlin's"``, ``"KREMLIN"``
and ``"Kremlin"`` all become ``"kremlin"``; ``"RBC-Ukraine"`` and ``"RBC Ukraine"``
become ``"rbc ukraine"``; ``"Zelenskyy"`` stays distinct from ``"Zelensky"``
(aliases cover spelling variants, normalisation only removes noise).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

logger = logging.getLogger(__name__)

# Words that precede a name without being part of it ("Russian President Vladimir Putin").
TITLE_WORDS = frozenset(
    """
    president vice prime minister foreign defence defense interior finance deputy chancellor
    premier secretary general state leader chairman chairwoman chair head spokesman spokeswoman
    spokesperson mr mrs ms miss dr prof professor sir dame lord king queen prince princess
    sheikh emir pope cardinal archbishop bishop rev senator sen rep representative governor
    mayor ambassador envoy commander gen lt col colonel maj major capt captain adm admiral
    sgt marshal field chief justice judge former acting late incumbent outgoing elect
    supreme ayatollah crown of the
    """.split()
)

# Lower-case connectors kept lower-case inside display names ("Institute for the Study of War").
SMALL_WORDS = frozenset(
    "a an and as at by de del der des di du for in la le of on or the to van von".split()
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_POSSESSIVE = re.compile(r"'s?$|'s(?=\s)")
_NON_WORD = re.compile(r"[^\w]+")
_VOWELS = frozenset("AEIOUY")
# Short upper-case words that are particles or abbreviations, not acronyms.
_SHORT_ACRONYMS = frozenset("US UK UN EU AU TV UAE USA".split())
_NOT_ACRONYMS = frozenset("AL EL DE DA DI DU LA LE MR MS DR ST OF IN ON AN TO AS AT BY OR".split())


def strip_diacritics(text: str) -> str:
    """``"Pétr Šťastný" -> "Petr Stastny"`` (NFKD, combining marks removed)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 17)  # gazetteer keys and recurring article names
def normalise(name: str) -> str:
    """The lookup key of a name: lower case, no diacritics, punctuation, possessive or leading "the".

    Args:
        name: a name as written, e.g. ``"the Kremlin’s"``.

    Returns:
        The key, e.g. ``"kremlin"``; ``""`` when nothing word-like remains.

    Example:
        >>> normalise("Charter97.org")
        'charter97 org'
    """
    text = strip_diacritics(name.translate(_APOSTROPHES)).lower().strip()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    words = text.split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def strip_titles(key: str, *, qualifiers: frozenset[str] = frozenset()) -> str:
    """Drop leading titles (and the country words before them) from a normalised key.

    ``qualifiers`` are single words allowed before a title, typically demonyms:
    ``"russian president vladimir putin" -> "vladimir putin"``. Nothing is
    stripped unless at least one title word is; the last word is always kept.

    Args:
        key: a key from :func:`normalise`.
        qualifiers: words such as ``"russian"`` that may precede a title.

    Returns:
        The key without its titles, or ``key`` unchanged.
    """
    words = key.split()
    i = 0
    saw_title = False
    while i < len(words) - 1 and (words[i] in TITLE_WORDS or words[i] in qualifiers):
        saw_title = saw_title or (words[i] in TITLE_WORDS and words[i] not in ("of", "the"))
        i += 1
    return " ".join(words[i:]) if saw_title and i else key


def acronym(name: str) -> str:
    """Initials of the capitalised words: ``"Institute for the Study of War" -> "ISW"``."""
    words = re.findall(r"[^\W\d_][\w'’]*", strip_diacritics(name))
    return "".join(w[0].upper() for w in words if w.lower() not in SMALL_WORDS)


def looks_like_acronym(word: str, aliases: tuple[str, ...] = ()) -> bool:
    """Whether an upper-case word should stay upper-case (``NATO``, ``BBC``, ``US``).

    True for dotted words, US/UK/UN/EU, words without vowels, and the initials of one of ``aliases``.
    """
    letters = [c for c in word if c.isalpha()]
    if not letters or not word.isupper():
        return False
    if word.strip(".,") in _NOT_ACRONYMS:
        return False
    if re.search(r"\w\.\w", word) or word in _SHORT_ACRONYMS:
        return True  # U.S., U.N., EU, UK
    if not _VOWELS.intersection(letters):
        return True
    target = "".join(letters)
    return any(acronym(a) == target for a in aliases if " " in a.strip())


def display_name(name: str, aliases: tuple[str, ...] = ()) -> str:
    """Title-case an upper-case dictionary name, keeping acronyms and connectors.

    ``"INSTITUTE FOR THE STUDY OF WAR" -> "Institute for the Study of War"``,
    ``"NATO" -> "NATO"`` (given its expansion among ``aliases``), ``"PEOPLE'S ARMY" -> "People's Army"``,
    ``"THE EUROPEAN UNION" -> "European Union"``. Names not all upper case are returned unchanged.
    """
    if not name.isupper():
        return name
    words = name.split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    out: list[str] = []
    for i, word in enumerate(words):
        if looks_like_acronym(word, aliases) or any(c.isdigit() for c in word):
            out.append(word)
        elif i > 0 and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)
