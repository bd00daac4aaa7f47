"""The Students step: the roster table, the import dialog, add / edit / drop a student."""
