"""Use cases: one public function = one transaction, role check and audit entry included.

Services take plain values and return frozen dataclasses, never ORM objects.
"""
