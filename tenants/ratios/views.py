"""The public ratio calculator page: a form on GET, the same form with the answer on POST."""
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from tenants.ratios.forms import RatioForm
from tenants.ratios.texts import translated


@login_not_required
def calculator(request):
    answer = None
    if request.method == "POST":
        form = RatioForm(request.POST)
        if form.is_valid():
            answer = translated(form.result())
        status = 200 if answer is not None else 400
    else:
        form = RatioForm(initial={"care_type": "kdv", "staff": 1})
        status = 200
    return render(request, "ratios/calculator.html", {"form": form, "answer": answer}, status=status)
