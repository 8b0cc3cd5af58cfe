"""Installed as the package ``kg._schemas`` (see pyproject.toml), so these files ship in the wheel."""
