"""Monte Carlo uncertainty of a product's result, vectorised with numpy.

Each line's emission is lognormal with the calculated value as its median (ecoinvent's
convention). Its spread has two independent parts (see calc.quality): the activity data's,
drawn for the line alone, and the emission factor's, drawn once per iteration for the factor
and shared by every line that uses it, as a background process shared by several foreground
exchanges in openLCA or Brightway. In iteration k line i is

    mᵢ · exp(σₐᵢ · Zᵢₖ + σ_fᵢ · W_f(i)k)

with Z and W independent standard normals. A factor used by one line only (and a supplier's
declared value) has nothing to share: its part joins the line's own draw.

Line draws come from one seeded generator in a fixed order and in fixed-size blocks of lines;
each shared factor draws from a stream of its own (the same seed, spawned by the factor's
position), so a seed gives the same draws everywhere and the memory held stays at one block ×
iterations plus a bounded cache of factor draws, whatever the inventory size. (``exp`` may
differ in the last bit between CPUs with and without SIMD maths, so results agree across
machines to about 1e-12, not bit for bit.)
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Sequence

import numpy as np

from .results import BasicUncertainty, LineResult, SharedFactor, Spread, Uncertainty, VarianceShare

#: Lines whose draws are summed by stage before joining the totals. It fixes how the additions
#: are grouped, so it is part of the result (in the last bits), not a tuning knob.
BLOCK = 256
#: Lines drawn and transformed at once: CHUNK × 10,000 doubles stay in the CPU cache through
#: draw, exp and sum, where a whole block (20 MB) went to memory and back at every step.
#: Draws fill rows in order, so it changes neither the draws nor the sums.
CHUNK = 8
#: Memory for the shared factors' draws kept at once (800 factors at 10,000 iterations, 8 at a
#: million); a factor evicted is drawn again from its own stream, identically.
FACTOR_CACHE_BYTES = 64 * 2**20
HISTOGRAM_BINS = 40
#: How many lines the variance ranking keeps.
VARIANCE_COUNT = 10
PERCENTILES = (2.5, 50.0, 97.5)


class _FactorDraws:
    """Each shared factor's standard normal draws, from a stream of its own."""

    def __init__(self, seed: int, iterations: int):
        self.seed, self.iterations = seed, iterations
        self.limit = max(1, FACTOR_CACHE_BYTES // (8 * iterations))
        self.cache: OrderedDict[int, np.ndarray] = OrderedDict()

    def __getitem__(self, group: int) -> np.ndarray:
        draws = self.cache.get(group)
        if draws is None:
            # spawn key (1, group): a stream apart from the line draws (key ()) and from every other factor
            stream = np.random.default_rng(np.random.SeedSequence(self.seed, spawn_key=(1, group)))
            draws = self.cache[group] = stream.standard_normal(self.iterations)
            if len(self.cache) > self.limit:
                self.cache.popitem(last=False)
        else:
            self.cache.move_to_end(group)
        return draws


def _groups(lines: Sequence[LineResult]) -> tuple[list[int], list[SharedFactor]]:
    """Each line's shared-factor group (-1: none) and the shared factors, in order of first use."""
    users: dict[str, list[str]] = {}
    for line in lines:
        if line.factor_id is not None and line.quality.factor_gsd > 1.0:
            users.setdefault(line.factor_id, []).append(line.id)
    shared = {factor_id: index for index, factor_id in
              enumerate(factor_id for factor_id, ids in users.items() if len(ids) > 1)}
    groups = [shared.get(line.factor_id, -1) if line.quality.factor_gsd > 1.0 else -1 for line in lines]
    return groups, [SharedFactor(factor_id, tuple(users[factor_id])) for factor_id in shared]


def monte_carlo(lines: Sequence[LineResult], stage_ids: Sequence[str], iterations: int,
                seed: int) -> Uncertainty:
    """Statistics of the total and of each stage over ``iterations`` draws."""
    groups, shared = _groups(lines)
    stage_totals, activity_sigmas, factor_sigmas = _sample(lines, groups, stage_ids, iterations, seed)
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
        variance=_variance_shares(lines, medians_of(lines), activity_sigmas, factor_sigmas, groups),
        shared_factors=tuple(shared),
        basic=_basic(lines),
    )


def medians_of(lines: Sequence[LineResult]) -> np.ndarray:
    return np.array([line.kgco2e for line in lines], dtype=float)


def stage_samples(lines: Sequence[LineResult], stage_ids: Sequence[str], iterations: int,
                  seed: int) -> np.ndarray:
    """The sampled emissions of each stage (stages × iterations), as monte_carlo draws them."""
    groups, _ = _groups(lines)
    return _sample(lines, groups, stage_ids, iterations, seed)[0]


def _sample(lines: Sequence[LineResult], groups: Sequence[int], stage_ids: Sequence[str], iterations: int,
            seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stage totals per iteration, and the activity and factor sigmas the lines were drawn with."""
    rng = np.random.default_rng(seed)
    medians = medians_of(lines)
    factor_sigmas = np.array([line.quality.factor_sigma for line in lines], dtype=float)
    activity_sigmas = np.array([line.quality.activity_sigma for line in lines], dtype=float)
    own = np.array(groups) < 0
    factor_sigmas[own] = 0.0  # nothing to share: the factor's spread joins the line's own draw
    activity_sigmas[own] = np.log([line.quality.gsd for line, alone in zip(lines, own, strict=True) if alone])
    factor_draws = _FactorDraws(seed, iterations)
    stage_index = {stage: i for i, stage in enumerate(stage_ids)}
    line_stage = np.array([stage_index[line.stage] for line in lines], dtype=np.intp)
    stage_totals = np.zeros((len(stage_ids), iterations))
    block_sums = np.empty_like(stage_totals)
    buffer = np.empty((CHUNK, iterations))  # reused: a fresh array per chunk costs page faults
    shifted = np.empty(iterations)
    for start in range(0, len(lines), BLOCK):
        stop = min(start + BLOCK, len(lines))
        begun: list[int] = []
        for first in range(start, stop, CHUNK):
            last = min(first + CHUNK, stop)
            draws = buffer[: last - first]
            rng.standard_normal(out=draws)
            draws *= activity_sigmas[first:last, None]
            for offset, group in enumerate(groups[first:last]):
                if group >= 0:
                    np.multiply(factor_draws[group], factor_sigmas[first + offset], out=shifted)
                    draws[offset] += shifted
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
    return stage_totals, activity_sigmas, factor_sigmas


def _spread(spread_id: str, samples: np.ndarray) -> Spread:
    low, median, high = np.percentile(samples, PERCENTILES)
    return Spread(spread_id, float(samples.mean()), float(low), float(median), float(high))


def _basic(lines: Sequence[LineResult]) -> tuple[BasicUncertainty, ...]:
    """The basic uncertainties lines drew from (a line with a given GSD uses none)."""
    used = Counter((line.quality.basic_kind, line.quality.basic_gsd2) for line in lines
                   if not line.quality.gsd_given)
    return tuple(BasicUncertainty(kind, gsd2, count) for (kind, gsd2), count in sorted(used.items()))


def _variance_shares(lines: Sequence[LineResult], medians: np.ndarray, activity_sigmas: np.ndarray,
                     factor_sigmas: np.ndarray, groups: Sequence[int]) -> tuple[VarianceShare, ...]:
    """Each line's share of the variance of the total: Cov(line, total) / Var(total).

    These covariances add up to the variance of the total exactly, so the shares add up to 1 with
    the factors' correlation counted: a pair of lines sharing a factor adds 2·Cov(i, j) to the
    variance, half of it to each. For lognormal lines with means aᵢ = mᵢ·exp((σₐᵢ² + σ_fᵢ²)/2):
    Var(i) = aᵢ² (exp(σₐᵢ² + σ_fᵢ²) − 1), and Cov(i, j) = aᵢ aⱼ (exp(σ_fᵢ σ_fⱼ) − 1) when i and j
    share a factor (0 otherwise). Exact, not sampled.
    """
    total_var = activity_sigmas ** 2 + factor_sigmas ** 2
    means = medians * np.exp(total_var / 2)
    contributions = means ** 2 * np.expm1(total_var)
    members: dict[int, list[int]] = {}
    for index, group in enumerate(groups):
        if group >= 0:
            members.setdefault(group, []).append(index)
    for indices in members.values():
        idx = np.array(indices)
        a, s = means[idx], factor_sigmas[idx]
        # Σⱼ aⱼ (exp(sᵢ sⱼ) − 1) over the group, through the group's few distinct σ_f values.
        values, inverse = np.unique(s, return_inverse=True)
        sums = np.bincount(inverse, weights=a)
        others = np.expm1(np.outer(s, values)) @ sums - a * np.expm1(s ** 2)
        contributions[idx] += a * others
    whole = float(contributions.sum())
    if whole <= 0 or not math.isfinite(whole):
        return ()
    order = np.argsort(-contributions, kind="stable")[:VARIANCE_COUNT]
    return tuple(VarianceShare(lines[i].id, lines[i].name, float(contributions[i] / whole))
                 for i in order if contributions[i] > 0)
