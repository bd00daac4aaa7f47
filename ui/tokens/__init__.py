"""The Tokens step: each team's token ledger, edited in a table, every edit undoable."""
