"""Helpers shared by the integration tests (Python standard library only)."""
