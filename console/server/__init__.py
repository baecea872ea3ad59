"""``console serve``: the one trusted service between the desktops and the database."""
