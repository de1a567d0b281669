"""The packaged facts, read as a careful reader would: sources that can be trusted and cited
consistently, and words written for the student, not for us."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from mbcadvisor.models import Catalog, Record, Source

# hosts that are never a page to cite: test and staging servers, load balancers, document
# mirrors, and sites unrelated to the subject that happened to copy a page
FORBIDDEN_HOSTS = re.compile(
    r"(cms-test\.|conference-test\.|-test\.|www-devnav\.|blsmon\d*\.|\.elb\.amazonaws\.com"
    r"|scribd\.com|docplayer\.|paperzz\.com|1library\.|documentcloud\.org|hotelsabruzzo"
    r"|saswell-cn\.com)"
)

# words that speak to the people who keep the data, not to a student
CURATOR_WORDS = re.compile(
    r"\b(in the corpus|the corpus|left null|kept as secondary|kept from a list|"
    r"stored cop(y|ies)|stored page|not stored|not found on|entry of bodies\.yaml|"
    r"see pay\.yaml|see the \w+ entry|Official \d+ kept|secondary pages?\b|official page|"
    r"(is|are|was|were) preferred|curat)",
    re.IGNORECASE,
)

# British spellings, and the US form a student in the US expects
BRITISH = {
    r"\borganis(e|ed|es|ing|ation|ations)\b": "organiz-",
    r"\bcentres?\b": "center",
    r"\bcounsellor": "counselor",
    r"\bspecialis(e|ed|es|ing|ation|ations)\b": "specializ-",
    r"\blicence\b": "license",
    r"\bbehaviour": "behavior",
    r"\bcolour": "color",
    r"\bprogramme": "program",
    r"\bfulfil\b": "fulfill",
    r"\benrol\b|\benrolment": "enroll",
    r"\bcatalogue": "catalog",
    r"\banalys(e|ed|ing)\b": "analyz-",
    r"\bpractis(e|ed|es|ing)\b": "practic-",
    r"\brecognis": "recogniz-",
    r"\bmodernis|\bprioritis|\bsummaris|\bminimis|\bmaximis": "-iz-",
}

# fields whose text is for maintainers (and the sources' own titles and backs, quoted pages)
MAINTAINER_FIELDS = {"curation"}


def _user_texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every piece of text a student may read, with where it stands."""
    if isinstance(value, Source):
        return
    if isinstance(value, Record):
        for field in dataclasses.fields(value):  # type: ignore[arg-type]
            if field.name in MAINTAINER_FIELDS:
                continue
            yield from _user_texts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _user_texts(item, f"{path}[{n}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _user_texts(item, f"{path}.{key}")
    elif isinstance(value, str):
        yield path, value


def _sources(catalog: Catalog) -> Iterator[tuple[str, Source]]:
    def walk(value: Any, path: str) -> Iterator[tuple[str, Source]]:
        if isinstance(value, Source):
            yield path, value
        elif isinstance(value, Record):
            for field in dataclasses.fields(value):  # type: ignore[arg-type]
                yield from walk(getattr(value, field.name), f"{path}.{field.name}")
        elif isinstance(value, list):
            for n, item in enumerate(value):
                yield from walk(item, f"{path}[{n}]")

    yield from walk(catalog, "catalog")


def test_no_source_on_a_forbidden_host(real_catalog: Catalog) -> None:
    bad = [
        f"{where}: {s.url}"
        for where, s in _sources(real_catalog)
        if s.url and FORBIDDEN_HOSTS.search(s.url)
    ]
    assert bad == []


def test_no_http_address_whose_https_form_is_cited(real_catalog: Catalog) -> None:
    urls = {s.url for _, s in _sources(real_catalog) if s.url}
    doubled = sorted(u for u in urls if u.startswith("http://") and "https://" + u[7:] in urls)
    assert doubled == []


def test_one_address_one_title(real_catalog: Catalog) -> None:
    titles: dict[str, set[str]] = {}
    for _, source in _sources(real_catalog):
        if source.url:
            titles.setdefault(source.url, set()).add(source.title)
    assert {url: t for url, t in titles.items() if len(t) > 1} == {}


def test_every_source_has_a_title_and_a_kind(real_catalog: Catalog) -> None:
    for where, source in _sources(real_catalog):
        assert source.title.strip(), where
        assert (source.url is None) == (source.kind == "article"), where


def test_no_guessed_first_of_january(real_catalog: Catalog) -> None:
    """A page showing only a year is dated "2025", never 2025-01-01."""
    guessed = [
        f"{where}: {s.url} {s.published}"
        for where, s in _sources(real_catalog)
        if s.published and s.published.endswith("-01-01")
    ]
    assert guessed == []


def test_no_curator_words_for_the_student(real_catalog: Catalog) -> None:
    found = [
        f"{where}: {text}"
        for where, text in _user_texts(real_catalog)
        if CURATOR_WORDS.search(text)
    ]
    assert found == []


@pytest.mark.parametrize("pattern", BRITISH, ids=lambda p: BRITISH[p])
def test_us_spelling(pattern: str, real_catalog: Catalog) -> None:
    found = [
        f"{where}: {text}"
        for where, text in _user_texts(real_catalog)
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert found == []


# every command, as a student runs it: no maintainers' words, US spelling
EVERY_COMMAND = [
    ["compare", "billing", "coding"],
    ["certs"],
    *(["certs", cert] for cert in ("CPC", "CCA", "CBCS", "CMRS", "CDIP", "CIRCC", "CPB")),
    ["eligible", "--age", "17"],
    ["eligible", "--age", "19", "--ged"],
    ["pay"],
    ["pay", "coding", "--state", "TX"],
    ["pay", "billing", "--states"],
    ["pay", "coding", "--industry"],
    ["pay", "--by-credential"],
    ["plan", "--track", "coding", "--age", "17"],
    ["plan", "--track", "billing", "--age", "40", "--diploma", "--certs", "CPB"],
    ["match", "--answers", "yynnyy"],
    ["training"],
]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda a: " ".join(a))
def test_ordinary_output_is_written_for_the_student(args: list[str]) -> None:
    from typer.testing import CliRunner

    from mbcadvisor.cli import app

    result = CliRunner().invoke(app, [*args, "--plain"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert not CURATOR_WORDS.search(text), CURATOR_WORDS.search(text)
    for pattern, us in BRITISH.items():
        found = re.search(pattern, text, re.IGNORECASE)
        assert not found, f"{found[0] if found else ''}: write {us}"
