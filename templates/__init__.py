"""Report templates shipped with pcfdoc: <language>/report.docx (a package so installs carry them)."""
