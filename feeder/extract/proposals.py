"""The walk's notebook: the story's paragraphs so far and the candidates proposed for the resolver."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from feeder.extract import lazy_re as re
from feeder.extract import resolver
from feeder.extract.resolver import Candidate, Role
from feeder.extract.shapes import printed_date
from feeder.records import Clue, DateClue

_DATE_ROLES = frozenset(("published", "updated", "stamp", "header", "republished"))


# A four-digit year: most stamps print one, and then the date finder need not look for it.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


# The block index of what the page's metadata says: after every printed block.
METADATA_BLOCK = 1 << 30


@dataclass
class Found:
    """What the walk has seen so far: the story's paragraphs, its credits, and the candidates it proposed
    for the resolver (dates, post date, poster), each at the block where it stands."""

    body: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # where each paragraph of ``body`` stands
    candidates: list[Candidate] = field(default_factory=list)
    at: int = 0  # the index of the line being read: the block of what is proposed now
    ended: bool = False  # an author box or comment block closed the story
    after_credit: bool = False  # the previous line named the outlet: a bare date next is its stamp
    site: tuple[str, ...] = ()  # the names the page gives itself (og:site_name, its title line): never a credit
    folds: Sequence[str] = ()  # each line of the page folded ("" for a long one): what it prints again

    proposed: dict[str, int] = field(default_factory=dict)  # candidates per role, so far

    def keep(self, text: str, origin: str) -> None:
        """A paragraph of the story, as the walk reads it (the span resolver trims the run later)."""
        self.body.append(text)
        self.origins.append(origin)

    def restart(self) -> None:
        """The prose read so far was a teaser or a tagline: the story starts below it."""
        self.body.clear()
        self.origins.clear()

    def propose(self, role: Role, value: str, why: str, score: float,
                nearest: Literal["first", "last"] = "first") -> None:
        if role in _DATE_ROLES and not _YEAR.search(value) and not printed_date(value):
            return  # a date without a year (a teaser's dateline, "March 3") is a trap: never a stamp
        self.candidates.append(Candidate(role, value, self.at, score, why, nearest))
        self.proposed[role] = self.proposed.get(role, 0) + 1

    def byline(self, names: str, why: str) -> None:
        """Propose the story's authors as printed; normalization reads the first that names a person."""
        self.propose("byline", names, why, resolver.PRINTED_BYLINE)

    def credit(self, outlet: str, why: str, score: float | None = None) -> None:
        """Propose an outlet: a credit row or label (CREDIT_ROW), a dateline or a glued credit (DATELINE)."""
        self.propose("outlet", outlet, why, resolver.CREDIT_ROW if score is None else score)

    def metadata(self, role: Role, clue: Clue | DateClue | None, score: float) -> None:
        """Propose what the page's metadata says (HTML meta tags, JSON-LD): it stands after every block."""
        if clue is not None:
            self.candidates.append(Candidate(role, clue.value, METADATA_BLOCK, score, clue.origin, printed=False))

    def count(self, role: Role, score: float | None = None) -> int:
        if score is None:
            return self.proposed.get(role, 0)
        return sum(c.role == role and c.score == score for c in self.candidates)

    def has(self, *roles: Role) -> bool:
        return any(role in self.proposed for role in roles)

    def stamped(self, prose: bool = True) -> bool:
        """Something of the story's credit is already printed: a byline, a credit or a stamp (or, with ``prose``,
        a paragraph)."""
        return (prose and bool(self.body)) or self.has("byline", "reporting", *resolver.ORIGINAL_ROLES) or (
            self.count("outlet") > self.count("outlet", resolver.WITH_AGENCY))
