"""Vocabulary classes, not one site's wording: ad-slot placeholders of any theme go, story words stay; every table
says what class of page text it describes, and the furniture rules are composed of the named tables."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import rules, vocab, walls
from feeder.extract.html import body, container, furniture, marks, meta

PLAN = ("The council said the next part of the plan, a second lock on the canal, would be put to tender in "
        "the spring once the engineers had finished their survey of the banks.")
MORE = ("Boat owners welcomed the news, although several said the works should be timed to avoid the busy "
        "summer weeks when the canal carries most of its visitors.")


@pytest.mark.parametrize("line", ["Header Ad", "Sidebar ads here", "Inline advert slot", "Top Banner", "ADS",
                                  "Responsive Ad Unit"])
def test_ad_slot_placeholders_are_furniture(line: str) -> None:
    assert rules.FURNITURE.match(line)


@pytest.mark.parametrize("line", ["Adam Smith", "Banner year for exports", "Top ad agencies merge"])
def test_words_near_ads_are_not_placeholders(line: str) -> None:
    assert not rules.FURNITURE.match(line)


def test_a_story_sentence_about_the_next_part_stays_in_the_story(tmp_path: Path, config: Config) -> None:
    # A list archive's attachment separator once lived in the furniture as ".*next part.*", which dropped
    # this paragraph and closed the story on it.
    page = f"Canal gets a second lock\nBy Jane Doe\n{PLAN}\n{MORE}\nSource: Reuters\n"
    path = tmp_path / "canal.txt"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["body"] == [PLAN, MORE]
    assert record["source"]["name"] == "Reuters"


def test_a_rate_limit_page_is_read_with_its_entities_unescaped(tmp_path: Path, config: Config) -> None:
    page = ("<html><head><title>Slow down</title></head><body><h1>Slow down</h1><p>You&#8217;ve exceeded "
            "the site&#8217;s request limit. Please wait a few minutes and try again.</p></body></html>")
    path = tmp_path / "limit.html"
    path.write_text(page, encoding="utf-8")
    record = inspect_record(path, config)
    assert record["status"] == "rejected"
    assert "rate limit block" in record["error"]


def _uncommented_tables(module: object) -> list[str]:
    """The module's public tables (upper-case names bound at module level) without a comment line right above."""
    source = Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8")
    lines = source.splitlines()
    missing = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        names = [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper() and not t.id.startswith("_")]
        if names and not lines[node.lineno - 2].lstrip().startswith("#"):
            missing.append(names[0])
    return missing


@pytest.mark.parametrize("module", [vocab, rules, walls], ids=lambda m: m.__name__)
def test_every_table_says_what_class_of_page_text_it_describes(module: object) -> None:
    assert _uncommented_tables(module) == []


# The HTML reader's vocabulary tables (its other constants are tuning figures, named where they are used).
HTML_TABLES = ((furniture, "DROP_TAGS"), (furniture, "FURNITURE_ATTR"), (marks, "OTHER_POSTS_ATTR"),
               (body, "BLOCKS"), (container, "CONTENT_SELECTORS"), (meta, "ARTICLE_TYPES"))


@pytest.mark.parametrize(("module", "table"), HTML_TABLES, ids=[name for _, name in HTML_TABLES])
def test_every_html_table_says_what_class_it_describes(module: object, table: str) -> None:
    assert hasattr(module, table)
    assert table not in _uncommented_tables(module)


def _vocab_name(table: str) -> str | None:
    return next((name for name, value in vars(vocab).items() if value is table and not name.startswith("_")), None)


@pytest.mark.parametrize("tables", [rules.FURNITURE_TABLES, rules.STORY_END_TABLES], ids=["furniture", "story end"])
def test_the_line_rules_are_composed_of_named_vocabulary_tables(tables: tuple[str, ...]) -> None:
    assert [t for t in tables if _vocab_name(t) is None] == []
    assert len({_vocab_name(t) for t in tables}) == len(tables)


def test_furniture_and_story_end_are_exactly_their_tables() -> None:
    # No alternative written into the rule itself: a new one goes into the table of its class.
    assert rules.FURNITURE.common.pattern == f"^(?:{'|'.join(rules.FURNITURE_TABLES)})$"
    assert rules.STORY_END.pattern == f"^(?:{'|'.join(rules.STORY_END_TABLES)})$"


@pytest.mark.parametrize("line", ["Prev 1 … 6 7 8 … 41 Next", "« 1 2 3 »", "Previous 1 2 3 4 5 Next",
                                  "Page 2 of 14", "1 2 3 4 … 20 Next", "« Older entries", "Newer entries »",
                                  "« Harbour board names its new chair", "Posted in Harbour News, Ferries | Tagged "
                                  "quay, ferry, tides, council, budget, lock, spring, summer | Leave a comment »"])
def test_a_pager_row_is_furniture(line: str) -> None:
    assert rules.FURNITURE.match(line)


@pytest.mark.parametrize("line", [
    "Powered by solar panels and a battery the size of a shipping container, the ferry crossed the bay twice a day "
    "all summer and used no diesel at all, its operator said on Monday.",
    "Subscribers to the city's bike-share scheme made more than two million trips last year, up by a third on the "
    "year before, according to figures the transport office published on Friday morning.",
    "« Nous n'avons jamais vu autant de bateaux dans le port à cette saison, et les pêcheurs se demandent combien de "
    "temps cela va durer », a déclaré lundi le maire de la commune.",
    "Le maire a ajouté que la commune allait construire un second quai avant l'été, « pour que les pêcheurs et les "
    "plaisanciers ne se gênent plus les uns les autres ».",
    "Le maire a ajouté : « La commune construira un second quai avant l'été, pour que les pêcheurs et les "
    "plaisanciers ne se gênent plus. »",
])
def test_a_story_paragraph_opening_like_a_footer_is_not_furniture(line: str) -> None:
    assert not rules.FURNITURE.match(line)


@pytest.mark.parametrize(("line", "label_only"), [
    ("Joined Nov 17, 2017", False), ("Member since March 2019", False), ("Messages 24,463", False),
    ("Reaction score 1,293", False), ("Points 0", False), ("Joined:", False), ("Joined", True), ("Posts", True)])
def test_forum_member_details_with_their_values_run_on(line: str, label_only: bool) -> None:
    match = rules.MEMBER_META.match(line)
    assert match is not None
    assert (match.end() == len(line) and not line.endswith(":")) is label_only


@pytest.mark.parametrize("line", ["Joined the army in 2003 and never looked back", "Posts from the archive",
                                  "Messages sorted by: [ date ] [ thread ]"])
def test_sentences_opening_with_a_member_detail_word_are_not_details(line: str) -> None:
    assert rules.MEMBER_META.match(line) is None


@pytest.mark.parametrize("line", ["Editorial", "Editorials are written by the board"])
def test_a_word_that_starts_with_a_label_is_not_the_label(line: str) -> None:
    assert rules.EDITOR_LINE.match(line) is None


@pytest.mark.parametrize("line", ["File photo (Pic: Example News)", "Pic: Example Agency",
                                  "The minister at the port. AFP Photo via Example News.", "XINHUA PHOTO",
                                  "Crowds outside the station. (AP Photo/Jane Doe)"])
def test_photo_credits_and_captions_are_photo_lines(line: str) -> None:
    assert rules.PHOTO_LINE.match(line)


@pytest.mark.parametrize("line", ["Best Photo", "The Year In Photos", "Topic: trade", "Picnic season opens",
                                  "He showed the AFP photo to reporters on Monday, saying it proved his point."])
def test_lines_that_mention_a_photo_are_not_credits(line: str) -> None:
    assert not rules.PHOTO_LINE.match(line)
