"""One module per filing kind (billing.filings.kinds): `build(start, end, location) -> Built`. Each writes its
file from the data the product holds and lists what stops it from leaving (rules.Problem)."""
