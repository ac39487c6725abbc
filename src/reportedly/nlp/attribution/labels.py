"""Speaker labels: ``PENCE: We will ...`` in transcripts and ``Poll: Clinton leads`` in headlines.

A paragraph that opens with a short name and a colon gives the rest of the
paragraph to that name: the label is the source, the colon the cue. In the
body of an article only transcript-style labels count (capitals, ``WALLACE:``,
or a whole person/organisation entity), so that ``Two questions: why ...`` or
``UPDATE: ...`` are not taken for speakers; a headline (the first paragraph)
accepts any capitalised label of a few words.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from .quotes import iter_paragraphs
from .spans import text_of
from .types import EXTRACTOR_DIRECT, Candidate, Offsets

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# Leading quote marks/space, a capitalised label of up to four words, a colon, a space.
LABEL_RE = re.compile(
    r"[\"“”'‘’\s]*([A-Z][\w.'’&-]*(?:[ \t\xa0]+[\w.'’&()-]+){0,3})[ \t\xa0]*:[ \t\xa0]+(?=\S)"
)
MIN_LABEL_CHARS = 2  # "Q:" and "A:" are interview turns, not named speakers
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
CONNECTORS = frozenset({"of", "the", "de", "and", "for", "van", "von"})
# Section markers that look like speakers ("UPDATE: ...", "The Latest: ...").
NOT_SPEAKERS = frozenset(
    """
    update updated updates clarification clarifications breaking exclusive watch video videos photo photos image related
    correction corrections note editor's editor’s latest the contributing byline email twitter
    facebook source sources read more also listen warning spoiler analysis opinion live
    transcript revealed wow name paid notice bonus ps p.s. tags tag topics topic credit
    disclaimer disclosure advertisement sponsored subscribe follow via see here question
    answer summary excerpt quote quotes full text headline caption file
    """.split()
)


def _is_speaker(doc: Doc, label: Offsets, *, headline: bool) -> bool:
    """Whether the text at ``label`` names a speaker rather than a section."""
    text = text_of(doc)[label[0] : label[1]]
    words = text.split()
    if len(text.strip(".")) < MIN_LABEL_CHARS or any(w.lower() in NOT_SPEAKERS for w in words):
        return False
    if not all(w[0].isupper() or w.lower() in CONNECTORS for w in words):
        return False
    if headline or (any(c.isalpha() for c in text) and text.isupper()):
        return True
    ent = doc.char_span(label[0], label[1])
    return ent is not None and any(
        e.start == ent.start and e.end == ent.end and e.label_ in SPEAKER_LABELS for e in doc.ents
    )


def _label_candidate(doc: Doc, para: Offsets, headline: bool) -> Candidate | None:
    """The label attribution of one paragraph, if it opens with a speaker label."""
    text = text_of(doc)
    m = LABEL_RE.match(text, para[0], para[1])
    if m is None or "\n" in m.group(0):
        return None
    label = (m.start(1), m.end(1))
    if not _is_speaker(doc, label, headline=headline):
        return None
    colon = text.index(":", label[1])
    end = para[1]
    while end > m.end() and text[end - 1].isspace():
        end -= 1
    cue = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if cue is None or not len(cue) or end <= m.end():
        return None
    return Candidate(
        kind="direct",
        cue=(colon, colon + 1),
        content_frags=((m.end(), end),),
        source=label,
        source_head=None,
        cue_head=cue[0].i,
        confidence=0.7,
        extractor=EXTRACTOR_DIRECT,
    )


def find_labels(doc: Doc) -> list[tuple[Offsets, Candidate]]:
    """``(paragraph, candidate)`` for each paragraph of ``doc`` that opens with a speaker label."""
    found: list[tuple[Offsets, Candidate]] = []
    for n, para in enumerate(iter_paragraphs(text_of(doc))):
        try:
            cand = _label_candidate(doc, para, n == 0)
        except Exception:  # one odd paragraph never fails the document
            logger.exception("label paragraph at %d skipped", para[0])
            continue
        if cand is not None:
            found.append((para, cand))
    return found
