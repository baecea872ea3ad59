"""The family file: members, sections, account, verification, SIN reveal."""
