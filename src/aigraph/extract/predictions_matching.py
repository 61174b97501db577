"""Each scorecard grade tied to the prediction of the year before that it grades.

A grade restates its prediction in other words, so the two are tied by text
similarity (rapidfuzz), and an outcome that cannot be tied clearly is reported,
never guessed. Re-exported by :mod:`aigraph.extract.predictions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aigraph.records import Outcome, Prediction

__all__ = ["OutcomeMatch", "match_outcomes"]


@dataclass(frozen=True, slots=True)
class OutcomeMatch:
    """An outcome tied to the prediction it grades, with the similarity that tied them."""

    outcome: Outcome
    prediction: Prediction
    score: float


def match_outcomes(outcomes: Iterable[Outcome], predictions: Sequence[Prediction], *,
                   threshold: float = 62.0, margin: float = 4.0):
    """Tie each outcome to one prediction of the year before it.

    An outcome is tied when its best similarity (rapidfuzz ``token_set_ratio`` of
    the restated claim against the prediction, 0-100) reaches ``threshold`` and
    beats the runner-up by ``margin``. Returns ``(matches, unmatched, repeats)``:
    unmatched outcomes, and outcomes that grade a prediction already graded (the
    first grade is kept).
    """
    from rapidfuzz import fuzz, process, utils

    matches: list[OutcomeMatch] = []
    unmatched: list[Outcome] = []
    repeats: list[OutcomeMatch] = []
    graded: set[int] = set()
    # One pool per outcome year, its texts processed once (a large build grades many
    # outcomes against the same year's predictions).
    pools: dict[int | None, tuple[list[Prediction], list[str]]] = {}
    for outcome in outcomes:
        if outcome.year not in pools:
            pool = [p for p in predictions if outcome.year is None or p.year is None or p.year == outcome.year - 1]
            pools[outcome.year] = (pool, [utils.default_process(p.text) for p in pool])
        pool, texts = pools[outcome.year]
        if not pool:
            unmatched.append(outcome)
            continue
        ranked = process.extract(utils.default_process(outcome.claim), texts, scorer=fuzz.token_set_ratio,
                                 processor=None, limit=2)
        best_text, best, index = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if best < threshold or best - runner_up < margin:
            unmatched.append(outcome)
            continue
        match = OutcomeMatch(outcome, pool[index], float(best))
        if id(pool[index]) in graded:
            repeats.append(match)
            continue
        graded.add(id(pool[index]))
        matches.append(match)
    return matches, unmatched, repeats
