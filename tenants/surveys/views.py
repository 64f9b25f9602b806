"""Pages of surveys: the list (entrepreneur: every survey with its number of responses; parent: the open ones
still to answer), a new survey (entrepreneur), answering (parent) and the results (entrepreneur)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT
from config.service_errors import add_service_errors
from tenants.attendance.selectors import local_today
from tenants.surveys import forms, selectors, services
from tenants.surveys.models import Survey


class SurveyListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        today = local_today()
        context = {"today": today}
        if ENTREPRENEUR in request.roles:
            context["surveys"] = selectors.surveys_visible_to(request.user, {ENTREPRENEUR}, today)
        if PARENT in request.roles:
            context["to_answer"] = selectors.to_answer(request.user, today)
        return render(request, "surveys/list.html", context)


class SurveyCreateView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        return render(request, "surveys/form.html", {"form": forms.SurveyForm(initial={"opens_on": local_today()})})

    def post(self, request):
        form = forms.SurveyForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                survey = services.create_survey(by=request.user, title=data["title"], intro=data["intro"],
                                                questions=form.questions(), opens_on=data["opens_on"],
                                                closes_on=data["closes_on"], anonymous=data["anonymous"])
            except ValidationError as exc:
                add_service_errors(form, exc, rename={"questions": "scale_questions"})
            else:
                messages.success(request, _("The survey is open for the parents."))
                return redirect("survey-results-page", pk=survey.pk)
        return render(request, "surveys/form.html", {"form": form}, status=400)


class AnswerView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def survey(self, request, pk):
        return get_object_or_404(selectors.surveys_visible_to(request.user, {PARENT}, local_today()), pk=pk)

    def page(self, request, survey, form, status=200):
        return render(request, "surveys/answer.html", {"survey": survey, "form": form}, status=status)

    def get(self, request, pk):
        survey = self.survey(request, pk)
        return self.page(request, survey, forms.AnswerForm(questions=survey.questions.all()))

    def post(self, request, pk):
        survey = self.survey(request, pk)
        form = forms.AnswerForm(request.POST, questions=survey.questions.all())
        if form.is_valid():
            try:
                services.answer(survey, by=request.user, answers=form.answers(), today=local_today())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Thank you for your answers."))
                return redirect("surveys")
        return self.page(request, survey, form, status=400)


class AnswerCoopView(RoleRequiredMixin, View):
    """A cooperative survey: answered through this location's copy of it."""

    allowed_roles = (PARENT,)

    def get(self, request, pk):
        from portal.models import CoopSurvey

        coop = get_object_or_404(CoopSurvey, pk=pk)
        survey = services.local_copy(coop)
        return redirect("survey-answer-page", pk=survey.pk)


class ResultsView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        survey = get_object_or_404(Survey, pk=pk)
        return render(request, "surveys/results.html", selectors.results(survey))
