"""The Help page: what the rules, scores, methods and flags mean, opened at the page in use."""
