"""The vocabulary every stage speaks: units and their conversions (pint), the IPCC GWP100 sets,
and the fixed catalogue of life-cycle stages, boundary types, standards and report languages.

Nothing comes in but pcfdoc's own data files (``data/units.txt``, ``data/gwp.toml``); what goes
out are names, conversion factors and lookups. These modules import nothing else of pcfdoc, so
any stage may use them.
"""
