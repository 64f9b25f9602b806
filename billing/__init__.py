"""Money: everything a location charges and everything the cooperative charges its locations.

- `billing.tariffs`: a location's hourly rates (NL) and income-related day prices (Flanders), extras
  such as meals and travel costs, and the rules that turn a contract into a monthly fee;
- `billing.invoices`: monthly invoicing of parents, reminders and dunning, annual statements
  (jaaropgave) and fiscal certificates;
- `billing.payments`: Stripe (each location a connected account; SEPA Direct Debit and iDEAL for
  parents) and SEPA direct-debit files (pain.008) for locations that collect through their own bank;
- `billing.membership`: the membership fee each location pays the cooperative.

Amounts are `Decimal` euros with cent precision; the calculations are plain functions in a `rules`
module of the app that owns them.
"""
