"""The searches: the time ``Plan``, the swap climb, LNS, the companion process, the polish.

Nothing here imports OR-Tools at package import: the companion process imports the climb."""
