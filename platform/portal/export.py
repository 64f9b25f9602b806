"""The parent's own-data archive (GDPR art. 15 and 20): one zip with data.json (machine-readable), index.html
(readable), and the files the product holds: signed contracts, invoices and handover photos.

It covers every location where the person is a parent, read in that location's schema, and only what is
about them and their own children: nothing of other families.
"""
import io
import json
import zipfile
from datetime import date, datetime, time
from decimal import Decimal

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation

from config.languages import reader_language

SKIP_FIELDS = {"document", "signed_document", "pdf", "file"}


def _value(value):
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return None
    return value


def record(obj, exclude=()) -> dict:
    """The concrete fields of a model instance as JSON values (foreign keys as ids, binary data left out)."""
    data = {}
    for f in obj._meta.concrete_fields:
        if f.name in SKIP_FIELDS or f.name in exclude or isinstance(f, models.BinaryField):
            continue
        data[f.attname if isinstance(f, models.ForeignKey) else f.name] = _value(getattr(obj, f.attname))
    return data


def _location_data(user, location, files: dict) -> dict:
    from billing.payments.models import Mandate
    from billing.tariffs.models import IncomeCertificate, RegisteredHours
    from tenants.attendance.models import Absence, AttendanceRecord, ExtraDayRequest, SwapRequest, TimeDispute
    from tenants.children.models import Child, ChildChange, CorrectionRequest
    from tenants.contracts.models import ChangeRequest, Contract
    from tenants.handover.models import Handover
    from tenants.messages.models import Conversation
    from tenants.surveys.models import Participation, Response

    children = list(Child.objects.filter(guardians=user).prefetch_related("pickup_persons", "custody_notes",
                                                                          "guardians"))
    ids = [c.pk for c in children]
    prefix = location.slug
    data = {"location": {"name": location.name, "kind": location.kind, "city": location.city,
                         "lrk_numbers": location.lrk_numbers}, "children": []}
    for child in children:
        entry = record(child)
        entry["guardians"] = [g.full_name for g in child.guardians.all()]
        entry["pickup_persons"] = [record(p, exclude=("child",)) for p in child.pickup_persons.all()]
        entry["custody_notes"] = [record(n, exclude=("child",)) for n in child.custody_notes.all()]
        data["children"].append(entry)
    data["change_log"] = [record(c, exclude=("actor",)) for c in ChildChange.objects.filter(child_id__in=ids)]
    data["correction_requests"] = [record(c) for c in CorrectionRequest.objects.filter(child_id__in=ids)]

    contracts = []
    for contract in Contract.objects.filter(child_id__in=ids).prefetch_related("versions"):
        entry = record(contract)
        entry["versions"] = []
        for version in contract.versions.all():
            entry["versions"].append(record(version))
            pdf = version.signed_document or version.document
            if pdf:
                files[f"{prefix}/contracts/contract-{contract.pk}-v{version.number}.pdf"] = bytes(pdf)
        contracts.append(entry)
    data["contracts"] = contracts
    data["contract_change_requests"] = [record(r) for r in ChangeRequest.objects.filter(contract__child_id__in=ids)]
    data["registered_hours"] = [record(h) for h in RegisteredHours.objects.filter(contract__child_id__in=ids)]
    data["income_certificates"] = [record(c) for c in IncomeCertificate.objects.filter(child_id__in=ids)]
    data["direct_debit_mandates"] = [record(m) for m in Mandate.objects.filter(parent=user)]

    data["attendance"] = [record(r) for r in AttendanceRecord.objects.filter(child_id__in=ids)]
    data["absences"] = [record(a) for a in Absence.objects.filter(child_id__in=ids)]
    data["extra_days"] = [record(e) for e in ExtraDayRequest.objects.filter(child_id__in=ids)]
    data["swaps"] = [record(e) for e in SwapRequest.objects.filter(child_id__in=ids)]
    data["time_disputes"] = [record(d) for d in TimeDispute.objects.filter(record__child_id__in=ids)]

    handovers = []
    for handover in Handover.objects.filter(child_id__in=ids).prefetch_related("photos", "replies"):
        entry = record(handover)
        entry["replies"] = [record(r, exclude=("handover",)) for r in handover.replies.all()]
        entry["photos"] = []
        for photo in handover.photos.all():
            name = f"{prefix}/photos/handover-{handover.pk}-{photo.pk}.{photo.file.name.rsplit('.', 1)[-1]}"
            try:
                with photo.file.open("rb") as fh:
                    files[name] = fh.read()
                entry["photos"].append(name)
            except FileNotFoundError:
                entry["photos"].append(None)
        handovers.append(entry)
    data["handovers"] = handovers

    from tenants.child_following.models import Consent, Observation, Summary

    data["observations"] = [record(o, exclude=("written_by",)) for o in Observation.objects.filter(child_id__in=ids)]
    data["following_summaries"] = []
    for summary in Summary.objects.filter(child_id__in=ids).prefetch_related("responses"):
        entry = record(summary, exclude=("written_by",))
        entry["parent_responses"] = [record(r, exclude=("summary",)) for r in summary.responses.all()
                                     if r.user_id == user.pk]
        data["following_summaries"].append(entry)
    data["following_consents"] = [record(c, exclude=("given_by",)) for c in Consent.objects.filter(child_id__in=ids)]

    from tenants.house_rules.models import Acknowledgement

    data["house_rules_acknowledged"] = [{"version": a.version.number, "acknowledged_at": a.acknowledged_at.isoformat()}
                                        for a in Acknowledgement.objects.filter(user=user).select_related("version")]

    conversations = []
    for conversation in Conversation.objects.filter(child_id__in=ids).prefetch_related("messages"):
        entry = record(conversation)
        entry["messages"] = [record(m, exclude=("conversation",)) for m in conversation.messages.all()]
        conversations.append(entry)
    data["conversations"] = conversations
    data["surveys_answered"] = [{"survey": p.survey.title, "answered_on": p.answered_on.isoformat()}
                                for p in Participation.objects.filter(user=user).select_related("survey")]
    data["named_survey_answers"] = [
        {"survey": r.survey.title, "answers": [{"question": a.question.text, "score": a.score, "text": a.text}
                                               for a in r.answers.all()]}
        for r in Response.objects.filter(respondent=user).select_related("survey").prefetch_related(
            "answers__question")]

    try:
        from billing.invoices.models import AnnualStatement, Invoice
    except ImportError:  # pragma: no cover - billing is installed everywhere
        Invoice = AnnualStatement = None
    if Invoice is not None:
        invoices = []
        for invoice in Invoice.objects.filter(child_id__in=ids).prefetch_related("lines"):
            entry = record(invoice)
            entry["lines"] = [record(line, exclude=("invoice",)) for line in invoice.lines.all()]
            invoices.append(entry)
            if invoice.number is not None and invoice.status != Invoice.Status.DRAFT:
                # Rendered and stored here when nobody opened it yet (billing.invoices.services.invoice_pdf).
                from billing.invoices.services import invoice_pdf

                files[f"{prefix}/invoices/invoice-{invoice.display_number}.pdf"] = invoice_pdf(invoice)
        data["invoices"] = invoices
        data["annual_statements"] = [record(s) for s in AnnualStatement.objects.filter(child_id__in=ids)]
    return data


def collect(user) -> tuple[dict, dict[str, bytes]]:
    """(data, files) about `user` and their children at every location where they are a parent."""
    from accounts.models import Membership
    from portal.models import DeletionRequest
    from portal.selectors import _open_schema, parent_locations

    files: dict[str, bytes] = {}
    data = {
        "generated_at": timezone.now().isoformat(),
        "person": {"full_name": user.full_name, "email": user.email, "language": user.language,
                   "date_joined": user.date_joined.isoformat()},
        "memberships": [{"location": m.location.name, "role": m.role, "active": m.is_active,
                         "since": m.created_at.isoformat()}
                        for m in Membership.objects.filter(user=user).select_related("location")],
        "deletion_requests": [record(r, exclude=("user", "handled_by"))
                              for r in DeletionRequest.objects.filter(user=user)],
        "locations": [],
    }
    for location in parent_locations(user):
        with _open_schema(location.schema_name):
            data["locations"].append(_location_data(user, location, files))
    return data, files


def build_archive(user) -> bytes:
    data, files = collect(user)
    with translation.override(reader_language(user.language)):  # the readable page in the person's language
        html = render_to_string("portal/export.html", {"data": data, "files": sorted(files),
                                                       "pretty": json.dumps(data, indent=2, ensure_ascii=False)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        archive.writestr("index.html", html)
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


