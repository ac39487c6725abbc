"""Direct quotations: a quoted stretch, the reporting verb next to it and its subject.

Handles quotes after a colon (``X said: "..."``), interrupted quotes
(``"X," he said, "Y"`` and ``"X," he said. "Y"``: one attribution, two pieces)
and quotes running over several paragraphs.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from .quotes import Quote, word_count
from .spans import (
    cue_offsets,
    find_subject,
    full_source_offsets,
    is_cue_verb,
    text_of,
    trimmed,
)
from .types import EXTRACTOR_DIRECT, Candidate, Offsets

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

logger = logging.getLogger(__name__)

MIN_WORDS = 3  # shorter quotes are scare quotes or fragments of indirect speech
SHORT_LEAD_TOKENS = 5  # "PENCE:" style transcript speakers before a colon
MAX_CUE_GAP = 12  # tokens between a quote and a cue after it
MIN_CLAUSE_TOKENS = 2  # a clausal complement this long (minus one) is a content of its own
# "[ \t\xa0]": no line break between the quote, the dash and the name.
DASH_NAME_RE = re.compile(
    r"[ \t\xa0]*([―—–])[ \t\xa0]*([A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,4})"
)


def _sent_of(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, min(char + 1, len(text_of(doc))), alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _preceding_word(doc: Doc, char: int, in_quote: list[bool]) -> Token | None:
    span = doc.char_span(char, min(char + 1, len(text_of(doc))), alignment_mode="expand")
    if span is None or not len(span):
        return None
    i = span[0].i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 and not in_quote[i] else None


def is_quotation(doc: Doc, group: tuple[Quote, ...], in_quote: list[bool]) -> bool:
    """A standalone quotation, not a scare quote or a quoted fragment of a clause."""
    text = text_of(doc)
    if sum(word_count(text[q.start : q.end]) for q in group) < MIN_WORDS:
        return False
    prev = _preceding_word(doc, group[0].start, in_quote)
    if prev is None or prev.is_punct or prev.is_sent_start and prev.is_punct:
        return True
    if "\n" in text[prev.idx : group[0].start]:
        return True
    return is_cue_verb(prev)


def _has_own_clause(verb: Token, q_start: int, q_end: int) -> bool:
    """``X said that Y`` near a quote: a clausal complement outside the quote is the
    verb's own content, so the quote is someone else's (or the previous speaker's)."""
    for child in verb.children:
        if child.dep_ != "ccomp" or child.right_edge.i - child.left_edge.i < MIN_CLAUSE_TOKENS:
            continue
        left = child.left_edge
        right = child.right_edge
        if right.idx + len(right.text) <= q_start or left.idx >= q_end:
            return True
    return False


def _cue_candidates(doc: Doc, group: tuple[Quote, ...], in_quote: list[bool]) -> list[Token]:
    """Cue verbs outside quotes in the sentences around the quote, nearest first."""
    first = _sent_of(doc, group[0].start)
    last = _sent_of(doc, max(group[-1].end - 1, group[-1].start))
    if first is None or last is None:
        return []
    start, end = first.start, last.end
    # "...," he said.  The cue often lands in the next spaCy sentence.
    if end < len(doc) and not any(in_quote[end : min(end + 2, len(doc))]):
        nxt = doc[end].sent
        if len(nxt) <= MAX_CUE_GAP:
            end = nxt.end
    q_start, q_end = group[0].start, group[-1].end
    found = [t for t in doc[start:end] if not in_quote[t.i] and is_cue_verb(t)]
    found = [t for t in found if t.idx < q_start or t.idx >= q_end]
    found = [t for t in found if not _has_own_clause(t, q_start, q_end)]

    def distance(t: Token) -> int:
        return q_start - t.idx if t.idx < q_start else t.idx - q_end

    return sorted(found, key=distance)


def _colon_cue(doc: Doc, group: tuple[Quote, ...]) -> tuple[Token | None, Offsets | None]:
    """``X said:`` / ``PENCE:`` before the quote: the cue verb, or the colon and a short lead."""
    text = text_of(doc)
    before = text[: group[0].start].rstrip()
    if not before.endswith(":"):
        return None, None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or not len(colon):
        return None, None
    sent = colon[0].sent
    verbs = [t for t in sent if t.i < colon[0].i and is_cue_verb(t)]
    if verbs:
        return verbs[-1], None
    lead = [t for t in sent if t.i < colon[0].i and not t.is_space]
    if 0 < len(lead) <= SHORT_LEAD_TOKENS:
        return colon[0], trimmed(doc, lead[0].i, colon[0].i)
    return None, None


def _dash_signature(doc: Doc, group: tuple[Quote, ...]) -> Candidate | None:
    """``"..." ― Jane Doe, Miami``: a dash after the quote, then a capitalised name."""
    end = group[-1].end
    m = DASH_NAME_RE.match(text_of(doc), end)
    if m is None:
        return None
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if dash is None or not len(dash):
        return None
    return Candidate(
        kind="direct",
        cue=(m.start(1), m.end(1)),
        content_frags=_frags(group),
        source=(m.start(2), m.end(2)),
        source_head=None,
        cue_head=dash[0].i,
        confidence=0.6,
        extractor=EXTRACTOR_DIRECT,
    )


def _candidate(doc: Doc, group: tuple[Quote, ...], cue: Token, source: Offsets | None) -> Candidate:
    subject = None if cue.is_punct else find_subject(cue)
    if subject is not None:
        source = full_source_offsets(subject)
    frags = _frags(group)
    return Candidate(
        kind="direct",
        cue=cue_offsets(cue),
        content_frags=frags,
        source=source,
        source_head=subject.i if subject is not None else None,
        cue_head=cue.i,
        confidence=0.9 if subject is not None else 0.6,
        extractor=EXTRACTOR_DIRECT,
    )


def _frags(group: tuple[Quote, ...]) -> tuple[Offsets, ...]:
    return tuple((q.start, q.end) for q in group)


def _merged(prev: Candidate, frags: tuple[Offsets, ...]) -> Candidate:
    return Candidate(
        kind="direct",
        cue=prev.cue,
        content_frags=frags,
        source=prev.source,
        source_head=prev.source_head,
        cue_head=prev.cue_head,
        confidence=prev.confidence,
        extractor=EXTRACTOR_DIRECT,
    )


def _continues(text: str, found: list[Candidate], group: tuple[Quote, ...]) -> bool:
    """``"X," he said. "Y."``: the cue sits between the previous quote and this one."""
    if not found:
        return False
    prev = found[-1]
    gap_start = prev.content_frags[-1][1]
    between = text[gap_start : group[0].start]
    return gap_start <= prev.cue[0] < group[0].start and "\n" not in between


def find_direct(doc: Doc, groups: list[tuple[Quote, ...]], in_quote: list[bool]) -> list[Candidate]:
    """Direct quotations of ``doc``; interrupted quotes sharing a cue are merged.

    Args:
        doc: a parsed Doc.
        groups: quote groups from ``quotes.group_quotes``.
        in_quote: per-token flags from ``spans.token_in_quote``.

    Returns:
        Candidates with kind ``"direct"``, in text order.
    """
    found: list[Candidate] = []
    for group in groups:
        try:
            if not is_quotation(doc, group, in_quote):
                continue
            dashed = _dash_signature(doc, group)
            if dashed is not None:  # a signature under the quote beats any verb nearby
                found.append(dashed)
                continue
            cue, lead = _colon_cue(doc, group)
            if cue is None:
                near = _cue_candidates(doc, group, in_quote)
                cue = near[0] if near else None
            if cue is None:
                if _continues(text_of(doc), found, group):
                    found[-1] = _merged(found[-1], found[-1].content_frags + _frags(group))
                continue
            cand = _candidate(doc, group, cue, lead)
        except Exception:  # one odd quote never fails the document
            logger.exception("direct quote at %d skipped", group[0].start)
            continue
        if found and found[-1].cue_head == cand.cue_head:
            prev = found.pop()
            cand = _merged(prev, prev.content_frags + cand.content_frags)
        found.append(cand)
    return found
