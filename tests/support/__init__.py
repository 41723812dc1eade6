"""Support code shared by the tests (not tests themselves)."""
