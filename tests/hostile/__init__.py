"""Helpers for tests/test_hostile.py: hostile inbox files made at test time, feed safety checks, strategies."""
