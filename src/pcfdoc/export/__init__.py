"""Outputs of a calculated spec besides the Word report (PACT JSON, workbook, PDF).

Each output is its own module, imported where it is used, so that one output's
dependencies are never loaded for another: ``from pcfdoc.export.pact import pact_json``.
"""
