"""What a user's words name: roles, certifications, bodies, tracks and levels, any case, with
suggestions for a name that is not known."""

from __future__ import annotations

import difflib

from mbcadvisor.errors import MbcError, UnknownNameError
from mbcadvisor.models import LEVELS, TRACKS, Body, Catalog, Cert, Level, Occupation, Role, Track


def _normal(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").split()).casefold()


def pick(kind: str, name: str, choices: dict[str, str]) -> str:
    """The id that `name` means among `choices` (a name -> id map), or UnknownNameError."""
    wanted = _normal(name)
    if not wanted:
        raise MbcError(f"{kind} name is empty")
    normal = {_normal(k): v for k, v in choices.items()}
    if wanted in normal:
        return normal[wanted]
    close = difflib.get_close_matches(wanted, list(normal), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(normal[c] for c in close))
    raise UnknownNameError(kind, name, suggestions, sorted(set(choices.values())))


def role_names(catalog: Catalog) -> dict[str, str]:
    """Every name a user may type for a role (id and aliases), mapped to the role id."""
    return {name: role.id for role in catalog.roles for name in (role.id, *role.aliases)}


def find_role(catalog: Catalog, name: str) -> Role:
    """The role a user means by `name`, case-insensitive, aliases included."""
    role_id = pick("role", name, role_names(catalog))
    return next(r for r in catalog.roles if r.id == role_id)


def cert_by_id(catalog: Catalog, cert_id: str) -> Cert:
    """The certification with exactly this id (the data's cross-checks make it exist)."""
    return next(c for c in catalog.certs if c.id == cert_id)


def find_cert(catalog: Catalog, name: str) -> Cert:
    """The certification with this id (any case)."""
    return cert_by_id(catalog, pick("certification", name, {c.id: c.id for c in catalog.certs}))


def body_by_id(catalog: Catalog, body_id: str) -> Body:
    """The body with exactly this id."""
    return next(b for b in catalog.bodies if b.id == body_id)


def find_body(catalog: Catalog, name: str) -> Body:
    """The credentialing body with this id or acronym (any case)."""
    names = {b.id: b.id for b in catalog.bodies} | {b.acronym: b.id for b in catalog.bodies}
    return body_by_id(catalog, pick("body", name, names))


def find_track(name: str) -> Track:
    """A track name (any case)."""
    track_id = pick("track", name, {t: t for t in TRACKS})
    return next(t for t in TRACKS if t == track_id)


def find_level(name: str) -> Level:
    """A level name (any case)."""
    level_id = pick("level", name, {lv: lv for lv in LEVELS})
    return next(lv for lv in LEVELS if lv == level_id)


def occupation_of(catalog: Catalog, role: Role) -> Occupation:
    """The BLS occupation whose pay stands for the role."""
    return next(o for o in catalog.occupations if o.soc == role.soc)
