"""The complaint tally and the triggers that keep it (complaint_reports.tally), filled from the facts stored.

The triggers' SQL is generated from the complaint rules' lists; a change to those lists needs a migration that
adds the columns and runs `tally.trigger_sql()` again (it replaces the functions)."""
import django.db.models.deletion
from django.db import migrations, models

from complaint_reports import tally


class Migration(migrations.Migration):

    dependencies = [
        ('complaint_reports', '0001_initial'),
        ('cooperative', '0002_job_runs'),
    ]

    operations = [
        migrations.CreateModel(
            name='ComplaintTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField()),
                ('kind', models.CharField(max_length=20)),
                ('region', models.CharField(blank=True, max_length=100)),
                ('active', models.BooleanField()),
                ('conduct_complaints', models.PositiveIntegerField(default=0)),
                ('conduct_judged', models.PositiveIntegerField(default=0)),
                ('conduct_on_time', models.PositiveIntegerField(default=0)),
                ('conduct_escalated', models.PositiveIntegerField(default=0)),
                ('conduct_handling_days', models.PositiveIntegerField(default=0)),
                ('conduct_measures', models.PositiveIntegerField(default=0)),
                ('method_complaints', models.PositiveIntegerField(default=0)),
                ('method_judged', models.PositiveIntegerField(default=0)),
                ('method_on_time', models.PositiveIntegerField(default=0)),
                ('method_escalated', models.PositiveIntegerField(default=0)),
                ('method_handling_days', models.PositiveIntegerField(default=0)),
                ('method_measures', models.PositiveIntegerField(default=0)),
                ('agreement_complaints', models.PositiveIntegerField(default=0)),
                ('agreement_judged', models.PositiveIntegerField(default=0)),
                ('agreement_on_time', models.PositiveIntegerField(default=0)),
                ('agreement_escalated', models.PositiveIntegerField(default=0)),
                ('agreement_handling_days', models.PositiveIntegerField(default=0)),
                ('agreement_measures', models.PositiveIntegerField(default=0)),
                ('outcome_founded', models.PositiveIntegerField(default=0)),
                ('outcome_partly_founded', models.PositiveIntegerField(default=0)),
                ('outcome_unfounded', models.PositiveIntegerField(default=0)),
                ('outcome_resolved', models.PositiveIntegerField(default=0)),
                ('state_received', models.PositiveIntegerField(default=0)),
                ('state_acknowledged', models.PositiveIntegerField(default=0)),
                ('state_investigating', models.PositiveIntegerField(default=0)),
                ('state_judged', models.PositiveIntegerField(default=0)),
                ('state_closed', models.PositiveIntegerField(default=0)),
                ('state_escalated', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'complaint tally',
            },
        ),
        migrations.AddIndex(
            model_name='complaintfact',
            index=models.Index(condition=models.Q(('judged_on__isnull', True)), fields=['year', 'deadline'], name='fact_open_by_deadline'),
        ),
        migrations.AddConstraint(
            model_name='complaintfact',
            constraint=models.CheckConstraint(condition=models.Q(('subject__in', ('conduct', 'method', 'agreement'))), name='fact_subject_known'),
        ),
        migrations.AddConstraint(
            model_name='complaintfact',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ('received', 'acknowledged', 'investigating', 'judged', 'closed', 'escalated'))), name='fact_state_known'),
        ),
        migrations.AddConstraint(
            model_name='complaintfact',
            constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ('', 'founded', 'partly_founded', 'unfounded', 'resolved'))), name='fact_outcome_known'),
        ),
        migrations.AddField(
            model_name='complainttally',
            name='location',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='complaint_tallies', to='cooperative.location'),
        ),
        migrations.AddConstraint(
            model_name='complainttally',
            constraint=models.UniqueConstraint(fields=('year', 'location'), name='one_tally_per_location_year'),
        ),
        migrations.RunSQL(tally.trigger_sql(), tally.drop_trigger_sql()),
        migrations.RunSQL(tally.backfill_sql(), migrations.RunSQL.noop),
    ]
