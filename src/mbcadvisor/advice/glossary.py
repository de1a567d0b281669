"""`mbc explain`: the words the output uses, explained for a first-time reader."""

from __future__ import annotations

from mbcadvisor.advice.names import pick
from mbcadvisor.advice.result import Result
from mbcadvisor.models import Catalog, Term, record


@record
class Explanation(Result):
    """`mbc explain TERM`: one term, and the terms it points to."""

    term: Term
    see_also: list[Term]


@record
class Glossary(Result):
    """`mbc explain`: every term, each in a line."""

    terms: list[Term]


def term_names(catalog: Catalog) -> dict[str, str]:
    """Every name a user may type for a term (its id, how it is written, its aliases)."""
    return {n: t.id for t in catalog.glossary for n in (t.id, t.term, *t.aliases)}


def explain(catalog: Catalog, name: str) -> Explanation:
    """The term a user means (any case; "CPC-A" finds apprentice status)."""
    term_id = pick("term", name, term_names(catalog))
    by_id = {t.id: t for t in catalog.glossary}
    term = by_id[term_id]
    return Explanation(term=term, see_also=[by_id[i] for i in term.see_also if i in by_id])


def glossary(catalog: Catalog) -> Glossary:
    """Every term, in alphabetical order of how it is written."""
    return Glossary(terms=sorted(catalog.glossary, key=lambda t: t.term.casefold()))
