"""Source chains: outlet first, then outlet-level sourcing, parents, the speaker last."""

from __future__ import annotations

import logging
import re

from .types import ChainEntry, Offsets, SourcingStatement

logger = logging.getLogger(__name__)

ORIGIN_META = "article metadata"
ORIGIN_TEXT = "text"
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_FUNCTION_WORDS = _DETERMINERS | frozenset({"of", "for", "and", "in", "on", "to", "at"})
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_WORD_RE = re.compile(r"[\w-]+")


def link_name(text: str, span: Offsets) -> str:
    """A link's display name: the span's text without a leading determiner or possessive."""
    words = text[span[0] : span[1]].split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    name = " ".join(words)
    for suffix in ("’s", "'s"):
        name = name.removesuffix(suffix)
    return name.strip(" ,.;:")


def _keys(name: str) -> set[str]:
    """Comparison keys of a name: the name, its parenthetical alias and its initials."""
    keys: set[str] = set()
    for alias in _PAREN_RE.findall(name):
        keys.add(alias.strip().lower())
    bare = _PAREN_RE.sub(" ", name)
    words = [w for w in _WORD_RE.findall(bare) if w.lower() not in _DETERMINERS]
    if words:
        keys.add(" ".join(words).lower())
        initials = "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS)
        if len(initials) > 1:
            keys.add(initials.lower())
    return keys


def same_entity(a: str, b: str) -> bool:
    """Whether two names refer to one entity ("the ISW" ~ "Institute for ... War (ISW)")."""
    ka, kb = _keys(a), _keys(b)
    if ka & kb:
        return True
    wa = {w.lower() for w in _WORD_RE.findall(a)} - _FUNCTION_WORDS
    wb = {w.lower() for w in _WORD_RE.findall(b)} - _FUNCTION_WORDS
    return bool(wa and wb and (wa <= wb or wb <= wa))


def append_link(chain: tuple[ChainEntry, ...], link: ChainEntry) -> tuple[ChainEntry, ...]:
    """``chain`` with ``link`` added, unless the last link is the same entity."""
    if chain and same_entity(chain[-1][0], link[0]):
        return chain
    return (*chain, link)


def base_chain(
    text: str, outlet: str | None, statements: list[SourcingStatement], position: int
) -> tuple[ChainEntry, ...]:
    """The chain every attribution at ``position`` starts with: outlet, then sourcing links."""
    chain: tuple[ChainEntry, ...] = ()
    if outlet:
        chain = ((outlet, None, ORIGIN_META),)
    # The latest statement before ``position``; before the first one, the first one: a
    # "X reported, citing Y" line after a news lead sources the lead as well.
    latest = statements[0] if statements else None
    for st in statements:
        if st.position < position:
            latest = st
    if latest is not None:
        for span in latest.links:
            chain = append_link(chain, (link_name(text, span), span, ORIGIN_TEXT))
    return chain


def speaker_chain(
    text: str,
    base: tuple[ChainEntry, ...],
    source: Offsets | None,
    resolved: Offsets | None,
) -> tuple[ChainEntry, ...]:
    """``base`` extended by the speaker (its resolved name when there is one)."""
    span = resolved or source
    if span is None:
        return base
    return append_link(base, (link_name(text, span), span, ORIGIN_TEXT))
