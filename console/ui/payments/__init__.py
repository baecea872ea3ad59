"""Paying: the payment dialog, card entry, receipts."""
