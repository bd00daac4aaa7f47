"""Canvas: the gradebook export read as a roster and as one grade column, the gradebook import
CSV of adjusted grades. (The group-set import CSV is written by ``export/team_lists.py``.)"""
