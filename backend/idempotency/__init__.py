"""Replaying the stored answer when a client retries a state-changing call."""
