"""The Anzen marketplace service: data, domain rules, HTTP API and CLI."""

__version__ = "0.1.0"
