"""Moving a location to another worker while people use it (issue 21, point 2): `citus_schema_move` copies
the schema by logical replication and switches over under a short lock; a bounded stream of requests
running all the while — a parent writing messages and reading the conversation — meets no error, and every
message written is there afterwards, once.

The move reads committed rows from connections of its own, so this test works outside the test's
transaction: everything runs in threads of its own (each with its own, autocommitting connection) and the
location is removed at the end."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from django.test import Client
from django_tenants.utils import schema_context

from tests.citus.conftest import in_a_thread, move, worker_of, worker_ports
from tests.conftest import make_user

SLUG = "verhuis"


def _provision():
    from accounts.models import Membership
    from cooperative.services import NewLocation, provision_location
    from tenants.children.services import create_child
    from tenants.messages import services as messages

    location = provision_location(NewLocation(
        name="Verhuizende Vlinder", slug=SLUG, kind="kdv", jurisdiction="NL",
        entrepreneur_email=f"owner@{SLUG}.test", entrepreneur_name="Owner Vlinder",
        lrk_numbers={"kdv": "123456781"}), send_invitation=False)
    parent = make_user(f"parent@{SLUG}.test", "Parent Vlinder")
    Membership.objects.get_or_create(user=parent, location=location, role="parent")
    with schema_context(location.schema_name):
        child = create_child(first_name="Vera", last_name="Vlinder", birth_date=date(2024, 2, 1),
                             guardians=[parent])
        conversation = messages.start_conversation(child, by=parent, roles={"parent"}, subject="Verhuizing",
                                                   body="Eerste bericht", recipient="entrepreneur")
    return location, parent, conversation.pk


def _remove(location) -> None:
    from cooperative.models import Location
    from cooperative.schemas import drop_schema

    drop_schema(location.schema_name)
    Location.objects.filter(pk=location.pk).delete()


def _bodies(location) -> list[str]:
    """The text of every stored message (a list: a message stored twice counts twice)."""
    from tenants.messages.models import Message

    with schema_context(location.schema_name):
        return list(Message.objects.values_list("body", flat=True))


def _stream(parent, conversation, until: threading.Event) -> tuple[list, dict[str, float]]:
    """A parent writing and reading messages until the move is over (and five writes at least). Returns the
    answers and each stored message's text with the moment its answer came."""
    client = Client(HTTP_HOST=f"{SLUG}.localhost")
    client.force_login(parent)
    answers, stored_at = [], {}
    deadline = time.monotonic() + 180
    while (not until.is_set() or len(stored_at) < 5) and time.monotonic() < deadline:
        body = f"Bericht {len(answers)}"
        response = client.post(f"/messages/{conversation}/", {"body": body})
        stored = response.status_code == 302 and response["Location"].endswith(f"/messages/{conversation}/")
        # Only the redirect back to the thread means a stored message; any other answer is kept with where it
        # pointed, so that a failure says what the parent got.
        answers.append(302 if stored else f"{response.status_code} {response.get('Location', '')}")
        if stored:
            stored_at[body] = time.monotonic()
        answers.append(client.get(f"/messages/{conversation}/").status_code)
    return answers, stored_at


def test_a_location_moves_to_another_worker_without_losing_a_request_or_a_write(django_db_blocker):
    with django_db_blocker.unblock():
        location, parent, conversation = in_a_thread(_provision)
        try:
            before = in_a_thread(worker_of, location.schema_name)
            target = next(port for port in worker_ports() if port != before)
            written_before = len(in_a_thread(_bodies, location))
            moved = threading.Event()
            with ThreadPoolExecutor(max_workers=1) as pool:
                stream = pool.submit(lambda: in_a_thread(_stream, parent, conversation, moved))
                try:
                    in_a_thread(move, location.schema_name, target)
                finally:
                    moved.set()
                    switched = time.monotonic()
                answers, stored_at = stream.result()
            assert in_a_thread(worker_of, location.schema_name) == target
            assert set(answers) <= {200, 302}, answers
            assert len(stored_at) >= 5
            there = in_a_thread(_bodies, location)
            counted = len(there)
            # Lost, or not yet visible? Say which messages are missing, when their answers came (seconds before
            # the move returned), and count again after a pause.
            stored = set(there)
            missing = {body: round(switched - at, 3) for body, at in stored_at.items() if body not in stored}
            if counted != written_before + len(stored_at) or missing:
                time.sleep(5)
                later = len(in_a_thread(_bodies, location))
                raise AssertionError(f"{written_before} + {len(stored_at)} written, {counted} counted right after "
                                     f"the move, {later} five seconds later; missing: {missing}")
        finally:
            in_a_thread(_remove, location)
