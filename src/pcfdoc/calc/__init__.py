"""The calculation (stage 3): a pure function from a validated spec to results.

In comes the validated spec tree and its factor table; out comes
:class:`~pcfdoc.calc.results.Results`: per product every line's emission by gas,
stage totals and shares, and what the analyses derive from them (ISO 14067 split,
cut-off, data quality, sensitivity, Monte Carlo uncertainty, scenarios, improvement
measures). No I/O and no formatting happen here; ``footprint.calculate`` is the
entry point, ``derive`` holds the quantities validation also needs, and ``diff``
compares the results of two versions of a spec.
"""
