"""The window's mentor debriefs export (Export menu)."""
