"""One contract's month as billing sees it (the "care month").

`selectors.care_month` reads, once, everything a tariff needs for a contract and a month into the plain
values of `values` (no Django); `billing.tariffs.rules.invoice_lines` turns such a value into invoice
lines; `billing.invoices.services` numbers, stores and sends them. Nothing else reads the plan, the
register or the calendar for an invoice.
"""
