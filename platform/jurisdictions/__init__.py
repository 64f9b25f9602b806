"""What differs between the places the cooperative works (rechtsgebieden): one policy entry per
jurisdiction, in the shape of a table (healthchecks' TRANSPORTS). Code asks `policy(location.jurisdiction)`
for a value or a rule and never branches on a jurisdiction's code.

Adding a jurisdiction (Brussels, Wallonia) means adding a module with its `POLICY` and one line in
`POLICIES` (and its choice on the location model); nothing else. Plain Python, no Django: the `rules`
modules use it too.
"""
from jurisdictions import be_vlg, nl
from jurisdictions.base import Fees, Policy

POLICIES: dict[str, Policy] = {entry.code: entry for entry in (nl.POLICY, be_vlg.POLICY)}
CODES = tuple(POLICIES)
DEFAULT = nl.POLICY.code


def policy(code: str | None) -> Policy:
    """The policy of a jurisdiction code; an unknown or empty code is refused, never guessed."""
    try:
        return POLICIES[code]
    except KeyError:
        raise LookupError(f"no jurisdiction policy for {code!r}") from None


__all__ = ["CODES", "DEFAULT", "POLICIES", "Fees", "Policy", "policy"]
