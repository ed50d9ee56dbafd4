"""Monte Carlo: reproducible, vectorised, and statistically what lognormals imply."""

import math

import numpy as np
import pytest

from pcfdoc.calc import uncertainty
from pcfdoc.calc.results import LineQuality, LineResult
from pcfdoc.calc.uncertainty import monte_carlo

from conftest import fixture_data
from helpers import calculated


def line(line_id, stage, kg, gsd, factor_id=None, activity_sigma=None, factor_sigma=0.0):
    """A line of ``kg`` median; with sigmas, its spread splits into the activity's and the factor's."""
    if activity_sigma is not None:
        gsd = math.exp(math.hypot(activity_sigma, factor_sigma))
        quality = LineQuality((1,) * 5, ("given",) * 5, 1.0, gsd, False, 1.05, "inventory",
                              math.exp(activity_sigma), math.exp(factor_sigma))
    else:
        quality = LineQuality((1,) * 5, ("given",) * 5, 1.0, gsd, True, 1.05)
    return LineResult(line_id, "inventory", stage, line_id, 1.0, "kg", factor_id, kg, "kgCO2e/kg", (), kg,
                      0.0, "primary", None, quality=quality)


def _var(median, sigma_total2):
    return median ** 2 * math.exp(sigma_total2) * math.expm1(sigma_total2)


def test_default_is_ten_thousand_seeded_iterations():
    (product,) = calculated(fixture_data("minimal.toml")).products
    assert product.uncertainty.iterations == 10_000
    assert product.uncertainty.seed == 1
    again = calculated(fixture_data("minimal.toml")).products[0].uncertainty
    assert again == product.uncertainty


def test_a_seed_changes_the_draws_and_the_spec_sets_it():
    data = fixture_data("minimal.toml")
    data["uncertainty"] = {"seed": 7, "iterations": 2000}
    result = calculated(data).products[0].uncertainty
    assert (result.seed, result.iterations) == (7, 2000)
    assert result.total.mean != calculated(fixture_data("minimal.toml")).products[0].uncertainty.total.mean


def test_one_lognormal_line_has_the_expected_quantiles():
    sigma = math.log(1.5)
    result = monte_carlo([line("a", "production", 100.0, 1.5)], ["production"], 200_000, 3)
    total = result.total
    assert total.p50 == pytest.approx(100.0, rel=0.01)
    assert total.mean == pytest.approx(100.0 * math.exp(sigma ** 2 / 2), rel=0.01)
    assert total.p2_5 == pytest.approx(100.0 * math.exp(-1.959964 * sigma), rel=0.01)
    assert total.p97_5 == pytest.approx(100.0 * math.exp(1.959964 * sigma), rel=0.01)
    assert result.stages[0] == pytest.approx(total) or result.stages[0].p50 == total.p50


def test_stages_add_up_to_the_total_draw_by_draw():
    lines = [line(f"l{i}", stage, 10.0 + i, 1.2) for i, stage in
             enumerate(["raw_material", "production", "raw_material", "production"] * 200)]
    result = monte_carlo(lines, ["raw_material", "production"], 5000, 11)
    means = sum(stage.mean for stage in result.stages)
    assert means == pytest.approx(result.total.mean, rel=1e-12)
    assert sum(result.histogram_counts) == 5000
    assert len(result.histogram_edges) == len(result.histogram_counts) + 1
    assert result.histogram_edges[0] <= result.total.p2_5 <= result.total.p97_5 <= result.histogram_edges[-1]


def test_blocks_do_not_change_the_order_of_draws():
    # 300 lines span two blocks; the first block's draws are the same as with 256 lines alone.
    lines = [line(f"l{i}", "production", 1.0, 1.1) for i in range(300)]
    rng = np.random.default_rng(5)
    first = rng.standard_normal((256, 1000))
    second = rng.standard_normal((44, 1000))
    expected = np.exp(np.vstack([first, second]) * math.log(1.1)).sum(axis=0)
    result = monte_carlo(lines, ["production"], 1000, 5)
    assert result.total.mean == pytest.approx(float(expected.mean()), rel=1e-12)


@pytest.mark.parametrize("chunk", [1, 3, 8, 256])
def test_chunks_add_up_exactly_as_whole_blocks_summed_by_numpy(monkeypatch, chunk):
    # Lines of three stages, interleaved, over three blocks; the reference draws a whole block
    # at once and sums each stage's rows with sum(axis=0), as pcfdoc did before chunks.
    stages = ["raw_material", "production", "use"]
    lines = [line(f"l{i}", stages[(i // 7) % 3], 1.0 + i % 5, 1.1 + (i % 4) / 10) for i in range(600)]
    medians = np.array([ln.kgco2e for ln in lines])
    sigmas = np.log([ln.quality.gsd for ln in lines])
    of_stage = np.array([stages.index(ln.stage) for ln in lines])
    rng = np.random.default_rng(9)
    expected = np.zeros((3, 1000))
    for start in range(0, 600, 256):
        stop = min(start + 256, 600)
        draws = np.exp(rng.standard_normal((stop - start, 1000)) * sigmas[start:stop, None])
        draws *= medians[start:stop, None]
        for stage in range(3):
            expected[stage] += draws[of_stage[start:stop] == stage].sum(axis=0)
    monkeypatch.setattr(uncertainty, "CHUNK", chunk)
    result = monte_carlo(lines, stages, 1000, 9)

    def figures(samples):
        return [float(samples.mean()), *(float(p) for p in np.percentile(samples, (2.5, 50, 97.5)))]

    assert [[s.mean, s.p2_5, s.p50, s.p97_5] for s in result.stages] == [figures(row) for row in expected]
    assert [result.total.mean, result.total.p2_5, result.total.p50, result.total.p97_5] == figures(
        expected.sum(axis=0))


def test_variance_shares_are_exact_and_largest_first():
    lines = [line("small", "production", 10.0, 1.1), line("big", "production", 100.0, 1.5),
             line("certain", "production", 50.0, 1.0)]
    result = monte_carlo(lines, ["production"], 1000, 1)

    def variance(median, gsd):
        spread = math.exp(math.log(gsd) ** 2)
        return median ** 2 * spread * (spread - 1)

    whole = variance(10, 1.1) + variance(100, 1.5)
    assert [v.line_id for v in result.variance] == ["big", "small"]  # no spread, no share
    assert result.variance[0].share == pytest.approx(variance(100, 1.5) / whole)
    assert sum(v.share for v in result.variance) == pytest.approx(1.0)


def test_a_product_with_no_emission_has_a_degenerate_spread():
    result = monte_carlo([line("zero", "production", 0.0, 1.5)], ["production"], 1000, 1)
    assert (result.total.mean, result.total.p2_5, result.total.p97_5) == (0.0, 0.0, 0.0)
    assert result.variance == ()


def test_totals_too_small_for_forty_bins_get_one():
    # 5e-324 is the smallest float: 40 bins cannot divide its spread (found by hypothesis)
    result = monte_carlo([line("tiny", "production", 5e-324, 1.5)], ["production"], 1000, 1)
    assert result.histogram_counts == (1000,)
    assert len(result.histogram_edges) == 2
    assert result.total.p50 == 5e-324


# -- lines that share a factor ------------------------------------------------------------

SIGMA_A, SIGMA_F = 0.1, 0.3


def _pair(shared: bool):
    return [line("a", "production", 100.0, None, "f", SIGMA_A, SIGMA_F),
            line("b", "production", 50.0, None, "f" if shared else "g", SIGMA_A, SIGMA_F)]


def _sample_variance(result_lines, iterations, seed):
    totals = uncertainty.stage_samples(result_lines, ["production"], iterations, seed).sum(axis=0)
    return monte_carlo(result_lines, ["production"], iterations, seed), float(totals.var(ddof=1))


def test_two_lines_sharing_a_factor_add_its_covariance_to_the_variance():
    # Median m, σ² = σa² + σf²; mean a = m·exp(σ²/2). Var(line) = a²(exp(σ²) − 1); lines sharing the
    # factor draw the same W: Cov(a, b) = a_a a_b (exp(σf_a σf_b) − 1).
    s2 = SIGMA_A ** 2 + SIGMA_F ** 2
    mean_a, mean_b = 100 * math.exp(s2 / 2), 50 * math.exp(s2 / 2)
    independent = _var(100, s2) + _var(50, s2)
    covariance = mean_a * mean_b * math.expm1(SIGMA_F * SIGMA_F)
    iterations = 400_000
    alone, var_alone = _sample_variance(_pair(shared=False), iterations, 3)
    shared, var_shared = _sample_variance(_pair(shared=True), iterations, 3)
    # The sample variance of a sum of lognormals has a relative standard error of a few 1e-3 here.
    assert var_alone == pytest.approx(independent, rel=0.02)
    assert var_shared == pytest.approx(independent + 2 * covariance, rel=0.02)
    assert var_shared - var_alone == pytest.approx(2 * covariance, rel=0.08)
    assert 2 * covariance / independent > 0.7  # here the correlation adds about 70 % to the variance
    # the means do not move: correlation changes the spread, not the expectation
    assert shared.total.mean == pytest.approx(mean_a + mean_b, rel=0.005)
    assert alone.total.mean == pytest.approx(mean_a + mean_b, rel=0.005)
    assert [(f.factor_id, f.line_ids) for f in shared.shared_factors] == [("f", ("a", "b"))]
    assert alone.shared_factors == ()


def test_variance_shares_count_the_covariance_half_to_each_line():
    result = monte_carlo(_pair(shared=True), ["production"], 1000, 1)
    s2 = SIGMA_A ** 2 + SIGMA_F ** 2
    mean_a, mean_b = 100 * math.exp(s2 / 2), 50 * math.exp(s2 / 2)
    covariance = mean_a * mean_b * math.expm1(SIGMA_F * SIGMA_F)
    whole = _var(100, s2) + _var(50, s2) + 2 * covariance
    shares = {v.line_id: v.share for v in result.variance}
    assert shares["a"] == pytest.approx((_var(100, s2) + covariance) / whole, rel=1e-12)
    assert shares["b"] == pytest.approx((_var(50, s2) + covariance) / whole, rel=1e-12)
    assert sum(shares.values()) == pytest.approx(1.0, rel=1e-12)


def test_shares_of_a_large_group_with_several_spreads_add_up_exactly():
    lines = [line(f"l{i}", "production", 1.0 + i % 7, None, "f", 0.05 * (i % 3), 0.1 + 0.1 * (i % 4))
             for i in range(300)]
    result = monte_carlo(lines, ["production"], 1000, 1)
    a = np.array([ln.kgco2e for ln in lines])
    sa = np.array([ln.quality.activity_sigma for ln in lines])
    sf = np.array([ln.quality.factor_sigma for ln in lines])
    means = a * np.exp((sa ** 2 + sf ** 2) / 2)
    covariance = np.outer(means, means) * np.expm1(np.outer(sf, sf))
    np.fill_diagonal(covariance, means ** 2 * np.expm1(sa ** 2 + sf ** 2))
    exact = covariance.sum(axis=1) / covariance.sum()
    top = np.argsort(-exact, kind="stable")[:uncertainty.VARIANCE_COUNT]
    assert [v.line_id for v in result.variance] == [f"l{i}" for i in top]
    assert [v.share for v in result.variance] == pytest.approx(list(exact[top]), rel=1e-9)


def test_a_factor_used_once_has_nothing_to_share():
    result = monte_carlo([line("a", "production", 100.0, None, "f", SIGMA_A, SIGMA_F)], ["production"],
                         200_000, 5)
    sigma = math.hypot(SIGMA_A, SIGMA_F)
    assert result.shared_factors == ()
    assert result.total.p97_5 == pytest.approx(100.0 * math.exp(1.959964 * sigma), rel=0.01)


def test_shared_draws_are_reproducible_whatever_the_cache_holds(monkeypatch):
    lines = [line(f"l{i}", "production", 1.0 + i, None, f"f{i % 5}", 0.1, 0.2) for i in range(40)]
    first = monte_carlo(lines, ["production"], 2000, 9)
    assert monte_carlo(lines, ["production"], 2000, 9) == first
    monkeypatch.setattr(uncertainty, "FACTOR_CACHE_BYTES", 1)  # one factor kept: the rest drawn again
    assert monte_carlo(lines, ["production"], 2000, 9) == first
    assert monte_carlo(lines, ["production"], 2000, 10) != first


def test_the_basic_uncertainties_used_are_recorded():
    data = fixture_data("two-products.toml")
    (a, _) = calculated(data).products
    assert [(b.kind, b.gsd2, b.lines) for b in a.uncertainty.basic] == [("inventory", 1.05, 4),
                                                                        ("transport", 2.0, 3)]
