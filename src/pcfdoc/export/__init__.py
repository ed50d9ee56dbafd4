"""Every view of a calculated spec besides the Word report: terminal tables and JSON for the
commands (``terminal``, ``json_view``), the calculation workbook (``xlsx``, its typed cells in
``cells``), PACT v3 records (``pact``) and the PDF (``pdf``).

In come results (with the validated spec where an output needs its facts); out come
printable tables, plain dicts or file bytes; nothing is written here. Each output is its
own module, imported where it is used, so that one output's dependencies are never loaded
for another: ``from pcfdoc.export.pact import pact_json``.
"""
