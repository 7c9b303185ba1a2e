"""The learned credit scorer: trained deterministically by one command, shipped, proposing only printed names
where no rule read a credit, and never a name from a caption, the headline or the story's sentences.

Each invented page in tests/fixtures/credit_model has the expected `inspect --json` fields beside it: some
carry a credit form only the model reads, some a form the rules read (the model must not disturb them), some
no credit at all (a site's own story naming outlets in its text, a photo credit, a promotion or a menu naming a
listed outlet, headlines under a "Related" heading, an organisation's name or code in brackets under the story,
a person's name after "Via")."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeder.cli import inspect_record
from feeder.config import Config
from feeder.extract import creditmodel, resolver
from feeder.extract.resolver import Candidate
from feeder.extract.shapes import Line
from feeder.sources import build_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "credit_model"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))
# The pages whose credit only the model reads (the rules alone name no outlet there).
MODEL_READS = ("feed_aggregator_item_under_its_source_name", "video_item_about_this_source",
               "outlet_named_in_a_parenthesised_note", "person_and_agency_in_the_byline_slot",
               "bracketed_outlet_name_under_the_story")
REGISTRY = build_registry()


def is_outlet(name: str) -> bool:
    return REGISTRY.named(name) is not None


@contextmanager
def model(chosen: creditmodel.Model) -> Iterator[None]:
    saved = creditmodel.shipped
    creditmodel.shipped = lambda: chosen  # type: ignore[assignment]
    try:
        yield
    finally:
        creditmodel.shipped = saved  # type: ignore[assignment]


def test_every_page_has_its_expectation() -> None:
    assert len(PAGES) >= 10
    assert all(page.with_suffix(".json").is_file() for page in PAGES)
    assert all(any(p.stem == name for p in PAGES) for name in MODEL_READS)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_extracts_as_labelled(page: Path, config: Config) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = inspect_record(page, config)
    assert {key: record[key] for key in expected} == expected


@pytest.mark.parametrize("name", MODEL_READS)
def test_the_model_reads_what_the_rules_miss(name: str, config: Config) -> None:
    page = next(p for p in PAGES if p.stem == name)
    record = inspect_record(page, config)
    assert resolver.MODEL_CREDIT_WHY in record["provenance"]["source"]
    with model(creditmodel.OFF):
        assert inspect_record(page, config)["source"] is None


@pytest.mark.parametrize("page", [p for p in PAGES if p.stem not in MODEL_READS], ids=lambda p: p.stem)
def test_the_model_changes_nothing_the_rules_read(page: Path, config: Config) -> None:
    with model(creditmodel.OFF):
        rules_only = inspect_record(page, config)
    assert inspect_record(page, config)["source"] == rules_only["source"]


def test_shipped_model_is_what_the_training_command_writes(tmp_path: Path) -> None:
    out = tmp_path / "creditmodel.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "train_credits.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == (ROOT / "feeder" / "data" / "creditmodel.json").read_bytes()


def test_shipped_model_loads_and_proposes() -> None:
    shipped = creditmodel.shipped()
    assert len(shipped.listed.weights) == len(creditmodel.FEATURE_NAMES) == len(shipped.unlisted.weights)
    assert 0.5 <= shipped.listed.threshold <= 1.0
    page = lines("A headline", STORY, STORY, "[Harbour Gazette]", "Leave a comment")
    proposed = creditmodel.propose(page, ["line 2", "line 3"], "A headline", None, is_outlet)
    assert proposed is not None
    assert (proposed.role, proposed.value, proposed.block) == ("outlet", "Harbour Gazette", 3)
    assert resolver.MODEL_CREDIT_WHY in proposed.why


def test_a_model_trained_on_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="other features"):
        creditmodel.model_from({"features": ["bias"]})


def lines(*texts: str) -> list[Line]:
    return [Line(text, f"line {n}") for n, text in enumerate(texts, 1)]


STORY = ("The port authority approved a new ferry terminal on the east quay on Wednesday, ending a dispute that "
         "had lasted for years, and said work would start in the spring.")


def test_names_in_captions_headlines_tags_and_the_story_sentences_are_never_read() -> None:
    page = lines(
        "Reuters and Xinhua open offices on the quay",  # the headline: its names are the story's topic
        "Harbour workers at the quay on Monday. (Photo: AFP)",  # a photo's caption
        STORY,
        "Officials told Kyodo News that the terminal would open in 2024, and the Philippine News Agency (PNA) "
        "carried the plans.",  # names mentioned inside the story's sentences
        "Tags: Anadolu Agency, ports",  # a list of tags
    )
    found = creditmodel.spans(page, [2, 3], "Reuters and Xinhua open offices on the quay", None, is_outlet)
    assert found == []
    caption = [Line("Harbour workers at the quay. (Kyodo)", "<figcaption> block 3")]
    assert creditmodel.spans(caption, [], "A headline", None, is_outlet) == []


def test_a_dateline_and_a_credit_after_the_story_are_read() -> None:
    page = lines("A headline", f"OSLO (NTB) - {STORY}", STORY, "(This story was published on Kyodo News)")
    texts = {s.text for s in creditmodel.spans(page, [1, 2], "A headline", None, is_outlet)}
    assert {"NTB", "Kyodo News"} <= texts


def test_promotions_menus_and_related_headlines_are_never_read() -> None:
    page = lines("A headline", STORY, STORY, "More from Reuters", "Watch it on BBC", "Listen: BBC Radio 4, Thursday",
                 "As featured in The Guardian", "Home | World | AFP | Sport", "Related stories",
                 "Xinhua readers pick their favourite parks")
    assert creditmodel.spans(page, [1, 2], "A headline", None, is_outlet) == []


def test_a_bracketed_name_counts_only_as_an_outlet_at_a_credits_place() -> None:
    def read(*tail: str) -> set[str]:
        page = lines("A headline", STORY, STORY, *tail)
        return {s.text for s in creditmodel.spans(page, [1, 2], "A headline", None, is_outlet)}

    assert read("(UNICEF)") == read("(Network Rail)") == read("Sponsored by (RSSB)") == set()
    assert read("[Harbour Gazette]") == {"Harbour Gazette"}
    assert read("(Xinhua)") == {"Xinhua"}
    assert "Xinhua" not in read("Leave a comment", "Share this", "(Xinhua)")  # too far under the story


def test_a_listed_name_needs_a_credits_context() -> None:
    page = lines("A headline", STORY, STORY, "Our readers love AP")
    assert "AP" not in {s.text for s in creditmodel.spans(page, [1, 2], "A headline", None, is_outlet)}
    page = lines("A headline", STORY, STORY, "Source: AP")
    assert {s.text for s in creditmodel.spans(page, [1, 2], "A headline", None, is_outlet)} == {"AP"}


def test_mentions_are_whole_words() -> None:
    assert creditmodel._mentions("EUROPE and the EU, EU-wide", "EU") == 2
    assert creditmodel._mentions("Tesla said; Teslas", "Tesla") == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("AaBbKkXx (),.:-|—1\n"), max_size=60), min_size=1, max_size=6))
def test_a_span_is_always_printed_text(texts: list[str]) -> None:
    page = lines(*(t.replace("\n", " ") for t in texts))
    for span in creditmodel.spans(page, [0], "", None, is_outlet):
        assert span.text and span.text in page[span.block].text
        assert len(span.features) == len(creditmodel.FEATURE_NAMES)


def outlet(value: str, block: int, score: float, why: str, printed: bool = True) -> Candidate:
    return Candidate("outlet", value, block, score, why, printed=printed)


MODEL_WHY = f"line 9: {resolver.MODEL_CREDIT_WHY} (probability 0.97){resolver.PRINTED_CREDIT}"


def test_the_models_outlet_gives_way_to_a_rules_printed_credit() -> None:
    chosen = resolver.resolve([outlet("Kyodo News", 9, resolver.MODEL_CREDIT, MODEL_WHY),
                               outlet("Xinhua", 3, resolver.DATELINE, "dateline of the first paragraph")],
                              outlet_page=False)
    assert [c.value for c in chosen.outlets] == ["Xinhua"]


def test_the_models_outlet_outranks_metadata_alone() -> None:
    chosen = resolver.resolve([outlet("Kyodo News", 9, resolver.MODEL_CREDIT, MODEL_WHY),
                               outlet("Example Site", 1 << 30, resolver.META_OUTLET, "og:site_name", printed=False)],
                              outlet_page=False)
    assert [c.value for c in chosen.outlets] == ["Kyodo News", "Example Site"]
