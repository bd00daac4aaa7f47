"""Team formation with OR-Tools CP-SAT: plain data in, teams out (never imports teamtool)."""
