"""Helpers for the push tests: a browser's subscription, and the push service's answers recorded (`responses`)."""
import re

import pytest
import responses as responses_lib

from tests.push.push_service import BrowserKeys

ENDPOINT = "https://fcm.googleapis.com/fcm/send/"


@pytest.fixture
def browser_subscription():
    """browser_subscription(user, kinds=None) -> (subscription, keys): a device of `user` with notifications on."""
    from push import services

    made = []

    def make(user, kinds=None, name=None):
        keys = BrowserKeys()
        endpoint = ENDPOINT + (name or f"device-{user.pk}-{len(made)}")
        subscription, _created = services.subscribe(user=user, endpoint=endpoint, p256dh=keys.p256dh,
                                                    auth=keys.auth, kinds=kinds,
                                                    user_agent="Mozilla/5.0 (Linux; Android 14) Chrome/130.0")
        made.append(subscription)
        return subscription, keys

    return make


class RecordedPushService:
    """Answers every POST to the push service with the next of `answers` (201 once they run out)."""

    def __init__(self, recorded):
        self.recorded = recorded
        self.answers: list = []

    def answer(self, request):
        answer = self.answers.pop(0) if self.answers else 201
        if isinstance(answer, Exception):
            raise answer
        return answer, {}, ""

    @property
    def calls(self):
        return [call.request for call in self.recorded.calls]


@pytest.fixture
def push_service():
    with responses_lib.RequestsMock(assert_all_requests_are_fired=False) as recorded:
        service = RecordedPushService(recorded)
        recorded.add_callback(responses_lib.POST, re.compile(r"https://fcm\.googleapis\.com/.*"),
                              callback=service.answer)
        yield service
