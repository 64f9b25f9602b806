"""Fixtures of the filings tests: the billing fixtures (rates, a group, contracts at location A)."""
from tests.billing.conftest import _english, billing, flemish_a  # noqa: F401 (fixtures re-exported)
