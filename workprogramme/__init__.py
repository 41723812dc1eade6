"""Work programmes, the prioritisation tool, the decision tracker and programme updates: what a
scrutiny committee plans, what it asked for and what it was told, as data that plugs into the
agenda pack (README, "Adding an app")."""
