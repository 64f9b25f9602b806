"""The operations drills (make test-ops): backups of one location restored into the running database, and the
whole database restored to a point in time with pgBackRest. They run on a throwaway PostgreSQL cluster that
infra/pgbackrest/drill-cluster.sh starts (never the machine's own server); `make test` leaves them out."""
import os

import pytest


def report(capsys, line: str) -> None:
    """A figure the drill measured, shown in the run's output (and kept in var/ops-drills.txt)."""
    with capsys.disabled():
        print(f"\n[ops] {line}")
    os.makedirs("var", exist_ok=True)
    with open("var/ops-drills.txt", "a") as figures:
        figures.write(line + "\n")


@pytest.fixture
def backup_root(tmp_path):
    return tmp_path / "backups"
