"""Closing weeks become closing periods by dates: each run of consecutive closing weeks with the same note
becomes one period from its Monday to its Sunday."""
from datetime import date, timedelta

from django.db import migrations, models


def weeks_to_periods(apps, schema_editor):
    ClosingWeek = apps.get_model("location_calendar", "ClosingWeek")
    ClosingPeriod = apps.get_model("location_calendar", "ClosingPeriod")
    runs = []
    for row in ClosingWeek.objects.order_by("year", "week"):
        monday = date.fromisocalendar(row.year, row.week, 1)
        if runs and runs[-1][1] + timedelta(days=1) == monday and runs[-1][2] == row.note:
            runs[-1][1] = monday + timedelta(days=6)
        else:
            runs.append([monday, monday + timedelta(days=6), row.note])
    ClosingPeriod.objects.bulk_create(ClosingPeriod(start_date=a, end_date=b, note=n) for a, b, n in runs)


class Migration(migrations.Migration):

    dependencies = [
        ("location_calendar", "0002_references_to_people_without_constraint"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClosingPeriod",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("start_date", models.DateField(verbose_name="first closed day")),
                ("end_date", models.DateField(verbose_name="last closed day")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="note")),
            ],
            options={
                "verbose_name": "closing period",
                "ordering": ["start_date"],
                "constraints": [models.CheckConstraint(condition=models.Q(("end_date__gte", models.F("start_date"))),
                                                       name="calendar_closing_period_order")],
            },
        ),
        migrations.RunPython(weeks_to_periods, migrations.RunPython.noop),
        migrations.DeleteModel(name="ClosingWeek"),
    ]
