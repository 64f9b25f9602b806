"""Direct-debit collection goes on past a location whose schema is broken, and the rerun for the failed
ones only collects there without starting a second debit anywhere else."""
from billing.membership.models import ConnectedAccount
from billing.payments import services, tasks
from tests.cooperative.conftest import break_table, open_failures, ours
from tests.payments.conftest import make_invoice
from tests.tenants.conftest import in_schema

ACCOUNTS = {"alpha": "acct_1RecAlpha00001", "beta": "acct_1RecBeta000001"}


def test_collection_goes_on_past_a_broken_location_and_reruns_it_alone(world, recorded_stripe):
    for site in (world.a, world.b):
        ConnectedAccount.objects.create(location=site.location, account_id=ACCOUNTS[site.location.slug],
                                        details_submitted=True, charges_enabled=True, payouts_enabled=True)
        with in_schema(site):
            services.give_mandate(parent=site.parent, account_holder="Ouder", iban="NL91ABNA0417164300",
                                  location=site.location)
        make_invoice(site)
    repair = break_table(world.a, "payments_payment")

    result = tasks.collect_direct_debits.run()
    assert ours(result["failed"]) == {"alpha"} and result["done"]["beta"] == 1
    debits = recorded_stripe.calls("POST", "/v1/payment_intents")
    assert [call.stripe_account for call in debits] == [ACCOUNTS["beta"]]
    assert open_failures("direct-debits") == {"alpha": "django.db.utils.ProgrammingError"}

    repair()
    again = tasks.collect_direct_debits.run(only_failed=True)
    assert again["done"] == {"alpha": 1} and again["failed"] == {}
    debits = recorded_stripe.calls("POST", "/v1/payment_intents")
    assert [call.stripe_account for call in debits] == [ACCOUNTS["beta"], ACCOUNTS["alpha"]]
    assert open_failures("direct-debits") == {}
