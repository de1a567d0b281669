"""The closed vocabularies of the data (tracks, levels, delivery, source kinds); no imports."""

from typing import Literal

Track = Literal["billing", "coding", "auditing", "cdi", "management"]
TRACKS: tuple[Track, ...] = ("billing", "coding", "auditing", "cdi", "management")
Level = Literal["entry", "advanced", "specialty"]
LEVELS: tuple[Level, ...] = ("entry", "advanced", "specialty")
Delivery = Literal["online", "test_centre", "paper"]
SourceKind = Literal["official", "secondary"]
