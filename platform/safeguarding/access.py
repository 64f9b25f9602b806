"""Loading a case for the person asking, or refusing with a 404: never a 403, so that a refusal does not confirm
that the case exists. An entrepreneur who asks for a case of her location in which she is involved gets the
same 404, and the attempt is recorded in the case's audit trail (which she cannot read)."""
from django.http import Http404

from accounts.roles import ENTREPRENEUR
from safeguarding import selectors, services
from safeguarding.models import Case, CaseAuditEntry


def entrepreneur_case_or_404(user, location, pk) -> Case:
    case = selectors.cases_for_entrepreneur(user, location).filter(pk=pk).first()
    if case is not None:
        return case
    refused = selectors.entrepreneur_refused(user, location, pk)
    if refused is not None:
        services.audit(refused, user, ENTREPRENEUR, CaseAuditEntry.Action.REFUSED)
    raise Http404
