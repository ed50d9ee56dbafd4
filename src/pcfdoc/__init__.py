"""pcfdoc: product carbon footprint reports from one validated TOML spec."""

__version__ = "0.1.0"
