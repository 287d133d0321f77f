"""Transactions and their append-only escrow ledger."""
