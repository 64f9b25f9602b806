"""The texts the cooperative starts with (migration 0002): the checklists of both visit types and the quality
document types. They are stored in English, as written there; a page shows a stored text that is still one of these
in the reader's language (the models' `*_label`), and a text the cooperative has rewritten as it was written."""
from django.utils.translation import gettext_noop

DEFAULT_TEXTS = (
    # Checklist titles
    gettext_noop("Pedagogical quality visit"),
    gettext_noop("Business visit"),
    # Checklist sections
    gettext_noop("Pedagogical policy"),
    gettext_noop("Emotional safety"),
    gettext_noop("Development"),
    gettext_noop("Groups"),
    gettext_noop("Parents"),
    gettext_noop("Meldcode"),
    gettext_noop("Safety and health"),
    gettext_noop("Backup"),
    gettext_noop("Laws and rules"),
    gettext_noop("Entrepreneurship"),
    # Checklist questions
    gettext_noop("The pedagogical policy plan is current and known to the staff."),
    gettext_noop("The daily practice matches the pedagogical policy plan."),
    gettext_noop("Each child has a familiar carer (mentor) and the parents know who it is."),
    gettext_noop("The development of each child is followed and discussed with the parents."),
    gettext_noop("Group size and the professional-child ratio meet the rules at the observed moments."),
    gettext_noop("The daily handover to parents covers eating, sleeping and behaviour."),
    gettext_noop("The reporting code (meldcode) is present and the entrepreneur knows the three routes."),
    gettext_noop("The safety and health policy is current, with the risks and measures."),
    gettext_noop("A first-aid certificate for children is current."),
    gettext_noop("For more than three children a backup person is reachable and on site within 15 minutes."),
    gettext_noop("The LRK registration is correct and shown on invoices and annual statements."),
    gettext_noop("The complaint regulation is published and the annual complaint report was sent."),
    gettext_noop("The GGD inspection report is published and its findings are followed up."),
    gettext_noop("The closing weeks and holidays for this year have been published to the parents."),
    gettext_noop("Insurances (liability, business) are in place."),
    # Quality document types
    gettext_noop("Pedagogical policy plan"),
    gettext_noop("Safety and health policy"),
    gettext_noop("Internal complaint regulation"),
)


def shown(text: str) -> str:
    """A stored text in the reader's language while it is one of the defaults; as written otherwise."""
    from django.utils.translation import gettext

    return gettext(text) if text in DEFAULT_TEXTS else text
