"""Train the learned line scorer on the labelled text dumps, and measure it leave-one-set-out.

    python bench/train_lines.py              # fit on every labelled set, write feeder/data/linemodel.json
    python bench/train_lines.py --evaluate   # leave-one-set-out: line figures, then body/title vs feeder
    python bench/train_lines.py --wired      # leave-one-set-out: feeder with the model wired in vs without it

Each non-blank line of a labelled dump (cut as the text extractor cuts it) is labelled body when it
holds one of the expected paragraphs (as printed, or with a dateline token or glued credit the
cleaning removes), headline when it reads as the expected title. Two logistic regressions are fitted
by plain stochastic gradient (Adagrad steps) in file and line order: no randomness, weights rounded,
so the same files give the same model bytes. The evaluation swaps only the dump's title and body
for the model's in feeder's own pipeline (the body then goes through feeder's paragraph cleaning)
and compares with feeder's answer on the same left-out files, as ``feeder inspect --json`` gives it.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import logistic

from feeder import cli
from feeder.extract import blocks, linemodel, resolver, rules
from feeder.extract import text as text_extractor
from feeder.extract.datelines import strip_datelines
from feeder.extract.line_joins import glued_stamps
from feeder.extract.proposals import Found
from feeder.extract.shapes import IsOutlet, Line
from feeder.extract.titles import quoted_headline, split_title, unquoted_excerpt
from feeder.fold import fold_text
from feeder.records import Clue, Page
from feeder.score import Score, labelled, score
from feeder.sources import build_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The labelled sets that may be trained on (heldout4 and sets not run yet stay untouched: never fitted on).
SETS = ("scenarios", "corpus", "heldout", "heldout2", "heldout3", "blind5", "blind6", "blind7", "blind9",
        "blind8", "blind10", "blind12", "blind15", "blind16", "blind17", "blind18", "blind19",
        "blind20", "blind21", "blind23", "blind24", "blind25")
MODEL_PATH = ROOT / "feeder" / "data" / "linemodel.json"
EPOCHS = 12
STEP = 0.3  # Adagrad's base step
L2 = 1e-4
DIGITS = 6  # weights are rounded so the file's bytes do not hang on the last bit of a float sum


@dataclass(frozen=True)
class Case:
    set_name: str
    path: Path
    lines: list[str]
    x: list[list[float]]
    body: list[int]
    head: list[int]


def dump_lines(text: str, is_outlet: IsOutlet) -> list[str]:
    """A dump's non-blank lines as the text extractor reads them (forum markup gone, unwrapped, carried-on
    sentences joined, glued bylines cut)."""
    if "[" in text:
        text = rules.BBCODE_TAG.sub("", text)
    raw_lines = text.split("\n")
    width = blocks.wrap_width(raw_lines)
    if width is not None:
        lines = [Line(joined, "") for joined, _ in blocks.unwrap(raw_lines, width)]
    else:
        lines = [Line(x, "") for x in blocks.squeezed(text)]
    lines = text_extractor._continued(lines)
    return [x.text for x in glued_stamps(text_extractor._unglued_bylines([x for x in lines if x.text], is_outlet))]


def head_text(lines: Sequence[str], index: int, is_outlet: IsOutlet) -> str:
    """The headline a line gives: the first line is the page title, cut from the site's name."""
    return split_title(lines[0], lines[1:], is_outlet)[0] if index == 0 else lines[index]


def _holds(line: str, paragraph: str) -> bool:
    if not paragraph or len(paragraph) * 2 < len(line):
        return False
    if paragraph in line:
        return True
    words = paragraph.split()  # a dateline token the cleaning took out of the first words
    return len(words) >= 8 and line.startswith(words[0]) and " ".join(words[3:]) in line


def labels(lines: Sequence[str], expected: dict[str, Any], is_outlet: IsOutlet) -> tuple[list[int], list[int]]:
    paragraphs = [fold_text(p) for p in expected.get("body") or ()]
    title = fold_text(expected.get("title") or "")
    body = [int(any(_holds(fold_text(x), p) for p in paragraphs)) for x in lines]
    head = [int(i < linemodel.HEADLINE_REACH and bool(title) and fold_text(head_text(lines, i, is_outlet)) == title)
            for i in range(len(lines))]
    return body, head


def load_cases(is_outlet: IsOutlet) -> list[Case]:
    cases = []
    for set_name in SETS:
        for path in sorted((FIXTURES / set_name).glob("*.txt")):
            expected_path = path.with_suffix(".json")
            if not expected_path.is_file():
                continue
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            if expected.get("status") != "ok":
                continue
            lines = dump_lines(path.read_text(encoding="utf-8", errors="replace"), is_outlet)
            body, head = labels(lines, expected, is_outlet)
            cases.append(Case(set_name, path, lines, linemodel.features(lines), body, head))
    return cases


def fit(rows: Sequence[tuple[Sequence[float], int]]) -> list[float]:
    """Logistic regression by Adagrad steps over the rows in order, a fixed number of epochs."""
    return logistic.fit(rows, len(rows[0][0]), epochs=EPOCHS, step=STEP, l2=L2, digits=DIGITS)


def train(cases: Sequence[Case]) -> linemodel.Model:
    """The body model, then the headline model over the body model's own runs (as it will see them)."""
    body = fit([(x, y) for c in cases for x, y in zip(c.x, c.body, strict=True)])
    rows: list[tuple[list[float], int]] = []
    for c in cases:
        probabilities = [linemodel.probability(body, x) for x in c.x]
        spans = linemodel.span_features(c.x, linemodel.body_span(probabilities))
        rows += [([*x, *spans[i]], y) for i, (x, y) in enumerate(zip(c.x, c.head, strict=True))
                 if i < linemodel.HEADLINE_REACH]
    return linemodel.Model(tuple(body), tuple(fit(rows)))


def model_bytes(model: linemodel.Model) -> bytes:
    data = {"about": "line scorer: logistic regressions, trained by python bench/train_lines.py",
            "features": list(linemodel.FEATURE_NAMES),
            "headline features": list(linemodel.HEADLINE_NAMES),
            "body": list(model.body), "headline": list(model.headline)}
    return (json.dumps(data, indent=0, ensure_ascii=False) + "\n").encode("utf-8")


def decode(lines: Sequence[str], scores: Sequence[linemodel.LineScores], is_outlet: IsOutlet
           ) -> tuple[str | None, list[str]]:
    """The model's headline and body paragraphs (the span's body lines, cleaned as feeder cleans them)."""
    found = Found()
    found.body.extend(lines[i] for i in linemodel.story_lines(scores))
    body = strip_datelines(found, is_outlet)
    top = linemodel.headline_line_of(lines, scores)
    title = head_text(lines, top, is_outlet) if top is not None else None
    if title is not None and (quoted := quoted_headline(title, is_outlet)) is not None:
        return quoted, unquoted_excerpt(body)  # "Outlet: 'Headline'" over a quoted excerpt, as feeder reads it
    return title, body


def line_figures(cases: Sequence[Case], model: linemodel.Model) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, actual) per role, at the decoded choice (span lines, top headline)."""
    tally = {"body": [0, 0, 0], "headline": [0, 0, 0]}
    for c in cases:
        scores = linemodel.score_lines(c.lines, model)
        chosen = set(linemodel.story_lines(scores))
        for i, y in enumerate(c.body):
            tally["body"][0] += y and i in chosen
            tally["body"][1] += i in chosen
            tally["body"][2] += y
        top = linemodel.headline_line_of(c.lines, scores)
        tally["headline"][0] += top is not None and bool(c.head[top])
        tally["headline"][1] += top is not None
        tally["headline"][2] += any(c.head)
    return {k: (v[0], v[1], v[2]) for k, v in tally.items()}


def _patched_extract(model: linemodel.Model) -> Callable[[str, IsOutlet], Page | None]:
    original = text_extractor.extract_text

    def extract_text(text: str, is_outlet: IsOutlet) -> Page | None:
        page = original(text, is_outlet)
        if page is None:
            return None
        lines = dump_lines(text, is_outlet)
        title, body = decode(lines, linemodel.score_lines(lines, model), is_outlet)
        return replace(page, title=Clue(title, "line model") if title else page.title, body=tuple(body))
    return extract_text


def field_figures(paths: Sequence[Path], model: linemodel.Model | None) -> dict[str, int]:
    """Files whose title and body are exactly right, and false credits, with feeder's own extractor (model
    None) or with the model's title and body swapped in."""
    import feeder.extract as extraction

    config = cli._builtin_config()
    saved = getattr(extraction, "extract_text")  # noqa: B009 - the name extract() calls, swapped below
    if model is not None:
        setattr(extraction, "extract_text", _patched_extract(model))  # noqa: B010
    try:
        counts = {"title": 0, "body": 0, "false credits": 0}
        for path in paths:
            expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            got = cli.inspect_record(path, config)
            counts["title"] += got.get("title") == expected["title"]
            counts["body"] += got.get("body") == expected["body"]
            counts["false credits"] += sum(
                1 for name in ("source", "authors", "republisher")
                if name in expected and _false(name, expected[name], got.get(name)))
        return counts
    finally:
        setattr(extraction, "extract_text", saved)  # noqa: B010


def _false(name: str, expected: Any, got: Any) -> bool:
    from feeder.score import false_credit

    return false_credit(name, expected, got) is not None


def _ratio(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "-"


def evaluate(cases: Sequence[Case]) -> None:
    print("| held out | dumps | body P | body R | head right | body: model / feeder | title: model / feeder "
          "| false credits: model / feeder |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    pooled: dict[str, int] = {}
    for held in SETS:
        test = [c for c in cases if c.set_name == held]
        if not test:
            continue
        model = train([c for c in cases if c.set_name != held])
        lines = line_figures(test, model)
        paths = [c.path for c in test]
        mine, theirs = field_figures(paths, model), field_figures(paths, None)
        (tp, pred, act), (htp, _, hact) = lines["body"], lines["headline"]
        row = {"dumps": len(test), "tp": tp, "pred": pred, "act": act, "htp": htp, "hact": hact,
               **{f"m {k}": v for k, v in mine.items()}, **{f"f {k}": v for k, v in theirs.items()}}
        for key, value in row.items():
            pooled[key] = pooled.get(key, 0) + value
        _row(held, row)
    _row("**pooled**", pooled)


def _row(name: str, r: dict[str, int]) -> None:
    print(f"| {name} | {r['dumps']} | {_ratio(r['tp'], r['pred'])} | {_ratio(r['tp'], r['act'])} "
          f"| {r['htp']}/{r['hact']} | {r['m body']} / {r['f body']} | {r['m title']} / {r['f title']} "
          f"| {r['m false credits']} / {r['f false credits']} |")
    sys.stdout.flush()


# The wiring's named weights (extract/resolver.py); zero is feeder without the model.
WIRING = {"MODEL_HEADLINE": (resolver, resolver.MODEL_HEADLINE)}


def wired_figures(held: str, model: linemodel.Model, weights: dict[str, float]) -> Score:
    """feeder's score on one set with the wiring's weights set and the line model ``model`` in use."""
    config = cli._builtin_config()
    saved = {name: getattr(owner, name) for name, (owner, _) in WIRING.items()}
    saved_model = linemodel.shipped
    try:
        for name, (owner, _) in WIRING.items():
            setattr(owner, name, weights[name])
        setattr(linemodel, "shipped", lambda: model)  # noqa: B010 - the model trained without the held-out set
        return score(labelled([FIXTURES / held]), lambda path: cli.inspect_record(path, config))
    finally:
        for name, (owner, _) in WIRING.items():
            setattr(owner, name, saved[name])
        setattr(linemodel, "shipped", saved_model)  # noqa: B010


def evaluate_wired(cases: Sequence[Case], weights: dict[str, float]) -> None:
    """Each set held out in turn: the model trained on the other sets, feeder scored on the held-out set with
    the model wired in (``weights``) and without it (every wiring weight zero)."""
    unwired = dict.fromkeys(WIRING, 0.0)
    print(f"wiring: {weights}")
    print("| held out | files | body: wired / unwired | title: wired / unwired | all fields: wired / unwired "
          "| false credits: wired / unwired | republisher, republished: wired |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    pooled = [0] * 11
    for held in SETS:
        model = train([c for c in cases if c.set_name != held])
        on, off = wired_figures(held, model, weights), wired_figures(held, model, unwired)
        row = [on.files, on.right["body"], off.right["body"], on.right["title"], off.right["title"],
               sum(on.right.values()), sum(off.right.values()), len(on.false_credits), len(off.false_credits),
               on.right["republisher"], on.right["republished"]]
        pooled = [a + b for a, b in zip(pooled, row, strict=True)]
        _wired_row(held, row, off.total)
        sys.stdout.flush()
    print(f"| **pooled** | {pooled[0]} | {pooled[1]} / {pooled[2]} | {pooled[3]} / {pooled[4]} | {pooled[5]} / "
          f"{pooled[6]} | {pooled[7]} / {pooled[8]} | {pooled[9]}, {pooled[10]} |")


def _wired_row(held: str, r: Sequence[int], total: Counter[str]) -> None:
    print(f"| {held} | {r[0]} | {r[1]} / {r[2]} of {total['body']} | {r[3]} / {r[4]} of {total['title']} "
          f"| {r[5]} / {r[6]} of {sum(total.values())} | {r[7]} / {r[8]} | {r[9]}, {r[10]} of {total['republisher']} |")


def timing(cases: Sequence[Case], is_outlet: IsOutlet) -> None:
    """Median time to load the shipped model file, to score one dump's lines and to extract the same dump
    with feeder's text extractor (each the best of REPEAT runs, so a busy machine's stalls drop out)."""
    per_load = []
    for _ in range(21):
        linemodel.shipped.cache_clear()
        start = time.perf_counter()
        linemodel.shipped()
        per_load.append(time.perf_counter() - start)
    scoring, cold, extracting = [], [], []
    for c in cases:
        text = c.path.read_text(encoding="utf-8", errors="replace")
        scoring.append(_best_of(functools.partial(linemodel.score_lines, c.lines)))
        cold.append(_best_of(functools.partial(_cold_score, c.lines)))
        extracting.append(_best_of(functools.partial(text_extractor.extract_text, text, is_outlet)))
    ratios = sorted(a / b for a, b in zip(scoring, extracting, strict=True))
    print(f"load the model file: median {_median(per_load) * 1000:.2f} ms")
    print(f"score one dump: median {_median(scoring) * 1000:.3f} ms, max {max(scoring) * 1000:.2f} ms "
          f"({len(cases)} dumps, median {_median([len(c.lines) for c in cases]):.0f} lines); its short lines' "
          f"features not kept from a run before: median {_median(cold) * 1000:.3f} ms")
    print(f"feeder's text extractor on the same dumps: median {_median(extracting) * 1000:.3f} ms; "
          f"scoring / extracting: median {_median(ratios):.2f}")


REPEAT = 5


def _cold_score(lines: Sequence[str]) -> None:
    linemodel._short_shape.cache_clear()
    linemodel.score_lines(lines)


def _best_of(run: Callable[[], object]) -> float:
    best = math.inf
    for _ in range(REPEAT):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluate", action="store_true", help="leave-one-set-out figures instead of training")
    parser.add_argument("--timing", action="store_true", help="median load and per-dump scoring time")
    parser.add_argument("--wired", action="store_true", help="leave-one-set-out: feeder with the model wired vs not")
    for name, (_, shipped) in WIRING.items():
        parser.add_argument(f"--{name.lower().replace('_', '-')}", type=float, default=shipped,
                            help=f"with --wired: the weight {name} (shipped {shipped})")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    registry = build_registry()

    def is_outlet(name: str) -> bool:
        return registry.named(name) is not None

    cases = load_cases(is_outlet)
    if args.evaluate:
        evaluate(cases)
    elif args.wired:
        evaluate_wired(cases, {name: getattr(args, name.lower()) for name in WIRING})
    elif args.timing:
        timing(cases, is_outlet)
    else:
        args.out.write_bytes(model_bytes(train(cases)))
        print(f"{args.out.name}: {len(cases)} dumps, {sum(len(c.lines) for c in cases)} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
