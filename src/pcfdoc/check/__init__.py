"""Validation (stage 2): the schema, then every meaning check; all problems at once.

In comes a :class:`~pcfdoc.spec.load.SpecSource`; out comes a
:class:`~pcfdoc.spec.valid.ValidSpec` (the spec as a tree of nodes, its resolved
factor table and its warnings), or a SpecInvalidError listing every problem with
its path and line. ``validate`` runs the stage; ``meaning`` lists the checks, one
module per subject (inventory, report, company, boundary, factors, improvements,
scenarios, variants, cut-off, the [pact] table). ``results`` holds the checks that need
calculated results: they run after the calculation and add to the same warnings.
"""
