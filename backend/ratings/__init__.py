"""Two-way ratings after a transaction."""
