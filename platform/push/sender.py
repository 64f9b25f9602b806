"""Post one encrypted message to a browser's push service (pywebpush: aes128gcm, signed with VAPID)."""
import json

import requests
from django.conf import settings
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush

from push import keys, rules


def _session() -> requests.Session:
    session = requests.Session()
    session.max_redirects = 0  # a push service answers; it never sends the server on to another address
    return session


def send(subscription, data: dict) -> int | None:
    """Send `data` (JSON) to the subscription's push service; the status it answered (None: no answer, the
    network error is raised as it was)."""
    try:
        response = webpush(
            subscription.as_webpush(), data=json.dumps(data, ensure_ascii=False),
            vapid_private_key=Vapid02(private_key=keys.private_key()),
            vapid_claims={"sub": settings.WEB_PUSH_SUBJECT}, ttl=rules.TIME_TO_LIVE,
            timeout=settings.WEB_PUSH_TIMEOUT, headers={"Urgency": "normal"}, requests_session=_session())
    except WebPushException as exc:
        if exc.response is None:
            raise
        return exc.response.status_code
    return response.status_code
