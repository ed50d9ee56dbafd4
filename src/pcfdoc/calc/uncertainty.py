"""Monte Carlo uncertainty of a product's result, vectorised with numpy.

Each line's emission is lognormal with the calculated value as its median
(ecoinvent's convention) and σ = ln GSD. Lines are sampled independently.
Draws come from one seeded generator in a fixed order and in fixed-size
blocks of lines, so a seed gives the same draws everywhere and the memory held
stays at one block × iterations, whatever the inventory size. (``exp`` may
differ in the last bit between CPUs with and without SIMD maths, so results
agree across machines to about 1e-12, not bit for bit.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .results import LineResult, Spread, Uncertainty, VarianceShare

#: Lines whose draws are summed by stage before joining the totals. It fixes how the additions
#: are grouped, so it is part of the result (in the last bits), not a tuning knob.
BLOCK = 256
#: Lines drawn and transformed at once: CHUNK × 10,000 doubles stay in the CPU cache through
#: draw, exp and sum, where a whole block (20 MB) went to memory and back at every step.
#: Draws fill rows in order, so it changes neither the draws nor the sums.
CHUNK = 8
HISTOGRAM_BINS = 40
#: How many lines the variance ranking keeps.
VARIANCE_COUNT = 10
PERCENTILES = (2.5, 50.0, 97.5)


def monte_carlo(lines: Sequence[LineResult], stage_ids: Sequence[str], iterations: int,
                seed: int) -> Uncertainty:
    """Statistics of the total and of each stage over ``iterations`` draws."""
    rng = np.random.default_rng(seed)
    medians = np.array([line.kgco2e for line in lines], dtype=float)
    sigmas = np.array([math.log(line.quality.gsd) for line in lines], dtype=float)
    stage_index = {stage: i for i, stage in enumerate(stage_ids)}
    line_stage = np.array([stage_index[line.stage] for line in lines], dtype=np.intp)
    stage_totals = np.zeros((len(stage_ids), iterations))
    block_sums = np.empty_like(stage_totals)
    buffer = np.empty((CHUNK, iterations))  # reused: a fresh array per chunk costs page faults
    for start in range(0, len(lines), BLOCK):
        stop = min(start + BLOCK, len(lines))
        begun: list[int] = []
        for first in range(start, stop, CHUNK):
            last = min(first + CHUNK, stop)
            draws = buffer[: last - first]
            rng.standard_normal(out=draws)
            draws *= sigmas[first:last, None]
            np.exp(draws, out=draws)
            draws *= medians[first:last, None]
            # Row by row in line order, as numpy's sum(axis=0) over the block added them (on
            # every CPU; a BLAS product would not): (((r0 + r1) + r2) + …) per stage and block.
            for row, stage in zip(draws, line_stage[first:last].tolist(), strict=True):
                if stage in begun:
                    block_sums[stage] += row
                else:
                    block_sums[stage] = row
                    begun.append(stage)
        for stage in begun:
            stage_totals[stage] += block_sums[stage]
    totals = stage_totals.sum(axis=0)
    try:
        counts, edges = np.histogram(totals, bins=HISTOGRAM_BINS)
    except ValueError:  # a spread narrower than float spacing allows (subnormal or huge totals)
        counts, edges = np.array([totals.size]), np.array([totals.min(), totals.max()])
    return Uncertainty(
        iterations=iterations,
        seed=seed,
        total=_spread("total", totals),
        stages=tuple(_spread(stage, stage_totals[i]) for i, stage in enumerate(stage_ids)),
        histogram_edges=tuple(float(edge) for edge in edges),
        histogram_counts=tuple(int(count) for count in counts),
        variance=_variance_shares(lines, medians, sigmas),
    )


def _spread(spread_id: str, samples: np.ndarray) -> Spread:
    low, median, high = np.percentile(samples, PERCENTILES)
    return Spread(spread_id, float(samples.mean()), float(low), float(median), float(high))


def _variance_shares(lines: Sequence[LineResult], medians: np.ndarray,
                     sigmas: np.ndarray) -> tuple[VarianceShare, ...]:
    """Each line's share of the variance of the total, exact for independent lognormals.

    Var = m² · e^{σ²} · (e^{σ²} − 1) for median m; independent variances add up.
    """
    spread = np.exp(sigmas ** 2)
    variances = medians ** 2 * spread * (spread - 1.0)
    whole = float(variances.sum())
    if whole <= 0:
        return ()
    order = np.argsort(-variances, kind="stable")[:VARIANCE_COUNT]
    return tuple(VarianceShare(lines[i].id, lines[i].name, float(variances[i] / whole))
                 for i in order if variances[i] > 0)
