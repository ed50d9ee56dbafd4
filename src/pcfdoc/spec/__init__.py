"""Reading and describing a spec (stage 1, load).

In comes a TOML file (or the text of one git revision of it); out comes a
:class:`~pcfdoc.spec.load.SpecSource`: the parsed data, its text and the line
of every key. Besides loading, this package describes the spec format: the
declarative schema and its fields (``schema``, ``fields``), schema errors in a
spec author's words (``schema_errors``), the factor libraries a spec draws on
(``library``), the generated README reference (``reference``) and the starter
spec (``starter``); and it derives specs from a spec: one per model of a product
family (``variants``), a product changed by a scenario (``scenarios``). The
validated spec that the checks hand on is typed here too (``valid``).
"""
