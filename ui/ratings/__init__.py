"""The Ratings step of the window."""
